package dev.posture.report;

/** Picks the renderer for a format, so every command that prints a report offers the same formats. */
public final class Renderers {
  /** How many open actions the table and Markdown list unless told otherwise. */
  public static final int DEFAULT_TOP = 10;

  private Renderers() {}

  /**
   * @param top how many of the best ranked open actions the table and Markdown list
   * @param excel start CSV with the byte-order mark Excel needs
   * @param colour colour the table for a terminal
   */
  public static Renderer of(Format format, int top, boolean excel, boolean colour) {
    return switch (format) {
      case TABLE -> new AssessmentTable(top, colour);
      case JSON -> new JsonReport();
      case CSV -> new CsvReport(excel);
      case MARKDOWN -> new MarkdownReport(top);
      case JUNIT -> new JunitReport();
    };
  }
}
