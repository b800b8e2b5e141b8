package dev.posture.report;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A tenant's scores over its stored runs: one line per source, view and scope, oldest run first.
 *
 * @param store the store's name, without credentials
 */
public record TrendReport(String tenantId, String tenantName, String store, List<Line> lines) {

  /** Every format the trend prints in. */
  public static final Renderers<TrendReport> RENDERERS = Renderers.<TrendReport>builder()
      .add(Format.TABLE, TrendReport::table)
      .add(Format.JSON, (report, context, out) -> report.json(out))
      .add(Format.CSV, (report, context, out) -> report.points().csv(out))
      .add(Format.MARKDOWN, TrendReport::markdown)
      .build();

  static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

  /**
   * One view of one scope, run after run.
   *
   * @param source posture (assessments) or microsoft (Microsoft's daily Secure Score)
   * @param scope overall or a category
   */
  public record Line(String source, String view, String scope, List<Point> points) {
    Point first() {
      return points.get(0);
    }

    Point last() {
      return points.get(points.size() - 1);
    }
  }

  /** The score of one run. */
  public record Point(Instant recordedAt, double points, double max) {
    public double percent() {
      return max == 0 ? 0 : points / max * 100;
    }
  }

  private void table(OutputContext context, PrintWriter out) {
    if (lines.isEmpty()) {
      out.println(Printable.line("No runs of " + tenantName + " (" + tenantId + ") in " + store + " for this selection."));
      return;
    }
    out.println(Printable.line(tenantName + " (" + tenantId + ")"));
    out.println();
    summary(context.bars()).print(context, out);
  }

  private void markdown(OutputContext context, PrintWriter out) {
    out.println("## " + MarkdownReport.cell(tenantName) + " over time");
    out.println();
    if (lines.isEmpty()) {
      out.println("No stored runs for this selection.");
      return;
    }
    summary(context.bars()).markdown(out);
  }

  /** One row a line: its runs, first and last day, first and last percentage, the change and its sparkline. */
  private TextTable summary(Bars bars) {
    TextTable table = new TextTable().column("View").column("Scope").column("Source").numberColumn("Runs").column("From")
        .column("To").numberColumn("First").numberColumn("Last").numberColumn("Change").fixedColumn("Trend");
    for (Line line : lines) {
      double change = line.last().percent() - line.first().percent();
      table.row(line.view(), line.scope(), line.source(), Integer.toString(line.points().size()), DAY.format(line.first().recordedAt()),
          DAY.format(line.last().recordedAt()), Numbers.percent(line.first().percent()), Numbers.percent(line.last().percent()),
          signed(change), bars.sparkline(line.points().stream().map(Point::percent).toList(), 100));
    }
    return table;
  }

  /** A change in percentage points with its sign: +2.27, -0.50, 0.00. */
  static String signed(double change) {
    String shown = Numbers.percent(change).replace("%", "");
    return (Numbers.twoDecimals(change) > 0 ? "+" : "") + (shown.equals("-0.00") ? "0.00" : shown);
  }

  /** Every point, one row each, for a spreadsheet. */
  private TextTable points() {
    TextTable table = new TextTable().column("Source").column("View").column("Scope").column("Recorded at").numberColumn("Points")
        .numberColumn("Max").numberColumn("Percent");
    for (Line line : lines) {
      for (Point p : line.points()) {
        table.row(line.source(), line.view(), line.scope(), p.recordedAt().toString(), Numbers.points(p.points()),
            Numbers.points(p.max()), Numbers.percent(p.percent()).replace("%", ""));
      }
    }
    return table;
  }

  private void json(PrintWriter out) {
    ObjectNode root = Json.document();
    root.putObject("tenant").put("id", tenantId).put("displayName", tenantName);
    ArrayNode array = root.putArray("series");
    for (Line line : lines) {
      ObjectNode series = array.addObject().put("source", line.source()).put("view", line.view()).put("scope", line.scope());
      ArrayNode points = series.putArray("points");
      for (Point p : line.points()) {
        points.addObject().put("recordedAt", p.recordedAt().toString()).put("points", p.points()).put("max", p.max())
            .put("percent", Numbers.twoDecimals(p.percent()));
      }
    }
    Json.print(root, out);
  }
}
