package dev.posture.cli;

/** The command line asks for something that cannot be done; exit code 2. */
class UsageException extends RuntimeException {
  UsageException(String message) {
    super(message);
  }
}
