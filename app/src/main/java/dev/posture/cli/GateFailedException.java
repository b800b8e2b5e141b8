package dev.posture.cli;

/** A CI gate did not pass; exit code 1. The report has already been written. */
final class GateFailedException extends RuntimeException {
  GateFailedException(String reason) {
    super(reason);
  }
}
