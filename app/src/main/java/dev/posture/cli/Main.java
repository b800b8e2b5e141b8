package dev.posture.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** The entry point: runs the command line and exits with its code. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, false, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    int code;
    try {
      code = PostureCli.run(args, out, err, System.in);
    } catch (OutOfMemoryError e) { // every input is bounded; this is a bound set too high for the heap
      err.println("posture: internal error: out of memory; give Java more with JAVA_TOOL_OPTIONS=-Xmx2g");
      code = ExitCode.INTERNAL_ERROR;
    }
    System.exit(code);
  }
}
