package dev.posture.cli;

import dev.posture.report.Format;

/** A command asked for a format it does not print. */
final class UnsupportedFormatException extends UsageException {
  UnsupportedFormatException(Format format, String command) {
    super("'" + command + "' does not print " + format.name().toLowerCase(java.util.Locale.ROOT) + " output");
  }
}
