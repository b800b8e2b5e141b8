package dev.posture.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

class ReportFormatsTest {
  private static final String CONTOSO = "../samples/contoso";
  private static final String CATALOG = "../catalog";

  @Test
  void csvOfTheSample() {
    Cli.assertGolden("assess-contoso.csv", Cli.run("assess", CONTOSO, "--catalog", CATALOG, "--format", "csv").succeeded().out());
  }

  @Test
  void markdownOfTheSample() {
    Cli.assertGolden("assess-contoso.md", Cli.run("assess", CONTOSO, "--catalog", CATALOG, "--format", "markdown").succeeded().out());
  }

  @Test
  void junitOfTheSample() {
    Cli.assertGolden("assess-contoso.xml", Cli.run("assess", CONTOSO, "--catalog", CATALOG, "--format", "junit").succeeded().out());
  }

  @Test
  void jsonOfTheSampleFollowsTheSchema() {
    ReportSchema.assertValid(Cli.run("assess", CONTOSO, "--catalog", CATALOG, "--format", "json").succeeded().out());
  }

  @Test
  void exportPrintsTheSameCsvByDefault() {
    String export = Cli.run("export", CONTOSO, "--catalog", CATALOG).succeeded().out();

    assertThat(export).isEqualTo(Cli.run("assess", CONTOSO, "--catalog", CATALOG, "--format", "csv").out());
  }

  @Test
  void exportForExcelStartsWithAByteOrderMark(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("remediation.csv");

    Cli.run("export", CONTOSO, "--catalog", CATALOG, "--excel", "--output", file.toString()).succeeded();

    byte[] bytes = Files.readAllBytes(file);
    assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
    String rest = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
    assertThat(rest).isEqualTo(Cli.run("export", CONTOSO, "--catalog", CATALOG).out());
  }

  @Test
  void exportAlsoPrintsOtherFormats() {
    String json = Cli.run("export", CONTOSO, "--catalog", CATALOG, "--format", "json").succeeded().out();

    assertThat(json).isEqualTo(Cli.run("assess", CONTOSO, "--catalog", CATALOG, "--format", "json").out());
  }

  @Test
  void csvCarriesHostileNotesSafely(@TempDir Path dir) throws Exception {
    Path tenant = hostileTenant(dir);

    String csv = Cli.run("export", tenant.toString(), "--catalog", CATALOG).succeeded().out();

    List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
        .parse(new StringReader(csv)).getRecords();
    assertThat(records.get(0).getParser().getHeaderNames()).containsExactly(
        "record", "id", "title", "category", "status", "points", "max", "remaining", "rank", "licensed",
        "notes", "tags", "review date", "due date", "owner", "requested by", "requested at", "steps", "link");
    assertThat(records).hasSize(66 + 3);
    assertThat(records.stream().filter(r -> r.get("record").equals("action")).count()).isEqualTo(66);

    Map<String, String> scid69 = row(records, "action", "scid_69");
    assertThat(scid69).containsEntry("title", "Turn off Autoplay for all drives")
        .containsEntry("category", "Device")
        .containsEntry("status", "Planned")
        .containsEntry("points", "4")
        .containsEntry("max", "8")
        .containsEntry("remaining", "4")
        .containsEntry("rank", "7")
        .containsEntry("licensed", "yes")
        .containsEntry("notes", "'=HYPERLINK(\"http://evil.example/?q=1,2\",\"click me\")\n"
            + "2026-11-01T10:00:00Z +mallory@contoso.com: Comma, \"quoted\", and\na newline — café ✓ 日本")
        .containsEntry("tags", "'-1; @team; ok")
        .containsEntry("review date", "2027-01-31")
        .containsEntry("due date", "2026-12-01")
        .containsEntry("owner", "'@owner")
        .containsEntry("requested by", "")
        .containsEntry("requested at", "")
        .containsEntry("link", "https://security.microsoft.com/security-recommendations");
    assertThat(scid69.get("steps")).startsWith("1. Set the \"Turn off Autoplay\" policy");

    Map<String, String> request = row(records, "remediation-request", "scid_69");
    assertThat(request).containsEntry("status", "Planned")
        .containsEntry("points", "4")
        .containsEntry("notes", "'=1+2")
        .containsEntry("tags", "")
        .containsEntry("due date", "2026-12-01")
        .containsEntry("owner", "'@owner")
        .containsEntry("requested by", "'\tadmin@contoso.com")
        .containsEntry("requested at", "2026-11-21T09:00:00Z")
        .containsEntry("steps", "");

    Map<String, String> unknown = row(records, "remediation-request", "RetiredAction");
    assertThat(unknown).containsEntry("title", "").containsEntry("due date", "2027-01-15").containsEntry("notes", "Ünïcödé, ok");

    List<String> requestOrder = records.stream().filter(r -> r.get("record").equals("remediation-request"))
        .map(r -> r.get("id")).toList();
    assertThat(requestOrder).as("requests by due date").containsExactly("scid_2090", "scid_69", "RetiredAction");
    for (CSVRecord r : records) {
      for (String cell : r.values()) {
        assertThat(cell).as("cell of %s", r).doesNotStartWith("=").doesNotStartWith("+").doesNotStartWith("-")
            .doesNotStartWith("@").doesNotStartWith("\t").doesNotStartWith("\r");
      }
    }
  }

  @Test
  void markdownEscapesCells(@TempDir Path dir) throws Exception {
    Path tenant = dir.resolve("tenant");
    Files.createDirectories(tenant);
    String snapshot = Files.readString(Path.of(CONTOSO, "snapshot.json"))
        .replace("\"Contoso Pharmaceuticals\"", "\"Contoso | <b>`Pharma`</b>\\nLabs\"");
    Files.writeString(tenant.resolve("snapshot.json"), snapshot);

    String md = Cli.run("assess", tenant.toString(), "--catalog", CATALOG, "--format", "markdown").succeeded().out();

    assertThat(md).startsWith("## Security posture: Contoso | &lt;b>\\`Pharma\\`&lt;/b><br>Labs\n");
  }

