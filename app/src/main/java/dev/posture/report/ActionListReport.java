package dev.posture.report;

import dev.posture.scoring.ActionResult;
import dev.posture.scoring.Ranking;
import dev.posture.state.State;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The list of actions, whole or in groups. With {@code explain}, each action also shows what its
 * rank value is made of: remaining points x cost factor x user impact factor x complexity factor.
 */
public final class ActionListReport {
  private final State state;
  private final boolean explain;

  public ActionListReport(State state, boolean explain) {
    this.state = state;
    this.explain = explain;
  }

  public void table(List<ActionResult> actions, PrintWriter out) {
    if (actions.isEmpty()) {
      out.println("No action matches.");
    } else {
      table(actions).print(out);
    }
    out.flush();
  }

  /** @param groupBy what the groups are, for their headings, e.g. {@code category} */
  public void table(Map<String, List<ActionResult>> groups, String groupBy, PrintWriter out) {
    if (groups.isEmpty()) {
      out.println("No action matches.");
    }
    boolean first = true;
    for (Map.Entry<String, List<ActionResult>> group : groups.entrySet()) {
      if (!first) {
        out.println();
      }
      first = false;
      out.println(Printable.line(groupBy + ": " + group.getKey() + " (" + group.getValue().size() + ")"));
      table(group.getValue()).print(out);
    }
    out.flush();
  }

  public void csv(List<ActionResult> actions, PrintWriter out) {
    table(actions).csv(out);
  }

  public void markdown(List<ActionResult> actions, PrintWriter out) {
    table(actions).markdown(out);
  }

  /** One CSV for all the groups: an action in two groups has a row in each, after its group's name. */
  public void csv(Map<String, List<ActionResult>> groups, String groupBy, PrintWriter out) {
    TextTable table = header(true);
    groups.forEach((name, actions) -> actions.forEach(r -> row(table, r, name)));
    table.csv(out);
  }

  /** A heading and a table for each group. */
  public void markdown(Map<String, List<ActionResult>> groups, String groupBy, PrintWriter out) {
    boolean first = true;
    for (Map.Entry<String, List<ActionResult>> group : groups.entrySet()) {
      if (!first) {
        out.println();
      }
      first = false;
      out.println("### " + MarkdownReport.inline(groupBy + ": " + group.getKey() + " (" + group.getValue().size() + ")"));
      out.println();
      table(group.getValue()).markdown(out);
    }
    out.flush();
  }

  private TextTable table(List<ActionResult> actions) {
    TextTable table = header(false);
    actions.forEach(r -> row(table, r, null));
    return table;
  }

  public void json(List<ActionResult> actions, PrintWriter out) {
    ObjectNode root = Json.document();
    root.set("actions", array(actions));
    Json.print(root, out);
  }

  public void json(Map<String, List<ActionResult>> groups, String groupBy, PrintWriter out) {
    ObjectNode root = Json.document();
    root.put("groupBy", groupBy);
    ArrayNode array = root.putArray("groups");
    groups.forEach((name, actions) -> array.addObject().put("name", name).set("actions", array(actions)));
    Json.print(root, out);
  }

  private ArrayNode array(List<ActionResult> actions) {
    ArrayNode array = Json.NODES.arrayNode();
    for (ActionResult r : actions) {
      ObjectNode node = JsonReport.action(r);
      ArrayNode tags = node.putArray("tags");
      state.of(r.id()).tags().forEach(tags::add);
      if (explain) {
        Ranking.Inputs in = Ranking.inputs(r);
        node.putObject("rankInputs")
            .put("remaining", in.remaining())
            .put("costFactor", in.cost())
            .put("userImpactFactor", in.userImpact())
            .put("complexityFactor", in.complexity())
            .put("value", in.value());
      }
      array.add(node);
    }
    return array;
  }

  /** @param grouped whether a first column names each row's group */
  private TextTable header(boolean grouped) {
    TextTable table = new TextTable();
    if (grouped) {
      table.column("Group");
    }
    table.numberColumn("Rank")
        .column("Action")
        .column("Category")
        .column("Status")
        .numberColumn("Points").optional()
        .numberColumn("Max").optional()
        .numberColumn("Remaining");
    if (explain) {
      table.numberColumn("Cost").numberColumn("Impact").numberColumn("Complexity").numberColumn("Value");
    }
    return table.column("Licensed").optional().column("Tags").optional().column("Title");
  }

  private void row(TextTable table, ActionResult r, String group) {
    List<String> cells = new ArrayList<>();
    if (group != null) {
      cells.add(group);
    }
    cells.addAll(List.of(
        String.valueOf(r.rank()),
        r.id(),
        r.category().label(),
        r.status().label(),
        Numbers.points(r.points()),
        Numbers.points(r.action().maxScore()),
        Numbers.points(r.remaining())));
    if (explain) {
      Ranking.Inputs in = Ranking.inputs(r);
      cells.addAll(List.of(Numbers.points(in.cost()), Numbers.points(in.userImpact()), Numbers.points(in.complexity()),
          r.action().counted() ? Numbers.points(in.value()) : "-"));
    }
    cells.add(r.licensed() ? "yes" : "no");
    cells.add(String.join(",", state.of(r.id()).tags()));
    cells.add(r.action().title() + (r.action().scored() ? "" : " (not scored)"));
    table.row(cells.toArray(String[]::new));
  }
}
