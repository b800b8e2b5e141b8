package dev.posture.cli;

/** The actor may not make this change; exit code 4, and nothing is written. */
final class PermissionDeniedException extends RuntimeException {
  PermissionDeniedException(String reason) {
    super(reason);
  }
}
