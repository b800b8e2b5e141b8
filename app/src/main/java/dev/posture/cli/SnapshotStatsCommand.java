package dev.posture.cli;

import dev.posture.catalog.Collection;
import dev.posture.report.TextTable;
import dev.posture.snapshot.Snapshot;
import dev.posture.snapshot.SnapshotLoader;
import dev.posture.snapshot.SnapshotLocation;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(
    name = "stats",
    description = "Read a whole snapshot and count what it holds: its sections, users, devices and mailboxes.",
    footerHeading = "%nExamples:%n",
    footer = {"  posture snapshot stats samples/contoso"})
final class SnapshotStatsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin TenantOptions tenant;

  @Override
  public Integer call() {
    SnapshotLocation location = tenant.location();
    Snapshot snapshot = new SnapshotLoader().load(location, tenant.root.invocation.stdin());
    Map<Collection, Long> counts = new EnumMap<>(Collection.class);
    for (Collection c : Collection.values()) {
      counts.put(c, 0L);
    }
    snapshot.elements().forEach(EnumSet.allOf(Collection.class), (c, e) -> counts.merge(c, 1L, Long::sum));
    Output.write(tenant.root, spec.commandLine().getOut(), out -> {
      out.println(snapshot.tenant().displayName() + " (" + snapshot.tenant().id() + ")");
      out.println("Settings sections: " + String.join(", ", snapshot.settings().keySet()));
      out.println("Enabled service plans: " + snapshot.servicePlans().size());
      out.println();
      TextTable table = new TextTable().column("Collection").numberColumn("Elements");
      counts.forEach((c, n) -> table.row(c.section(), String.valueOf(n)));
      table.print(out);
    });
    return ExitCode.OK;
  }
}
