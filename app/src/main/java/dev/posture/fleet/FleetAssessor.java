package dev.posture.fleet;

import dev.posture.catalog.Catalog;
import dev.posture.graph.KnownControls;
import dev.posture.input.InputException;
import dev.posture.report.FleetReport;
import dev.posture.report.Report;
import dev.posture.scoring.ActionResult;
import dev.posture.scoring.Assessment;
import dev.posture.scoring.ExpiredReview;
import dev.posture.scoring.GoalProgress;
import dev.posture.scoring.Source;
import dev.posture.store.AssessmentRuns;
import dev.posture.store.HistoryStore;
import dev.posture.store.RunRecord;
import dev.posture.tenant.Tenant;
import dev.posture.tenant.TenantAssessor;
import dev.posture.tenant.TenantFolder;
import dev.posture.tenant.TenantLoader;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Assesses many tenants in one process, on a bounded pool of workers: each tenant is read, scored,
 * compared with its last stored run and (when asked) recorded, and only its row is kept, so memory
 * follows the pool, not the fleet. A tenant whose files are wrong becomes a row with its error; the
 * others go on.
 *
 * <p>The catalogue is loaded once per worker: its compiled checks remember the tenant they last
 * evaluated, so they are not shared between threads.
 */
public final class FleetAssessor {
  private final Supplier<Catalog> catalog;
  private final int workers;
  private final Optional<HistoryStore> store;
  private final boolean record;
  private final Instant now;

  /**
   * @param catalog loads the catalogue, once for each worker
   * @param store where runs are compared with and recorded; empty for none
   * @param record whether each tenant's run is stored
   * @param now when the runs happen: their time in the store, and the day reviews are due by
   */
  public FleetAssessor(Supplier<Catalog> catalog, int workers, Optional<HistoryStore> store, boolean record, Instant now) {
    if (record && store.isEmpty()) {
      throw new IllegalArgumentException("recording needs a store");
    }
    this.catalog = catalog;
    this.workers = workers;
    this.store = store;
    this.record = record;
    this.now = now;
  }

  public FleetReport assess(List<Path> tenants) {
    ThreadLocal<TenantAssessor> assessors = ThreadLocal.withInitial(this::assessor);
    AtomicInteger threads = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(workers, tenants.size())), task -> {
      Thread t = new Thread(task, "posture-fleet-" + threads.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<FleetReport.Row>> rows = new ArrayList<>();
      for (Path tenant : tenants) {
        rows.add(pool.submit(() -> row(tenant, assessors.get())));
      }
      List<FleetReport.Row> done = new ArrayList<>();
      for (Future<FleetReport.Row> row : rows) {
        done.add(result(row));
      }
      return new FleetReport(List.copyOf(done));
    } finally {
      pool.shutdownNow();
    }
  }

  private synchronized TenantAssessor assessor() {
    return new TenantAssessor(catalog.get(), KnownControls.bundled());
  }

  private FleetReport.Row row(Path folder, TenantAssessor assessor) {
    String name = folder.toString();
    try {
      Tenant tenant = new TenantLoader().load(TenantFolder.resolve(Optional.of(name), List.of(), Optional.empty()),
          InputStream.nullInputStream());
      Assessment assessment = assessor.assess(tenant, Map.of()).assessment();
      String id = assessment.tenant().id();
      Optional<Double> change = store.flatMap(s -> s.lastRun(id, Source.POSTURE, Optional.empty()).flatMap(r -> s.run(r.id())))
          .flatMap(d -> d.score("current", RunRecord.OVERALL)).map(before -> assessment.scores().current().percent() - before.percent());
      if (record) {
        store.orElseThrow().record(AssessmentRuns.of(assessment, now));
      }
      Optional<String> weakest = assessment.categories().stream().filter(c -> c.scores().current().max() > 0)
          .min(Comparator.comparingDouble(c -> c.scores().current().percent())).map(c -> c.category().label());
      double open = new Report(assessment, tenant.state(), Optional.empty(), List.of(), Optional.empty(), 0).open().stream()
          .mapToDouble(ActionResult::remaining).sum();
      LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
      int overdue = ExpiredReview.of(tenant.state(), today).size();
      // a goal is missed or not whatever the trend: none is read for the fleet
      int missed = (int) GoalProgress.of(tenant.state(), assessment.scores(), today, v -> List.of()).stream()
          .filter(GoalProgress::missed).count();
      return new FleetReport.Row(assessment.tenant().displayName(), id, Optional.of(assessment.scores().current().percent()), change,
          weakest, Optional.of(open), OptionalInt.of(overdue), OptionalInt.of(missed), Optional.empty());
    } catch (InputException e) {
      return FleetReport.Row.failed(name, e.getMessage());
    }
  }

  private static FleetReport.Row result(Future<FleetReport.Row> row) {
    try {
      return row.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the fleet was assessed", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    }
  }
}
