package dev.posture.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Each format makes text from the inputs safe by its own rules. */
class CellEscapingTest {

  @Test
  void csvCellsThatWouldStartAFormulaGetAQuote() {
    assertThat(CsvReport.cell("=HYPERLINK(\"http://x\")")).isEqualTo("'=HYPERLINK(\"http://x\")");
    assertThat(CsvReport.cell("+1")).isEqualTo("'+1");
    assertThat(CsvReport.cell("-1")).isEqualTo("'-1");
    assertThat(CsvReport.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    assertThat(CsvReport.cell("\tcmd")).isEqualTo("'\tcmd");
    assertThat(CsvReport.cell("\rcmd")).isEqualTo("'\rcmd");
  }

  @Test
  void csvCellsThatStartAFormulaAfterSpacesOrInFullWidthOrBehindAZeroWidthCharacterGetAQuoteToo() {
    assertThat(CsvReport.cell(" =1+2")).isEqualTo("' =1+2");
    assertThat(CsvReport.cell("   @SUM(A1)")).isEqualTo("'   @SUM(A1)");
    assertThat(CsvReport.cell("\uFF1DHYPERLINK(\"http://x\")")).isEqualTo("'\uFF1DHYPERLINK(\"http://x\")");
    assertThat(CsvReport.cell("\uFF0B1")).isEqualTo("'\uFF0B1");
    assertThat(CsvReport.cell("\u200B=1+2")).isEqualTo("'\u200B=1+2");
    assertThat(CsvReport.cell("\uFEFFtext")).isEqualTo("'\uFEFFtext");
  }

  @Test
  void otherCsvCellsAreLeftAlone() {
    assertThat(CsvReport.cell("")).isEmpty();
    assertThat(CsvReport.cell("6.75")).isEqualTo("6.75");
    assertThat(CsvReport.cell("a = b, c")).isEqualTo("a = b, c");
    assertThat(CsvReport.cell("  ")).isEqualTo("  ");
    assertThat(CsvReport.cell("two\nlines")).isEqualTo("two\nlines");
  }

  @Test
  void csvCellsHoldNoEscapeSequence() {
    assertThat(CsvReport.cell("\u001B[8mhidden\u001B[0m")).isEqualTo("\uFFFD[8mhidden\uFFFD[0m");
  }

  @Test
  void markdownCellsCannotBreakTheTable() {
    assertThat(MarkdownReport.cell("a | b")).isEqualTo("a \\| b");
    assertThat(MarkdownReport.cell("use `rm`")).isEqualTo("use \\`rm\\`");
    assertThat(MarkdownReport.cell("<script>x</script>")).isEqualTo("&lt;script>x&lt;/script>");
    assertThat(MarkdownReport.cell("one\ntwo\r\nthree")).isEqualTo("one<br>two<br>three");
    assertThat(MarkdownReport.cell("AT&T \\ co")).isEqualTo("AT&amp;T \\\\ co");
  }

  @Test
  void markdownKeepsNoLinkImageOrEscapeFromTheInputs() {
    assertThat(MarkdownReport.inline("[x](javascript:alert(1))")).isEqualTo("\\[x\\](javascript:alert(1))");
    assertThat(MarkdownReport.inline("![t](https://tracker.example/p.gif)")).isEqualTo("!\\[t\\](https://tracker.example/p.gif)");
    assertThat(MarkdownReport.inline("<javascript:alert(1)>")).isEqualTo("&lt;javascript:alert(1)>");
    assertThat(MarkdownReport.inline("\u001B[8mhidden")).isEqualTo("\uFFFD\\[8mhidden");
  }

  @Test
  void markdownIdsAreCodeSpansThatCannotEnd() {
    assertThat(MarkdownReport.code("scid_`2090`")).isEqualTo("`scid_2090`");
    assertThat(MarkdownReport.code("a|b\nc")).isEqualTo("`a\\|b c`");
  }

  @Test
  void jsonKeepsEveryCharacterAndEscapesWhatATerminalWouldActOn() throws Exception {
    String text = "DEL\u007F C1\u009B[2J bidi\u202E sep\u2028 esc\u001B[8m café ✓";
    StringWriter out = new StringWriter();
    Json.print(Json.NODES.objectNode().put("name", text), new PrintWriter(out));

    assertThat(out.toString()).contains("DEL\\u007F C1\\u009B[2J bidi\\u202E sep\\u2028 esc\\u001B[8m café ✓")
        .doesNotContain("\u007F", "\u009B", "\u202E", "\u2028", "\u001B");
    assertThat(JsonMapper.builder().build().readTree(out.toString()).path("name").stringValue()).isEqualTo(text);
  }
}
