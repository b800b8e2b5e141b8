package dev.posture.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** Lists print as CSV and Markdown too: the table's rows, for a spreadsheet or a ticket. */
class ListFormatsTest {
  private static final String CONTOSO = "../samples/contoso";

  private static List<CSVRecord> csv(String text) throws Exception {
    return CSVFormat.RFC4180.builder().setHeader().get().parse(new StringReader(text)).getRecords();
  }

  @Test
  void actionListAsCsvHasARowForEveryActionTheTableLists() throws Exception {
    int tableRows = (int) Cli.run("actions", "list", CONTOSO, "--category", "identity").succeeded().out().lines().count() - 1;

    String out = Cli.run("actions", "list", CONTOSO, "--category", "identity", "--format", "csv").succeeded().out();

    List<CSVRecord> rows = csv(out);
    assertThat(rows).hasSize(tableRows);
    assertThat(rows.get(0).getParser().getHeaderNames())
        .containsExactly("rank", "action", "category", "status", "points", "max", "remaining", "licensed", "tags", "title");
    assertThat(rows.get(0).toMap()).containsEntry("rank", "1").containsEntry("action", "PWAgePolicyNew").containsEntry("remaining", "8");
    assertThat(out).contains("\r\n");
  }

  @Test
  void groupedCsvNamesEachRowsGroup() throws Exception {
    List<CSVRecord> rows = csv(Cli.run("actions", "list", CONTOSO, "--group-by", "tag", "--format", "csv").succeeded().out());

    assertThat(rows).anySatisfy(r -> assertThat(r.toMap()).containsEntry("group", "q4-2026").containsEntry("action", "BlockLegacyAuthentication"));
    assertThat(rows).allSatisfy(r -> assertThat(r.get("group")).isNotEmpty());
  }

  @Test
  void actionListAsMarkdownIsOneTable() {
    String out = Cli.run("actions", "list", CONTOSO, "--category", "data", "--format", "markdown").succeeded().out();

    List<String> lines = out.lines().toList();
    assertThat(lines.get(0)).isEqualTo("| Rank | Action | Category | Status | Points | Max | Remaining | Licensed | Tags | Title |");
    assertThat(lines.get(1)).isEqualTo("|---:|---|---|---|---:|---:|---:|---|---|---|");
    assertThat(lines.subList(2, lines.size())).hasSize(4).allMatch(l -> l.startsWith("| ") && l.endsWith(" |"));
    assertThat(lines.get(2)).as("ids as code spans, as in every Markdown output").startsWith("| 35 | `mip_sensitivitylabelspolicies` | Data |");
  }

  @Test
  void groupedMarkdownHasAHeadingAndATableAGroup() {
    String out = Cli.run("actions", "list", CONTOSO, "--group-by", "status", "--format", "markdown").succeeded().out();

    assertThat(out).contains("### status: Planned (1)\n\n| Rank | Action |");
  }

  @Test
  void historyAsCsvAndMarkdown() throws Exception {
    List<CSVRecord> rows = csv(Cli.run("status", "history", CONTOSO, "BlockLegacyAuthentication", "--format", "csv").succeeded().out());
    String markdown = Cli.run("status", "history", CONTOSO, "BlockLegacyAuthentication", "--format", "markdown").succeeded().out();

    assertThat(rows).singleElement().satisfies(r -> assertThat(r.toMap())
        .containsEntry("at", "2026-11-03T09:12:00Z").containsEntry("by", "megan.bowen@contoso.com")
        .containsEntry("from", "To address").containsEntry("to", "Planned"));
    assertThat(markdown).isEqualTo("""
        | At | By | From | To | Note |
        |---|---|---|---|---|
        | 2026-11-03T09:12:00Z | megan.bowen@contoso.com | To address | Planned | Turn on after the scanners move to the relay. |
        """);
  }

  @Test
  void affectedDevicesAsMarkdown() {
    String out = Cli.run("actions", "show", CONTOSO, "scid_2090", "--affected", "--format", "markdown").succeeded().out();

    assertThat(out).isEqualTo("""
        scid_2090: 3 of 12 eligible devices not covered

        | Device | OS | OS version | Device group |
        |---|---|---|---|
        | contoso-ws010.contoso.com | Windows11 | 10.0.22631 | Lab |
        | contoso-ws011.contoso.com | Windows11 | 10.0.22631 | Lab |
        | contoso-ws012.contoso.com | Windows11 | 10.0.22631 | Lab |
        """);
  }

  /** A run of each command that prints, for the test below; a command that gains --format needs one here. */
  private static final Map<String, List<String>> PRINTING = Map.ofEntries(
      Map.entry("assess", List.of(CONTOSO)),
      Map.entry("export", List.of(CONTOSO)),
      Map.entry("actions list", List.of(CONTOSO)),
      Map.entry("actions show", List.of(CONTOSO, "scid_2090", "--affected")),
      Map.entry("status history", List.of(CONTOSO, "BlockLegacyAuthentication")),
      Map.entry("catalog list", List.of()),
      Map.entry("remediation list", List.of(CONTOSO)),
      Map.entry("snapshot stats", List.of(CONTOSO)),
      Map.entry("history", List.of(CONTOSO, "--store", Recorded.STORE)),
      Map.entry("goals list", List.of(CONTOSO)),
      Map.entry("compare", List.of(CONTOSO, "--with", CONTOSO, "--store", Recorded.STORE)),
      Map.entry("fleet assess", List.of(CONTOSO)),
      Map.entry("fleet report", List.of("--store", Recorded.STORE)));

  /** A store holding one run of Contoso, made when a command that reads a store is first run. */
  private static final class Recorded {
    static final String STORE = record();

    private static String record() {
      try {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("posture-formats");
        dir.toFile().deleteOnExit();
        String store = dir.resolve("history.db").toString();
        Cli.run("assess", CONTOSO, "--record", "--store", store).exited(0);
        return store;
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
  }

  @Test
  void everyFormatACommandsHelpListsPrints() {
    Map<String, List<String>> offered = new TreeMap<>();
    collect(PostureCli.model(), offered);

    assertThat(offered.keySet()).isEqualTo(PRINTING.keySet());
    offered.forEach((command, formats) -> formats.forEach(format -> {
      List<String> args = new ArrayList<>(List.of(command.split(" ")));
      args.addAll(PRINTING.get(command));
      args.addAll(List.of("--format", format));
      assertThat(Cli.run(args.toArray(String[]::new)).succeeded().out()).as("%s", args).isNotBlank();
    }));
  }

  private static void collect(CommandSpec command, Map<String, List<String>> offered) {
    OptionSpec format = command.findOption("--format");
    if (format != null) {
      List<String> formats = new ArrayList<>();
      format.completionCandidates().forEach(formats::add);
      offered.put(command.qualifiedName(" ").replaceFirst("^posture ", ""), formats);
    }
    command.subcommands().values().forEach(sub -> collect(sub.getCommandSpec(), offered));
  }

  @Test
  void theActionDetailAndJunitOfAListAreNotPrinted() {
    Cli.run("actions", "list", CONTOSO, "--format", "junit").exited(ExitCode.USAGE)
        .errContains("posture: Invalid value for option '--format': expected one of table, json, csv, markdown, found 'junit'");
  }
}
