package dev.posture.cli;

import dev.posture.input.InputException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;

/**
 * Builds the command line and runs it. Tests, the shell and {@link Main} all go through {@link #run},
 * which returns the exit code and never exits the JVM.
 */
public final class PostureCli {
  private PostureCli() {}

  public static CommandLine commandLine(PrintWriter out, PrintWriter err, InputStream in) {
    PostureCommand root = new PostureCommand(in);
    CommandLine cli = new CommandLine(root);
    cli.setOut(out);
    cli.setErr(err);
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setExecutionExceptionHandler(executionErrors(root));
    cli.setParameterExceptionHandler(usageErrors());
    return cli;
  }

  public static int run(String[] args, PrintWriter out, PrintWriter err, InputStream in) {
    return run(args, out, err, in, System.getenv(), Path.of("").toAbsolutePath());
  }

  /** Runs with option defaults from {@code env} ({@code POSTURE_*}) and {@code workingDir/posture.yaml}. */
  static int run(String[] args, PrintWriter out, PrintWriter err, InputStream in, Map<String, String> env, Path workingDir) {
    try {
      CommandLine cli = commandLine(out, err, in);
      cli.setDefaultValueProvider(PostureDefaults.load(env, workingDir, cli.getCommandSpec()));
      return cli.execute(args);
    } catch (InputException e) {
      err.println("posture: " + e.getMessage());
      return ExitCode.INVALID_INPUT;
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
      if (ex instanceof UsageException) {
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
