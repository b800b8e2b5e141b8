package dev.posture.cli;

import picocli.CommandLine.Command;

@Command(name = "actions", description = "Browse the improvement actions: list, filter and rank them, or show one in full.", subcommands = {ActionsListCommand.class, ActionsShowCommand.class})
final class ActionsCommand {}
