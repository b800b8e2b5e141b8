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
      .add(Format.TABLE, (report, context, out) -> report.table().print(context, out))
      .add(Format.JSON, (report, context, out) -> report.json(out))
      .add(Format.CSV, (report, context, out) -> report.table().csv(out))
      .add(Format.MARKDOWN, (report, context, out) -> report.table().markdown(out))
      .build();

  /**
   * One tenant.
   *
   * @param name the tenant's name; for a tenant that could not be assessed, its folder
   * @param change percentage points since the last stored run, when there was one
   * @param weakest the category of the lowest current percentage
   * @param openPoints the points still to gain on open actions, accepted risks left out
   * @param reviewsPastDate decisions past their review date; empty when not known (a stored run records none)
   * @param error why the tenant could not be assessed; the other fields are then empty
   */
  public record Row(String name, String tenantId, Optional<Double> current, Optional<Double> change, Optional<String> weakest,
      Optional<Double> openPoints, OptionalInt reviewsPastDate, Optional<String> error) {

    public static Row failed(String name, String error) {
      return new Row(name, "", Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), OptionalInt.empty(),
          Optional.of(error));
    }
  }

  public List<Row> failed() {
    return rows.stream().filter(r -> r.error().isPresent()).toList();
  }

  private TextTable table() {
    TextTable table = new TextTable().column("Tenant").column("Id").ids().optional().numberColumn("Current").numberColumn("Change")
        .column("Weakest").numberColumn("Open points").numberColumn("Reviews past date");
    for (Row r : rows) {
      if (r.error().isPresent()) {
        table.row(r.name(), "-", "-", "-", "failed: " + r.error().get(), "-", "-");
      } else {
        table.row(r.name(), r.tenantId(), r.current().map(Numbers::percent).orElse("-"), r.change().map(TrendReport::signed).orElse("-"),
            r.weakest().orElse("-"), r.openPoints().map(Numbers::points).orElse("-"),
            r.reviewsPastDate().isPresent() ? Integer.toString(r.reviewsPastDate().getAsInt()) : "-");
      }
    }
    return table;
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
    }
    Json.print(root, out);
  }
}
