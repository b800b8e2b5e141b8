package dev.posture.cli;

import dev.posture.report.Format;
import dev.posture.report.SnapshotStats;
import dev.posture.snapshot.Snapshot;
import dev.posture.snapshot.SnapshotLoader;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "stats",
    description = "Read a whole snapshot and count what it holds: its sections, users, devices and mailboxes.",
    footerHeading = "%nExamples:%n",
    footer = {"  posture snapshot stats samples/contoso", "  posture snapshot stats big.json --format json"})
final class SnapshotStatsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin TenantOptions tenant;
  @Mixin Formats formats;

  /** What the counts print as. */
  static final class Formats extends FormatOptions {
    enum Choice { table, json }

    @Option(names = "--format", paramLabel = "FORMAT", description = HELP + " (default: table).")
    Choice format;

    Formats(PostureCommand root) {
      super(root, Choice.values(), Format.TABLE);
    }

    @Override
    Enum<?> choice() {
      return format;
    }
  }

  @Override
  public Integer call() {
    Snapshot snapshot = new SnapshotLoader().load(tenant.location(), tenant.root.invocation.stdin());
    SnapshotStats stats = new SnapshotStats(snapshot.tenant(), List.copyOf(snapshot.settings().keySet()),
        snapshot.servicePlans().size(), snapshot.counts());
    formats.print(SnapshotStats.RENDERERS, stats, spec.commandLine().getOut());
    return ExitCode.OK;
  }
}
