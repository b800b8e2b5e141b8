package dev.posture.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.posture.catalog.Catalog;
import dev.posture.catalog.CatalogLoader;
import dev.posture.graph.ControlProfile;
import dev.posture.graph.ControlScore;
import dev.posture.graph.DailyScore;
import dev.posture.graph.GraphAssessment;
import dev.posture.graph.GraphAssessor;
import dev.posture.graph.GraphExport;
import dev.posture.graph.KnownControls;
import dev.posture.input.InputException;
import dev.posture.scoring.Assessment;
import dev.posture.scoring.ScoringEngine;
import dev.posture.scoring.Source;
import dev.posture.snapshot.Snapshot;
import dev.posture.snapshot.SnapshotLoader;
import dev.posture.snapshot.SnapshotLocation;
import dev.posture.state.State;
import dev.posture.state.StateLoader;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

/** The history store against both of its databases: a real SQLite file and a real PostgreSQL server. */
@ParameterizedClass(name = "{0}")
@ValueSource(strings = {"sqlite", "postgresql"})
class HistoryStoreTest {
  private static final Instant NOV_1 = Instant.parse("2026-11-01T10:00:00Z");
  private static final Instant NOV_15 = Instant.parse("2026-11-15T09:30:00.250Z");

  @Parameter
  String kind;

  @TempDir
  Path folder;

  StoreLocation location;

  @BeforeEach
  void freshStore() {
    location = Stores.fresh(kind, folder);
  }

  @Test
  void aRecordedRunReadsBackWithItsScoresAndActions() {
    try (HistoryStore store = HistoryStore.open(location)) {
      Run first = store.record(Stores.run("t1", NOV_1, 8, 0));
      Run second = store.record(Stores.run("t1", NOV_15, 18, 10));

      assertThat(second.id()).isGreaterThan(first.id());
      assertThat(second.recordedAt()).isEqualTo(NOV_15);
      RunDetail detail = store.run(second.id()).orElseThrow();
      assertThat(detail.run()).isEqualTo(second);
      assertThat(detail.scores()).extracting(RunRecord.Score::view, RunRecord.Score::scope, RunRecord.Score::points, RunRecord.Score::max)
          .containsExactly(tuple("current", "overall", 23.0, 30.0), tuple("current", "Identity", 18.0, 20.0),
              tuple("achievable", "overall", 28.0, 30.0));
      assertThat(detail.actions()).containsExactly(
          new RunRecord.ActionOutcome("AdminMFAV2", 10, Optional.of(10.0), Optional.of("completed"), Source.POSTURE),
          new RunRecord.ActionOutcome("DLPEnabled", 5, Optional.of(10.0), Optional.of("planned"), Source.MICROSOFT));
      assertThat(detail.score("current", "Identity").orElseThrow().percent()).isEqualTo(90.0);
      assertThat(store.run(second.id() + 100)).isEmpty();
      assertThat(store.name()).isEqualTo(location.toString());
    }
  }

  @Test
  void theLastRunIsTheNewestOnOrBeforeTheDayAsked() {
    try (HistoryStore store = HistoryStore.open(location)) {
      Run first = store.record(Stores.run("t1", NOV_1, 8, 0));
      Run second = store.record(Stores.run("t1", NOV_15, 18, 10));
      store.record(Stores.run("t2", NOV_15.plusSeconds(60), 1, 1));

      assertThat(store.lastRun("t1", Source.POSTURE, Optional.empty())).contains(second);
      assertThat(store.lastRun("t1", Source.POSTURE, Optional.of(LocalDate.parse("2026-11-14")))).contains(first);
      assertThat(store.lastRun("t1", Source.POSTURE, Optional.of(LocalDate.parse("2026-11-01")))).contains(first);
      assertThat(store.lastRun("t1", Source.POSTURE, Optional.of(LocalDate.parse("2026-10-31")))).isEmpty();
      assertThat(store.lastRun("t1", Source.MICROSOFT, Optional.empty())).isEmpty();
      assertThat(store.lastRun("nobody", Source.POSTURE, Optional.empty())).isEmpty();
    }
  }

