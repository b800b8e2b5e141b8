package dev.posture.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.posture.fleet.Shard;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The four samples as a fleet: Contoso 54.76% current (its snapshot and its Secure Score together), and a tenant folder whose snapshot is broken. */
class FleetCommandTest {
  private static final String SAMPLES = "../samples";
  private static final String CATALOG = "../catalog";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @TempDir Path dir;

  @Test
  void oneRowPerTenant() {
    String out = Cli.run("fleet", "assess", SAMPLES, "--catalog", CATALOG).succeeded().out();

    Cli.assertGolden("fleet-samples.txt", out);
  }

  @Test
  void aBrokenTenantIsReportedOnItsOwnAndTheOthersGoOn() throws Exception {
    Path broken = Files.createDirectories(dir.resolve("broken"));
    Files.writeString(broken.resolve("snapshot.json"), "{\"tenant\": ");

    Cli.Result r = Cli.run("fleet", "assess", SAMPLES, broken.toString(), "--catalog", CATALOG, "--format", "json")
        .exited(ExitCode.INVALID_INPUT).oneLineError();

    JsonNode tenants = JSON.readTree(r.out()).get("tenants");
    assertThat(tenants).hasSize(5);
    assertThat(tenants.get(0).get("currentPercent").doubleValue()).isEqualTo(54.76);
    assertThat(tenants.get(4).get("error").stringValue()).startsWith(broken.resolve("snapshot.json").toString());
    assertThat(r.err()).startsWith("posture: " + broken.resolve("snapshot.json"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgresql"})
  void recordedFleetIsReportedFromTheStoreAlone(String kind) {
    String store = AssessRecordTest.store(kind, dir);
    Cli.runAt(AssessRecordTest.DAY_BEFORE, "", "fleet", "assess", SAMPLES, "--catalog", CATALOG, "--record", "--store", store,
        "--jobs", "2").succeeded();
    String second = Cli.run("fleet", "assess", SAMPLES, "--catalog", CATALOG, "--record", "--store", store, "--format", "csv")
        .succeeded().out();

    String report = Cli.run("fleet", "report", "--store", store, "--format", "csv").succeeded().out();

    assertThat(second.lines().skip(1)).allMatch(l -> l.contains("%,0,"));
    assertThat(report.lines()).hasSize(5);
    assertThat(report).contains("Contoso Pharmaceuticals,b3f2c1de-4a5b-4c6d-8e9f-0a1b2c3d4e5f,54.76%,0,Identity,");
  }

  @Test
  void shardsTogetherTakeEveryTenantOnce() {
    List<String> seen = new ArrayList<>();
    for (int i = 1; i <= 3; i++) {
      String json = Cli.run("fleet", "assess", SAMPLES, "--catalog", CATALOG, "--shard", i + "/3", "--format", "json").succeeded().out();
      JSON.readTree(json).get("tenants").forEach(t -> seen.add(t.get("name").stringValue()));
    }

    assertThat(seen).containsExactlyInAnyOrder("Contoso Pharmaceuticals", "Fabrikam, Inc.", "Litware, Inc.", "Northwind Traders");
    assertThat(Shard.of("contoso", 3)).isBetween(1, 3);
  }

  @Test
  void badShardIsAUsageError() {
    Cli.run("fleet", "assess", SAMPLES, "--shard", "4/3").exited(ExitCode.USAGE).errContains("expected a shard I/N with 1 <= I <= N");
  }
}
