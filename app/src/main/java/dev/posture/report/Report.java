package dev.posture.report;

import dev.posture.catalog.Status;
import dev.posture.scoring.ActionResult;
import dev.posture.scoring.Assessment;
import dev.posture.scoring.Comparison;
import dev.posture.scoring.ExpiredReview;
import dev.posture.state.State;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What a renderer needs: the assessment, the state it was scored with (notes, tags, review dates and
 * remediation requests), when a baseline was given the comparison with it, and the decisions whose
 * review date has passed.
 */
public record Report(Assessment assessment, State state, Optional<Comparison> comparison, List<ExpiredReview> expired) {

  /** The report of {@code assessment} on {@code today}, with no baseline. */
  public static Report of(Assessment assessment, State state, LocalDate today) {
    return new Report(assessment, state, Optional.empty(), ExpiredReview.of(state, today));
  }

  /** The best ranked actions still worth points, accepted risks left out. */
  public List<ActionResult> topOpen(int top) {
    return assessment.actions().stream()
        .filter(r -> r.action().counted() && r.remaining() > 0 && r.status() != Status.RISK_ACCEPTED)
        .limit(top)
        .toList();
  }
}
