package dev.posture.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Every sample tenant, in every format, read back with a standard parser and checked against the JSON. */
class EverySampleTest {
  private static final String CATALOG = "../catalog";

  static Stream<String> samples() throws Exception {
    try (Stream<Path> folders = Files.list(Path.of("../samples"))) {
      return folders.filter(Files::isDirectory).map(Path::toString).sorted().toList().stream();
    }
  }

  @ParameterizedTest
  @MethodSource("samples")
  void everyFormatParses(String sample) throws Exception {
    String json = Cli.run("assess", sample, "--catalog", CATALOG, "--format", "json").succeeded().out();
    ReportSchema.assertValid(json);
    JsonNode report = JsonMapper.builder().build().readTree(json);
    int actions = report.get("actions").size();

    String csv = Cli.run("export", sample, "--catalog", CATALOG).succeeded().out();
    long actionRows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
        .parse(new StringReader(csv)).stream().map((CSVRecord r) -> r.get("record")).filter("action"::equals).count();
    assertThat(actionRows).isEqualTo(actions);

    String xml = Cli.run("assess", sample, "--catalog", CATALOG, "--format", "junit").succeeded().out();
    Document junit = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    assertThat(junit.getElementsByTagName("testcase").getLength()).isEqualTo(actions);

    String md = Cli.run("assess", sample, "--catalog", CATALOG, "--format", "markdown").succeeded().out();
    assertThat(md).startsWith("## Security posture: " + report.get("tenant").get("displayName").stringValue())
        .contains("| Current | ");
  }
}
