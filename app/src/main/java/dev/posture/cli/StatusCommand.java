package dev.posture.cli;

import picocli.CommandLine.Command;

@Command(name = "status", description = "Record what was decided about an action: set its status, undo the last change, show its history.", subcommands = {StatusSetCommand.class, StatusUndoCommand.class, StatusHistoryCommand.class})
final class StatusCommand {}
