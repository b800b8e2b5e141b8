package dev.posture.report;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Which actions gained or lost points between two stored runs of a tenant, biggest loss first.
 *
 * @param before the current score of the earlier run; {@code after} of the later
 */
public record RunChangesReport(String tenantId, String tenantName, Run before, Run after, List<Change> changes) {

  /** Every format the changes print in. */
  public static final Renderers<RunChangesReport> RENDERERS = Renderers.<RunChangesReport>builder()
      .add(Format.TABLE, RunChangesReport::table)
      .add(Format.JSON, (report, context, out) -> report.json(out))
      .add(Format.CSV, (report, context, out) -> report.changesTable(true).csv(out))
      .add(Format.MARKDOWN, (report, context, out) -> report.markdown(out))
      .build();

  private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  /** A run: when, and its current score. */
  public record Run(Instant recordedAt, double points, double max) {}

  /** One action's points in each run; empty where that run does not have the action. */
  public record Change(String actionId, Optional<Double> before, Optional<Double> after, Optional<String> statusBefore,
      Optional<String> statusAfter) {
    double delta() {
      return after.orElse(0.0) - before.orElse(0.0);
    }
  }

  /** "current 170 -> 175.62 of 336 points (+5.62); 2 actions gained points, 1 lost". */
  String summary() {
    long gained = changes.stream().filter(c -> c.delta() > 0).count();
    long lost = changes.stream().filter(c -> c.delta() < 0).count();
    double change = after.points() - before.points();
    return "current " + Numbers.points(before.points()) + " -> " + Numbers.points(after.points()) + " of "
        + Numbers.points(after.max()) + " points (" + (Numbers.twoDecimals(change) > 0 ? "+" : "") + Numbers.points(change) + "); "
        + gained + (gained == 1 ? " action" : " actions") + " gained points, " + lost + " lost";
  }

  private String heading() {
    return tenantName + " (" + tenantId + "): " + SHOWN.format(before.recordedAt()) + " -> " + SHOWN.format(after.recordedAt());
  }

  private void table(OutputContext context, PrintWriter out) {
    out.println(Printable.line(heading()));
    out.println(Printable.line(summary()));
    if (!changes.isEmpty()) {
      out.println();
      changesTable(false).print(context, out);
    }
  }

  private void markdown(PrintWriter out) {
    out.println("## " + MarkdownReport.cell(heading()));
    out.println();
    out.println(MarkdownReport.cell(summary()));
    if (!changes.isEmpty()) {
      out.println();
      changesTable(false).markdown(out);
    }
  }

  /** @param plain numbers as a spreadsheet reads them: no sign on a gain, nothing where a run lacks the action */
  private TextTable changesTable(boolean plain) {
    String none = plain ? "" : "-";
    TextTable table = new TextTable().column("Action").ids().numberColumn("Before").numberColumn("After").numberColumn("Change")
        .column("Status before").column("Status after");
    for (Change c : changes) {
      table.row(c.actionId(), c.before().map(Numbers::points).orElse(none), c.after().map(Numbers::points).orElse(none),
          (c.delta() > 0 && !plain ? "+" : "") + Numbers.points(c.delta()), c.statusBefore().orElse(none), c.statusAfter().orElse(none));
    }
    return table;
  }

  private void json(PrintWriter out) {
    ObjectNode root = Json.document();
    root.putObject("tenant").put("id", tenantId).put("displayName", tenantName);
    run(root.putObject("before"), before);
    run(root.putObject("after"), after);
    ArrayNode array = root.putArray("actions");
    for (Change c : changes) {
      ObjectNode node = array.addObject().put("id", c.actionId());
      c.before().ifPresentOrElse(p -> node.put("before", p), () -> node.putNull("before"));
      c.after().ifPresentOrElse(p -> node.put("after", p), () -> node.putNull("after"));
      node.put("change", Numbers.twoDecimals(c.delta()));
      c.statusBefore().ifPresent(s -> node.put("statusBefore", s));
      c.statusAfter().ifPresent(s -> node.put("statusAfter", s));
    }
    Json.print(root, out);
  }

  private static void run(ObjectNode node, Run run) {
    node.put("recordedAt", run.recordedAt().toString()).put("points", run.points()).put("max", run.max());
  }
}
