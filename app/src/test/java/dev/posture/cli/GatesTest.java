package dev.posture.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Contoso scores current 52.27%, planned 54.65%, current license 87.20%, achievable 85.71%. */
class GatesTest {
  private static final String CONTOSO = "../samples/contoso";
  private static final String CATALOG = "../catalog";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Test
  void scoreAboveTheThresholdPasses() {
    Cli.run("assess", CONTOSO, "--catalog", CATALOG, "--fail-under", "52.27", "--fail-under", "current-license=87").succeeded();
  }

  @Test
  void scoreUnderTheThresholdFailsAfterWritingTheReport() {
    Cli.Result r = Cli.run("assess", CONTOSO, "--catalog", CATALOG, "--fail-under", "53")
        .exited(ExitCode.GATE_FAILED).oneLineError();

    assertThat(r.err()).isEqualTo("posture: gate failed: current score 52.27% is under 53%\n");
    assertThat(r.out()).isEqualTo(Cli.run("assess", CONTOSO, "--catalog", CATALOG).out());
  }

  @Test
  void everyViewCanBeGated() {
    Cli.run("assess", CONTOSO, "--catalog", CATALOG, "--fail-under", "achievable=90,planned=54", "--fail-under", "currentLicense=90%")
        .exited(ExitCode.GATE_FAILED).oneLineError()
        .errContains("achievable score 85.71% is under 90%; currentLicense score 87.20% is under 90%");
  }

  @Test
  void reportFileIsWrittenWhenAGateFails(@TempDir Path dir) throws Exception {
    Path report = dir.resolve("report.json");

    Cli.run("assess", CONTOSO, "--catalog", CATALOG, "--format", "json", "-o", report.toString(), "--fail-under", "99")
        .exited(ExitCode.GATE_FAILED).oneLineError();

    ReportSchema.assertValid(Files.readString(report));
  }

  @Test
  void unknownViewIsAUsageError() {
    Cli.run("assess", CONTOSO, "--catalog", CATALOG, "--fail-under", "best=80")
        .exited(ExitCode.USAGE).errContains("unknown view 'best'; expected current, planned, current-license or achievable");
  }

  @Test
  void percentageOutOfRangeIsAUsageError() {
    Cli.run("assess", CONTOSO, "--catalog", CATALOG, "--fail-under", "120")
        .exited(ExitCode.USAGE).errContains("expected a percentage from 0 to 100, found '120'");
  }

  @Test
  void regressionGateNeedsABaseline() {
    Cli.run("assess", CONTOSO, "--catalog", CATALOG, "--fail-on-regression")
        .exited(ExitCode.USAGE).oneLineError().errContains("--fail-on-regression needs --baseline FILE");
  }

  @Test
  void unchangedBaselinePassesTheRegressionGate(@TempDir Path dir) throws Exception {
    Path baseline = write(dir, contosoReport());

    Cli.Result r = Cli.run("assess", CONTOSO, "--catalog", CATALOG, "--baseline", baseline.toString(), "--fail-on-regression").succeeded();

    assertThat(r.out()).contains("Since the baseline (" + baseline + "): current 175.62 -> 175.62 of 336 points (0 points, 0 percentage points); 0 actions up, 0 down");
  }

  @Test
  void actionWithFewerPointsRegressesAndFailsTheGate(@TempDir Path dir) throws Exception {
    Path baseline = write(dir, lowered(contosoReport()));

    Cli.Result r = Cli.run("assess", CONTOSO, "--catalog", CATALOG, "--baseline", baseline.toString(), "--fail-on-regression")
        .exited(ExitCode.GATE_FAILED).oneLineError();

    assertThat(r.err()).isEqualTo("posture: gate failed: regressed since the baseline: scid_69\n");
    Cli.assertGolden("assess-contoso-baseline.txt", r.out().replace(baseline.toString(), "BASELINE"));
  }

