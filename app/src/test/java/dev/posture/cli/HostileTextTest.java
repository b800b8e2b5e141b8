package dev.posture.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
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
      + " [x](javascript:alert(1)) \u001B[8mhidden\u001B[0m \u007F\u009B[2J"
      + "\nFAKE LINE\r\n\u001B]0;pwned\u0007\u001B[2J\u202Eevil\nposture: forged";
  /** What a terminal would act on: escape, bell, DEL, the 8-bit CSI and a right-to-left override. */
  private static final String[] ACTIVE = {"\u001B", "\u0007", "\u007F", "\u009B", "\u202E"};

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
    assertThat(out).doesNotContain(ACTIVE).doesNotContain("\n\"FAKE");
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
    assertThat(out).as("no escape reaches a terminal that shows the file").doesNotContain(ACTIVE);
  }

  @Test
  void markdownCannotBreakItsTablesOrCarryHtml() {
    String out = Cli.run("assess", dir.toString(), "--format", "markdown").succeeded().out();

    assertThat(out).doesNotContain("<script>", "[x](").doesNotContain(ACTIVE).contains("&lt;script>", "\\[x\\](javascript:");
    assertThat(out.lines().filter(l -> l.startsWith("FAKE LINE") || l.startsWith("posture:"))).isEmpty();
  }

  @Test
  void junitXmlParsesAndCarriesTheNoteAsText() throws Exception {
    String out = Cli.run("assess", dir.toString(), "--format", "junit").succeeded().out();

    Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(out.getBytes(StandardCharsets.UTF_8)));
    NodeList skipped = xml.getElementsByTagName("skipped");
    assertThat(skipped.getLength()).isPositive();
    assertThat(out).doesNotContain("<script>").doesNotContain(ACTIVE);
    assertThat(xml.getDocumentElement().getAttribute("name")).contains("<script>alert(1)</script>", "]]>", "FAKE LINE");
  }

  @Test
  void theHtmlPageShowsEveryValueAsText() throws Exception {
    String out = Cli.run("assess", dir.toString(), "--format", "html").succeeded().out();

    org.jsoup.nodes.Document page = Jsoup.parse(out);
    assertThat(out).doesNotContain("<script>alert").doesNotContain(ACTIVE);
    assertThat(page.select("script")).hasSize(2);
    assertThat(page.select("[src], [href]")).isEmpty();
    assertThat(page.title()).contains("<script>alert(1)</script> | a ]]> b \"q\" 'q'");
    Element forwarding = page.select("tbody.action").stream()
        .filter(b -> b.select("tr.row code").text().equals("mdo_blockmailforward")).findFirst().orElseThrow();
    assertThat(forwarding.select("tr.row td").last().text()).startsWith("=HYPERLINK(").contains("<script>alert(1)</script>");
    assertThat(forwarding.select("details").text()).contains("[x](javascript:alert(1))", "FAKE LINE", "posture: forged");
    Element bitlocker = page.select("tbody.action").stream()
        .filter(b -> b.select("tr.row code").text().equals("scid_2090")).findFirst().orElseThrow();
    assertThat(bitlocker.select("ul.names li").eachText()).anyMatch(name -> name.startsWith("=HYPERLINK("));
    assertThat(bitlocker.select("details").text()).contains("Remediation requested", "<script>alert(1)</script>");
    JsonNode data = JsonMapper.builder().build().readTree(page.getElementById("action-data").data());
    assertThat(data.findValues("tags").stream().filter(t -> !t.isEmpty()).findFirst().orElseThrow().get(0).stringValue())
        .startsWith("=HYPERLINK(").contains("</script>", "\nFAKE LINE").doesNotContain(ACTIVE);
  }

  @Test
  void tablesShowEachValueOnItsOwnLineWithNoEscapeSequence() {
    for (List<String> command : List.of(
        List.of("assess", dir.toString()),
        List.of("actions", "list", dir.toString(), "--tag", HOSTILE),
        List.of("actions", "list", dir.toString(), "--group-by", "tag"),
        List.of("actions", "show", dir.toString(), "mdo_blockmailforward"),
        List.of("actions", "show", dir.toString(), "scid_2090", "--affected"),
        List.of("status", "history", dir.toString(), "mdo_blockmailforward"),
        List.of("snapshot", "validate", dir.toString()),
        List.of("snapshot", "stats", dir.toString()))) {
      String out = Cli.run(command.toArray(String[]::new)).succeeded().out();

      assertThat(out).as("%s", command).contains("<script>").doesNotContain(ACTIVE).doesNotContain("\r");
      assertThat(out.lines().filter(l -> l.startsWith("FAKE LINE") || l.startsWith("posture:"))).as("%s", command).isEmpty();
    }
  }

  @Test
  void actionListsAsCsvAreNeutralisedAndAsMarkdownEscaped() throws Exception {
    String csv = Cli.run("actions", "list", dir.toString(), "--tag", HOSTILE, "--format", "csv").succeeded().out();
    String markdown = Cli.run("actions", "list", dir.toString(), "--tag", HOSTILE, "--format", "markdown").succeeded().out();

    List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().get().parse(new StringReader(csv)).getRecords();
    assertThat(rows).singleElement().satisfies(r -> assertThat(r.get("tags")).startsWith("'=HYPERLINK("));
    assertThat(markdown).doesNotContain("<script>").doesNotContain(ACTIVE).contains("&lt;script>").hasLineCount(3);
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

  @Test
  void filesWrittenWithOutputAreInertInEveryFormat() throws Exception {
    for (String format : List.of("table", "csv", "markdown", "junit", "json", "html")) {
      Path file = dir.resolve("report." + format);
      Cli.run("assess", dir.toString(), "--format", format, "-o", file.toString()).succeeded();

      assertThat(Files.readString(file)).as(format).doesNotContain(ACTIVE);
    }
  }

  @Test
  void theShellPromptShowsTheTenantInert() {
    ShellCommand shell = (ShellCommand) PostureCli.commandLine(new PrintWriter(Writer.nullWriter()), new PrintWriter(Writer.nullWriter()),
            Cli.invocation(InputStream.nullInputStream(), Map.of(), Path.of(""), Cli.NOW))
        .parseArgs("shell", dir.toString()).subcommand().commandSpec().userObject();

    String prompt = new ShellTenant(shell.tenant, shell.catalog).prompt();

    assertThat(prompt).doesNotContain(ACTIVE).doesNotContain("\n", "\r").matches("=HYPERLINK.* posture: forged [0-9.]+/336 [0-9.]+%> ");
  }

  @Test
  void noValueFromTheInputsStartsALineOfItsOwnOnStandardError() throws Exception {
    Files.writeString(dir.resolve("posture-state.yaml"), "actions:\n  %s:\n    status: planned\n".formatted(yaml("Typo\nposture: forged \u001B[8m")));

    String warning = Cli.run("assess", dir.toString()).exited(ExitCode.OK).err();
    String refusal = Cli.run("status", "set", dir.toString(), "OneAdmin", "--status", "planned", "--actor", "eve\nposture: saved \u001B[8m")
        .exited(ExitCode.PERMISSION_DENIED).err();

    for (String err : List.of(warning, refusal)) {
      assertThat(err.lines()).singleElement().asString().startsWith("posture: ");
      assertThat(err).doesNotContain(ACTIVE);
    }
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
