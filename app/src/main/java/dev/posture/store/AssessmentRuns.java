package dev.posture.store;

import dev.posture.scoring.ActionResult;
import dev.posture.scoring.Assessment;
import dev.posture.scoring.CategoryScores;
import dev.posture.scoring.ScoreView;
import dev.posture.scoring.Source;
import dev.posture.scoring.View;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** An assessment as a run to store: the four views overall and per category, and every action. */
public final class AssessmentRuns {
  private AssessmentRuns() {}

  public static RunRecord of(Assessment assessment, Instant recordedAt) {
    List<RunRecord.Score> scores = new ArrayList<>();
    for (View view : View.values()) {
      ScoreView overall = view.of(assessment.scores());
      scores.add(new RunRecord.Score(view.key(), RunRecord.OVERALL, overall.points(), overall.max()));
      for (CategoryScores category : assessment.categories()) {
        ScoreView s = view.of(category.scores());
        scores.add(new RunRecord.Score(view.key(), category.category().label(), s.points(), s.max()));
      }
    }
    List<RunRecord.ActionOutcome> actions = new ArrayList<>();
    for (ActionResult a : assessment.actions()) {
      actions.add(new RunRecord.ActionOutcome(a.id(), a.points(), Optional.of(a.action().maxScore()),
          Optional.of(a.status().key()), a.sources().decidedBy()));
    }
    return new RunRecord(assessment.tenant().id(), assessment.tenant().displayName(), recordedAt, Source.POSTURE,
        List.copyOf(scores), List.copyOf(actions));
  }
}
