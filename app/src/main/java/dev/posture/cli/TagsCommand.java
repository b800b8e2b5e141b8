package dev.posture.cli;

import picocli.CommandLine.Command;

@Command(name = "tags", description = "Add or remove an action's tags.", subcommands = {TagsAddCommand.class, TagsRemoveCommand.class})
final class TagsCommand {}
