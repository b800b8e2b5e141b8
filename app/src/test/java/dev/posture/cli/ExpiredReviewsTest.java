package dev.posture.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Contoso accepted the mail forwarding risk until 2027-03-31; these runs happen after that. */
class ExpiredReviewsTest {
  private static final Clock APRIL_2027 = Clock.fixed(Instant.parse("2027-04-01T08:00:00Z"), ZoneOffset.UTC);
  private static final String CONTOSO = Tenants.CONTOSO.toString();
  private static final String WARNING = "posture: warning: review overdue: mdo_blockmailforward: Risk accepted, review was due 2027-03-31\n";

  @Test
  void beforeTheDateNothingIsSaid() {
    Cli.Result r = Cli.runAt(Clock.fixed(Instant.parse("2027-03-31T23:00:00Z"), ZoneOffset.UTC), "", "assess", CONTOSO, "--fail-on-expired").succeeded();

    assertThat(r.out()).doesNotContain("Reviews past their date");
  }

  @Test
  void afterTheDateAssessWarnsAndListsIt() {
    Cli.Result r = Cli.runAt(APRIL_2027, "", "assess", CONTOSO).exited(ExitCode.OK);

    assertThat(r.err()).isEqualTo(WARNING);
    assertThat(r.out()).endsWith("\nReviews past their date:\n  mdo_blockmailforward: Risk accepted, review was due 2027-03-31\n");
  }

  @Test
  void theJsonReportListsIt() {
    JsonNode json = JsonMapper.builder().build().readTree(Cli.runAt(APRIL_2027, "", "assess", CONTOSO, "--format", "json").exited(ExitCode.OK).out());

    assertThat(json.get("expiredReviews").toString())
        .isEqualTo("[{\"id\":\"mdo_blockmailforward\",\"status\":\"Risk accepted\",\"reviewBy\":\"2027-03-31\"}]");
  }

  @Test
  void failOnExpiredFailsTheGateAfterWritingTheReport(@org.junit.jupiter.api.io.TempDir Path dir) {
    Path report = dir.resolve("report.json");

    Cli.Result r = Cli.runAt(APRIL_2027, "", "assess", CONTOSO, "--fail-on-expired", "--format", "json", "--output", report.toString())
        .exited(ExitCode.GATE_FAILED);

    assertThat(r.err()).isEqualTo(WARNING + "posture: gate failed: 1 decision is past the review date: mdo_blockmailforward\n");
    assertThat(Tenants.text(report)).contains("\"expiredReviews\" : [ {");
  }
}
