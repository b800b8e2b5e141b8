package dev.posture.scoring;

import dev.posture.catalog.Action;
import dev.posture.catalog.Category;
import dev.posture.catalog.Status;
import java.util.Optional;

/**
 * One action, scored.
 *
 * @param points the points it counts now, after its status
 * @param dataPoints the points the data alone gives (0 on error)
 * @param coverage for a coverage check that ran, how many elements are covered
 * @param satisfied true when a {@code satisfiedBy} condition awarded the points
 * @param status the status shown: the recorded one, or Completed, Regressed or Error
 * @param recordedStatus what a person recorded (To address when nothing was)
 * @param error why the check could not be decided, when status is Error
 * @param notAssessed why the data the check reads was not seen, when status is Not assessed
 * @param licensed whether the tenant has every service plan the action needs
 * @param countedInOverall whether the action counts in the overall score (scored and not deprecated;
 *     with Microsoft's scores, only the actions it scores count)
 * @param countedInCategory whether the action counts in its category's score
 * @param sources which source decided the points, and what each gave
 * @param rankScore the ranking value (see {@link Ranking})
 * @param rank 1 for the action to do first
 */
public record ActionResult(
    Action action,
    double points,
    double dataPoints,
    Optional<Coverage> coverage,
    boolean satisfied,
    Status status,
    Status recordedStatus,
    Optional<String> error,
    Optional<String> notAssessed,
    boolean licensed,
    boolean countedInOverall,
    boolean countedInCategory,
    Sources sources,
    double rankScore,
    int rank) {

  public double remaining() {
    return action.maxScore() - points;
  }

  /** Part of some total: the overall score, its category's, or both. */
  public boolean counted() {
    return countedInOverall || countedInCategory;
  }

  public String id() {
    return action.id();
  }

  public Category category() {
    return action.category();
  }

  ActionResult withRank(int newRank) {
    return new ActionResult(action, points, dataPoints, coverage, satisfied, status, recordedStatus, error, notAssessed, licensed,
        countedInOverall, countedInCategory, sources, rankScore, newRank);
  }
}
