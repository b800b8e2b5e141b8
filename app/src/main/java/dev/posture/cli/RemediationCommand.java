package dev.posture.cli;

import picocli.CommandLine.Command;

@Command(name = "remediation", description = "Ask for an action to be fixed by a date.", subcommands = {RemediationRequestCommand.class})
final class RemediationCommand {}
