package dev.posture.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** Groups the commands that work on snapshot files. */
@Command(name = "snapshot", description = "Work with tenant snapshot files.", subcommands = {SnapshotGenerateCommand.class, SnapshotStatsCommand.class})
final class SnapshotCommand {
  @ParentCommand PostureCommand root;
}
