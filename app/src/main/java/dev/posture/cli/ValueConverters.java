package dev.posture.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import picocli.CommandLine;
import picocli.CommandLine.TypeConversionException;

/** Dates and file names read from the command line, with messages in posture's words rather than Java's. */
final class ValueConverters {
  private ValueConverters() {}

  static void register(CommandLine cli) {
    cli.registerConverter(LocalDate.class, ValueConverters::date);
    cli.registerConverter(Path.class, ValueConverters::path);
  }

  static LocalDate date(String text) {
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw new TypeConversionException("expected a date such as 2027-03-31 (YYYY-MM-DD), found '" + text + "'");
    }
  }

  static Path path(String text) {
    try {
      return Path.of(text);
    } catch (InvalidPathException e) {
      throw new TypeConversionException("'" + text + "' is not a file name (" + e.getReason() + ")");
    }
  }
}
