package dev.posture.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BarsTest {
  private static final Bars UNICODE = Bars.of(false);
  private static final Bars ASCII = Bars.of(true);

  @Test
  void aBarIsFilledByEighthsOfACell() {
    // 52.94% of 20 cells = 10.59 cells = 84.7 eighths: 10 full cells and 5 eighths
    assertThat(UNICODE.bar(0.5294, 20)).isEqualTo("██████████▋░░░░░░░░░");
    assertThat(UNICODE.bar(0, 4)).isEqualTo("░░░░");
    assertThat(UNICODE.bar(1, 4)).isEqualTo("████");
  }

  @Test
  void aBarIsFullOnlyAtAHundredPercentAndEmptyOnlyAtNone() {
    assertThat(UNICODE.bar(0.997, 20)).isEqualTo("███████████████████▉");
    assertThat(ASCII.bar(0.997, 20)).isEqualTo("###################.");
    assertThat(UNICODE.bar(0.001, 20)).isEqualTo("▏░░░░░░░░░░░░░░░░░░░");
    assertThat(ASCII.bar(0.001, 20)).isEqualTo("#...................");
  }

  @Test
  void asciiRoundsToWholeCells() {
    assertThat(ASCII.bar(0.5294, 20)).isEqualTo("###########.........");
    assertThat(ASCII.bar(0.52, 20)).isEqualTo("##########..........");
  }

  @Test
  void barsOnOneScaleStopAtTheirExtent() {
    // 21.25 of 61 points, on a scale of 155 and 31 cells: 4.25 cells filled, 12.2 cells long
    assertThat(UNICODE.bar(21.25 / 155, 61.0 / 155, 31)).isEqualTo("████▎░░░░░░░");
    assertThat(ASCII.bar(21.25 / 155, 61.0 / 155, 31)).isEqualTo("####........");
  }

  @Test
  void sparklineRunsFromNoneToTheMostThereIs() {
    List<Double> series = List.of(0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0);
    assertThat(UNICODE.sparkline(series, 7)).isEqualTo("▁▂▃▄▅▆▇█");
    assertThat(ASCII.sparkline(series, 7)).isEqualTo("_.-:=+*#");
  }

  @Test
  void aSmallChangeOfALargeScoreIsASmallChangeOfTheLine() {
    // 128 to 127 of 274 points is a third of a percent: the line stays level
    assertThat(UNICODE.sparkline(List.of(128.0, 128.0, 127.0), 274)).isEqualTo("▄▄▄");
    assertThat(UNICODE.sparkline(List.of(14.0, 26.5, 27.0), 64)).isEqualTo("▃▄▄");
  }
}
