package dev.posture.store;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Times as the store writes them: UTC, fixed width to the millisecond, so that text order is time order. */
final class Times {
  private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private Times() {}

  static String format(Instant instant) {
    return FORMAT.format(instant);
  }

  static Instant parse(String text) {
    return Instant.parse(text);
  }

  /** The UTC day, {@code yyyy-MM-dd}. */
  static String day(Instant instant) {
    return format(instant).substring(0, 10);
  }
}
