package dev.posture.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class AssessGraphTest {
  private static final String TENANT = "src/test/resources/graph/tenant";
  private static final String CATALOG = "../catalog";

  @Test
  void tableOfAFolderOfExports() {
    Cli.Result r = Cli.run("assess", "--graph", TENANT, "--catalog", CATALOG).succeeded();

    Cli.assertGolden("assess-graph.txt", r.out());
  }

  @Test
  void jsonOfAFolderOfExports() {
    Cli.Result r = Cli.run("assess", "--graph", TENANT, "--catalog", CATALOG, "--format", "json").succeeded();

    Cli.assertGolden("assess-graph.json", r.out());
  }

  @Test
  void repeatedFilesReadLikeTheirFolder() {
    String folder = Cli.run("assess", "--graph", TENANT, "--catalog", CATALOG).succeeded().out();
    String files = Cli.run("assess", "--graph", TENANT + "/secureScores.json", "--graph", TENANT + "/controlProfiles-page1.json",
        "--graph", TENANT + "/controlProfiles-powershell.json", "--catalog", CATALOG).succeeded().out();

    assertThat(files).isEqualTo(folder);
  }

  @Test
  void localStateWins(@TempDir Path dir) throws Exception {
    Path state = dir.resolve("posture-state.yaml");
    Files.writeString(state, "actions:\n  mdo_blockmailforward:\n    status: planned\n");

    Cli.Result r = Cli.run("assess", "--graph", TENANT, "--state", state.toString(), "--catalog", CATALOG, "--format", "json")
        .succeeded();

    JsonNode json = JsonMapper.builder().build().readTree(r.out());
    assertThat(json.at("/scores/planned/points").doubleValue()).isEqualTo(32.0);
    assertThat(json.at("/scores/achievable/points").doubleValue()).isEqualTo(49.0);
  }

  @Test
  void missingMaxPointsWarnOnStandardErrorAndShowInJson() {
    Cli.Result r = Cli.run("assess", "--graph", "src/test/resources/graph/missing", "--catalog", CATALOG, "--format", "json")
        .exited(0)
        .errContains("posture: warning: 2 controls have no known max points")
        .errContains("teams_external_access, meeting_lobby_v1")
        .errContains("their 3 points are left out of current too");

    JsonNode json = JsonMapper.builder().build().readTree(r.out());
    assertThat(json.at("/graph/missingMax/controls").toString()).isEqualTo("[\"teams_external_access\",\"meeting_lobby_v1\"]");
    assertThat(json.at("/graph/missingMax/points").doubleValue()).isEqualTo(3.0);
    assertThat(json.at("/graph/matchesReported").booleanValue()).isFalse();
  }

  @Test
  void invalidJsonExitsWithFileLineAndColumn() {
    Cli.run("assess", "--graph", "src/test/resources/graph/invalid/trailing-comma.json", "--catalog", CATALOG)
        .exited(ExitCode.INVALID_INPUT)
        .oneLineError()
        .errContains("trailing-comma.json:8: not valid JSON: ")
        .errContains("(column 7)");
  }

  @Test
  void aMissingExportFile() {
    Cli.run("assess", "--graph", "no-such-export.json", "--catalog", CATALOG)
        .exited(ExitCode.INVALID_INPUT)
        .oneLineError()
        .errContains("no-such-export.json: no such file");
  }

  @Test
  void tenantAndGraphTogetherIsAUsageError() {
    Cli.run("assess", "../samples/contoso", "--graph", TENANT, "--catalog", CATALOG)
        .exited(ExitCode.USAGE)
        .oneLineError()
        .errContains("give either TENANT or --graph, not both");
  }

  @Test
  void neitherTenantNorGraphIsAUsageError() {
    Cli.run("assess", "--catalog", CATALOG)
        .exited(ExitCode.USAGE)
        .oneLineError()
        .errContains("Missing required parameter: 'TENANT'");
  }

  @Test
  void everyFormatPrintsTheControls() {
    String junit = Cli.run("assess", "--graph", TENANT, "--catalog", CATALOG, "--format", "junit").succeeded().out();
    String csv = Cli.run("export", "--graph", TENANT, "--catalog", CATALOG).succeeded().out();

    assertThat(junit).contains("<testsuites name=\"posture Microsoft Secure Score\" tests=\"11\" failures=\"7\"");
    assertThat(csv.lines().filter(line -> line.startsWith("action,"))).hasSize(11);
    assertThat(csv.lines().filter(line -> line.startsWith("history,")).toList()).containsExactly(
        "history,2026-03-01,,,,14,64,50,,,,,,,,,,,",
        "history,2026-03-02,,,,26.5,64,37.5,,,,,,,,,,,",
        "history,2026-03-03,,,,27,64,37,,,,,,,,,,,");
  }

  @Test
  void regressionsAgainstTheExportsOwnHistory() {
    Cli.run("assess", "--graph", TENANT, "--catalog", CATALOG, "--fail-on-regression")
        .exited(ExitCode.GATE_FAILED).oneLineError()
        .errContains("posture: gate failed: regressed since the previous day of the export: AdminMFAV2");
  }

  @Test
  void markdownAddsMicrosoftsScoreTheComparisonsAndTheHistory() {
    String markdown = Cli.run("assess", "--graph", TENANT, "--catalog", CATALOG, "--format", "markdown").succeeded().out();

    assertThat(markdown).contains(
        "Microsoft reported 27 of 64. Enabled services: HasAADP1, HasAADP2, HasEXOP2, HasMDE, HasSPOP2.",
        "| Compared with | Overall | Identity | Device | Apps | Data |\n|---|---:|---:|---:|---:|---:|\n"
            + "| This tenant | 42.19% | 45.83% | 50.00% | 18.75% | 100.00% |\n"
            + "| All tenants | 48.50% | 60.00% | 50.00% | 37.75% | 12.50% |",
        "3 days, 2026-03-01 to 2026-03-03.\n- Change since 2026-03-01: +13 points (+20.31 percentage points)",
        "| `AdminMFAV2` | 10 | 7.5 | -2.5 |\n| `mdo_zapphish` | 0 | 3 | +3 |");
  }

  @Test
  void junitSuitesCarryMicrosoftsScoreTheHistoryAndTheirCategorysComparisons() throws Exception {
    String junit = Cli.run("assess", "--graph", TENANT, "--catalog", CATALOG, "--format", "junit").succeeded().out();

    Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(junit.getBytes(StandardCharsets.UTF_8)));
    Map<String, String> identity = new LinkedHashMap<>();
    Element suite = (Element) xml.getElementsByTagName("testsuite").item(0);
    NodeList properties = suite.getElementsByTagName("property");
    for (int i = 0; i < properties.getLength(); i++) {
      Element p = (Element) properties.item(i);
      identity.put(p.getAttribute("name"), p.getAttribute("value"));
    }
    assertThat(suite.getAttribute("name")).isEqualTo("Identity");
    assertThat(identity).containsEntry("microsoft.currentScore", "27").containsEntry("microsoft.maxScore", "64")
        .containsEntry("history.sinceFirst", "+13").containsEntry("history.sincePrevious", "+0.5")
        .containsEntry("compared.This tenant", "45.83%").containsEntry("compared.All tenants", "60.00%")
        .doesNotContainKey("compared.Same industry");
  }
}
