package dev.posture.scoring;

import dev.posture.catalog.Status;

/**
 * The four views of a score, as the portal's score tile offers them.
 *
 * @param current points achieved now
 * @param planned current plus what Planned actions would add
 * @param currentLicense what the tenant could reach with the licences it has
 * @param achievable what it could reach with its licences, leaving out accepted risks
 */
public record Scores(ScoreView current, ScoreView planned, ScoreView currentLicense, ScoreView achievable) {
  public static final Scores ZERO = new Scores(ScoreView.ZERO, ScoreView.ZERO, ScoreView.ZERO, ScoreView.ZERO);

  /** Adds one counted action's contribution to every view. */
  Scores plus(ActionResult r) {
    double max = r.action().maxScore();
    double points = r.points();
    double planned = r.recordedStatus() == Status.PLANNED ? max : points;
    double licensed = r.licensed() ? max : points;
    double achievable = r.licensed() && r.recordedStatus() != Status.RISK_ACCEPTED ? max : points;
    return new Scores(
        current.plus(points, max),
        this.planned.plus(planned, max),
        currentLicense.plus(licensed, max),
        this.achievable.plus(achievable, max));
  }
}
