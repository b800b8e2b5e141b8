package dev.posture.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** The entry point: runs the command line and exits with its code. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, false, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    System.exit(PostureCli.run(args, out, err, System.in));
  }
}
