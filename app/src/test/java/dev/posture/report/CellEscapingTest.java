package dev.posture.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CellEscapingTest {

  @Test
  void csvCellsThatWouldStartAFormulaGetAQuote() {
    assertThat(CsvReport.neutralise("=HYPERLINK(\"http://x\")")).isEqualTo("'=HYPERLINK(\"http://x\")");
    assertThat(CsvReport.neutralise("+1")).isEqualTo("'+1");
    assertThat(CsvReport.neutralise("-1")).isEqualTo("'-1");
    assertThat(CsvReport.neutralise("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    assertThat(CsvReport.neutralise("\tcmd")).isEqualTo("'\tcmd");
    assertThat(CsvReport.neutralise("\rcmd")).isEqualTo("'\rcmd");
  }

  @Test
  void otherCsvCellsAreLeftAlone() {
    assertThat(CsvReport.neutralise("")).isEmpty();
    assertThat(CsvReport.neutralise("6.75")).isEqualTo("6.75");
    assertThat(CsvReport.neutralise("a = b, c")).isEqualTo("a = b, c");
    assertThat(CsvReport.neutralise(" =1")).isEqualTo(" =1");
  }

  @Test
  void markdownCellsCannotBreakTheTable() {
    assertThat(MarkdownReport.cell("a | b")).isEqualTo("a \\| b");
    assertThat(MarkdownReport.cell("use `rm`")).isEqualTo("use \\`rm\\`");
    assertThat(MarkdownReport.cell("<script>x</script>")).isEqualTo("&lt;script>x&lt;/script>");
    assertThat(MarkdownReport.cell("one\ntwo\r\nthree")).isEqualTo("one<br>two<br>three");
    assertThat(MarkdownReport.cell("AT&T \\ co")).isEqualTo("AT&amp;T \\\\ co");
  }
}
