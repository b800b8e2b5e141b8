package dev.posture.cli;

import picocli.CommandLine.Option;

/** Whether to store the run in the history store ({@code --record}, or {@code record: true} in posture.yaml). */
final class RecordOption {
  @Option(names = "--record", description = "Store this run in the history store (see --store), in one transaction.")
  boolean record;
}
