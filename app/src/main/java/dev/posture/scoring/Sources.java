package dev.posture.scoring;

import java.util.Optional;

/**
 * Which source decided an action, and what each one said. Posture's own check decides when the
 * snapshot holds what it reads; otherwise Microsoft's Secure Score does, when it scores the action.
 *
 * @param posture the points posture's check gave, when it could decide
 * @param microsoft Microsoft's points for the newest day, when Secure Score scores the action
 * @param postureUndecided why posture's check could not decide, when a snapshot was given
 * @param outsideMicrosoft true when Microsoft's scores were given and do not score this action (not
 *     licensed, retired, not applicable): it is shown but counts in no total, so the totals stay Microsoft's
 */
public record Sources(
    Source decidedBy,
    Optional<SourcePoints> posture,
    Optional<SourcePoints> microsoft,
    Optional<String> postureUndecided,
    boolean outsideMicrosoft) {

  /** Differences below this are rounding, not disagreement: points are shown with two decimals. */
  private static final double TOLERANCE = 0.005;

  /** True when both sources decided and gave different points. */
  public boolean disagree() {
    return posture.isPresent() && microsoft.isPresent()
        && Math.abs(posture.get().points() - microsoft.get().points()) >= TOLERANCE;
  }
}
