package dev.posture.cli;

import dev.posture.catalog.CatalogLoader;
import dev.posture.input.InputException;
import dev.posture.input.SchemaValidator;
import dev.posture.state.RefusedEditException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Builds the command line and runs it. Tests, the shell and {@link Main} all go through {@link #run},
 * which returns the exit code and never exits the JVM.
 */
public final class PostureCli {
  private PostureCli() {}

  static CommandLine commandLine(PrintWriter out, PrintWriter err, Invocation invocation) {
    return commandLine(out, err, invocation, List.of(), true);
  }

  /** The command line for {@code args}: the commands they name are built, the others only named (all of them when {@code all}). */
  private static CommandLine commandLine(PrintWriter out, PrintWriter err, Invocation invocation, List<String> args, boolean all) {
    PostureCommand root = new PostureCommand(invocation);
    CommandLine cli = new CommandLine(root, new CommandFactory(root));
    CommandTree.addCommands(cli, args, all);
    cli.setOut(out);
    cli.setErr(err);
    EnumConverter.registerAll(cli);
    ValueConverters.register(cli);
    cli.setColorScheme(Help.defaultColorScheme(invocation.terminal() && invocation.variable("NO_COLOR").isEmpty() ? Ansi.ON : Ansi.OFF));
    cli.setExecutionExceptionHandler(executionErrors(root));
    cli.setParameterExceptionHandler(usageErrors(PostureDefaults.NONE));
    return cli;
  }

  /** The command tree alone, for what reads its model (the shell's completion); it never runs. */
  static CommandSpec model() {
    Invocation none = new Invocation(InputStream.nullInputStream(), Map.of(), Path.of(""), Clock.systemUTC(), false, () -> 0);
    PrintWriter nowhere = new PrintWriter(Writer.nullWriter());
    return commandLine(nowhere, nowhere, none).getCommandSpec();
  }

  /**
   * Builds CEL's runtime and the snapshot's schema on another core while this one reads the command
   * line, the catalogue cache and the snapshot: a third of a sample's assessment. The thread does not
   * keep the process alive, and whoever needs either first waits for it.
   */
  private static void prepareOnTheSide() {
    Thread thread = new Thread(() -> {
      CatalogLoader.prepare();
      SchemaValidator.SNAPSHOT.prepare();
    }, "posture-prepare");
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * Runs {@code args} as {@code invocation} says: option defaults from its environment
   * ({@code POSTURE_*}) and its working folder's {@code posture.yaml}, on its clock.
   */
  static int run(String[] args, PrintWriter out, PrintWriter err, Invocation invocation) {
    if (CommandTree.loadsCatalogue(List.of(args))) {
      prepareOnTheSide();
    }
    Progress progress = invocation.terminal() ? Progress.timed(err) : Progress.NONE;
    PrintWriter messages = progress.guard(err);
    try {
      CommandLine cli = commandLine(progress.guard(out), messages, invocation, List.of(args), false);
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
      PostureDefaults defaults = PostureDefaults.load(invocation.env(), invocation.workingDir(), cli.getCommandSpec(), PostureCli::model, args);
      cli.setDefaultValueProvider(defaults);
      cli.setParameterExceptionHandler(usageErrors(defaults));
      return cli.execute(args);
    } catch (InputException e) {
      Messages.error(messages, e.getMessage());
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
        Messages.error(err, source.get().node().error(ex.getMessage()).getMessage());
        return ExitCode.INVALID_INPUT;
      }
      Optional<String> hint = UsageHints.of(ex, args);
      Messages.error(err, hint.orElse(ex.getMessage()) + source.map(s -> " (from " + s.variable() + ")").orElse(""));
      if (hint.isEmpty()) {
        CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
      }
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
        Messages.error(err, ex.getMessage());
        return ExitCode.INVALID_INPUT;
      }
      if (ex instanceof UsageException || ex instanceof RefusedEditException) {
        Messages.error(err, ex.getMessage());
        return ExitCode.USAGE;
      }
      if (ex instanceof GateFailedException) {
        Messages.error(err, "gate failed: " + ex.getMessage());
        return ExitCode.GATE_FAILED;
      }
      if (ex instanceof PermissionDeniedException) {
        Messages.error(err, "permission denied: " + ex.getMessage());
        return ExitCode.PERMISSION_DENIED;
      }
      Messages.error(err, "internal error: " + ex + (root.verbose ? "" : " (run with --verbose for details)"));
      if (root.verbose) {
        ex.printStackTrace(err);
      }
      return ExitCode.INTERNAL_ERROR;
    };
  }
}
