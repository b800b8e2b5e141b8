package dev.posture.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class TextTableTest {
  private static TextTable table() {
    return table(true);
  }

  private static TextTable table(boolean pointsOptional) {
    TextTable table = new TextTable().column("Id").numberColumn("Points");
    if (pointsOptional) {
      table.optional();
    }
    return table
        .numberColumn("Max")
        .column("Title")
        .row("ShortId", "2.5", "10", "A title that is rather long for a narrow screen")
        .row("AnotherId", "10", "10", "Short");
  }

  private static String print(TextTable table, OptionalInt width, boolean ascii) {
    StringWriter text = new StringWriter();
    table.print(new OutputContext(width, ascii, false, false), new PrintWriter(text));
    return text.toString();
  }

  @Test
  void noWidthKeepsEveryRowWhole() {
    assertThat(print(table(), OptionalInt.empty(), false)).isEqualTo("""
        ID         POINTS  MAX  TITLE
        ShortId       2.5   10  A title that is rather long for a narrow screen
        AnotherId      10   10  Short
        """);
  }

  @Test
  void theWidestTextColumnGivesWayAndNumbersStayWhole() {
    // 9 + 2 + 6 + 2 + 3 + 2 = 24 columns before the title; 40 leaves 16 for it
    assertThat(print(table(false), OptionalInt.of(40), false)).isEqualTo("""
        ID         POINTS  MAX  TITLE
        ShortId       2.5   10  A title that is…
        AnotherId      10   10  Short
        """);
  }

  @Test
  void optionalColumnsGoFirstWhenTextWouldBeCramped() {
    // with POINTS, a 30-column title needs 54 columns: POINTS goes, the title keeps 24
    assertThat(print(table(), OptionalInt.of(40), false)).isEqualTo("""
        ID         MAX  TITLE
        ShortId     10  A title that is rather …
        AnotherId   10  Short
        """);
    assertThat(print(table(), OptionalInt.of(30), true)).isEqualTo("""
        ID         MAX  TITLE
        ShortId     10  A title tha...
        AnotherId   10  Short
        """);
  }

  @Test
  void columnsThatCannotFitAreLeftOutFromTheRight() {
    assertThat(print(table(), OptionalInt.of(20), false)).isEqualTo("""
        ID      MAX  TITLE
        Short…   10  A titl…
        Anoth…   10  Short
        """);
  }
}
