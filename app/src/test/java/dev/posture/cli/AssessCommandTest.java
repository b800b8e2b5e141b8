package dev.posture.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.posture.report.Numbers;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class AssessCommandTest {
  private static final String CONTOSO = "../samples/contoso";
  private static final String CATALOG = "../catalog";

  @Test
  void tableOfTheSample() {
    Cli.Result r = Cli.run("assess", CONTOSO, "--catalog", CATALOG).succeeded();

    Cli.assertGolden("assess-contoso.txt", r.out());
  }

  @Test
  void jsonOfTheSample() {
    Cli.Result r = Cli.run("assess", CONTOSO, "--catalog", CATALOG, "--format", "json").succeeded();

    Cli.assertGolden("assess-contoso.json", r.out());
  }

  @Test
  void jsonAgreesWithTheTable() {
    String table = Cli.run("assess", CONTOSO, "--catalog", CATALOG).succeeded().out();
    JsonNode json = JsonMapper.builder().build().readTree(Cli.run("assess", CONTOSO, "--catalog", CATALOG, "--format", "json").out());

    for (String[] view : new String[][] {{"current", "Current"}, {"planned", "Planned"},
        {"currentLicense", "Current license"}, {"achievable", "Achievable"}}) {
      JsonNode score = json.get("scores").get(view[0]);
      String row = table.lines().filter(l -> l.startsWith(view[1] + " ")).findFirst().orElseThrow();
      assertThat(row.split("\\s{2,}")).as(row)
          .containsSubsequence(Numbers.points(score.get("points").doubleValue()), Numbers.points(score.get("max").doubleValue()),
              Numbers.percent(score.get("percent").doubleValue()));
    }
  }

  @Test
  void bundledCatalogueIsTheDefault() {
    String bundled = Cli.run("assess", CONTOSO, "--format", "json").succeeded().out();
    String explicit = Cli.run("assess", CONTOSO, "--catalog", CATALOG, "--format", "json").succeeded().out();

    assertThat(bundled).isEqualTo(explicit);
  }

  @Test
  void snapshotFromStandardInput() throws Exception {
    String snapshot = Files.readString(Path.of(CONTOSO, "snapshot.json"));

    Cli.Result r = Cli.runWithInput(snapshot, "assess", "-", "--catalog", CATALOG, "--state",
        CONTOSO + "/posture-state.yaml", "--format", "json").succeeded();

    assertThat(r.out()).isEqualTo(Cli.run("assess", CONTOSO, "--catalog", CATALOG, "--format", "json").out());
  }

  @Test
  void outputFileIsWrittenWhole(@TempDir Path dir) throws Exception {
    Path report = dir.resolve("report.json");

    Cli.Result r = Cli.run("assess", CONTOSO, "--catalog", CATALOG, "--format", "json", "--output", report.toString()).succeeded();

    assertThat(r.out()).isEmpty();
    assertThat(Files.readString(report)).isEqualTo(Cli.run("assess", CONTOSO, "--catalog", CATALOG, "--format", "json").out());
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(report);
    }
  }

  @Test
  void missingTenantIsInvalidInput() {
    Cli.run("assess", "no/such/tenant", "--catalog", CATALOG)
        .exited(ExitCode.INVALID_INPUT).oneLineError().errContains("no/such/tenant: no such snapshot file or tenant folder");
  }

  @Test
  void whenCatalogueAndSnapshotAreBothBrokenTheCatalogueIsReported(@TempDir Path dir) throws Exception {
    Path catalogue = dir.resolve("broken.yaml");
    Files.writeString(catalogue, "actions: [\n");

    Cli.run("assess", "no/such/tenant", "--catalog", catalogue.toString())
        .exited(ExitCode.INVALID_INPUT).oneLineError().errContains(catalogue + ":");
    Cli.run("assess", "no/such/tenant", "--catalog", CATALOG)
        .exited(ExitCode.INVALID_INPUT).oneLineError().errContains("no/such/tenant: no such snapshot file or tenant folder");
  }

  @Test
  void folderWithoutSnapshotIsInvalidInput(@TempDir Path dir) {
    Cli.run("assess", dir.toString(), "--catalog", CATALOG)
        .exited(ExitCode.INVALID_INPUT).oneLineError().errContains("holds no snapshot.json or snapshot.yaml");
  }

  @Test
  void brokenSnapshotNamesFileAndLine(@TempDir Path dir) throws Exception {
    Path snapshot = dir.resolve("snapshot.json");
    Files.writeString(snapshot, "{\n  \"tenant\": {\"id\": \"t\", \"displayName\": \"T\"},\n  \"users\": [\n    {\"a\": 1},\n  ]\n}\n");

    Cli.run("assess", snapshot.toString(), "--catalog", CATALOG)
        .exited(ExitCode.INVALID_INPUT).oneLineError().errContains(snapshot + ":5: not valid JSON");
  }

  @Test
  void wrongTypeInSnapshotNamesThePath(@TempDir Path dir) throws Exception {
    Path snapshot = dir.resolve("snapshot.yaml");
    Files.writeString(snapshot, "tenant: {id: t, displayName: T}\nusers:\n  - userPrincipalName: a@b.c\n  - just a string\n");

    Cli.run("assess", snapshot.toString(), "--catalog", CATALOG)
        .exited(ExitCode.INVALID_INPUT).oneLineError()
        .errContains(snapshot + ":4: $.users[1]: expected a mapping (an object with named fields), found 'just a string'");
  }

  @Test
  void brokenStateFileIsInvalidInput(@TempDir Path dir) throws Exception {
    Files.copy(Path.of(CONTOSO, "snapshot.json"), dir.resolve("snapshot.json"));
    Files.writeString(dir.resolve("posture-state.yaml"), "actions:\n  AdminMFAV2:\n    status: completed\n");

    Cli.run("assess", dir.toString(), "--catalog", CATALOG)
        .exited(ExitCode.INVALID_INPUT).oneLineError()
        .errContains("posture-state.yaml:3: $.actions.AdminMFAV2.status: Completed is derived from the data and cannot be recorded");
  }

  @Test
  void topZeroListsNoActionButSaysHowManyAreOpen() {
    String table = Cli.run("assess", CONTOSO, "--top", "0").succeeded().out();
    String markdown = Cli.run("assess", CONTOSO, "--top", "0", "--format", "markdown").succeeded().out();

    long open = JsonMapper.builder().build().readTree(Cli.run("assess", CONTOSO, "--format", "json").out()).path("actions").valueStream()
        .filter(a -> a.path("remaining").doubleValue() > 0 && a.path("scored").booleanValue() && !a.path("deprecated").booleanValue()
            && !a.path("status").stringValue().equals("Risk accepted"))
        .count();
    assertThat(open).isEqualTo(43);
    assertThat(table).contains("\n43 open actions (accepted risks left out); --top 0 lists none.\n").doesNotContain("Every scored action");
    assertThat(markdown).contains("\n43 open actions (accepted risks left out); --top 0 lists none.\n").doesNotContain("Every scored action");
  }

  @Test
  void aCategoryWithNothingToScoreShowsADashNotZeroPercent(@TempDir Path dir) throws Exception {
    Path catalogue = Files.writeString(dir.resolve("apps.yaml"), """
        actions:
          - id: A1
            title: An action
            category: Apps
            product: Exchange Online
            maxScore: 3
            tier: Core
            implementationCost: Low
            userImpact: Low
            check: {passes: 'tenant.exchangeOrganizationConfig.MailTipsAllTipsEnabled'}
        """);

    String table = Cli.run("assess", CONTOSO, "--catalog", catalogue.toString(), "--state", dir.resolve("none.yaml").toString()).out();
    String markdown = Cli.run("assess", CONTOSO, "--catalog", catalogue.toString(), "--format", "markdown").out();

    assertThat(table).contains("\nIdentity            -            -                -            -\n", "\nApps      3/3 100.00%  3/3 100.00%");
    assertThat(markdown).contains("\n| Identity | - | - | - | - |\n");
  }

  @Test
  void topOneSaysActionInTheSingular() {
    assertThat(Cli.run("assess", CONTOSO, "--top", "1").succeeded().out()).contains("\nTop 1 open action by rank (accepted risks left out):\n");
    assertThat(Cli.run("assess", CONTOSO, "--top", "1", "--format", "markdown").succeeded().out()).contains("\n### Top 1 open action\n");
  }

  @Test
  void aStateFileNamedButMissingIsAWarningAndNothingIsCreated(@TempDir Path dir) {
    Path typo = dir.resolve("decisons.yaml");

    Cli.Result r = Cli.run("assess", CONTOSO, "--state", typo.toString()).exited(ExitCode.OK);

    assertThat(r.err()).isEqualTo("posture: warning: the state file " + typo + " does not exist; no decisions are applied"
        + " (a command that records one creates it)\n");
    assertThat(typo).doesNotExist();
  }

  @Test
  void anOutputFileInAMissingFolderNamesTheFolder(@TempDir Path dir) {
    Path file = dir.resolve("missing-dir").resolve("report.json");

    Cli.Result r = Cli.run("assess", CONTOSO, "--format", "json", "-o", file.toString()).exited(ExitCode.INVALID_INPUT).oneLineError();

    assertThat(r.err()).isEqualTo("posture: " + file + ": cannot be written: the folder " + file.getParent() + " does not exist\n");
  }

  @Test
  void anOutputFileWithoutAFormatTakesTheFormatOfItsExtension(@TempDir Path dir) throws Exception {
    for (String[] file : new String[][] {{"r.json", "json"}, {"r.csv", "csv"}, {"r.md", "markdown"}, {"r.xml", "junit"}, {"r.txt", "table"}}) {
      Path written = dir.resolve(file[0]);
      Cli.run("assess", CONTOSO, "-o", written.toString()).succeeded();

      assertThat(Files.readString(written)).as(file[0]).isEqualTo(Cli.run("assess", CONTOSO, "--format", file[1]).out());
    }
    Path explicit = dir.resolve("table.json");
    Cli.run("assess", CONTOSO, "-o", explicit.toString(), "--format", "table").succeeded();
    assertThat(Files.readString(explicit)).as("--format wins").isEqualTo(Cli.run("assess", CONTOSO).out());
  }

  @Test
  void unknownOptionIsAUsageError() {
    Cli.run("assess", CONTOSO, "--frobnicate").exited(ExitCode.USAGE).errContains("Unknown option: '--frobnicate'");
  }

  @Test
  void missingTenantArgumentIsAUsageError() {
    Cli.run("assess").exited(ExitCode.USAGE).errContains("Missing required parameter: 'TENANT'");
  }

  @Test
  void unknownFormatIsAUsageError() {
    Cli.run("assess", CONTOSO, "--format", "pdf").exited(ExitCode.USAGE).errContains("--format");
  }

  @Test
  void everyCommandHasHelp() {
    assertThat(Cli.run("assess", "--help").succeeded().out()).contains("Usage: posture assess", "Examples:", "--top");
    assertThat(Cli.run("snapshot", "generate", "--help").succeeded().out()).contains("--profile", "smb, enterprise, neglected");
  }

  @Test
  void helpListsTheExitCodes() {
    Cli.Result r = Cli.run("--help").succeeded();

    assertThat(r.out()).contains("Exit codes:", "70", "invalid input", "assess");
  }

  @Test
  void versionNamesTheRuntimeOnEveryCommand() {
    String version = Cli.run("--version").succeeded().out();

    assertThat(version).startsWith("posture ").contains("Java " + System.getProperty("java.version"));
    assertThat(Cli.run("actions", "list", "--version").succeeded().out()).isEqualTo(version);
  }
}
