package dev.posture.cli;

import picocli.CommandLine.Command;

@Command(name = "notes", description = "Add or remove an action's notes.", subcommands = {NotesAddCommand.class, NotesRemoveCommand.class})
final class NotesCommand {}
