package dev.posture.graph;

import java.util.List;

/**
 * One day of a secureScores export.
 *
 * @param date the day, {@code yyyy-MM-dd}, from {@code createdDateTime}
 * @param reportedCurrent {@code currentScore} as Microsoft reported it
 * @param reportedMax {@code maxScore} as Microsoft reported it
 * @param enabledServices the licence flags Graph lists, e.g. HasAADP2, HasMDOP1
 */
public record DailyScore(
    String tenantId,
    String date,
    String createdDateTime,
    double reportedCurrent,
    double reportedMax,
    int licensedUserCount,
    List<String> enabledServices,
    List<ControlScore> controls,
    List<Comparison> comparisons) {

  /** Microsoft's current score is the sum of its controls' points. */
  public double points() {
    return controls.stream().mapToDouble(ControlScore::score).sum();
  }
}