  @Test
  void theTrendHasOneSeriesPerViewAndScopeFilteredBySinceViewAndCategory() {
    try (HistoryStore store = HistoryStore.open(location)) {
      Run first = store.record(Stores.run("t1", NOV_1, 8, 0));
      Run second = store.record(Stores.run("t1", NOV_15, 18, 10));
      store.record(Stores.run("other", NOV_15, 2, 2));

      List<Series> all = store.trend("t1", TrendQuery.ALL);
      assertThat(all).extracting(Series::source, Series::view, Series::scope).containsExactly(
          tuple(Source.POSTURE, "current", "overall"), tuple(Source.POSTURE, "current", "Identity"),
          tuple(Source.POSTURE, "achievable", "overall"));
      assertThat(all.get(0).points()).containsExactly(new Series.Point(first.id(), NOV_1, 13, 30),
          new Series.Point(second.id(), NOV_15, 23, 30));
      assertThat(all.get(1).points()).extracting(Series.Point::percent).containsExactly(40.0, 90.0);

      List<Series> identitySince = store.trend("t1", new TrendQuery(Optional.of(LocalDate.parse("2026-11-02")),
          Optional.of("current"), Optional.of("Identity"), Optional.of(Source.POSTURE)));
      assertThat(identitySince).hasSize(1);
      assertThat(identitySince.get(0).points()).containsExactly(new Series.Point(second.id(), NOV_15, 18, 20));

      assertThat(store.trend("t1", new TrendQuery(Optional.empty(), Optional.empty(), Optional.empty(),
          Optional.of(Source.MICROSOFT)))).isEmpty();
      assertThat(store.trend("nobody", TrendQuery.ALL)).isEmpty();
    }
  }

  @Test
  void theDiffListsTheActionsThatGainedOrLostPointsLossesFirst() {
    try (HistoryStore store = HistoryStore.open(location)) {
      Run before = store.record(Stores.run("t1", NOV_1, 8, 0));
      RunRecord template = Stores.run("t1", NOV_15, 18, 10);
      Run after = store.record(new RunRecord("t1", "Tenant t1", NOV_15, Source.POSTURE, template.scores(), List.of(
          template.actions().get(0),
          new RunRecord.ActionOutcome("DLPEnabled", 2, Optional.of(10.0), Optional.of("to-address"), Source.POSTURE),
          new RunRecord.ActionOutcome("NewControl", 3, Optional.of(5.0), Optional.of("to-address"), Source.POSTURE))));

      RunDiff diff = store.diff(before, after);

      assertThat(diff.before().run()).isEqualTo(before);
      assertThat(diff.after().run()).isEqualTo(after);
      assertThat(diff.changes()).containsExactly(
          new RunDiff.ActionChange("DLPEnabled", Optional.of(5.0), Optional.of(2.0), Optional.of("planned"), Optional.of("to-address")),
          new RunDiff.ActionChange("NewControl", Optional.empty(), Optional.of(3.0), Optional.empty(), Optional.of("to-address")),
          new RunDiff.ActionChange("AdminMFAV2", Optional.of(0.0), Optional.of(10.0), Optional.of("to-address"), Optional.of("completed")));
      assertThat(diff.changes()).extracting(RunDiff.ActionChange::change).containsExactly(-3.0, 3.0, 10.0);
      assertThat(store.diff(after, after).changes()).isEmpty();
    }
  }

