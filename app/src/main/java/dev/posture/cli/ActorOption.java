package dev.posture.cli;

import picocli.CommandLine.Option;

/** {@code --actor}: who records a decision; checked against the snapshot's directory roles. */
final class ActorOption {
  @Option(names = "--actor", paramLabel = "UPN",
      description = "Who makes the change, by sign-in name (default: the POSTURE_ACTOR environment variable).")
  String actor;

  String require() {
    if (actor == null || actor.isBlank()) {
      throw new PermissionDeniedException("no actor: give --actor UPN or set POSTURE_ACTOR to the sign-in name of whoever makes the change");
    }
    return actor.strip();
  }
}
