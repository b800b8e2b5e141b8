package dev.posture.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Option values read from the command line, checked as they are read: a value out of range is a
 * usage error naming the option (or the variable or file it came from) before anything is read or
 * written, in posture's words rather than Java's.
 */
final class ValueConverters {
  /** A date as the state file holds it: four digits for the year, so no year the reader refuses. */
  private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

  private ValueConverters() {}

  static void register(CommandLine cli) {
    cli.registerConverter(LocalDate.class, ValueConverters::date);
    cli.registerConverter(Path.class, ValueConverters::path);
  }

  static LocalDate date(String text) {
    if (DATE.matcher(text).matches()) {
      try {
        return LocalDate.parse(text);
      } catch (DateTimeException e) {
        // not a day of the calendar, as 2027-13-01: said below
      }
    }
    throw new TypeConversionException("expected a date such as 2027-03-31 (YYYY-MM-DD), found '" + text + "'");
  }

  static Path path(String text) {
    try {
      return Path.of(text);
    } catch (InvalidPathException e) {
      throw new TypeConversionException("'" + text + "' is not a file name (" + e.getReason() + ")");
    }
  }

  /** A whole number from a least value up, as an int. */
  abstract static class AtLeast implements ITypeConverter<Integer> {
    private final int least;
    private final String expected;

    AtLeast(int least, String expected) {
      this.least = least;
      this.expected = expected;
    }

    @Override
    public Integer convert(String text) {
      String digits = text.strip();
      if (digits.matches("-?[0-9]{1,10}")) {
        long value = Long.parseLong(digits);
        if (value >= least && value <= Integer.MAX_VALUE) {
          return (int) value;
        }
      }
      throw new TypeConversionException("expected " + expected + ", found '" + text + "'");
    }
  }

  /** How many: 0 or more. */
  static final class Count extends AtLeast {
    Count() {
      super(0, "a whole number of 0 or more");
    }
  }

  /** Which one, counted from 1. */
  static final class Ordinal extends AtLeast {
    Ordinal() {
      super(1, "a whole number of 1 or more");
    }
  }

  /** A table's width: narrower than this, a table has no room for its first columns. */
  static final class Columns extends AtLeast {
    static final int LEAST = 20;

    Columns() {
      super(LEAST, LEAST + " or more columns");
    }
  }
}
