package dev.posture.cli;

import dev.posture.input.InputException;
import dev.posture.report.TerminalSafeWriter;
import dev.posture.state.RefusedEditException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntSupplier;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

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
    ValueConverters.register(cli);
    cli.setExecutionExceptionHandler(executionErrors(root));
    cli.setParameterExceptionHandler(usageErrors(PostureDefaults.NONE));
    return cli;
  }

  public static int run(String[] args, PrintWriter out, PrintWriter err, InputStream in) {
    return run(args, out, err, in, System.getenv(), Path.of("").toAbsolutePath(), Clock.systemUTC());
  }

  /**
   * Runs with option defaults from {@code env} ({@code POSTURE_*}) and {@code workingDir/posture.yaml},
   * on a given clock (tests fix "today").
   */
  static int run(String[] args, PrintWriter out, PrintWriter err, InputStream in, Map<String, String> env, Path workingDir,
      Clock clock) {
    return run(args, out, err, in, env, workingDir, clock, TerminalWidth::detect);
  }

  /** Runs in a terminal whose width {@code terminalColumns} gives (0 for none), as the shell does. */
  static int run(String[] args, PrintWriter out, PrintWriter err, InputStream in, Map<String, String> env, Path workingDir,
      Clock clock, IntSupplier terminalColumns) {
    Progress progress = Progress.forTerminal(err);
    // messages quote the inputs (a value that was not expected); they reach the terminal inert
    PrintWriter messages = new PrintWriter(new TerminalSafeWriter(err));
    try {
      CommandLine cli = commandLine(progress.guard(out), progress.guard(messages), in, clock);
      ((PostureCommand) cli.getCommand()).terminalColumns = terminalColumns;
      ((PostureCommand) cli.getCommand()).environment = env;
      cli.setExecutionStrategy(parsed -> {
        List<CommandLine> path = parsed.asCommandLineList();
        CommandLine command = path.get(path.size() - 1);
        // the shell waits for its user, not for work; the commands it runs show their own progress
        if (!(command.getCommand() instanceof ShellCommand)) {
          progress.start(command.getCommandSpec().qualifiedName(" "));
        }
        try {
          return new CommandLine.RunLast().execute(parsed);
        } finally {
          progress.stop();
        }
      });
      PostureDefaults defaults = PostureDefaults.load(env, workingDir, cli.getCommandSpec(), args);
      cli.setDefaultValueProvider(defaults);
      cli.setParameterExceptionHandler(usageErrors(defaults));
      return cli.execute(args);
    } catch (InputException e) {
      messages.println("posture: " + e.getMessage());
      return ExitCode.INVALID_INPUT;
    } finally {
      progress.stop();
      out.flush();
      messages.flush();
      err.flush();
    }
  }

  /**
   * A bad value that came from posture.yaml is invalid input in that file (3); one from a variable is
   * a usage error (2) that names the variable.
   */
  private static IParameterExceptionHandler usageErrors(PostureDefaults defaults) {
    return (ex, args) -> {
      CommandLine cmd = ex.getCommandLine();
      PrintWriter err = cmd.getErr();
      Optional<PostureDefaults.Setting> source = defaults.source(ex.getArgSpec())
          .filter(s -> !typed(ex.getArgSpec(), args));
      if (source.isPresent() && source.get().node() != null) {
        err.println("posture: " + source.get().node().error(ex.getMessage()).getMessage());
        return ExitCode.INVALID_INPUT;
      }
      err.println("posture: " + ex.getMessage() + source.map(s -> " (from " + s.variable() + ")").orElse(""));
      CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
      err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
      return ExitCode.USAGE;
    };
  }

  /** Whether the option was given on the command line, rather than taking a default. */
  private static boolean typed(ArgSpec arg, String[] args) {
    if (!(arg instanceof OptionSpec option)) {
      return true;
    }
    for (String a : args) {
      for (String name : option.names()) {
        if (a.equals(name) || a.startsWith(name + "=")) {
          return true;
        }
      }
    }
    return false;
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
