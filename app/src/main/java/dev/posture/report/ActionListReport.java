package dev.posture.report;

import dev.posture.scoring.ActionResult;
import dev.posture.scoring.Ranking;
import dev.posture.state.State;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The list of actions, whole or in groups. With {@code explain}, each action also shows what its
 * rank value is made of: remaining points x cost factor x user impact factor x complexity factor.
 */
public final class ActionListReport {
  /** Every format the list prints in. */
  public static final Renderers<ActionListReport> RENDERERS = Renderers.<ActionListReport>builder()
      .add(Format.TABLE, ActionListReport::table)
      .add(Format.JSON, (list, context, out) -> list.json(out))
      .add(Format.CSV, (list, context, out) -> list.csv(out))
      .add(Format.MARKDOWN, (list, context, out) -> list.markdown(out))
      .build();

  private final State state;
  private final boolean explain;
  private final List<ActionResult> actions;
  /** What the groups are, e.g. {@code category}, and the groups by name; empty when the list is not grouped. */
  private final Optional<Grouping> grouping;

  private record Grouping(String key, Map<String, List<ActionResult>> groups) {}

  private ActionListReport(State state, boolean explain, List<ActionResult> actions, Optional<Grouping> grouping) {
    this.state = state;
    this.explain = explain;
    this.actions = actions;
    this.grouping = grouping;
  }

  /** @param state the decisions, for the tags */
  public static ActionListReport of(State state, boolean explain, List<ActionResult> actions) {
    return new ActionListReport(state, explain, actions, Optional.empty());
  }

  /** @param groupBy what the groups are, for their headings, e.g. {@code category} */
  public static ActionListReport grouped(State state, boolean explain, Map<String, List<ActionResult>> groups, String groupBy) {
    return new ActionListReport(state, explain, List.of(), Optional.of(new Grouping(groupBy, groups)));
  }

  private void table(OutputContext context, PrintWriter out) {
    if (grouping.isEmpty()) {
      if (actions.isEmpty()) {
        out.println("No action matches.");
      } else {
        table(actions).print(context, out);
      }
      return;
    }
    Map<String, List<ActionResult>> groups = grouping.get().groups();
    if (groups.isEmpty()) {
      out.println("No action matches.");
    }
    boolean first = true;
    for (Map.Entry<String, List<ActionResult>> group : groups.entrySet()) {
      if (!first) {
        out.println();
      }
      first = false;
      out.println(Printable.line(heading(group)));
      table(group.getValue()).print(context, out);
    }
  }

  /** Grouped, one CSV for all the groups: an action in two groups has a row in each, after its group's name. */
  private void csv(PrintWriter out) {
    if (grouping.isEmpty()) {
      table(actions).csv(out);
      return;
    }
    TextTable table = header(true);
    grouping.get().groups().forEach((name, members) -> members.forEach(r -> row(table, r, name)));
    table.csv(out);
  }

  /** Grouped, a heading and a table for each group. */
  private void markdown(PrintWriter out) {
    if (grouping.isEmpty()) {
      table(actions).markdown(out);
      return;
    }
    boolean first = true;
    for (Map.Entry<String, List<ActionResult>> group : grouping.get().groups().entrySet()) {
      if (!first) {
        out.println();
      }
      first = false;
      out.println("### " + MarkdownReport.inline(heading(group)));
      out.println();
      table(group.getValue()).markdown(out);
    }
  }

  private String heading(Map.Entry<String, List<ActionResult>> group) {
    return grouping.orElseThrow().key() + ": " + group.getKey() + " (" + group.getValue().size() + ")";
  }

  private TextTable table(List<ActionResult> members) {
    TextTable table = header(false);
    members.forEach(r -> row(table, r, null));
    return table;
  }

  private void json(PrintWriter out) {
    ObjectNode root = Json.document();
    if (grouping.isEmpty()) {
      root.set("actions", array(actions));
    } else {
      root.put("groupBy", grouping.get().key());
      ArrayNode array = root.putArray("groups");
      grouping.get().groups().forEach((name, members) -> array.addObject().put("name", name).set("actions", array(members)));
    }
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
        .column("Action").ids()
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