  @Test
  void anAssessmentIsRecordedWithEveryViewCategoryAndAction() {
    Catalog catalog = new CatalogLoader(Optional.empty()).loadBundled();
    SnapshotLocation tenant = SnapshotLocation.resolve("../samples/contoso", Optional.empty());
    Snapshot snapshot = new SnapshotLoader().load(tenant, InputStream.nullInputStream());
    Assessment assessment = new ScoringEngine().assess(catalog, snapshot, new StateLoader().load(tenant.state()), Map.of());

    try (HistoryStore store = HistoryStore.open(location)) {
      Run run = store.record(AssessmentRuns.of(assessment, NOV_1));
      RunDetail detail = store.run(run.id()).orElseThrow();

      assertThat(run.tenantId()).isEqualTo(assessment.tenant().id());
      assertThat(detail.scores()).hasSize(4 * (1 + assessment.categories().size()));
      assertThat(detail.score("current", "overall").orElseThrow())
          .isEqualTo(new RunRecord.Score("current", "overall", assessment.scores().current().points(), assessment.scores().current().max()));
      assertThat(detail.score("currentLicense", "Identity").orElseThrow().points())
          .isEqualTo(assessment.categories().stream().filter(c -> c.category().label().equals("Identity")).findFirst()
              .orElseThrow().scores().currentLicense().points());
      assertThat(detail.actions()).hasSize(assessment.actions().size());
      var mfa = assessment.action("AdminMFAV2").orElseThrow();
      assertThat(detail.action("AdminMFAV2")).contains(new RunRecord.ActionOutcome("AdminMFAV2", mfa.points(),
          Optional.of(mfa.action().maxScore()), Optional.of(mfa.status().key()), Source.POSTURE));
      assertThat(store.tenants()).containsExactly(new TenantSummary(assessment.tenant().id(), assessment.tenant().displayName(), 1,
          Optional.of(NOV_1)));
    }
  }

  @Test
  void tenantsAreListedWithTheirRunsAndLatestName() {
    try (HistoryStore store = HistoryStore.open(location)) {
      store.record(Stores.run("b", NOV_1, 1, 1));
      store.record(Stores.run("a", NOV_1, 1, 1));
      RunRecord renamed = Stores.run("a", NOV_15, 2, 2);
      store.record(new RunRecord("a", "Alpha Ltd", NOV_15, Source.POSTURE, renamed.scores(), renamed.actions()));

      assertThat(store.tenants()).containsExactly(
          new TenantSummary("a", "Alpha Ltd", 2, Optional.of(NOV_15)),
          new TenantSummary("b", "Tenant b", 1, Optional.of(NOV_1)));
    }
  }

  @Test
  void groupsAreSavedReplacedAndRemovedAndAverageTheirMembersLatestRuns() {
    try (HistoryStore store = HistoryStore.open(location)) {
      store.record(Stores.run("a", NOV_1, 0, 0));
      store.record(Stores.run("a", NOV_15, 10, 10));
      store.record(Stores.run("b", NOV_1, 4, 0));
      store.saveGroup("emea", List.of("b", "a", "c", "a"));
      store.saveGroup("solo", List.of("b"));

      assertThat(store.groups()).containsExactly(new Group("emea", List.of("a", "b", "c")), new Group("solo", List.of("b")));
      Averages averages = store.averages(store.group("emea").orElseThrow().members(), Source.POSTURE);
      assertThat(averages.counted()).containsExactly("a", "b");
      assertThat(averages.missing()).containsExactly("c");
      // a's newest run (15 of 30, Identity 10 of 20) beside b's only run (9 of 30, Identity 4 of 20)
      assertThat(averages.averages()).containsExactly(
          new Averages.Average("current", "overall", 12, 30, 2),
          new Averages.Average("current", "Identity", 7, 20, 2),
          new Averages.Average("achievable", "overall", 28, 30, 2));
      assertThat(averages.averages().get(1).percent()).isEqualTo(35.0);
      assertThat(store.averages(List.of("c"), Source.POSTURE)).isEqualTo(new Averages(List.of(), List.of("c"), List.of()));

      store.saveGroup("emea", List.of("c"));
      assertThat(store.group("emea")).contains(new Group("emea", List.of("c")));
      assertThat(store.removeGroup("emea")).isTrue();
      assertThat(store.removeGroup("emea")).isFalse();
      assertThat(store.groups()).containsExactly(new Group("solo", List.of("b")));
      assertThat(store.group("emea")).isEmpty();
    }
  }

