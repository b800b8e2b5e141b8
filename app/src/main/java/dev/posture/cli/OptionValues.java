package dev.posture.cli;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Converters that check an option's value when the command line is read, so a value out of range is
 * a usage error naming the option (or the variable or file it came from) before anything is read or
 * written.
 */
final class OptionValues {
  private OptionValues() {}

  /** A whole number from {@code least} up, as an int. */
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

  /** A calendar date written YYYY-MM-DD, as the state file holds it. */
  static final class Date implements ITypeConverter<LocalDate> {
    private static final Pattern SHAPE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

    @Override
    public LocalDate convert(String text) {
      if (SHAPE.matcher(text).matches()) {
        try {
          return LocalDate.parse(text);
        } catch (DateTimeException e) {
          // not a day of the calendar, as 2027-13-01: said below
        }
      }
      throw new TypeConversionException("expected a date as YYYY-MM-DD, found '" + text + "'");
    }
  }
}
