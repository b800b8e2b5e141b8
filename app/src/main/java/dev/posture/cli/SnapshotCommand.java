package dev.posture.cli;

import picocli.CommandLine.Command;

/** {@code posture snapshot}: tenant snapshots. */
@Command(
    name = "snapshot",
    description = "Check tenant snapshots.",
    subcommands = {SnapshotValidateCommand.class})
final class SnapshotCommand {}
