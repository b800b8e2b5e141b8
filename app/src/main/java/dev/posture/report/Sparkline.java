package dev.posture.report;

import java.util.List;

/** A series as one line of block characters, lowest value ▁, highest █. */
public final class Sparkline {
  private static final char[] BARS = "▁▂▃▄▅▆▇█".toCharArray();

  private Sparkline() {}

  public static String of(List<Double> values) {
    double min = values.stream().mapToDouble(Double::doubleValue).min().orElse(0);
    double max = values.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    StringBuilder line = new StringBuilder();
    for (double v : values) {
      int level = max == min ? BARS.length / 2 - 1 : (int) Math.round((v - min) / (max - min) * (BARS.length - 1));
      line.append(BARS[level]);
    }
    return line.toString();
  }
}
