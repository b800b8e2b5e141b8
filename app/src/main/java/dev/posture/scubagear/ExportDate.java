package dev.posture.scubagear;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When ScubaGear ran: {@code timestamp_zulu} (newer versions), else {@code date}, which PowerShell
 * writes in the US form with Windows' name of the time zone ({@code 05/22/2023 07:23:28 Eastern
 * Daylight Time}). A zone not listed here leaves the time unknown rather than guessed.
 */
final class ExportDate {
  private static final Pattern DATE = Pattern.compile("(\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}:\\d{2}) (.+)");
  private static final DateTimeFormatter US = DateTimeFormatter.ofPattern("MM/dd/yyyy HH:mm:ss");
  private static final Map<String, String> ZONES = Map.ofEntries(
      Map.entry("Coordinated Universal Time", "Z"), Map.entry("UTC", "Z"),
      Map.entry("GMT Standard Time", "Z"), Map.entry("Greenwich Standard Time", "Z"), Map.entry("GMT Daylight Time", "+01:00"),
      Map.entry("W. Europe Standard Time", "+01:00"), Map.entry("W. Europe Daylight Time", "+02:00"),
      Map.entry("Romance Standard Time", "+01:00"), Map.entry("Romance Daylight Time", "+02:00"),
      Map.entry("Central Europe Standard Time", "+01:00"), Map.entry("Central Europe Daylight Time", "+02:00"),
      Map.entry("Atlantic Standard Time", "-04:00"), Map.entry("Atlantic Daylight Time", "-03:00"),
      Map.entry("Eastern Standard Time", "-05:00"), Map.entry("Eastern Daylight Time", "-04:00"),
      Map.entry("Central Standard Time", "-06:00"), Map.entry("Central Daylight Time", "-05:00"),
      Map.entry("Mountain Standard Time", "-07:00"), Map.entry("Mountain Daylight Time", "-06:00"),
      Map.entry("US Mountain Standard Time", "-07:00"),
      Map.entry("Pacific Standard Time", "-08:00"), Map.entry("Pacific Daylight Time", "-07:00"),
      Map.entry("Alaskan Standard Time", "-09:00"), Map.entry("Alaskan Daylight Time", "-08:00"),
      Map.entry("Hawaiian Standard Time", "-10:00"),
      Map.entry("AUS Eastern Standard Time", "+10:00"), Map.entry("AUS Eastern Daylight Time", "+11:00"));

  private ExportDate() {}

  /** The run's time as an ISO 8601 instant, when the export says it in a way that can be read. */
  static Optional<String> capturedAt(ProviderSettingsExport export) {
    Optional<String> zulu = export.text("timestamp_zulu").flatMap(ExportDate::instant);
    return zulu.isPresent() ? zulu : export.text("date").flatMap(ExportDate::local);
  }

  private static Optional<String> instant(String text) {
    try {
      return Optional.of(Instant.parse(text).toString());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static Optional<String> local(String text) {
    Matcher m = DATE.matcher(text.strip());
    if (!m.matches() || !ZONES.containsKey(m.group(2))) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDateTime.parse(m.group(1), US).toInstant(ZoneOffset.of(ZONES.get(m.group(2)))).toString());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
