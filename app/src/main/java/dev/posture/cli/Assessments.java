package dev.posture.cli;

import dev.posture.catalog.Catalog;
import dev.posture.report.BaselineLoader;
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
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** Loads what the options name and scores it: the common start of every command that prints a report. */
final class Assessments {
  private Assessments() {}

  /** @param baselineFile an earlier JSON report on the same tenant, to compare with */
  static Report report(PostureCommand root, CatalogOption catalog, TenantOptions tenant, Optional<Path> baselineFile) {
    Catalog loaded = catalog.load();
    SnapshotLocation location = tenant.location();
    Snapshot snapshot = new SnapshotLoader().load(location, root.stdin);
    State state = new StateLoader().load(location.state());
    Optional<Baseline> baseline = baselineFile.map(file -> new BaselineLoader().load(file, snapshot.tenant().id()));
    Map<String, Double> before = baseline.map(Baseline::points).orElse(Map.of());
    Assessment assessment = new ScoringEngine().assess(loaded, snapshot, state, before);
    return new Report(assessment, state, baseline.map(b -> Comparison.of(b, assessment)));
  }
}
