package dev.posture.scoring;

/** Points out of a total. Sums keep full precision; rounding is for display only. */
public record ScoreView(double points, double max) {
  public static final ScoreView ZERO = new ScoreView(0, 0);

  /** Percentage of the total; 0 when there is nothing to score. */
  public double percent() {
    return max == 0 ? 0 : points / max * 100;
  }

  ScoreView plus(double morePoints, double moreMax) {
    return new ScoreView(points + morePoints, max + moreMax);
  }
}
