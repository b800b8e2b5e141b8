package dev.posture.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.posture.store.Stores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** assess --record stores the run; the next assess compares with it and gates on it. Contoso: 175.62 of 336 points. */
class AssessRecordTest {
  private static final String CONTOSO = "../samples/contoso";
  private static final String CATALOG = "../catalog";
  static final Clock DAY_BEFORE = Clock.fixed(Instant.parse("2026-11-21T06:00:00Z"), ZoneOffset.UTC);

  @TempDir Path dir;

  /** A new, empty store: an SQLite file here, or a fresh database on the test run's PostgreSQL server. */
  static String store(String kind, Path dir) {
    return kind.equals("sqlite") ? dir.resolve("history.db").toString() : Stores.freshDatabaseUrl();
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgresql"})
  void recordedRunIsTheNextAssessmentsBaseline(String kind) {
    String store = store(kind, dir);
    Cli.Result first = Cli.runAt(DAY_BEFORE, "", "assess", CONTOSO, "--catalog", CATALOG, "--record", "--store", store).exited(0);
    assertThat(first.err()).isEqualTo("posture: recorded the run of Contoso Pharmaceuticals at 2026-11-21 06:00 UTC in "
        + store.replaceFirst("^postgresql://postgres@", "postgresql://") + "\n");
    assertThat(first.out()).doesNotContain("Since the");

    Cli.Result second = Cli.run("assess", CONTOSO, "--catalog", CATALOG, "--store", store, "--fail-on-regression").succeeded();

    assertThat(second.out()).contains("Since the baseline (the last stored run, 2026-11-21 06:00 UTC): current 175.62 -> 175.62 "
        + "of 336 points (0 points, 0 percentage points); 0 actions up, 0 down");
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgresql"})
  void fewerPointsThanTheLastStoredRunFailTheRegressionGate(String kind) throws Exception {
    String store = store(kind, dir);
    Cli.runAt(DAY_BEFORE, "", "assess", CONTOSO, "--catalog", CATALOG, "--record", "--store", store).exited(0);
    Path noDecisions = Files.writeString(dir.resolve("empty-state.yaml"), "actions: {}\n");

    Cli.Result r = Cli.run("assess", CONTOSO, "--catalog", CATALOG, "--state", noDecisions.toString(), "--store", store,
        "--fail-on-regression").exited(ExitCode.GATE_FAILED).oneLineError();

    assertThat(r.err()).isEqualTo("posture: gate failed: regressed since the last stored run: scid_2010\n");
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgresql"})
  void recordTrueInPostureYamlRecordsEveryAssessment(String kind) throws Exception {
    String store = store(kind, dir);
    Files.writeString(dir.resolve("posture.yaml"), "record: true\nstore: " + store + "\n");
    String contoso = Path.of(CONTOSO).toAbsolutePath().toString();
    String catalog = Path.of(CATALOG).toAbsolutePath().toString();

    Cli.runIn(java.util.Map.of(), dir, "assess", contoso, "--catalog", catalog).exited(0).errContains("posture: recorded the run");
    Cli.Result second = Cli.runIn(java.util.Map.of(), dir, "assess", contoso, "--catalog", catalog).exited(0);

    assertThat(second.out()).contains("Since the baseline (the last stored run, 2026-11-22 06:00 UTC)");
  }

  @org.junit.jupiter.api.Test
  void aStoreNamedInTheEnvironmentIsUsed() {
    String store = dir.resolve("env.db").toString();
    Cli.runIn(java.util.Map.of("POSTURE_STORE", store), Path.of("").toAbsolutePath(), "assess", CONTOSO, "--catalog", CATALOG,
        "--record").exited(0).errContains(" in " + store);
    assertThat(dir.resolve("env.db")).exists();
  }

  @org.junit.jupiter.api.Test
  void brokenStoreIsOneLineAfterTheReport() throws Exception {
    Path notADatabase = Files.writeString(dir.resolve("history.db"), "this is not SQLite\n".repeat(100));

    Cli.Result r = Cli.run("assess", CONTOSO, "--catalog", CATALOG, "--record", "--store", notADatabase.toString())
        .exited(ExitCode.INVALID_INPUT).oneLineError();

    assertThat(r.out()).isEqualTo(Cli.run("assess", CONTOSO, "--catalog", CATALOG).out());
    assertThat(r.err()).startsWith("posture: " + notADatabase + ": not a posture history store, or damaged");
  }
}
