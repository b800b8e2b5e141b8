package dev.posture.report;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Number formatting for display. Sums are kept exact elsewhere; only what is shown is rounded. */
public final class Numbers {
  private Numbers() {}

  /** Points with at most two decimals and no trailing zeros: 10, 4.17, 0.5. */
  public static String points(double value) {
    BigDecimal rounded = round(value);
    return rounded.signum() == 0 ? "0" : rounded.stripTrailingZeros().toPlainString();
  }

  /** A percentage with exactly two decimals, e.g. 46.72%. */
  public static String percent(double value) {
    return round(value).setScale(2, RoundingMode.HALF_UP).toPlainString() + "%";
  }

  /** Rounded to two decimals, half up, as the JSON report gives percentages. */
  public static double twoDecimals(double value) {
    return round(value).doubleValue();
  }

  private static BigDecimal round(double value) {
    return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
  }
}
