package dev.posture.cli;

import picocli.CommandLine.Command;

@Command(name = "import", description = "Bring what other tools saw or decided into a tenant folder.",
    subcommands = {ImportGraphCommand.class, ImportScubaGearCommand.class})
final class ImportCommand {}