  @Test
  void microsoftsHistoryIsRecordedOnceADayHoweverOftenItIsImported() {
    GraphExport first = export(day("2026-11-01", 4), day("2026-11-02", 6), day("2026-11-03", 8));
    GraphExport second = export(day("2026-11-03", 9), day("2026-11-04", 10));
    try (HistoryStore store = HistoryStore.open(location)) {
      List<Run> stored = store.recordMicrosoftDays(MicrosoftHistory.runs(first, assessed(first), TENANT, "Contoso", "secure-score"));
      assertThat(stored).extracting(Run::recordedAt).containsExactly(Instant.parse("2026-11-01T06:00:00Z"),
          Instant.parse("2026-11-02T06:00:00Z"), Instant.parse("2026-11-03T06:00:00Z"));
      assertThat(store.recordMicrosoftDays(MicrosoftHistory.runs(first, assessed(first), TENANT, "Contoso", "secure-score"))).isEmpty();
      assertThat(store.recordMicrosoftDays(MicrosoftHistory.runs(second, assessed(second), TENANT, "Contoso", "secure-score")))
          .extracting(Run::recordedAt).containsExactly(Instant.parse("2026-11-04T06:00:00Z"));

      List<Series> trend = store.trend(TENANT, new TrendQuery(Optional.empty(), Optional.empty(), Optional.empty(),
          Optional.of(Source.MICROSOFT)));
      assertThat(trend).extracting(Series::view, Series::scope).containsExactly(tuple("current", "overall"), tuple("current", "Identity"));
      // overall as Microsoft reported it; the third day kept as first stored
      assertThat(trend.get(0).points()).extracting(Series.Point::points).containsExactly(14.0, 16.0, 18.0, 20.0);
      assertThat(trend.get(0).points()).extracting(Series.Point::max).containsOnly(40.0);
      // Identity: AdminMFAV2 (max 10 from its profile) and MFARegistrationV2 (5 at 50 %: max 10)
      assertThat(trend.get(1).points()).extracting(Series.Point::points, Series.Point::max)
          .containsExactly(tuple(9.0, 20.0), tuple(11.0, 20.0), tuple(13.0, 20.0), tuple(15.0, 20.0));

      RunDetail last = store.run(store.lastRun(TENANT, Source.MICROSOFT, Optional.empty()).orElseThrow().id()).orElseThrow();
      assertThat(last.actions()).containsExactly(
          new RunRecord.ActionOutcome("AdminMFAV2", 10, Optional.of(10.0), Optional.empty(), Source.MICROSOFT),
          new RunRecord.ActionOutcome("MDA_Unknown", 1, Optional.empty(), Optional.empty(), Source.MICROSOFT),
          new RunRecord.ActionOutcome("MFARegistrationV2", 5, Optional.of(10.0), Optional.empty(), Source.MICROSOFT));
      assertThat(store.tenants()).extracting(TenantSummary::runs).containsExactly(4);
    }
  }

  @Test
  void aGraphExportOfAnotherTenantIsRefused() {
    GraphExport export = export(day("2026-11-01", 4));
    assertThatThrownBy(() -> MicrosoftHistory.runs(export, assessed(export), "someone-else", "X", "secure-score"))
        .isInstanceOf(InputException.class)
        .hasMessage("secure-score: the secureScores day 2026-11-01 is of tenant " + TENANT + ", not someone-else");
  }

