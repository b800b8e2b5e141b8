package dev.posture.cli;

import picocli.CommandLine.Command;

@Command(name = "fleet", description = "Many tenants at once: assess them in one run, or report on them from the history store.",
    subcommands = {FleetAssessCommand.class, FleetReportCommand.class})
final class FleetCommand {}
