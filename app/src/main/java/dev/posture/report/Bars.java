package dev.posture.report;

import java.util.List;

/**
 * Pictures made of characters: horizontal bars and sparklines, in Unicode block characters or, for
 * terminals and fonts that lack them, in ASCII.
 */
public final class Bars {
  private static final Bars UNICODE = new Bars("█", "░", " ▏▎▍▌▋▊▉", "▁▂▃▄▅▆▇█");
  private static final Bars ASCII = new Bars("#", ".", "", "_.-:=+*#");

  private final String full;
  private final String empty;
  /** Partial cells by eighths, from none to seven; empty when the set has none. */
  private final String eighths;
  private final String levels;

  private Bars(String full, String empty, String eighths, String levels) {
    this.full = full;
    this.empty = empty;
    this.eighths = eighths;
    this.levels = levels;
  }

  public static Bars of(boolean ascii) {
    return ascii ? ASCII : UNICODE;
  }

  /** A bar {@code width} cells long, filled to {@code fraction} (0 to 1). */
  public String bar(double fraction, int width) {
    return bar(fraction, 1, width);
  }

  /**
   * A bar filled to {@code fraction} of {@code width} cells, its empty part running only to
   * {@code extent}: bars of different sizes on one scale.
   */
  public String bar(double fraction, double extent, int width) {
    int eighthsFilled = (int) Math.round(clamp(fraction) * width * 8);
    int cells = (int) Math.round(clamp(Math.max(extent, fraction)) * width);
    StringBuilder bar = new StringBuilder(full.repeat(eighthsFilled / 8));
    int rest = eighthsFilled % 8;
    if (eighths.isEmpty()) {
      bar.append(rest >= 4 ? full : "");
    } else if (rest > 0) {
      bar.append(eighths.charAt(rest));
    }
    return bar.append(empty.repeat(Math.max(0, cells - bar.length()))).toString();
  }

  /** A series as one line, lowest value on the lowest level, highest on the highest. */
  public String sparkline(List<Double> values) {
    double min = values.stream().mapToDouble(Double::doubleValue).min().orElse(0);
    double max = values.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    int top = levels.length() - 1;
    StringBuilder line = new StringBuilder();
    for (double v : values) {
      int level = max == min ? levels.length() / 2 - 1 : (int) Math.round((v - min) / (max - min) * top);
      line.append(levels.charAt(level));
    }
    return line.toString();
  }

  private static double clamp(double fraction) {
    return Math.max(0, Math.min(1, fraction));
  }
}
