package dev.posture.state;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Who makes a change and when, as recorded in history, notes and requests.
 *
 * @param at the moment, to the second, in UTC
 */
public record Stamp(String by, Instant at) {

  public static Stamp now(String by, Clock clock) {
    return new Stamp(by, clock.instant().truncatedTo(ChronoUnit.SECONDS));
  }

  public String atText() {
    return at.toString();
  }

  public LocalDate today() {
    return LocalDate.ofInstant(at, ZoneOffset.UTC);
  }
}
