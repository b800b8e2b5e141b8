package dev.posture.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Names and notes are data, never structure: a tenant, a device and a note that carry markup, a
 * table separator, the end of an XML CDATA section, quotes, line breaks, spreadsheet formulas,
 * terminal escape sequences and a bidirectional override come out inert in every format.
 */
class HostileTextTest {
  /** Everything at once; each format has its own way to break on it. */
  static final String HOSTILE = "=HYPERLINK(\"http://evil.example\",\"x\") <script>alert(1)</script> | a ]]> b \"q\" 'q'"
      + "\nFAKE LINE\r\n\u001B]0;pwned\u0007\u001B[2J\u202Eevil";

  @TempDir Path dir;

  @BeforeEach
  void hostileTenant() throws Exception {
    String snapshot = Files.readString(Path.of("../samples/contoso/snapshot.json"))
        .replace("\"displayName\": \"Contoso Pharmaceuticals\"", "\"displayName\": " + json(HOSTILE))
        .replace("\"contoso-ws010.contoso.com\"", json(HOSTILE));
    Files.writeString(dir.resolve("snapshot.json"), snapshot);
    Files.writeString(dir.resolve("posture-state.yaml"), """
        actions:
          mdo_blockmailforward:
            status: risk-accepted
            notes: [%1$s]
            tags: [%1$s]
            history:
              - {at: 2026-10-14T15:40:00Z, by: %1$s, from: to-address, to: risk-accepted, note: %1$s}
        remediationRequests:
          - {action: scid_2090, due: 2026-12-15, owner: %1$s, note: %1$s}
        """.formatted(yaml(HOSTILE)));
  }

  @Test
  void jsonKeepsTheTextExactlyAsData() throws Exception {
    String out = Cli.run("assess", dir.toString(), "--format", "json").succeeded().out();

    JsonNode report = JsonMapper.builder().build().readTree(out);
    assertThat(report.path("tenant").path("displayName").stringValue()).isEqualTo(HOSTILE);
    assertThat(out).doesNotContain("\u001B", "\u0007", "\n\"FAKE");
  }

  @Test
  void csvCellsAreOneValueEachAndNeverAFormula() throws Exception {
    String out = Cli.run("export", dir.toString()).succeeded().out();

    List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().get().parse(new StringReader(out)).getRecords();
    CSVRecord forwarding = rows.stream().filter(r -> r.get("id").equals("mdo_blockmailforward")).findFirst().orElseThrow();
    assertThat(forwarding.get("tags")).startsWith("'=HYPERLINK(").contains("FAKE LINE");
    CSVRecord request = rows.stream().filter(r -> r.get("record").equals("remediation-request")).findFirst().orElseThrow();
    assertThat(request.get("owner")).startsWith("'=HYPERLINK(");
    assertThat(rows).allSatisfy(r -> assertThat(r.size()).isEqualTo(rows.get(0).size()));
    assertThat(out).as("no escape reaches a terminal that shows the file").doesNotContain("\u001B", "\u0007");
  }

  @Test
  void markdownCannotBreakItsTablesOrCarryHtml() {
    String out = Cli.run("assess", dir.toString(), "--format", "markdown").succeeded().out();

    assertThat(out).doesNotContain("<script>", "\u001B", "\u0007").contains("&lt;script>");
    assertThat(out.lines().filter(l -> l.startsWith("FAKE LINE"))).isEmpty();
  }

  @Test
  void junitXmlParsesAndCarriesTheNoteAsText() throws Exception {
    String out = Cli.run("assess", dir.toString(), "--format", "junit").succeeded().out();

    Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(out.getBytes(StandardCharsets.UTF_8)));
    NodeList skipped = xml.getElementsByTagName("skipped");
    assertThat(skipped.getLength()).isPositive();
    assertThat(out).doesNotContain("<script>").doesNotContain("\u001B");
    assertThat(xml.getDocumentElement().getAttribute("name")).contains("<script>alert(1)</script>", "]]>", "FAKE LINE");
  }

  @Test
  void tablesShowEachValueOnItsOwnLineWithNoEscapeSequence() {
    for (List<String> command : List.of(
        List.of("assess", dir.toString()),
        List.of("actions", "list", dir.toString(), "--tag", HOSTILE),
        List.of("actions", "list", dir.toString(), "--group-by", "tag"),
        List.of("actions", "show", dir.toString(), "mdo_blockmailforward"),
        List.of("actions", "show", dir.toString(), "scid_2090", "--affected"),
        List.of("status", "history", dir.toString(), "mdo_blockmailforward"))) {
      String out = Cli.run(command.toArray(String[]::new)).succeeded().out();

      assertThat(out).as("%s", command).contains("<script>").doesNotContain("\u001B", "\u0007", "\u202E", "\r");
      assertThat(out.lines().filter(l -> l.startsWith("FAKE LINE"))).as("%s", command).isEmpty();
    }
  }

  @Test
  void actionListsAsCsvAreNeutralisedAndAsMarkdownEscaped() throws Exception {
    String csv = Cli.run("actions", "list", dir.toString(), "--tag", HOSTILE, "--format", "csv").succeeded().out();
    String markdown = Cli.run("actions", "list", dir.toString(), "--tag", HOSTILE, "--format", "markdown").succeeded().out();

    List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().get().parse(new StringReader(csv)).getRecords();
    assertThat(rows).singleElement().satisfies(r -> assertThat(r.get("Tags")).startsWith("'=HYPERLINK("));
    assertThat(markdown).doesNotContain("<script>", "\u001B").contains("&lt;script>").hasLineCount(3);
  }

  @Test
  void affectedDevicesAsCsvAreNeutralised() throws Exception {
    String out = Cli.run("actions", "show", dir.toString(), "scid_2090", "--affected", "--format", "csv").succeeded().out();

    List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().get().parse(new StringReader(out)).getRecords();
    assertThat(rows).anySatisfy(r -> assertThat(r.get(0)).startsWith("'=HYPERLINK("));
  }

  @Test
  void errorMessagesQuoteTheInputInertly() throws Exception {
    Files.writeString(dir.resolve("snapshot.json"), Files.readString(dir.resolve("snapshot.json"))
        .replaceFirst("\"isEnabled\": (true|false)", "\"isEnabled\": \"\\\\u001b]52;c;ZXZpbA==\\\\u0007\""));

    Cli.Result result = Cli.run("assess", dir.toString()).exited(ExitCode.INVALID_INPUT).oneLineError();

    assertThat(result.err()).contains("expected true or false").doesNotContain("\u001B", "\u0007");
  }

  private static String json(String text) {
    return JsonMapper.builder().build().writeValueAsString(text);
  }

  /** A YAML double-quoted scalar: control characters written as escapes. */
  private static String yaml(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20 || c >= 0x7F) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }
}