  @Test
  void aStoreOfAnOlderSchemaIsMigratedOnFirstUseAndKeepsItsRuns() throws Exception {
    Run old;
    try (HistoryStore store = HistoryStore.open(location, Duration.ofSeconds(10), 1)) {
      assertThat(store.schemaVersion()).isEqualTo(1);
      old = store.record(Stores.run("t1", NOV_1, 8, 0));
    }
    assertThat(Stores.count(location, "SELECT COUNT(*) FROM schema_version")).isEqualTo(1);

    try (HistoryStore store = HistoryStore.open(location)) {
      assertThat(store.schemaVersion()).isEqualTo(2);
      assertThat(store.lastRun("t1", Source.POSTURE, Optional.empty())).contains(old);
      store.saveGroup("g", List.of("t1"));
      assertThat(store.averages(store.group("g").orElseThrow().members(), Source.POSTURE).counted()).containsExactly("t1");
    }
    assertThat(Stores.count(location, "SELECT COUNT(*) FROM schema_version")).isEqualTo(2);
  }

  @Test
  void aStoreOfANewerSchemaIsRefusedAndLeftAlone() throws Exception {
    HistoryStore.open(location).close();
    Stores.sql(location, "INSERT INTO schema_version (version, script, applied_at) VALUES (3, 'V3__future.sql', '2027-01-01T00:00:00.000Z')");

    assertThatThrownBy(() -> HistoryStore.open(location))
        .isInstanceOf(StoreException.class)
        .hasMessage(location + ": its schema is version 3, newer than this posture knows (2); use a newer posture");
    assertThat(Stores.count(location, "SELECT MAX(version) FROM schema_version")).isEqualTo(3);
  }

  @Test
  void aDatabaseHoldingOtherTablesIsNotTakenForAStore() throws Exception {
    Stores.sql(location, "CREATE TABLE invoices (id INTEGER PRIMARY KEY)");

    assertThatThrownBy(() -> HistoryStore.open(location))
        .isInstanceOf(StoreException.class)
        .hasMessage(location + ": not a posture history store: it holds other tables and no schema_version");
    assertThat(Stores.count(location, "SELECT COUNT(*) FROM invoices")).isZero();
  }

  @Test
  void aRunThatFailsMidWriteLeavesNothingBehind() throws Exception {
    RunRecord run = Stores.run("t1", NOV_1, 8, 0);
    List<RunRecord.ActionOutcome> failing = new AbstractList<>() {
      @Override
      public RunRecord.ActionOutcome get(int index) {
        if (index == 1) {
          throw new IllegalStateException("interrupted");
        }
        return run.actions().get(index);
      }

      @Override
      public int size() {
        return 2;
      }
    };
    try (HistoryStore store = HistoryStore.open(location)) {
      assertThatThrownBy(() -> store.record(new RunRecord("t1", "T", NOV_1, Source.POSTURE, run.scores(), failing)))
          .hasMessage("interrupted");
      assertThat(store.tenants()).isEmpty();
      assertThat(store.trend("t1", TrendQuery.ALL)).isEmpty();

      Run next = store.record(run);
      assertThat(store.run(next.id()).orElseThrow().actions()).hasSize(2);
    }
    assertThat(Stores.count(location, "SELECT COUNT(*) FROM run")).isEqualTo(1);
    assertThat(Stores.count(location, "SELECT COUNT(*) FROM score")).isEqualTo(3);
  }

  @Test
  void aStoreLockedPastItsTimeoutIsAClearError() throws Exception {
    try (HistoryStore store = HistoryStore.open(location, Duration.ofMillis(500))) {
      store.record(Stores.run("t1", NOV_1, 8, 0));
      try (Connection holder = Stores.raw(location); Statement s = holder.createStatement()) {
        holder.setAutoCommit(false);
        // another writer holds the tenant's row (PostgreSQL) and so the database's write lock (SQLite)
        s.executeUpdate("UPDATE tenant SET display_name = 'held' WHERE id = 't1'");

        long start = System.nanoTime();
        assertThatThrownBy(() -> store.record(Stores.run("t1", NOV_15, 18, 10)))
            .isInstanceOf(StoreException.class)
            .hasMessage(location + ": locked by another process for more than 0.5 s; try again when it is done");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
        holder.rollback();
      }
      assertThat(store.record(Stores.run("t1", NOV_15, 18, 10)).recordedAt()).isEqualTo(NOV_15);
      assertThat(store.tenants()).extracting(TenantSummary::runs).containsExactly(2);
    }
  }

