package dev.posture.fleet;

import dev.posture.report.FleetReport;
import dev.posture.scoring.Source;
import dev.posture.store.HistoryStore;
import dev.posture.store.RunDetail;
import dev.posture.store.RunRecord;
import dev.posture.store.Series;
import dev.posture.store.TenantSummary;
import dev.posture.store.TrendQuery;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The fleet as the store holds it, without reading a tenant folder: each tenant's last run (an
 * assessment, else Microsoft's last day) and its change since the run before. Review dates and
 * goals live in the state files, which the store does not hold.
 */
public final class StoredFleet {
  private static final String OPEN_EXCLUDED = "risk-accepted";

  private StoredFleet() {}

  public static FleetReport report(HistoryStore store) {
    List<FleetReport.Row> rows = new ArrayList<>();
    for (TenantSummary tenant : store.tenants()) {
      latest(store, tenant.id()).ifPresent(source -> rows.add(row(store, tenant, source)));
    }
    return new FleetReport(List.copyOf(rows));
  }

  /** The source of the tenant's newest scores: its assessments when it has any, else Microsoft's days. */
  private static Optional<Source> latest(HistoryStore store, String tenantId) {
    for (Source source : List.of(Source.POSTURE, Source.MICROSOFT)) {
      if (store.lastRun(tenantId, source, Optional.empty()).isPresent()) {
        return Optional.of(source);
      }
    }
    return Optional.empty();
  }

  private static FleetReport.Row row(HistoryStore store, TenantSummary tenant, Source source) {
    List<Series.Point> points = store.trend(tenant.id(), new TrendQuery(Optional.empty(), Optional.of("current"),
        Optional.of(RunRecord.OVERALL), Optional.of(source))).get(0).points();
    Series.Point last = points.get(points.size() - 1);
    Optional<Double> change = points.size() < 2 ? Optional.empty()
        : Optional.of(last.percent() - points.get(points.size() - 2).percent());
    RunDetail run = store.run(last.runId()).orElseThrow();
    Optional<String> weakest = run.scores().stream()
        .filter(s -> s.view().equals("current") && !s.scope().equals(RunRecord.OVERALL) && s.max() > 0)
        .min(Comparator.comparingDouble(RunRecord.Score::percent)).map(RunRecord.Score::scope);
    double open = run.actions().stream().filter(a -> a.max().isPresent() && !a.status().equals(Optional.of(OPEN_EXCLUDED)))
        .mapToDouble(a -> Math.max(0, a.max().get() - a.points())).sum();
    return new FleetReport.Row(tenant.displayName(), tenant.id(), Optional.of(last.percent()), change, weakest, Optional.of(open),
        OptionalInt.empty(), OptionalInt.empty(), Optional.empty());
  }
}
