package dev.posture.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The HTML page, parsed: what it shows of an assessment, that it asks for nothing outside itself, and its size. */
class HtmlReportTest {
  private static final String CONTOSO = "../samples/contoso";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  static Document page(String... args) {
    return Jsoup.parse(Cli.run(args).succeeded().out());
  }

  @Test
  void tilesShowTheFourViews() {
    Document page = page("assess", CONTOSO, "--format", "html");

    assertThat(page.select(".tile").eachText()).containsExactly(
        "Current 175.62 of 336 points 52.27% the points achieved now",
        "Planned 183.62 of 336 points 54.65% with the Planned actions done",
        "Current license 293 of 336 points 87.20% what the licences held allow",
        "Achievable 288 of 336 points 85.71% what the licences allow, accepted risks left out");
    assertThat(page.title()).isEqualTo("Security posture: Contoso Pharmaceuticals");
  }

  @Test
  void categoriesAreBarsOnOneScale() {
    Document page = page("assess", CONTOSO, "--format", "html");

    List<Element> rows = page.select("table.bars").first().select("tbody tr");
    assertThat(rows).extracting(Element::text).containsExactly("Identity 19 61 31.15%", "Device 116.92 155 75.43%",
        "Apps 34.7 111 31.26%", "Data 5 9 55.56%");
    // Device has the largest total (155): its track is the full width, Identity's 61/155 of it.
    assertThat(rows.get(1).select("rect.track").attr("width")).isEqualTo("100.0");
    assertThat(rows.get(0).select("rect.track").attr("width")).isEqualTo("39.4");
    assertThat(rows.get(0).select("rect.fill").attr("width")).isEqualTo("12.3");
    assertThat(page.select("#device-categories + table.bars tbody th").eachText())
        .containsExactly("Application", "Operating system", "Network", "Accounts", "Security controls");
  }

  @Test
  void everyActionIsARowWithItsDetail() throws Exception {
    Document page = page("assess", CONTOSO, "--format", "html");
    JsonNode report = JSON.readTree(Cli.run("assess", CONTOSO, "--format", "json").succeeded().out());

    List<Element> actions = page.select("#action-table tbody.action");
    assertThat(actions).hasSize(report.get("actions").size()).hasSize(66);
    Element first = actions.get(0);
    assertThat(first.select("tr.row td, tr.row th")).extracting(Element::text)
        .containsExactly("1", "PWAgePolicyNew", "Set passwords to never expire", "Identity", "To address", "0", "8", "8", "posture", "yes", "");
    assertThat(first.select("tr.row .status").hasClass("s-to-address")).isTrue();
    assertThat(first.select("details h3").eachText()).containsExactly("At a glance", "User impact", "Implementation", "Decision");
    assertThat(page.select("details")).hasSize(66);
    JsonNode data = JSON.readTree(page.getElementById("action-data").data());
    assertThat(data).hasSize(66);
    assertThat(data.get(0).get("id").stringValue()).isEqualTo("PWAgePolicyNew");
  }

  @Test
  void aCoverageActionNamesWhatItDoesNotCover() {
    Document page = page("assess", CONTOSO, "--format", "html");

    Element bitlocker = page.select("#action-table tbody.action").stream()
        .filter(b -> b.select("tr.row code").text().equals("scid_2090")).findFirst().orElseThrow();
    String expected = Cli.run("actions", "show", CONTOSO, "scid_2090", "--affected").succeeded().out().lines().findFirst().orElseThrow();
    assertThat(bitlocker.select("details h3").eachText()).endsWith("Not covered");
    assertThat("scid_2090: " + bitlocker.select("details h3:containsOwn(Not covered) + p").text()).isEqualTo(expected);
    int notCovered = Integer.parseInt(expected.replaceAll("^scid_2090: (\\d+) of.*", "$1"));
    assertThat(bitlocker.select("ul.names li")).hasSize(notCovered);
  }

  @Test
  void theDecisionShowsNotesTagsHistoryAndRemediationRequests() {
    Document page = page("assess", CONTOSO, "--format", "html");

    String decisions = page.select("#action-table tbody.action details section:has(h3:containsOwn(Decision))").text();
    assertThat(decisions).contains("Notes", "History", "Tags");
  }

