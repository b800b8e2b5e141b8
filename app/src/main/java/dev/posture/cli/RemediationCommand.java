package dev.posture.cli;

import picocli.CommandLine.Command;

@Command(name = "remediation", description = "Ask for an action to be fixed by a date, and follow the requests.",
    subcommands = {RemediationRequestCommand.class, RemediationListCommand.class, RemediationEndCommand.Close.class,
      RemediationEndCommand.Withdraw.class})
final class RemediationCommand {}
