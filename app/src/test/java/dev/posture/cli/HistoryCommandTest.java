package dev.posture.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Three stored runs of Contoso: on 20 November without its decisions (scid_2010 not yet resolved
 * through a third party), on 21 and 22 November with them: current 175.62 of 336 points.
 */
class HistoryCommandTest {
  private static final String CONTOSO = "../samples/contoso";
  private static final String CATALOG = "../catalog";

  @TempDir Path dir;

  static String recordThreeRuns(String kind, Path dir) throws Exception {
    String store = AssessRecordTest.store(kind, dir);
    Path noDecisions = Files.writeString(dir.resolve("empty-state.yaml"), "actions: {}\n");
    Cli.runAt(day(20), "", "assess", CONTOSO, "--catalog", CATALOG, "--state", noDecisions.toString(), "--record", "--store", store)
        .exited(0);
    Cli.runAt(day(21), "", "assess", CONTOSO, "--catalog", CATALOG, "--record", "--store", store).exited(0);
    Cli.runAt(day(22), "", "assess", CONTOSO, "--catalog", CATALOG, "--record", "--store", store).exited(0);
    return store;
  }

  static Clock day(int november) {
    return Clock.fixed(Instant.parse("2026-11-%02dT06:00:00Z".formatted(november)), ZoneOffset.UTC);
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgresql"})
  void trendOfEveryViewAndCategory(String kind) throws Exception {
    String store = recordThreeRuns(kind, dir);

    String table = Cli.run("history", CONTOSO, "--store", store).succeeded().out();

    Cli.assertGolden("history-contoso.txt", table);
  }

  @Test
  void trendInJsonCsvAndMarkdown() throws Exception {
    String store = recordThreeRuns("sqlite", dir);

    String json = Cli.run("history", CONTOSO, "--store", store, "--view", "current", "--category", "overall", "--format", "json")
        .succeeded().out();
    String csv = Cli.run("history", CONTOSO, "--store", store, "--view", "current", "--format", "csv").succeeded().out();
    String md = Cli.run("history", CONTOSO, "--store", store, "--view", "current", "--format", "markdown").succeeded().out();

    JsonNode series = JsonMapper.builder().build().readTree(json).get("series");
    assertThat(series).hasSize(1);
    assertThat(series.get(0).get("points")).hasSize(3);
    assertThat(series.get(0).get("points").get(2).get("points").doubleValue()).isEqualTo(175.62, org.assertj.core.data.Offset.offset(0.005));
    Cli.assertGolden("history-contoso-current.csv", csv);
    Cli.assertGolden("history-contoso-current.md", md);
  }

  @Test
  void sinceLeavesOutTheEarlierRuns() throws Exception {
    String store = recordThreeRuns("sqlite", dir);

    String out = Cli.run("history", "Contoso Pharmaceuticals", "--store", store, "--view", "current", "--category", "identity",
        "--since", "2026-11-21").succeeded().out();

    assertThat(out.lines().filter(l -> l.startsWith("current"))).singleElement().asString()
        .contains(" 2 ").contains("2026-11-21").contains("2026-11-22");
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgresql"})
  void diffNamesTheActionsThatGainedOrLostPoints(String kind) throws Exception {
    String store = recordThreeRuns(kind, dir);

    String out = Cli.run("history", CONTOSO, "--store", store, "--diff", "2026-11-20", "2026-11-22").succeeded().out();

    Cli.assertGolden("history-contoso-diff.txt", out);
  }

  @Test
  void aDayWithoutRunIsOneLine() throws Exception {
    String store = recordThreeRuns("sqlite", dir);

    Cli.run("history", CONTOSO, "--store", store, "--diff", "2026-11-01", "2026-11-22").exited(ExitCode.INVALID_INPUT).oneLineError()
        .errContains("2026-11-01: no stored run of Contoso Pharmaceuticals on or before this day");
  }

  @Test
  void unknownTenantNamesWhatTheStoreHolds() throws Exception {
    String store = recordThreeRuns("sqlite", dir);

    Cli.run("history", "woodgrove", "--store", store).exited(ExitCode.INVALID_INPUT).oneLineError()
        .errContains("woodgrove: no tenant of this id or name in " + store);
  }
}
