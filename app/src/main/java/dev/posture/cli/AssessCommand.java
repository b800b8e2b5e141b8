package dev.posture.cli;

import dev.posture.catalog.Catalog;
import dev.posture.report.AssessmentTable;
import dev.posture.report.ExpiredReviewsReport;
import dev.posture.report.JsonReport;
import dev.posture.scoring.Assessment;
import dev.posture.scoring.ExpiredReview;
import dev.posture.scoring.ScoringEngine;
import dev.posture.snapshot.Snapshot;
import dev.posture.snapshot.SnapshotLoader;
import dev.posture.snapshot.SnapshotLocation;
import dev.posture.state.State;
import dev.posture.state.StateLoader;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(
    name = "assess",
    description = "Score a tenant: current, planned, current license and achievable scores, per category, and the actions to take next.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  posture assess samples/contoso",
      "  posture assess samples/contoso --format json > report.json",
      "  posture assess snapshot.json --state decisions.yaml --top 20",
    })
final class AssessCommand implements Callable<Integer> {
  @ParentCommand PostureCommand root;
  @Spec CommandSpec spec;
  @Mixin TenantOptions tenant;
  @Mixin CatalogOption catalog;

  @Option(names = "--top", paramLabel = "N", defaultValue = "10",
      description = "How many of the best ranked open actions the table lists (default: ${DEFAULT-VALUE}).")
  int top;

  @Option(names = "--fail-on-expired", description = "Fail (exit code 1) when a risk acceptance or resolution is past its review date.")
  boolean failOnExpired;

  @Override
  public Integer call() {
    Catalog loaded = catalog.load();
    SnapshotLocation location = tenant.location();
    Snapshot snapshot = new SnapshotLoader().load(location, root.stdin);
    State state = new StateLoader().load(location.state());
    Assessment assessment = new ScoringEngine().assess(loaded, snapshot, state, Map.of());
    List<ExpiredReview> expired = ExpiredReview.of(state, LocalDate.ofInstant(root.clock.instant(), ZoneOffset.UTC));
    Output.write(root, spec.commandLine().getOut(), out -> {
      switch (root.format) {
        case JSON -> ExpiredReviewsReport.json(new JsonReport().tree(assessment), expired, out);
        case TABLE -> {
          new AssessmentTable(top).render(assessment, out);
          ExpiredReviewsReport.table(expired, out);
        }
        default -> throw new UnsupportedFormatException(root.format, "assess");
      }
    });
    expired.forEach(e -> spec.commandLine().getErr().println("posture: warning: review overdue: " + e.describe()));
    if (failOnExpired && !expired.isEmpty()) {
      throw new GateFailedException(expired.size() + (expired.size() == 1 ? " decision is" : " decisions are") + " past the review date (--fail-on-expired)");
    }
    return ExitCode.OK;
  }
}
