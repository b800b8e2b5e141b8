package dev.posture.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SparklineTest {
  @Test
  void lowestToHighest() {
    assertThat(Sparkline.of(List.of(0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0))).isEqualTo("▁▂▃▄▅▆▇█");
  }

  @Test
  void aFlatSeriesSitsInTheMiddle() {
    assertThat(Sparkline.of(List.of(5.0, 5.0))).isEqualTo("▄▄");
  }
}
