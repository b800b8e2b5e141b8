package dev.posture.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.posture.catalog.Catalog;
import dev.posture.catalog.CatalogLoader;
import dev.posture.graph.KnownControls;
import dev.posture.report.Format;
import dev.posture.report.OutputContext;
import dev.posture.report.Report;
import dev.posture.scoring.ExpiredReview;
import dev.posture.tenant.TenantAssessment;
import dev.posture.tenant.TenantAssessor;
import dev.posture.tenant.TenantFolder;
import dev.posture.tenant.TenantLoader;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The JSON report says who decided each action and, with Microsoft's Secure Score, what each source gave. */
class JsonReportSourcesTest {
  private static final Path TAILSPIN = Path.of("src/test/resources/tenant/tailspin");
  private static final Catalog CATALOG = new CatalogLoader().load(Path.of("src/test/resources/tenant/catalogue/checks.yaml"));

  private static JsonNode report(Path tenant) {
    return report(TenantFolder.resolve(Optional.of(tenant.toString()), List.of(), Optional.empty()));
  }

  private static JsonNode report(TenantFolder folder) {
    TenantAssessment t = new TenantAssessor(CATALOG, KnownControls.none())
        .assess(new TenantLoader().load(folder, InputStream.nullInputStream()), Map.of());
    Report report = new Report(t.assessment(), t.tenant().state(), Optional.empty(), ExpiredReview.of(t.tenant().state(),
        LocalDate.of(2026, 11, 20)), Optional.empty(), Report.DEFAULT_TOP);
    StringWriter out = new StringWriter();
    Report.RENDERERS.render(Format.JSON, report, OutputContext.PLAIN, new PrintWriter(out));
    JsonNode json = JsonMapper.builder().build().readTree(out.toString());
    ReportSchema.assertValid(json.toString());
    return json;
  }

  private static JsonNode action(JsonNode report, String id) {
    for (JsonNode a : report.path("actions")) {
      if (a.path("id").stringValue().equals(id)) {
        return a;
      }
    }
    throw new AssertionError("no action " + id);
  }

  @Test
  void bothSources_eachActionCarriesWhatEachGave() {
    JsonNode report = report(TAILSPIN);

    assertThat(report.path("sources").toString()).isEqualTo("[\"posture\",\"microsoft\"]");
    assertThat(action(report, "AdminMFAV2").toString()).contains(
        "\"source\":\"posture\"",
        "\"posture\":{\"points\":7.5,\"coverage\":{\"covered\":3,\"eligible\":4}}",
        "\"microsoft\":{\"points\":10.0,\"coverage\":{\"covered\":4,\"eligible\":4},\"asOf\":\"2026-11-19\"}");
    assertThat(action(report, "exo_mailboxaudit").toString()).contains(
        "\"source\":\"microsoft\"",
        "\"posture\":{\"undecided\":\"mailboxes was not collected: Exchange Online answered 403 Forbidden: the app lacks Exchange.ManageAsApp\"}");
    assertThat(action(report, "mip_search_auditlog").path("scoredByMicrosoft").asBoolean(true)).isFalse();
    assertThat(action(report, "mip_search_auditlog").has("microsoft")).isFalse();
    assertThat(report.path("scores").path("current").toString()).isEqualTo("{\"points\":40.5,\"max\":50.0,\"percent\":81.0}");
  }

  @Test
  void onlyTheSnapshot_posturesWithoutRepeatingItsPoints() {
    JsonNode mfa = action(report(TAILSPIN.resolve("snapshot.json")), "AdminMFAV2");

    assertThat(mfa.path("source").stringValue()).isEqualTo("posture");
    assertThat(mfa.has("posture")).isFalse();
    assertThat(mfa.has("microsoft")).isFalse();
    assertThat(mfa.has("scoredByMicrosoft")).isFalse();
  }

  @Test
  void onlyMicrosoftsData_microsoftsPointsAndTheirDay() {
    JsonNode mfa = action(report(TenantFolder.resolve(Optional.empty(), List.of(TAILSPIN.resolve("secure-score")), Optional.empty())), "AdminMFAV2");

    assertThat(mfa.path("source").stringValue()).isEqualTo("microsoft");
    assertThat(mfa.has("posture")).isFalse();
    assertThat(mfa.path("microsoft").path("asOf").stringValue()).isEqualTo("2026-11-19");
  }
}
