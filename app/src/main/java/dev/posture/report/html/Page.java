package dev.posture.report.html;

import java.util.List;
import java.util.Optional;

/**
 * What the HTML page shows, worked out and made inert before the template sees it: every text is
 * already free of control characters, and the template escapes it for where it goes.
 *
 * @param head the parts of the page that are code, not data: the style, the script, their hashes
 * @param data the actions as JSON for the page's script, escaped so no markup can start in it
 */
public record Page(Head head, String tenant, String tenantId, String captured, String sources, List<Tile> tiles,
    List<Bar> categories, List<Bar> deviceCategories, Optional<String> deviceNote, Optional<Baseline> baseline,
    Optional<Graph> graph, List<Row> actions, Filters filters, List<String> expired, String data) {

  /** The inline style and script with the Content-Security-Policy that allows exactly them. */
  public record Head(String csp, String style, String script) {}

  /** One of the four views: its points, its total, its percentage and the width of its bar (0 to 100). */
  public record Tile(String name, String points, String max, String percent, String bar, String description) {}

  /**
   * A category's current score, drawn on one scale with the others.
   *
   * @param track the width of the category's total on the scale (the largest total is 100)
   * @param fill the width of its points on the same scale
   */
  public record Bar(String label, String points, String max, String percent, String track, String fill) {}

  /** The changes since the baseline: a sentence, then one row an action. */
  public record Baseline(String source, String summary, List<List<String>> rows) {}

  /**
   * What only Microsoft's Secure Score exports hold.
   *
   * @param comparisons a header row, then "This tenant", then one row a basis; empty without comparisons
   * @param chart the score history as a line chart; empty for fewer than two days
   */
  public record Graph(String reported, List<List<String>> comparisons, String historySpan, Optional<Chart> chart) {}

  /**
   * A line chart of the percentage over the days of the history, in the coordinates of its SVG
   * (0 to 600 across, 0 to 200 down; 0% at the bottom).
   */
  public record Chart(String points, List<Point> dots, String first, String last, String summary) {}

  /** One day of the chart, with its text for people who cannot see the line. */
  public record Point(String x, String y, String label) {}

  /** The choices of the filters, from the actions themselves. */
  public record Filters(List<String> categories, List<String> statuses, List<String> deviceCategories, List<String> tags) {}

  /**
   * One action's row and its detail.
   *
   * @param statusKey the status as a class name, for its colour (the label is always shown too)
   */
  public record Row(int index, String rank, String id, String title, String category, String deviceCategory, String status,
      String statusKey, String points, String max, String remaining, String source, String licensed, List<String> tags,
      List<Section> sections, Optional<Uncovered> uncovered) {}

  /** A section of the detail: its heading, a suggestion when there is one, and its fields. */
  public record Section(String title, Optional<String> suggestion, List<Field> fields) {}

  /**
   * A field of a section: a value, a list (numbered or not), or a table with its header row.
   */
  public record Field(String name, Optional<String> value, List<String> list, boolean numbered, List<List<String>> table) {}

  /** The elements an action does not cover: a sentence, the first of them by name, and how many more there are. */
  public record Uncovered(String summary, List<String> names, int more) {}
}
