package dev.posture.cli;

import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** Microsoft Graph Secure Score exports, read instead of a snapshot. */
final class GraphOption {
  @Option(names = "--graph", paramLabel = "FILE|FOLDER",
      description = "Read Microsoft Graph secureScores and secureScoreControlProfiles exports instead of a snapshot "
          + "(repeatable; a folder means every *.json in it).")
  List<Path> exports = List.of();

  boolean given() {
    return !exports.isEmpty();
  }
}
