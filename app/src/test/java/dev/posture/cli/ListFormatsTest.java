package dev.posture.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

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
        .containsExactly("Rank", "Action", "Category", "Status", "Points", "Max", "Remaining", "Licensed", "Tags", "Title");
    assertThat(rows.get(0).toMap()).containsEntry("Rank", "1").containsEntry("Action", "PWAgePolicyNew").containsEntry("Remaining", "8");
    assertThat(out).contains("\r\n");
  }

  @Test
  void groupedCsvNamesEachRowsGroup() throws Exception {
    List<CSVRecord> rows = csv(Cli.run("actions", "list", CONTOSO, "--group-by", "tag", "--format", "csv").succeeded().out());

    assertThat(rows).anySatisfy(r -> assertThat(r.toMap()).containsEntry("Group", "q4-2026").containsEntry("Action", "BlockLegacyAuthentication"));
    assertThat(rows).allSatisfy(r -> assertThat(r.get("Group")).isNotEmpty());
  }

  @Test
  void actionListAsMarkdownIsOneTable() {
    String out = Cli.run("actions", "list", CONTOSO, "--category", "data", "--format", "markdown").succeeded().out();

    List<String> lines = out.lines().toList();
    assertThat(lines.get(0)).isEqualTo("| Rank | Action | Category | Status | Points | Max | Remaining | Licensed | Tags | Title |");
    assertThat(lines.get(1)).isEqualTo("|---:|---|---|---|---:|---:|---:|---|---|---|");
    assertThat(lines.subList(2, lines.size())).hasSize(4).allMatch(l -> l.startsWith("| ") && l.endsWith(" |"));
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
        .containsEntry("At", "2026-11-03T09:12:00Z").containsEntry("By", "megan.bowen@contoso.com")
        .containsEntry("From", "to-address").containsEntry("To", "planned"));
    assertThat(markdown).isEqualTo("""
        | At | By | From | To | Note |
        |---|---|---|---|---|
        | 2026-11-03T09:12:00Z | megan.bowen@contoso.com | to-address | planned | Turn on after the scanners move to the relay. |
        """);
  }

  @Test
  void affectedDevicesAsMarkdown() {
    String out = Cli.run("actions", "show", CONTOSO, "scid_2090", "--affected", "--format", "markdown").succeeded().out();

    assertThat(out).isEqualTo("""
        scid_2090: 3 of 12 eligible devices not covered

        | computerDnsName | osPlatform | osVersion | rbacGroupName |
        |---|---|---|---|
        | contoso-ws010.contoso.com | Windows11 | 10.0.22631 | Lab |
        | contoso-ws011.contoso.com | Windows11 | 10.0.22631 | Lab |
        | contoso-ws012.contoso.com | Windows11 | 10.0.22631 | Lab |
        """);
  }

  @Test
  void theActionDetailAndJunitOfAListAreNotPrinted() {
    Cli.run("actions", "list", CONTOSO, "--format", "junit").exited(ExitCode.USAGE).oneLineError()
        .errContains("'actions list' does not print junit output");
  }
}