  @Test
  void baselineChangesAreListed(@TempDir Path dir) throws Exception {
    ObjectNode report = (ObjectNode) JSON.readTree(Cli.run("assess", CONTOSO, "--format", "json").succeeded().out());
    for (JsonNode action : report.get("actions")) {
      if (action.get("id").stringValue().equals("scid_69")) {
        ((ObjectNode) action).put("points", 8.0);
      }
    }
    ((ObjectNode) report.get("scores").get("current")).put("points", 179.62);
    Path baseline = dir.resolve("last.json");
    Files.writeString(baseline, JSON.writeValueAsString(report));

    Document page = page("assess", CONTOSO, "--format", "html", "--baseline", baseline.toString());

    assertThat(page.select("#baseline ~ p").first().text())
        .contains("current 179.62 -> 175.62 of 336 points (-4 points, -1.19 percentage points); 0 actions up, 1 down");
    assertThat(page.select("table.changes tbody tr").eachText()).containsExactly("scid_69 Regressed 8 4 -4");
  }

  @Test
  void graphExportsAddMicrosoftsComparisonsAndAHistoryChart() {
    Document page = page("assess", "--graph", CONTOSO + "/secure-score", "--state", CONTOSO + "/posture-state.yaml", "--format", "html");

    assertThat(page.select("#microsoft ~ p").first().text()).isEqualTo("Microsoft reported 210.94 of 381.");
    assertThat(page.select("table.comparisons tbody tr").eachText()).containsExactly(
        "This tenant 56.07% 37.00% 75.43% 46.75% 55.56%",
        "All tenants 51.94% 66.43% 57.82% 37.61% 7.74%",
        "Similar seat count (1-100) 47.60% 65.63% 57.65% 36.43% 5.74%",
        "Same industry 49.30% 66.94% 59.55% 37.80% 8.97%");
    Element chart = page.selectFirst("figure.chart svg");
    assertThat(chart.select("circle.dot")).hasSize(3);
    // 53.79% on the first day: 200 - 0.5379 * 200 down the 200-unit-high drawing
    assertThat(chart.select("polyline").attr("points")).startsWith("0.0,92.4 300.0,").endsWith(" 600.0,89.3");
    assertThat(page.selectFirst("figure.chart figcaption").text()).isEqualTo("Secure Score from 53.79% on 2026-11-17 to 55.36% on 2026-11-19, 3 days");
  }

  @Test
  void thePageAsksForNothingOutsideItself() throws Exception {
    for (List<String> args : List.of(List.of("assess", CONTOSO, "--format", "html"), List.of("export", CONTOSO, "--format", "html"))) {
      Document page = page(args.toArray(String[]::new));

      assertThat(page.select("[src], [href], link, img, iframe, object, embed, base, form[action]")).as("%s", args).isEmpty();
      assertThat(page.select("*").stream().flatMap(e -> e.attributes().asList().stream())
          .filter(a -> a.getKey().toLowerCase().startsWith("on"))).as("no inline handlers").isEmpty();
      String csp = page.selectFirst("meta[http-equiv=Content-Security-Policy]").attr("content");
      List<Element> scripts = page.select("script:not([type])");
      assertThat(scripts).hasSize(1);
      assertThat(page.select("style")).hasSize(1);
      assertThat(csp).startsWith("default-src 'none'; ")
          .contains("style-src '" + sha256(page.selectFirst("style").data()) + "'")
          .contains("script-src '" + sha256(scripts.get(0).data()) + "'");
    }
  }

  @Test
  void sizesStayReasonable(@TempDir Path dir) throws Exception {
    Path contoso = dir.resolve("contoso.html");
    Path fabrikam = dir.resolve("fabrikam.html");
    Cli.run("assess", CONTOSO, "-o", contoso.toString()).succeeded();
    Cli.run("assess", "../samples/fabrikam", "--format", "html", "-o", fabrikam.toString()).succeeded();

    assertThat(Files.readString(contoso)).as("the .html extension picks the format").startsWith("<!DOCTYPE html>");
    assertThat(Files.size(contoso)).isLessThan(300_000);
    assertThat(Files.size(fabrikam)).isLessThan(1_500_000);
  }

  private static String sha256(String text) throws Exception {
    byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    return "sha256-" + Base64.getEncoder().encodeToString(digest);
  }
}
