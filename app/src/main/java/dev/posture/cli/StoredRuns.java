package dev.posture.cli;

import dev.posture.graph.GraphAssessment;
import dev.posture.graph.GraphExport;
import dev.posture.scoring.Assessment;
import dev.posture.scoring.Baseline;
import dev.posture.scoring.GoalProgress;
import dev.posture.scoring.View;
import dev.posture.scoring.ScoreView;
import dev.posture.scoring.Source;
import dev.posture.store.AssessmentRuns;
import dev.posture.snapshot.TenantInfo;
import dev.posture.store.HistoryStore;
import dev.posture.store.MicrosoftHistory;
import dev.posture.store.RunDetail;
import dev.posture.store.RunRecord;
import dev.posture.store.StoreException;
import dev.posture.store.StoreLocation;
import dev.posture.store.TenantSummary;
import dev.posture.store.TrendQuery;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The history store as an assessment uses it: the tenant's last run to compare with, and this run to
 * record. A store that cannot be used does not stop the report: its error is raised once the report
 * is printed, when the run would have been recorded.
 */
final class StoredRuns implements RunMemory {
  static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private final StoreOption option;
  private final Invocation invocation;
  private final boolean recording;
  private HistoryStore store;
  private StoreException failure;

  StoredRuns(StoreOption option, Invocation invocation, boolean recording) {
    this.option = option;
    this.invocation = invocation;
    this.recording = recording;
  }

  /** The store the option names, opened and migrated; the caller closes it. */
  static HistoryStore open(StoreOption option, Invocation invocation) {
    StoreLocation location = StoreLocation.resolve(Optional.ofNullable(option.store), invocation.env());
    Optional<Path> relative = location.file().filter(f -> !f.isAbsolute());
    if (relative.isPresent()) { // a file named relative to the folder posture runs in, as every other file
      location = StoreLocation.resolve(Optional.of(invocation.workingDir().resolve(relative.get()).toString()), invocation.env());
    }
    return HistoryStore.open(location);
  }

  @Override
  public Optional<String> history() {
    return Optional.of("the last stored run");
  }

  @Override
  public Optional<Baseline> last(String tenantId) {
    try {
      HistoryStore opened = store();
      return opened.lastRun(tenantId, Source.POSTURE, Optional.empty()).flatMap(r -> opened.run(r.id())).map(StoredRuns::baseline);
    } catch (StoreException e) {
      failure = e;
      return Optional.empty();
    }
  }

  @Override
  public List<GoalProgress.Point> trend(String tenantId, View view) {
    try {
      return store().trend(tenantId, new TrendQuery(Optional.empty(), Optional.of(view.key()), Optional.of(RunRecord.OVERALL),
          Optional.of(Source.POSTURE))).stream().flatMap(s -> s.points().stream())
          .map(p -> new GoalProgress.Point(LocalDate.ofInstant(p.recordedAt(), ZoneOffset.UTC), p.percent())).toList();
    } catch (StoreException e) {
      failure = e;
      return List.of();
    }
  }

  @Override
  public void record(Assessment assessment, PrintWriter err) {
    if (failure != null) {
      throw failure;
    }
    if (recording) {
      Instant now = invocation.clock().instant();
      store().record(AssessmentRuns.of(assessment, now));
      Messages.note(err, "recorded the run of " + assessment.tenant().displayName() + " at " + SHOWN.format(now) + " in " + store.name());
    }
  }

  /**
   * Records the days of Microsoft's history the store does not hold yet.
   *
   * @return what was recorded, in a line
   */
  static String recordMicrosoftDays(StoreOption option, Invocation invocation, GraphExport export, GraphAssessment assessed,
      String source) {
    TenantInfo tenant = assessed.assessment().tenant();
    try (HistoryStore store = open(option, invocation)) {
      // an export carries no tenant name: the one an assessment recorded stays
      String name = store.tenants().stream().filter(t -> t.id().equalsIgnoreCase(tenant.id())).map(TenantSummary::displayName)
          .findFirst().orElse(tenant.displayName());
      List<RunRecord> days = MicrosoftHistory.runs(export, assessed, tenant.id(), name, source);
      int stored = store.recordMicrosoftDays(days).size();
      int known = days.size() - stored;
      return stored + (stored == 1 ? " day" : " days") + " of Microsoft Secure Score recorded in " + store.name()
          + (known == 0 ? "" : " (" + known + (known == 1 ? " was" : " were") + " there already)");
    }
  }

  /** The run as a baseline: its current score and each action's points. */
  static Baseline baseline(RunDetail run) {
    RunRecord.Score current = run.score("current", RunRecord.OVERALL).orElse(new RunRecord.Score("current", RunRecord.OVERALL, 0, 0));
    Map<String, Double> points = new LinkedHashMap<>();
    run.actions().forEach(a -> points.put(a.id(), a.points()));
    return new Baseline("the last stored run, " + SHOWN.format(run.run().recordedAt()), new ScoreView(current.points(), current.max()),
        points);
  }

  private HistoryStore store() {
    if (store == null) {
      store = open(option, invocation);
    }
    return store;
  }

  @Override
  public void close() {
    if (store != null) {
      store.close();
    }
  }
}
