package dev.posture.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Graph exports are data from outside: every number within the bounds Graph gives it, so that even
 * an export at the edges of all of them gives reports posture's own schema accepts; and an export of
 * any size read a page item at a time, in little memory.
 */
class GraphExportLimitsTest {
  @TempDir Path dir;

  @Test
  void anExportAtTheEdgesOfEveryBoundGivesReportsThatPassTheSchema() throws IOException {
    Path export = Files.writeString(dir.resolve("edges.json"), """
        {"value": [
          {"createdDateTime": "1970-01-01T00:00:00Z", "currentScore": 0, "maxScore": 0, "controlScores": [
            {"controlCategory": "Identity", "controlName": "AdminMFAV2", "score": 0}]},
          {"createdDateTime": "\\/Date(253402300799999)\\/", "currentScore": 1000000, "maxScore": 1000000, "licensedUserCount": 2147483647,
           "averageComparativeScores": [{"basis": "TotalSeats", "averageScore": 0, "SeatSizeRangeLowerValue": "0",
             "SeatSizeRangeUpperValue": 2147483647, "identityScore": 1000000, "identityScoreMax": 0}],
           "controlScores": [
            {"controlCategory": "Identity", "controlName": "AdminMFAV2", "score": 10, "scoreInPercentage": 100,
             "count": "2147483647", "total": "2147483647"},
            {"controlCategory": "INFRASTRUCTURE", "controlName": "11770.Edge_Small", "score": 10, "scoreInPercentage": 100},
            {"controlCategory": "data", "controlName": "Edge-Zero", "score": 0, "scoreInPercentage": 0, "count": 0, "total": 0}]},
          {"id": "11770.Edge_Small", "maxScore": 0.01, "deprecated": true,
           "controlStateUpdates": [{"state": "thirdparty", "updatedDateTime": "9999-12-31T23:59:59Z"}]},
          {"id": "Edge-Zero", "maxScore": 10, "controlStateUpdates": [{"state": "Ignored", "updatedDateTime": "1970-01-01T00:00:00"}]}
        ]}
        """);

    Cli.Result json = Cli.run("assess", "--graph", export.toString(), "--catalog", Tenants.CATALOG, "--format", "json");
    Cli.Result csv = Cli.run("assess", "--graph", export.toString(), "--catalog", Tenants.CATALOG, "--format", "csv");

    assertThat(json.exitCode()).as(json.err()).isZero();
    ReportSchema.assertValid(json.out());
    assertThat(csv.out()).contains("history,1970-01-01,,,,0,10,10,", "history,9999-12-31,,,,20,20.01,0.01,");
  }

  /**
   * 30,000 control profiles (20 MB, sixty times what Microsoft has) and a day of 2,000 controls, in a
   * JVM with a 64 MB heap: read whole into trees, with the line of every value, they would need ten
   * times that.
   */
  @Test
  void aLargeExportIsReadInASmallHeap() throws Exception {
    Path export = dir.resolve("large.json");
    try (BufferedWriter out = Files.newBufferedWriter(export, StandardCharsets.UTF_8)) {
      out.write("{\"@odata.context\": \"https://graph.microsoft.com/v1.0/$metadata#security/secureScores\", \"value\": [\n");
      out.write("{\"createdDateTime\": \"2026-11-20T00:00:00Z\", \"currentScore\": 2000, \"maxScore\": 4000, \"controlScores\": [");
      for (int i = 0; i < 2_000; i++) {
        out.write((i == 0 ? "" : ",") + "\n{\"controlCategory\": \"Apps\", \"controlName\": \"Control_" + i
            + "\", \"score\": 1, \"scoreInPercentage\": 50, \"count\": \"1\", \"total\": \"2\", \"implementationStatus\": \"1 of 2\"}");
      }
      out.write("]}");
      String remediation = "<p>Open the admin centre, go to the settings and turn the protection on for everyone.</p>".repeat(2);
      for (int i = 0; i < 30_000; i++) {
        out.write(",\n{\"id\": \"Control_" + i + "\", \"title\": \"Protection number " + i + "\", \"controlCategory\": \"Apps\","
            + " \"maxScore\": 2, \"service\": \"EXO\", \"tier\": \"Core\", \"implementationCost\": \"Low\", \"userImpact\": \"Low\","
            + " \"threats\": [\"Account breach\"], \"deprecated\": false, \"remediation\": \"" + remediation + "\","
            + " \"complianceInformation\": [{\"certificationName\": \"FedRAMP\", \"certificationControls\": [{\"name\": \"AC-2\", \"url\": \"\"}]}],"
            + " \"controlStateUpdates\": [{\"state\": \"Default\", \"updatedBy\": \"admin@example.org\", \"updatedDateTime\": \"2026-01-01T00:00:00Z\"}]}");
      }
      out.write("\n]}\n");
    }
    assertThat(Files.size(export)).isGreaterThan(20_000_000);

    Process process = java("-Xmx64m", Main.class.getName(), "assess", "--graph", export.toString(), "--catalog", Tenants.CATALOG);
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("finished").isTrue();
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.exitValue()).as(err).isZero();
    assertThat(err).isEmpty();
  }

  private static Process java(String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path")));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
  }
}
