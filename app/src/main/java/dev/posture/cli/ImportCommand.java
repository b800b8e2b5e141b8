package dev.posture.cli;

import picocli.CommandLine.Command;

@Command(name = "import", description = "Bring decisions made elsewhere into a state file.", subcommands = {ImportGraphCommand.class})
final class ImportCommand {}
