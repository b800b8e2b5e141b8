package dev.posture.report;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Many tenants side by side, one row each; tenants that could not be assessed keep their error. */
public record FleetReport(List<Row> rows) {

  /** Every format the fleet table prints in. */
  public static final Renderers<FleetReport> RENDERERS = Renderers.<FleetReport>builder()
      .add(Format.TABLE, (report, context, out) -> report.table(false).print(context, out))
      .add(Format.JSON, (report, context, out) -> report.json(out))
      .add(Format.CSV, (report, context, out) -> report.table(true).csv(out))
      .add(Format.MARKDOWN, (report, context, out) -> report.table(false).markdown(out))
      .build();

  /**
   * One tenant.
   *
   * @param name the tenant's name; for a tenant that could not be assessed, its folder
   * @param change percentage points since the last stored run, when there was one
   * @param weakest the category of the lowest current percentage
   * @param openPoints the points still to gain on open actions, accepted risks left out
   * @param reviewsPastDate decisions past their review date; empty when not known (a stored run records none)
   * @param goalsMissed goals whose date passed unmet; empty when not known, as for reviews
   * @param error why the tenant could not be assessed; the other fields are then empty
   */
  public record Row(String name, String tenantId, Optional<Double> current, Optional<Double> change, Optional<String> weakest,
      Optional<Double> openPoints, OptionalInt reviewsPastDate, OptionalInt goalsMissed, Optional<String> error) {

    public static Row failed(String name, String error) {
      return new Row(name, "", Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), OptionalInt.empty(),
          OptionalInt.empty(), Optional.of(error));
    }
  }

  public List<Row> failed() {
    return rows.stream().filter(r -> r.error().isPresent()).toList();
  }

  /** @param plain numbers as a spreadsheet reads them: no sign on a gain, nothing where there is none */
  private TextTable table(boolean plain) {
    String none = plain ? "" : "-";
    TextTable table = new TextTable().column("Tenant").column("Id").ids().optional().numberColumn("Current").numberColumn("Change")
        .column("Weakest").numberColumn("Open points").numberColumn("Reviews past date").numberColumn("Goals missed");
    for (Row r : rows) {
      if (r.error().isPresent()) {
        table.row(r.name(), none, none, none, "failed: " + r.error().get(), none, none, none);
      } else {
        table.row(r.name(), r.tenantId(), r.current().map(Numbers::percent).orElse(none),
            r.change().map(c -> plain ? Numbers.points(c) : TrendReport.signed(c)).orElse(none), r.weakest().orElse(none),
            r.openPoints().map(Numbers::points).orElse(none), count(r.reviewsPastDate(), none), count(r.goalsMissed(), none));
      }
    }
    return table;
  }

  private static String count(OptionalInt count, String none) {
    return count.isPresent() ? Integer.toString(count.getAsInt()) : none;
  }

  private void json(PrintWriter out) {
    ObjectNode root = Json.document();
    ArrayNode tenants = root.putArray("tenants");
    for (Row r : rows) {
      ObjectNode node = tenants.addObject().put("name", r.name());
      if (r.error().isPresent()) {
        node.put("error", r.error().get());
        continue;
      }
      node.put("id", r.tenantId());
      r.current().ifPresent(c -> node.put("currentPercent", Numbers.twoDecimals(c)));
      r.change().ifPresentOrElse(c -> node.put("change", Numbers.twoDecimals(c)), () -> node.putNull("change"));
      r.weakest().ifPresent(w -> node.put("weakestCategory", w));
      r.openPoints().ifPresent(p -> node.put("openPoints", Numbers.twoDecimals(p)));
      r.reviewsPastDate().ifPresent(n -> node.put("reviewsPastDate", n));
      r.goalsMissed().ifPresent(n -> node.put("goalsMissed", n));
    }
    Json.print(root, out);
  }
}
