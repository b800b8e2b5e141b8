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
   * {@code extent}: bars of different sizes on one scale. A bar is full only when the fraction is
   * whole and empty only when it is none, so 99.7% never reads as done nor 0.3% as nothing.
   */
  public String bar(double fraction, double extent, int width) {
    double filled = clamp(fraction);
    int unit = eighths.isEmpty() ? 1 : 8;
    int units = (int) Math.round(filled * width * unit);
    if (filled < 1) {
      units = Math.min(units, width * unit - 1);
    }
    if (filled > 0) {
      units = Math.max(units, 1);
    }
    int cells = (int) Math.round(clamp(Math.max(extent, fraction)) * width);
    StringBuilder bar = new StringBuilder(full.repeat(units / unit));
    if (units % unit > 0) {
      bar.append(eighths.charAt(units % unit));
    }
    return bar.append(empty.repeat(Math.max(0, cells - bar.length()))).toString();
  }

  /**
   * A series as one line on its own scale, from none to {@code ceiling} (a score's max points), so
   * a change looks as large as it is: 128 to 127 of 274 points stays level.
   */
  public String sparkline(List<Double> values, double ceiling) {
    int top = levels.length() - 1;
    StringBuilder line = new StringBuilder();
    for (double v : values) {
      int level = ceiling <= 0 ? 0 : (int) Math.round(clamp(v / ceiling) * top);
      line.append(levels.charAt(level));
    }
    return line.toString();
  }

  private static double clamp(double fraction) {
    return Math.max(0, Math.min(1, fraction));
  }
}