  @Test
  void baselineChangesInMarkdownAndJson(@TempDir Path dir) throws Exception {
    Path baseline = write(dir, lowered(contosoReport()));

    String md = Cli.run("assess", CONTOSO, "--catalog", CATALOG, "--baseline", baseline.toString(), "--format", "markdown")
        .succeeded().out();
    String json = Cli.run("assess", CONTOSO, "--catalog", CATALOG, "--baseline", baseline.toString(), "--format", "json")
        .succeeded().out();

    Cli.assertGolden("assess-contoso-baseline.md", md);
    ReportSchema.assertValid(json);
    ObjectNode changes = (ObjectNode) JSON.readTree(json).get("baseline");
    assertThat(changes.get("change").get("points").doubleValue()).isCloseTo(-4.0 + 1.5, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(changes.get("actions")).hasSize(2);
  }

  @Test
  void droppedScoreFailsTheGateEvenWithoutARegressedAction(@TempDir Path dir) throws Exception {
    ObjectNode report = contosoReport();
    ((ObjectNode) report.get("scores").get("current")).put("points", 180.0);
    Path baseline = write(dir, report);

    Cli.run("assess", CONTOSO, "--catalog", CATALOG, "--baseline", baseline.toString(), "--fail-on-regression")
        .exited(ExitCode.GATE_FAILED).oneLineError()
        .errContains("current score dropped from 180 to 175.62 points since the baseline");
  }

  @Test
  void baselineThatIsNotAReportIsInvalidInput(@TempDir Path dir) throws Exception {
    Path notReport = dir.resolve("package.json");
    Files.writeString(notReport, "{\n  \"name\": \"web\",\n  \"version\": \"1.0.0\"\n}\n");

    Cli.run("assess", CONTOSO, "--catalog", CATALOG, "--baseline", notReport.toString())
        .exited(ExitCode.INVALID_INPUT).oneLineError()
        .errContains(notReport + ":1: $: missing field 'schemaVersion'; expected a posture JSON report (assess --format json)");
  }

  @Test
  void baselineWithAWrongFieldNamesThePath(@TempDir Path dir) throws Exception {
    ObjectNode report = contosoReport();
    ((ObjectNode) report.get("actions").get(2)).put("points", "lots");
    Path baseline = write(dir, report);

    Cli.run("assess", CONTOSO, "--catalog", CATALOG, "--baseline", baseline.toString())
        .exited(ExitCode.INVALID_INPUT).oneLineError()
        .errContains(baseline + ":").errContains(": $.actions[2].points: expected a number, found 'lots'");
  }

  @Test
  void baselineOnAnotherTenantIsInvalidInput(@TempDir Path dir) throws Exception {
    ObjectNode report = contosoReport();
    ((ObjectNode) report.get("tenant")).put("id", "fabrikam");
    Path baseline = write(dir, report);

    Cli.run("assess", CONTOSO, "--catalog", CATALOG, "--baseline", baseline.toString())
        .exited(ExitCode.INVALID_INPUT).oneLineError()
        .errContains(baseline + ":4: $.tenant.id: the baseline is a report on tenant fabrikam, not on "
            + "b3f2c1de-4a5b-4c6d-8e9f-0a1b2c3d4e5f, the tenant assessed now");
  }

  /** Tenant ids are GUIDs: one written in capitals, as PowerShell often does, is the same tenant. */
  @Test
  void aBaselineWhoseTenantIdDiffersOnlyInCaseIsTheSameTenant(@TempDir Path dir) throws Exception {
    ObjectNode report = contosoReport();
    ((ObjectNode) report.get("tenant")).put("id", "B3F2C1DE-4A5B-4C6D-8E9F-0A1B2C3D4E5F");
    Path baseline = write(dir, report);

    Cli.run("assess", CONTOSO, "--catalog", CATALOG, "--baseline", baseline.toString()).succeeded();
  }

  @Test
  void missingBaselineIsInvalidInput(@TempDir Path dir) {
    Path missing = dir.resolve("last.json");

    Cli.run("assess", CONTOSO, "--catalog", CATALOG, "--baseline", missing.toString())
        .exited(ExitCode.INVALID_INPUT).oneLineError().errContains(missing + ": no such file");
  }

  private static ObjectNode contosoReport() {
    return (ObjectNode) JSON.readTree(Cli.run("assess", CONTOSO, "--catalog", CATALOG, "--format", "json").succeeded().out());
  }

  /** The Contoso report as if scid_69 had had all its 8 points and scid_3010 1.5 fewer. */
  private static ObjectNode lowered(ObjectNode report) {
    for (var action : report.get("actions")) {
      ObjectNode a = (ObjectNode) action;
      switch (a.get("id").stringValue()) {
        case "scid_69" -> a.put("points", 8.0);
        case "scid_3010" -> a.put("points", a.get("points").doubleValue() - 1.5);
        default -> { }
      }
    }
    ((ObjectNode) report.get("scores").get("current")).put("points", 175.61666666666667 + 4 - 1.5);
    return report;
  }

  private static Path write(Path dir, ObjectNode report) throws Exception {
    Path file = dir.resolve("baseline.json");
    Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(report));
    return file;
  }
}
