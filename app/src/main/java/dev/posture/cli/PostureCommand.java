package dev.posture.cli;

import dev.posture.report.Format;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.function.IntSupplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The root command: global options, inherited by every subcommand, and the list of commands. */
@Command(
    name = "posture",
    // help and version options, inherited by every subcommand
    scope = ScopeType.INHERIT,
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Assess the security posture of a Microsoft 365 tenant, offline, the way Microsoft Secure Score does.",
    subcommands = {AssessCommand.class, ActionsCommand.class, StatusCommand.class, NotesCommand.class, TagsCommand.class,
      RemediationCommand.class, ExportCommand.class, ImportCommand.class, CatalogCommand.class, SnapshotCommand.class, CollectCommand.class,
      CompletionCommand.class, ShellCommand.class},
    footerHeading = "%nExamples:%n",
    footer = {
      "  posture assess samples/contoso",
      "  posture assess samples/contoso --format json --output report.json",
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:done",
      "1:a gate failed (--fail-under, --fail-on-regression, --fail-on-expired)",
      "2:usage error, or a change the rules refuse",
      "3:invalid input (the message names the file, line or JSON path)",
      "4:permission denied",
      "70:internal error (stack trace with --verbose)"
    })
public final class PostureCommand {
  /** Standard input, for a snapshot read from {@code -}. */
  final InputStream stdin;
  /** Today and now: when decisions are stamped and review dates expire. */
  final Clock clock;

  /** The terminal's columns, 0 when unknown or no terminal; the shell gives its own terminal's. */
  IntSupplier terminalColumns = TerminalWidth::detect;

  /** The environment, which tests give in place of the process's. */
  Map<String, String> environment = System.getenv();

  PostureCommand(InputStream stdin, Clock clock) {
    this.stdin = stdin;
    this.clock = clock;
  }

  @Option(names = "--format", scope = ScopeType.INHERIT, paramLabel = "FORMAT",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: table; csv for export).")
  private Format format;

  @Option(names = {"-o", "--output"}, scope = ScopeType.INHERIT, paramLabel = "FILE",
      description = "Write the result to FILE (replaced atomically) instead of standard output.")
  Path output;

  @Option(names = "--no-color", scope = ScopeType.INHERIT, description = "Never use colour (also NO_COLOR).")
  boolean noColor;

  @Option(names = "--width", scope = ScopeType.INHERIT, paramLabel = "N",
      description = "Fit tables in N columns (default: the terminal's width; no limit into a pipe or a file).")
  Integer width;

  @Option(names = "--ascii", scope = ScopeType.INHERIT, description = "Draw bars and sparklines in ASCII instead of Unicode blocks.")
  boolean ascii;

  @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT, description = "Print stack traces of internal errors.")
  boolean verbose;

  /** The format asked for, or the command's own default when none was. */
  Format format(Format commandDefault) {
    return format == null ? commandDefault : format;
  }
}
