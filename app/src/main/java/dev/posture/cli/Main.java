package dev.posture.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/** The entry point: the one place that reads the process's streams, environment and terminal; runs the command line and exits with its code. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, false, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    Map<String, String> env = System.getenv();
    boolean terminal = System.console() != null;
    Invocation invocation = new Invocation(System.in, env, Path.of("").toAbsolutePath(), Clock.systemUTC(), terminal,
        terminal ? () -> TerminalWidth.detect(env) : () -> 0);
    int code;
    try {
      code = PostureCli.run(args, out, err, invocation);
    } catch (OutOfMemoryError e) { // every input is bounded; this is a bound set too high for the heap
      err.println("posture: internal error: out of memory; give Java more with JAVA_TOOL_OPTIONS=-Xmx2g");
      code = ExitCode.INTERNAL_ERROR;
    }
    System.exit(code);
  }
}
