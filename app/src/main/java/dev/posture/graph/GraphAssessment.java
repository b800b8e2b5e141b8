package dev.posture.graph;

import dev.posture.scoring.Assessment;
import dev.posture.scoring.SourcePoints;
import java.util.List;
import java.util.Optional;

/**
 * An assessment read from Microsoft Graph, with what only Graph knows: the scores Microsoft reported,
 * how other tenants compare, the history, and the controls whose max points could not be found.
 *
 * @param assessment the four views, categories and ranked actions, as for a snapshot
 * @param reportedCurrent {@code currentScore} of the newest day
 * @param reportedMax {@code maxScore} of the newest day
 * @param controls every control of the newest day, with its Graph facts
 * @param missingMax controls left out of the totals because their max points are unknown
 * @param missingPoints the points those controls earned (left out of current too)
 * @param derivedMax the max points of controls known only as what is left of Microsoft's maxScore
 * @param unscoredResolutions resolutions counting points Microsoft's last daily score does not give
 * @param reviewed controls marked Reviewed in the portal (kept as To address)
 * @param enabledServices the licence flags of the newest day
 */
public record GraphAssessment(
    Assessment assessment,
    double reportedCurrent,
    double reportedMax,
    List<GraphControl> controls,
    List<String> missingMax,
    double missingPoints,
    Optional<DerivedMax> derivedMax,
    List<UnscoredResolution> unscoredResolutions,
    List<String> reviewed,
    List<String> enabledServices,
    List<Comparison> comparisons,
    History history) {

  /**
   * The points of the newest day's controls as the export gives them, before any status and whatever
   * posture's checks say: what Microsoft's currentScore adds up (a resolution recorded in the local
   * state file adds to current, not to this).
   */
  public double exportedPoints() {
    return assessment.actions().stream()
        .flatMap(a -> a.sources().microsoft().stream())
        .mapToDouble(SourcePoints::points)
        .sum();
  }

  /** True when the export's controls do not add up to what Microsoft reported (an abridged or edited export). */
  public boolean differsFromReported() {
    return Math.abs(exportedPoints() - reportedCurrent) > 0.005
        || Math.abs(assessment.scores().current().max() - reportedMax) > 0.005;
  }
}
