package dev.posture.report;

import dev.posture.state.ActionState;
import java.io.PrintWriter;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** An action's status changes, oldest first. */
public record HistoryReport(String actionId, List<ActionState.Change> history) {

  /** Every format the history prints in. */
  public static final Renderers<HistoryReport> RENDERERS = Renderers.<HistoryReport>builder()
      .add(Format.TABLE, HistoryReport::table)
      .add(Format.JSON, (report, context, out) -> report.json(out))
      .add(Format.CSV, (report, context, out) -> table(report.history).csv(out))
      .add(Format.MARKDOWN, (report, context, out) -> table(report.history).markdown(out))
      .build();

  private void table(OutputContext context, PrintWriter out) {
    if (history.isEmpty()) {
      out.println("No status change recorded.");
    } else {
      table(history).print(context, out);
    }
  }

  /** The history as a table, for {@code status history} and {@code actions show}. */
  static TextTable table(List<ActionState.Change> history) {
    TextTable table = new TextTable().column("At").column("By").column("From").column("To").column("Note");
    for (ActionState.Change c : history) {
      table.row(c.at(), c.by(), c.from().label(), c.to().label(), c.note());
    }
    return table;
  }

  private void json(PrintWriter out) {
    ObjectNode root = Json.document().put("action", actionId);
    root.set("history", array(history));
    Json.print(root, out);
  }

  static ArrayNode array(List<ActionState.Change> history) {
    ArrayNode array = Json.NODES.arrayNode();
    for (ActionState.Change c : history) {
      array.addObject().put("at", c.at()).put("by", c.by()).put("from", c.from().key()).put("to", c.to().key()).put("note", c.note());
    }
    return array;
  }
}
