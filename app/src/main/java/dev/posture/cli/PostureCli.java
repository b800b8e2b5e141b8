package dev.posture.cli;

import dev.posture.input.InputException;
import dev.posture.state.RefusedEditException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.time.Clock;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;

/**
 * Builds the command line and runs it. Tests, the shell and {@link Main} all go through {@link #run},
 * which returns the exit code and never exits the JVM.
 */
public final class PostureCli {
  private PostureCli() {}

  public static CommandLine commandLine(PrintWriter out, PrintWriter err, InputStream in, Clock clock) {
    PostureCommand root = new PostureCommand(in, clock);
    CommandLine cli = new CommandLine(root);
    cli.setOut(out);
    cli.setErr(err);
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setExecutionExceptionHandler(executionErrors(root));
    cli.setParameterExceptionHandler(usageErrors());
    addHelpOptions(cli);
    return cli;
  }

  /** {@code --help} and {@code --version} on every subcommand, as the usage messages promise. */
  private static void addHelpOptions(CommandLine command) {
    for (CommandLine sub : command.getSubcommands().values()) {
      sub.getCommandSpec().mixinStandardHelpOptions(true);
      addHelpOptions(sub);
    }
  }

  public static int run(String[] args, PrintWriter out, PrintWriter err, InputStream in) {
    return run(args, out, err, in, Clock.systemUTC());
  }

  /** As {@link #run(String[], PrintWriter, PrintWriter, InputStream)}, on a given clock (tests fix "today"). */
  public static int run(String[] args, PrintWriter out, PrintWriter err, InputStream in, Clock clock) {
    try {
      return commandLine(out, err, in, clock).execute(args);
    } finally {
      out.flush();
      err.flush();
    }
  }

  private static IParameterExceptionHandler usageErrors() {
    return (ex, args) -> {
      CommandLine cmd = ex.getCommandLine();
      PrintWriter err = cmd.getErr();
      err.println("posture: " + ex.getMessage());
      CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
      err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
      return ExitCode.USAGE;
    };
  }

  private static IExecutionExceptionHandler executionErrors(PostureCommand root) {
    return (ex, cmd, parseResult) -> {
      PrintWriter err = cmd.getErr();
      if (ex instanceof InputException) {
        err.println("posture: " + ex.getMessage());
        return ExitCode.INVALID_INPUT;
      }
      if (ex instanceof UsageException || ex instanceof RefusedEditException) {
        err.println("posture: " + ex.getMessage());
        return ExitCode.USAGE;
      }
      if (ex instanceof GateFailedException) {
        err.println("posture: gate failed: " + ex.getMessage());
        return ExitCode.GATE_FAILED;
      }
      if (ex instanceof PermissionDeniedException) {
        err.println("posture: permission denied: " + ex.getMessage());
        return ExitCode.PERMISSION_DENIED;
      }
      err.println("posture: internal error: " + ex + (root.verbose ? "" : " (run with --verbose for details)"));
      if (root.verbose) {
        ex.printStackTrace(err);
      }
      return ExitCode.INTERNAL_ERROR;
    };
  }
}
