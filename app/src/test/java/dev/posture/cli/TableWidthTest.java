package dev.posture.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class TableWidthTest {
  private static final String CONTOSO = "../samples/contoso";

  @ParameterizedTest
  @ValueSource(ints = {40, 80, 200})
  void actionsListFitsTheWidth(int width) {
    String out = Cli.run("actions", "list", CONTOSO, "--width", String.valueOf(width)).succeeded().out();

    assertThat(out.lines()).allMatch(l -> l.length() <= width);
    Cli.assertGolden("actions-list-contoso-" + width + ".txt", out);
  }

  @ParameterizedTest
  @ValueSource(ints = {40, 80, 200})
  void assessTablesFitTheWidth(int width) {
    String out = Cli.run("assess", CONTOSO, "--width", String.valueOf(width)).succeeded().out();

    // every table row fits; the heading lines are prose
    assertThat(out.lines().filter(l -> l.contains("  "))).allMatch(l -> l.length() <= width);
    Cli.assertGolden("assess-contoso-" + width + ".txt", out);
  }

  @Test
  void catalogListLeavesItsOptionalColumnsOutFirst() {
    String out = Cli.run("catalog", "list", "--category", "data", "--width", "80").succeeded().out();

    assertThat(out).isEqualTo("""
        ACTION                           CATEGORY  MAX  TITLE
        dlp_datalossprevention           Data        5  Ensure data loss prevention pol…
        mip_sensitivitylabelspolicies    Data        2  Publish sensitivity label polic…
        mip_autosensitivitylabelspolic…  Data        1  Ensure auto-labelling policies …
        mip_purviewlabelconsent          Data        1  Extend Microsoft 365 sensitivit…
        """);
  }

  @Test
  void theHistoryTableWithinAnActionFitsTheWidthWithItsIndent() {
    String out = Cli.run("actions", "show", CONTOSO, "mdo_blockmailforward", "--width", "40").succeeded().out();

    List<String> history = out.lines().dropWhile(l -> !l.equals("  History:")).skip(1).toList();
    assertThat(history).hasSize(2).allSatisfy(l -> assertThat(l).startsWith("    ").hasSizeLessThanOrEqualTo(40));
    assertThat(history.get(0)).isEqualTo("    AT       BY       FROM      TO");
  }

  @Test
  void theProseOfAnActionBreaksBetweenWordsToFitTheWidth() {
    String out = Cli.run("actions", "show", CONTOSO, "AdminMFAV2", "--width", "40").succeeded().out();

    assertThat(out.lines().filter(l -> l.length() > 40))
        .allSatisfy(l -> assertThat(l).containsPattern("^ *(- |Manage at: )?https://\\S+$"));
    assertThat(out).contains("""
          Protects against: Account breach,
            Elevation of privilege, Password
            spray, Phishing
        """).contains("""
            1. Create a Conditional Access
               policy for the administrative
               directory roles.
        """);
  }

  @Test
  void withoutATerminalOrWidthRowsStayWhole() {
    String out = Cli.run("actions", "list", CONTOSO).succeeded().out();

    assertThat(out).contains("  Ensure additional storage providers are restricted in Outlook on the web\n");
  }

  @Test
  void aFileGetsWholeRowsUnlessAWidthIsGiven(@TempDir Path dir) throws Exception {
    Path whole = dir.resolve("whole.txt");
    Path narrow = dir.resolve("narrow.txt");
    Cli.run("actions", "list", CONTOSO, "-o", whole.toString()).succeeded();
    Cli.run("actions", "list", CONTOSO, "-o", narrow.toString(), "--width", "80").succeeded();

    assertThat(Files.readString(whole)).isEqualTo(Cli.run("actions", "list", CONTOSO).out());
    assertThat(Files.readString(narrow)).isEqualTo(Cli.run("actions", "list", CONTOSO, "--width", "80").out());
  }

  @Test
  void tooNarrowIsAUsageError() {
    Cli.Result r = Cli.run("actions", "list", CONTOSO, "--width", "19");

    assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(r.err()).startsWith("posture: Invalid value for option '--width': expected 20 or more columns, found '19'\n");
  }
}
