package dev.posture.cli;

import picocli.CommandLine.Command;

/** Groups the commands that work on snapshot files. */
@Command(
    name = "snapshot",
    description = "Work with tenant snapshot files: check, measure and generate them.",
    subcommands = {SnapshotValidateCommand.class, SnapshotStatsCommand.class, SnapshotGenerateCommand.class})
final class SnapshotCommand {}
