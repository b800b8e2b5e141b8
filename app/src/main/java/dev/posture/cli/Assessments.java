package dev.posture.cli;

import dev.posture.catalog.Catalog;
import dev.posture.report.Report;
import dev.posture.scoring.Assessment;
import dev.posture.scoring.Baseline;
import dev.posture.scoring.Comparison;
import dev.posture.scoring.ScoringEngine;
import dev.posture.snapshot.Snapshot;
import dev.posture.snapshot.SnapshotLoader;
import dev.posture.snapshot.SnapshotLocation;
import dev.posture.state.State;
import dev.posture.state.StateLoader;
import java.util.Map;
import java.util.Optional;

/** Loads what the options name and scores it: the common start of every command that prints a report. */
final class Assessments {
  private Assessments() {}

  static Report report(PostureCommand root, CatalogOption catalog, TenantOptions tenant, Optional<Baseline> baseline) {
    Catalog loaded = catalog.load();
    SnapshotLocation location = tenant.location();
    Snapshot snapshot = new SnapshotLoader().load(location, root.stdin);
    State state = new StateLoader().load(location.state());
    Map<String, Double> before = baseline.map(Baseline::points).orElse(Map.of());
    Assessment assessment = new ScoringEngine().assess(loaded, snapshot, state, before);
    return new Report(assessment, state, baseline.map(b -> Comparison.of(b, assessment)));
  }
}
