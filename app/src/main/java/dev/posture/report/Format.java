package dev.posture.report;

/** Output formats. Table is for people; the others are for scripts, spreadsheets and CI. */
public enum Format {
  TABLE,
  JSON,
  CSV,
  MARKDOWN,
  JUNIT
}
