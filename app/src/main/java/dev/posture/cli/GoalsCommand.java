package dev.posture.cli;

import picocli.CommandLine.Command;

@Command(name = "goals", description = "Goals (a score to reach by a day, per view) and score zones, kept in the state file.",
    subcommands = {GoalsSetCommand.class, GoalsListCommand.class, GoalsRemoveCommand.class, GoalsZonesCommand.class})
final class GoalsCommand {}
