package dev.posture.store;

import dev.posture.scoring.Source;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One run to store, in plain values: what an assessment or a day of Microsoft's Secure Score came to.
 * Built by {@link AssessmentRuns} and {@link MicrosoftHistory}, so the store knows nothing of how
 * scores are computed.
 *
 * @param source posture for an assessment, microsoft for a day of Microsoft's history
 * @param scores every view overall and per category
 * @param actions every action's outcome
 */
public record RunRecord(
    String tenantId, String tenantName, Instant recordedAt, Source source, List<Score> scores, List<ActionOutcome> actions) {

  /** The scope of the score of a whole tenant, beside the categories' own. */
  public static final String OVERALL = "overall";

  /**
   * One view of the score, overall or for one category.
   *
   * @param view current, planned, currentLicense or achievable
   * @param scope {@link #OVERALL} or a category, e.g. Identity
   */
  public record Score(String view, String scope, double points, double max) {
    public double percent() {
      return max == 0 ? 0 : points / max * 100;
    }
  }

  /**
   * One action's outcome in a run.
   *
   * @param max empty where Microsoft's export does not say what a control is worth
   * @param status the status key (e.g. to-address, completed); empty on Microsoft's days
   * @param source who decided the points: posture's check or Microsoft's controlScore
   */
  public record ActionOutcome(String id, double points, Optional<Double> max, Optional<String> status, Source source) {}
}
