package dev.posture.report;

import java.util.Locale;

/** Output formats. Table and HTML are for people; the others are for scripts, spreadsheets and CI. */
public enum Format {
  TABLE,
  JSON,
  CSV,
  MARKDOWN,
  JUNIT,
  HTML;

  /** As it is typed after {@code --format}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