  @Test
  void processesRecordingAtOnceIntoANewStoreLoseNoRun() throws Exception {
    String store = location.file().map(Path::toString).orElse(pgUrl());
    List<Process> recorders = new ArrayList<>();
    for (String tenant : List.of("a", "b", "c")) {
      recorders.add(new ProcessBuilder(Recorder.command(store, tenant, "15")).redirectErrorStream(true).start());
    }
    for (Process p : recorders) {
      String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).as(output).isZero();
    }
    try (HistoryStore opened = HistoryStore.open(location)) {
      assertThat(opened.tenants()).extracting(TenantSummary::id, TenantSummary::runs)
          .containsExactly(tuple("a", 15), tuple("b", 15), tuple("c", 15));
    }
    assertThat(Stores.count(location, "SELECT COUNT(DISTINCT id) FROM run")).isEqualTo(45);
    assertThat(Stores.count(location, "SELECT COUNT(*) FROM score")).isEqualTo(45 * 3);
    assertThat(Stores.count(location, "SELECT COUNT(*) FROM schema_version")).isEqualTo(2);
  }

  @Test
  void aProcessKilledMidWriteLeavesNoPartialRun() throws Exception {
    String store = location.file().map(Path::toString).orElse(pgUrl());
    HistoryStore.open(location).close();
    Process recorder = new ProcessBuilder(Recorder.command(store, "t1", "hang")).redirectErrorStream(true).start();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(recorder.getInputStream(), StandardCharsets.UTF_8))) {
      assertThat(out.readLine()).isEqualTo("writing");
      recorder.destroyForcibly();
      assertThat(recorder.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
    try (HistoryStore opened = HistoryStore.open(location)) {
      assertThat(opened.tenants()).isEmpty();
      Run run = opened.record(Stores.run("t1", NOV_1, 8, 0));
      assertThat(opened.run(run.id()).orElseThrow().actions()).hasSize(2);
    }
    assertThat(Stores.count(location, "SELECT COUNT(*) FROM run")).isEqualTo(1);
    assertThat(Stores.count(location, "SELECT COUNT(*) FROM score")).isEqualTo(3);
  }

  /** The PostgreSQL store's URL as a user would give it (the location shows it without the user). */
  private String pgUrl() {
    return location.toString().replace("postgresql://", "postgresql://postgres@");
  }

  private static final String TENANT = "8d2a1c4e-0000-4000-8000-00000000c0de";

  /** A day: AdminMFAV2 at the given points, MFARegistrationV2 at 5 of 10 (50 %), a control of unknown worth. */
  private static DailyScore day(String date, double adminMfa) {
    return new DailyScore(TENANT, date, date + "T06:00:00Z", adminMfa + 10, 40, 25, List.of("HasAADP1"), List.of(
        new ControlScore("AdminMFAV2", "Identity", adminMfa, OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(), ""),
        new ControlScore("MFARegistrationV2", "identity", 5, OptionalDouble.of(50), OptionalDouble.empty(), OptionalDouble.empty(), ""),
        new ControlScore("11770.MDA_Unknown", "Apps", 1, OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(), "")),
        List.of());
  }

  /** The export as posture assesses it, with no catalogue: max points from profiles and percentages. */
  private static GraphAssessment assessed(GraphExport export) {
    return new GraphAssessor(new Catalog(List.of(), List.of()), KnownControls.none()).assess(export, State.EMPTY);
  }

  private static GraphExport export(DailyScore... days) {
    ControlProfile mfa = new ControlProfile("AdminMFAV2", "Require MFA for administrative roles", "Identity", 10, "AzureAD",
        Optional.empty(), Optional.empty(), Optional.empty(), List.of(), false, "", "", Optional.empty(), "profiles.json");
    return new GraphExport(List.of(days), Map.of(dev.posture.graph.ControlIds.key("AdminMFAV2"), mfa));
  }
}
