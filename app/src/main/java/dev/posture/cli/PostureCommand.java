package dev.posture.cli;

import java.util.List;
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
    footerHeading = "%nExamples:%n",
    footer = {
      "  posture assess samples/contoso",
      "  posture assess samples/contoso --format json --output report.json",
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:done",
      "1:a gate failed (--fail-under, --fail-on-regression, --fail-on-expired, --fail-on-goal)",
      "2:usage error, or a change the rules refuse",
      "3:invalid input (the message names the file, line or JSON path)",
      "4:permission denied",
      "70:internal error (stack trace with --verbose)"
    })
public final class PostureCommand {
  /**
   * The commands, in the order help lists them. They are not in the annotation: a run builds only
   * the command it was given (see {@link CommandTree}), as reading every command's options costs more
   * than the rest of a short command.
   */
  static final List<Class<?>> COMMANDS = List.of(AssessCommand.class, ActionsCommand.class, StatusCommand.class,
      NotesCommand.class, TagsCommand.class, RemediationCommand.class, ExportCommand.class, ImportCommand.class,
      HistoryCommand.class, GoalsCommand.class, CompareCommand.class, FleetCommand.class,
      CatalogCommand.class, SnapshotCommand.class, CollectCommand.class, CompletionCommand.class, ShellCommand.class);

  /** What this run was given: every command reaches it, and the global options, through this root. */
  final Invocation invocation;

  PostureCommand(Invocation invocation) {
    this.invocation = invocation;
  }

  @Option(names = "--no-color", scope = ScopeType.INHERIT, description = "Never use colour (also NO_COLOR).")
  boolean noColor;

  @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT, description = "Print stack traces of internal errors.")
  boolean verbose;
}
