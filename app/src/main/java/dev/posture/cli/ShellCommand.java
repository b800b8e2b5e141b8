package dev.posture.cli;

import dev.posture.input.InputException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.terminal.impl.DumbTerminal;
import org.jline.utils.InfoCmp;
import org.jline.utils.WriterOutputStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "shell",
    description = {
      "An interactive shell that runs posture's commands, with tab completion and a history.",
      "Started on a TENANT, the prompt shows its current score, and commands that take a tenant may leave it out.",
      "Besides posture's commands: reload (read the files again), clear, help, exit.",
      "Read from a pipe, it prints no prompt and exits with the code of the last command that failed."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  posture shell samples/contoso",
      "  Contoso Pharmaceuticals 177.87/336 52.94%%> actions show AdminMFAV2",
      "  Contoso Pharmaceuticals 177.87/336 52.94%%> status set OneAdmin --status planned",
      "  posture shell",
      "  posture> assess samples/northwind",
    })
final class ShellCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin TenantOptions tenant;
  @Mixin CatalogOption catalog;

  @Option(names = "--history", paramLabel = "FILE",
      description = "Where the command history is kept (default: $XDG_STATE_HOME/posture/history, else ~/.posture_history).")
  Path history;

  @Override
  public Integer call() throws IOException {
    if ("-".equals(tenant.tenant)) {
      throw new UsageException("the shell reads its commands from standard input; give a tenant folder or snapshot file");
    }
    ShellTenant session = new ShellTenant(tenant, catalog);
    CommandSpec commands = ShellCompleter.model();
    boolean interactive = tenant.root.invocation.terminal();
    try (Terminal terminal = terminal()) {
      LineReader reader = LineReaderBuilder.builder()
          .terminal(terminal)
          .appName("posture")
          .parser(new DefaultParser())
          .completer(new ShellCompleter(commands, () -> session))
          .variable(LineReader.HISTORY_FILE, historyFile())
          .build();
      PrintWriter out = terminal.writer();
      // read from a pipe, the shell is a script: no prompt, errors on standard error, and the exit code of the last failure
      PrintWriter err = interactive ? out : spec.commandLine().getErr();
      int failed = ExitCode.OK;
      while (true) {
        String line;
        try {
          // JLine reads % in a prompt as an escape
          line = reader.readLine(interactive ? session.prompt().replace("%", "%%") : "");
        } catch (UserInterruptException e) {
          continue;
        } catch (EndOfFileException e) {
          break;
        }
        List<String> words = reader.getParsedLine().words().stream().filter(w -> !w.isEmpty()).toList();
        if (words.isEmpty()) {
          continue;
        }
        int code = ExitCode.OK;
        switch (words.get(0)) {
          case "exit", "quit" -> {
            return interactive ? ExitCode.OK : failed;
          }
          case "reload" -> code = reread(() -> {
            session.reload();
            out.println("reloaded");
          }, err);
          case "clear" -> {
            if (interactive) {
              terminal.puts(InfoCmp.Capability.clear_screen);
            }
          }
          case "shell" -> {
            Messages.error(err, "this is the shell already; type exit to leave it");
            code = ExitCode.USAGE;
          }
          case "help" -> code = run(List.of("--help"), terminal, err);
          default -> {
            code = run(session.arguments(commands, words), terminal, err);
            int reread = reread(session::refreshIfChanged, err);
            code = code == ExitCode.OK ? reread : code;
          }
        }
        failed = code == ExitCode.OK ? failed : code;
        out.flush();
        err.flush();
      }
      return interactive ? ExitCode.OK : failed;
    }
  }

  /** Runs one command line in-process, as posture would from a terminal of this width; returns its exit code. */
  private int run(List<String> args, Terminal terminal, PrintWriter err) {
    return PostureCli.run(args.toArray(String[]::new), terminal.writer(), err, tenant.root.invocation.inShell(terminal::getWidth));
  }

  /** Reads the tenant again; when a file no longer reads, says why, keeps what the shell had and returns the code of invalid input. */
  private static int reread(Runnable reading, PrintWriter err) {
    try {
      reading.run();
      return ExitCode.OK;
    } catch (InputException e) {
      Messages.error(err, e.getMessage() + " (kept what was loaded before)");
      return ExitCode.INVALID_INPUT;
    }
  }

  /**
   * The terminal posture runs in; when standard input is no terminal (a script, a test), a dumb
   * one reading the commands from it and writing to the command's output.
   */
  private Terminal terminal() throws IOException {
    if (tenant.root.invocation.terminal()) {
      return TerminalBuilder.builder().system(true).build();
    }
    return new DumbTerminal("posture", Terminal.TYPE_DUMB, tenant.root.invocation.stdin(),
        new WriterOutputStream(spec.commandLine().getOut(), StandardCharsets.UTF_8), StandardCharsets.UTF_8);
  }

  private Path historyFile() {
    Invocation invocation = tenant.root.invocation;
    Path file = history;
    if (file == null) {
      file = invocation.variable("XDG_STATE_HOME").map(state -> Path.of(state, "posture", "history"))
          .or(() -> invocation.variable("HOME").map(home -> Path.of(home, ".posture_history")))
          .orElseThrow(() -> new UsageException("neither XDG_STATE_HOME nor HOME is set; give --history FILE for the shell's history"));
    }
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }
}
