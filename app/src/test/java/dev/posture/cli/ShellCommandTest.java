package dev.posture.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jline.reader.Candidate;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shell driven through a dumb JLine terminal: lines in, output out. Read from a pipe, as here, it
 * prints no prompt and exits with the code of the last command that failed.
 */
class ShellCommandTest {
  private static final String CONTOSO = "../samples/contoso";
  private static final String PROMPT = "Contoso Pharmaceuticals 175.62/336 52.27%> ";

  @TempDir Path dir;

  private Cli.Result shell(InputStream input, String... args) {
    List<String> all = new ArrayList<>(List.of("shell"));
    all.addAll(List.of(args));
    all.addAll(List.of("--history", dir.resolve("history").toString()));
    return Cli.runWithInput(input, all.toArray(String[]::new));
  }

  private Cli.Result shell(String input, String... args) {
    return shell(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), args);
  }

  @Test
  void runsACommandOnTheShellsTenantAndKeepsTheHistory() throws IOException {
    Cli.Result r = shell("actions show AdminMFAV2\nexit\n", CONTOSO).succeeded();

    assertThat(r.out())
        .startsWith("AdminMFAV2: Ensure multifactor authentication is enabled for all users in administrative roles\n")
        .contains("  Current state: 3 of 6 users covered\n")
        .endsWith("  History: none\n")
        .doesNotContain(PROMPT);
    assertThat(Files.readString(dir.resolve("history"))).contains("actions show AdminMFAV2");
  }

  @Test
  void aCommandGivenItsOwnTenantKeepsIt() {
    Cli.Result r = shell("assess ../samples/northwind --top 1\n", CONTOSO).succeeded();

    assertThat(r.out()).contains("Northwind Traders (").doesNotContain("Contoso Pharmaceuticals (");
  }

  @Test
  void settingAStatusChangesTheScoreInThePrompt() {
    Path tenant = Tenants.contoso(dir);
    ShellTenant session = session(tenant.toString());
    assertThat(session.prompt()).isEqualTo(PROMPT);

    Cli.Result r = shell("status set PWAgePolicyNew --status third-party --note \"Handled by the identity tool\""
        + " --actor megan.bowen@contoso.com\n", tenant.toString()).succeeded();
    session.refreshIfChanged();

    assertThat(r.out()).isEqualTo(
        "PWAgePolicyNew: To address -> Resolved through third party; saved to " + tenant.resolve("posture-state.yaml") + "\n");
    // third party counts PWAgePolicyNew's 8 points: 175.62 + 8
    assertThat(session.prompt()).isEqualTo("Contoso Pharmaceuticals 183.62/336 54.65%> ");
  }

  @Test
  void aPipedShellExitsWithTheCodeOfTheLastCommandThatFailedAndPrintsErrorsOnStandardError() {
    Cli.Result r = shell("actions show NoSuchAction\nactions show OneAdmin\nexit\n", CONTOSO).exited(ExitCode.INVALID_INPUT);

    assertThat(r.err()).startsWith("posture: NoSuchAction: no action with this id");
    assertThat(r.out()).startsWith("OneAdmin: ");
    shell("actions show OneAdmin\n", CONTOSO).succeeded();
  }

  @Test
  void theShellWithinTheShellIsRefused() {
    Cli.Result r = shell("shell\nexit\n", CONTOSO).exited(ExitCode.USAGE);

    assertThat(r.err()).isEqualTo("posture: this is the shell already; type exit to leave it\n");
  }

  @Test
  void clearIsAWordOfTheShellAndWritesNothingIntoAPipe() {
    Cli.Result r = shell("clear\nexit\n", CONTOSO).succeeded();

    assertThat(r.out()).isEmpty();
  }

  @Test
  void reloadReadsTheFilesAgain() {
    Path tenant = Tenants.contoso(dir);
    String input = "reload\nexit\n";
    // the state file goes away once the shell starts reading "reload"
    InputStream stream = new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)) {
      private boolean deleted;

      @Override
      public synchronized int read() {
        if (!deleted) {
          deleted = true;
          delete(tenant.resolve("posture-state.yaml"));
        }
        return super.read();
      }

      @Override
      public synchronized int read(byte[] b, int off, int len) {
        return len == 0 ? 0 : read() < 0 ? -1 : fill(b, off);
      }

      private int fill(byte[] b, int off) {
        b[off] = buf[pos - 1];
        return 1;
      }
    };

    Cli.Result r = shell(stream, tenant.toString()).succeeded();

    assertThat(r.out()).isEqualTo("reloaded\n");
  }

  @Test
  void reloadKeepsWhatWasLoadedWhenAFileBreaks() {
    Path tenant = Tenants.contoso(dir);

    // the shell's own output, the catalogue's list, is no snapshot
    Cli.Result r = shell("catalog list -o " + tenant.resolve("snapshot.json") + "\nreload\n", tenant.toString()).exited(ExitCode.INVALID_INPUT);

    assertThat(r.err()).startsWith("posture: ").endsWith("(kept what was loaded before)\n");
  }

  @Test
  void errorsArePrintedAndTheShellGoesOn() {
    Cli.Result r = shell("actions show NoSuchAction\nbogus\nactions show OneAdmin\n", CONTOSO).exited(ExitCode.USAGE);

    assertThat(r.err()).contains("posture: NoSuchAction: no action with this id", "posture: unknown command 'bogus'");
    assertThat(r.out()).startsWith("OneAdmin: ");
  }

  @Test
  void aTenantOnStandardInputIsAUsageError() {
    Cli.Result r = shell("", "-");

    assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(r.oneLineError().err()).isEqualTo(
        "posture: the shell reads its commands from standard input; give a tenant folder or snapshot file\n");
  }

  @Test
  void aTenantThatDoesNotReadIsInvalidInput() {
    Cli.Result r = shell("exit\n", dir.resolve("nowhere").toString());

    assertThat(r.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(r.oneLineError().err()).startsWith("posture: " + dir.resolve("nowhere"));
  }

  @Test
  void helpHasExamples() {
    assertThat(Cli.run("shell", "--help").succeeded().out())
        .contains("Examples:\n  posture shell samples/contoso\n  Contoso Pharmaceuticals 177.87/336 52.94%> actions show AdminMFAV2\n");
  }

  @Test
  void completesActionIdsStatusesCategoriesAndCommands() throws IOException {
    ShellTenant session = session(CONTOSO);
    ShellCompleter completer = new ShellCompleter(ShellCompleter.model(), () -> session);

    try (DumbTerminal terminal = new DumbTerminal(InputStream.nullInputStream(), java.io.OutputStream.nullOutputStream())) {
      LineReader reader = LineReaderBuilder.builder().terminal(terminal).build();
      assertThat(complete(completer, reader, "actions show Adm")).containsExactly("AdminMFAV2");
      assertThat(complete(completer, reader, "actions show " + CONTOSO + " scid_20")).containsExactlyInAnyOrder("scid_2003", "scid_2010", "scid_2012", "scid_2070", "scid_2090");
      assertThat(complete(completer, reader, "status set SelfServicePasswordReset --status "))
          .containsExactly("to-address", "planned", "risk-accepted", "third-party", "alternate-mitigation");
      assertThat(complete(completer, reader, "actions list --status c")).containsExactly("completed");
      assertThat(complete(completer, reader, "actions list --category ")).containsExactly("identity", "device", "apps", "data");
      assertThat(complete(completer, reader, "actions list --format ")).contains("table", "json", "csv");
      assertThat(complete(completer, reader, "actions list --gr")).containsExactly("--group-by");
      assertThat(complete(completer, reader, "act")).containsExactly("actions");
      assertThat(complete(completer, reader, "rel")).containsExactly("reload");
      assertThat(complete(completer, reader, "tags remove NoRestrict ")).containsAll(List.of("q4-2026"));
    }
  }

  /** The shell's tenant, as the shell holds it between commands. */
  private static ShellTenant session(String tenant) {
    ShellCommand shell = (ShellCommand) PostureCli.commandLine(new PrintWriter(Writer.nullWriter()), new PrintWriter(Writer.nullWriter()),
            Cli.invocation(InputStream.nullInputStream(), Map.of(), Path.of(""), Cli.NOW))
        .parseArgs("shell", tenant).subcommand().commandSpec().userObject();
    return new ShellTenant(shell.tenant, shell.catalog);
  }

  /** The candidates JLine would offer for the word before the cursor at the end of {@code line}. */
  private static List<String> complete(ShellCompleter completer, LineReader reader, String line) {
    var parsed = new DefaultParser().parse(line, line.length());
    List<Candidate> candidates = new ArrayList<>();
    completer.complete(reader, parsed, candidates);
    return candidates.stream().map(Candidate::value).filter(v -> v.startsWith(parsed.word())).distinct().toList();
  }

  private static void delete(Path file) {
    try {
      Files.delete(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
