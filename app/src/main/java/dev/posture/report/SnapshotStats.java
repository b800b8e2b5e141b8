package dev.posture.report;

import dev.posture.catalog.Collection;
import dev.posture.snapshot.TenantInfo;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a snapshot holds: its tenant, its settings sections, how many service plans are enabled and
 * how many elements each large collection has.
 */
public record SnapshotStats(TenantInfo tenant, List<String> sections, int servicePlans, Map<Collection, Long> counts) {

  /** Every format the counts print in. */
  public static final Renderers<SnapshotStats> RENDERERS = Renderers.<SnapshotStats>builder()
      .add(Format.TABLE, SnapshotStats::table)
      .add(Format.JSON, (stats, context, out) -> stats.json(out))
      .build();

  private void table(OutputContext context, PrintWriter out) {
    out.println(Printable.line(tenant.displayName() + " (" + tenant.id() + ")"));
    out.println(Printable.line("Settings sections: " + String.join(", ", sections)));
    out.println("Enabled service plans: " + servicePlans);
    out.println();
    TextTable table = new TextTable().column("Collection").numberColumn("Elements");
    counts.forEach((c, n) -> table.row(c.section(), String.valueOf(n)));
    table.print(context, out);
  }

  private void json(PrintWriter out) {
    ObjectNode root = Json.document();
    root.putObject("tenant").put("id", tenant.id()).put("displayName", tenant.displayName());
    sections.forEach(root.putArray("sections")::add);
    root.put("enabledServicePlans", servicePlans);
    ObjectNode collections = root.putObject("collections");
    counts.forEach((c, n) -> collections.put(c.section(), n));
    Json.print(root, out);
  }
}
