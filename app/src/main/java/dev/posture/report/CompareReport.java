package dev.posture.report;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A tenant beside others, view by view and category by category, as percentages of each one's last
 * stored run, with the average of the others (mean points out of mean max points, as Microsoft
 * averages its comparisons).
 *
 * @param tenants the tenants' names, the one compared first
 */
public record CompareReport(List<String> tenants, List<Row> rows) {

  /** Every format the comparison prints in. */
  public static final Renderers<CompareReport> RENDERERS = Renderers.<CompareReport>builder()
      .add(Format.TABLE, (report, context, out) -> report.table().print(context, out))
      .add(Format.JSON, (report, context, out) -> report.json(out))
      .add(Format.CSV, (report, context, out) -> report.table().csv(out))
      .add(Format.MARKDOWN, (report, context, out) -> report.table().markdown(out))
      .build();

  /**
   * One view of one scope.
   *
   * @param percents each tenant's, in the order of {@link #tenants}; empty where its run has none
   * @param average the others' average; empty when none of them has this score
   */
  public record Row(String view, String scope, List<Optional<Double>> percents, Optional<Double> average) {}

  private TextTable table() {
    TextTable table = new TextTable().column("View").column("Scope");
    tenants.forEach(table::numberColumn);
    table.numberColumn("Average of others");
    for (Row r : rows) {
      List<String> cells = new ArrayList<>(List.of(r.view(), r.scope()));
      r.percents().forEach(p -> cells.add(p.map(Numbers::percent).orElse("-")));
      cells.add(r.average().map(Numbers::percent).orElse("-"));
      table.row(cells.toArray(String[]::new));
    }
    return table;
  }

  private void json(PrintWriter out) {
    ObjectNode root = Json.document();
    ArrayNode names = root.putArray("tenants");
    tenants.forEach(names::add);
    ArrayNode array = root.putArray("scores");
    for (Row r : rows) {
      ObjectNode node = array.addObject().put("view", r.view()).put("scope", r.scope());
      ArrayNode percents = node.putArray("percents");
      r.percents().forEach(p -> p.ifPresentOrElse(v -> percents.add(Numbers.twoDecimals(v)), percents::addNull));
      r.average().ifPresentOrElse(a -> node.put("averageOfOthers", Numbers.twoDecimals(a)), () -> node.putNull("averageOfOthers"));
    }
    Json.print(root, out);
  }
}
