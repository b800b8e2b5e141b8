package dev.posture.cli;

import dev.posture.fleet.StoredFleet;
import dev.posture.report.FleetReport;
import dev.posture.store.HistoryStore;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
    name = "report",
    description = "The fleet as the history store holds it: each tenant's last stored run and its change since the one before,"
        + " read from the store alone (for shards that recorded into one store).",
    footerHeading = "%nExample:%n",
    footer = "  posture fleet report --store postgresql://posture@db.example.org/posture --format markdown")
final class FleetReportCommand implements Callable<Integer> {
  private final PostureCommand root;
  @Spec CommandSpec spec;
  @Mixin StoreOption store;
  @Mixin TableFormats formats;

  FleetReportCommand(PostureCommand root) {
    this.root = root;
  }

  @Override
  public Integer call() {
    try (HistoryStore history = StoredRuns.open(store, root.invocation)) {
      formats.print(FleetReport.RENDERERS, StoredFleet.report(history), spec.commandLine().getOut());
    }
    return ExitCode.OK;
  }
}
