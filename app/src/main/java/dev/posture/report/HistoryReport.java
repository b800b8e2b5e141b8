package dev.posture.report;

import dev.posture.state.ActionState;
import java.io.PrintWriter;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** An action's status changes, oldest first. */
public final class HistoryReport {
  private HistoryReport() {}

  public static void table(List<ActionState.Change> history, PrintWriter out) {
    if (history.isEmpty()) {
      out.println("No status change recorded.");
    } else {
      table(history).print(out);
    }
    out.flush();
  }

  public static void csv(List<ActionState.Change> history, PrintWriter out) {
    table(history).csv(out);
  }

  public static void markdown(List<ActionState.Change> history, PrintWriter out) {
    table(history).markdown(out);
  }

  /** The history as a table, for {@code status history} and {@code actions show}. */
  static TextTable table(List<ActionState.Change> history) {
    TextTable table = new TextTable().column("At").column("By").column("From").column("To").column("Note");
    for (ActionState.Change c : history) {
      table.row(c.at(), c.by(), c.from().key(), c.to().key(), c.note());
    }
    return table;
  }

  public static void json(String actionId, List<ActionState.Change> history, PrintWriter out) {
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
