package dev.posture.cli;

import dev.posture.catalog.Catalog;
import dev.posture.graph.GraphAssessment;
import dev.posture.graph.GraphAssessor;
import dev.posture.graph.GraphReader;
import dev.posture.graph.KnownControls;
import dev.posture.input.Node;
import dev.posture.report.BaselineLoader;
import dev.posture.report.GraphMessages;
import dev.posture.report.Numbers;
import dev.posture.report.Report;
import dev.posture.scoring.Assessment;
import dev.posture.scoring.Baseline;
import dev.posture.scoring.Comparison;
import dev.posture.scoring.ExpiredReview;
import dev.posture.scoring.GoalProgress;
import dev.posture.scoring.ScoringEngine;
import dev.posture.snapshot.Snapshot;
import dev.posture.snapshot.SnapshotLoader;
import dev.posture.snapshot.SnapshotLocation;
import dev.posture.state.State;
import dev.posture.state.StateLoader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Loads what the options name and scores it: the common start of every command that prints a
 * report, from a snapshot or from Microsoft Graph exports.
 */
final class Assessments {
  private Assessments() {}

  /**
   * @param baselineFile an earlier JSON report on the same tenant, to compare with
   * @param top how many open actions the table and Markdown list
   * @param err where warnings about the inputs go
   */
  static Report load(CatalogOption catalog, TenantOptions tenant, GraphOption exports, Optional<Path> baselineFile, int top,
      PrintWriter err) {
    return load(catalog, tenant, exports, baselineFile, RunMemory.NONE, top, err);
  }

  /** @param stored the earlier runs: the baseline when there is no file, and the trend goals are judged by */
  static Report load(CatalogOption catalog, TenantOptions tenant, GraphOption exports, Optional<Path> baselineFile,
      RunMemory stored, int top, PrintWriter err) {
    tenant.warnIfTheNamedStateIsMissing(err);
    if (!exports.given()) {
      return snapshot(catalog, tenant, baselineFile, stored, top, err);
    }
    if (tenant.tenant != null) {
      throw new UsageException("give either TENANT or --graph, not both");
    }
    if (baselineFile.isPresent()) {
      throw new UsageException("--baseline compares with an earlier snapshot report; Graph exports carry their own history");
    }
    return graph(exports, tenant, catalog.load(), top, err);
  }

  /** The catalogue is read first, so its error is the one reported when both inputs are broken. */
  private static Report snapshot(CatalogOption catalogOption, TenantOptions tenant, Optional<Path> baselineFile,
      RunMemory stored, int top, PrintWriter err) {
    PostureCommand root = tenant.root;
    Catalog catalog = catalogOption.load();
    SnapshotLocation location = tenant.location();
    Snapshot snapshot = new SnapshotLoader().load(location, root.invocation.stdin());
    State state = new StateLoader().load(location.state());
    Optional<Baseline> baseline = baselineFile.map(file -> new BaselineLoader().load(file, snapshot.tenant().id()))
        .or(() -> stored.last(snapshot.tenant().id()));
    Map<String, Double> before = baseline.map(Baseline::points).orElse(Map.of());
    Assessment assessment = new ScoringEngine().assess(catalog, snapshot, state, before);
    warnOfUnknownIds(state, assessment, location.state(), err);
    List<GoalProgress> goals = GoalProgress.of(state, assessment.scores(), today(root), v -> stored.trend(snapshot.tenant().id(), v));
    return new Report(assessment, state, baseline.map(b -> Comparison.of(b, assessment)), ExpiredReview.of(state, today(root)),
        Optional.empty(), top, goals, Optional.of(snapshot));
  }

  private static Report graph(GraphOption exports, TenantOptions tenant, Catalog catalog, int top, PrintWriter err) {
    Path stateFile = tenant.state;
    State state = stateFile == null ? State.EMPTY : new StateLoader().load(stateFile);
    GraphAssessment graph = new GraphAssessor(catalog, KnownControls.bundled()).assess(new GraphReader().read(exports.exports), state);
    warnOfUnknownIds(state, graph.assessment(), stateFile, err);
    if (!graph.missingMax().isEmpty()) {
      Messages.warning(err, GraphMessages.missingMax(graph));
    } else if (graph.differsFromReported()) {
      Messages.warning(err, "Microsoft reported " + Numbers.points(graph.reportedCurrent()) + " of "
          + Numbers.points(graph.reportedMax()) + ", but " + GraphMessages.exportTotal(graph) + " (an abridged or edited export?)");
    }
    err.flush();
    LocalDate today = today(tenant.root);
    return Report.of(graph, state, today, top).withGoals(GoalProgress.of(state, graph.assessment().scores(), today, v -> List.of()));
  }
  /** Decisions for an id the assessment lacks are kept in the file, but a misspelt id would do nothing unseen. */
  private static void warnOfUnknownIds(State state, Assessment assessment, Path stateFile, PrintWriter err) {
    Set<String> ids = assessment.actions().stream().map(a -> a.action().id()).collect(Collectors.toSet());
    for (String id : state.actions().keySet()) {
      if (!ids.contains(id)) {
        Messages.warning(err, stateFile + ": decisions are recorded for '" + id + "', which is not an action here"
            + Node.didYouMean(id, ids) + "; they are kept but not used");
      }
    }
    err.flush();
  }

  private static LocalDate today(PostureCommand root) {
    return LocalDate.ofInstant(root.invocation.clock().instant(), ZoneOffset.UTC);
  }
}
