package dev.posture.report;

import dev.posture.scoring.Comparison;

/** Wording shared by the renderers that show a comparison with a baseline. */
public final class Changes {
  private Changes() {}

  /** e.g. "current 60 -> 66.03 of 116 points (+6.03 points, +5.20 percentage points); 2 actions up, 1 down". */
  public static String summary(Comparison c) {
    return "current " + Numbers.points(c.before().points()) + " -> " + Numbers.points(c.after().points())
        + " of " + Numbers.points(c.after().max()) + " points (" + signed(c.pointsChange()) + " points, "
        + signed(Numbers.twoDecimals(c.percentChange())) + " percentage points); "
        + c.up().size() + (c.up().size() == 1 ? " action" : " actions") + " up, " + c.down().size() + " down";
  }

  /** A change with its sign: +2.5, -1, 0. */
  public static String signed(double value) {
    String text = Numbers.points(value);
    return value > 0 && !text.equals("0") ? "+" + text : text;
  }
}