  @Test
  void junitCountsEveryAction() throws Exception {
    String xml = Cli.run("assess", CONTOSO, "--catalog", CATALOG, "--format", "junit").succeeded().out();

    Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    Element root = doc.getDocumentElement();
    assertThat(root.getTagName()).isEqualTo("testsuites");
    assertThat(doc.getElementsByTagName("testcase").getLength()).isEqualTo(66);
    // two of the six skipped are decided by Microsoft alone, so not assessed here
    assertThat(doc.getElementsByTagName("failure").getLength()).isEqualTo(41);
    assertThat(doc.getElementsByTagName("skipped").getLength()).isEqualTo(6);
    assertThat(doc.getElementsByTagName("error").getLength()).isZero();
    assertThat(Map.of("tests", root.getAttribute("tests"), "failures", root.getAttribute("failures"),
        "skipped", root.getAttribute("skipped"), "errors", root.getAttribute("errors")))
        .isEqualTo(Map.of("tests", "66", "failures", "41", "skipped", "6", "errors", "0"));
    NodeList suites = doc.getElementsByTagName("testsuite");
    int sum = 0;
    for (int i = 0; i < suites.getLength(); i++) {
      sum += Integer.parseInt(((Element) suites.item(i)).getAttribute("tests"));
    }
    assertThat(sum).isEqualTo(66);
    assertThat(skippedMessages(doc)).containsExactlyInAnyOrder(
        "Risk accepted: 0 of 5 points. Field sales forward to partner CRMs; transport rules restrict forwarding to three approved domains.",
        "Not scored: shown, never counted", "Not scored: shown, never counted", "Not scored: shown, never counted",
        "Not assessed: only Microsoft's Secure Score decides this action: Defender for Cloud Apps app connectors and their state"
            + " are shown only in the Defender portal; no Microsoft API gives them to posture",
        "Not assessed: only Microsoft's Secure Score decides this action: extending sensitivity labels to the Purview data map"
            + " is a consent given in the Purview portal; no Microsoft API gives it to posture");
  }

  @Test
  void junitSkipsTheDeviceActionsOfATenantWithoutDevices() throws Exception {
    String xml = Cli.run("assess", "../samples/northwind", "--catalog", CATALOG, "--format", "junit").succeeded().out();

    Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    Element device = (Element) doc.getElementsByTagName("testsuite").item(1);
    assertThat(device.getAttribute("name")).isEqualTo("Device");
    assertThat(device.getAttribute("failures")).isEqualTo("0");
    assertThat(device.getAttribute("skipped")).isEqualTo(device.getAttribute("tests")).isEqualTo("20");
    assertThat(((Element) device.getElementsByTagName("skipped").item(0)).getAttribute("message"))
        .isEqualTo("Not assessed: the snapshot has no devices section");
  }

  @Test
  void junitStaysWellFormedWithHostileNames(@TempDir Path dir) throws Exception {
    Path tenant = dir.resolve("tenant");
    Files.createDirectories(tenant);
    String snapshot = Files.readString(Path.of(CONTOSO, "snapshot.json"))
        .replace("\"Contoso Pharmaceuticals\"", "\"<Contoso> & \\\"Sons\\\" \\u0001\"");
    Files.writeString(tenant.resolve("snapshot.json"), snapshot);

    String xml = Cli.run("assess", tenant.toString(), "--catalog", CATALOG, "--format", "junit").succeeded().out();

    Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    assertThat(doc.getDocumentElement().getAttribute("name")).isEqualTo("posture <Contoso> & \"Sons\" \uFFFD");
  }

  private static List<String> skippedMessages(Document doc) {
    NodeList skipped = doc.getElementsByTagName("skipped");
    return java.util.stream.IntStream.range(0, skipped.getLength())
        .mapToObj(i -> ((Element) skipped.item(i)).getAttribute("message")).toList();
  }

  private static Map<String, String> row(List<CSVRecord> records, String record, String id) {
    return records.stream().filter(r -> r.get("record").equals(record) && r.get("id").equals(id))
        .findFirst().orElseThrow().toMap().entrySet().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  /** Contoso's snapshot with a state file whose notes and requests try to break a spreadsheet. */
  static Path hostileTenant(Path dir) throws Exception {
    Path tenant = dir.resolve("hostile");
    Files.createDirectories(tenant);
    Files.copy(Path.of(CONTOSO, "snapshot.json"), tenant.resolve("snapshot.json"));
    Files.writeString(tenant.resolve("posture-state.yaml"), """
        actions:
          scid_69:
            status: planned
            notes:
              - '=HYPERLINK("http://evil.example/?q=1,2","click me")'
              - text: "Comma, \\"quoted\\", and\\na newline — café ✓ 日本"
                by: "+mallory@contoso.com"
                at: 2026-11-01T10:00:00Z
            tags: ["-1", "@team", ok]
            reviewBy: 2027-01-31
        remediationRequests:
          - action: scid_69
            due: 2026-12-01
            owner: "@owner"
            note: "=1+2"
            requestedBy: "\\tadmin@contoso.com"
            requestedAt: 2026-11-21T09:00:00Z
          - action: RetiredAction
            due: 2027-01-15
            note: Ünïcödé, ok
          - action: scid_2090
            due: 2026-11-30
            owner: alex@contoso.com
        """, StandardCharsets.UTF_8);
    return tenant;
  }
}
