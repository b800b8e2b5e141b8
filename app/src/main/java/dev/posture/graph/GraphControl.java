package dev.posture.graph;

import java.util.Optional;

/**
 * What the export says about one control of the newest day, beside its scored action.
 *
 * @param id the action id: the control name without a numeric prefix
 * @param graphName the control name as Graph writes it
 * @param reportedCategory the category Microsoft counted it in
 * @param maxSource where its max points came from: profile, catalogue, percentage (score x 100 /
 *     scoreInPercentage), or unknown
 * @param implementationCost as the profile says, "Unknown" when it does not (ranked as Moderate)
 * @param userImpact as the profile says, "Unknown" when it does not (ranked as Moderate)
 * @param graphState the latest state recorded in the portal, when a profile was given
 */
public record GraphControl(
    String id,
    String graphName,
    String reportedCategory,
    double score,
    Optional<Double> maxScore,
    String maxSource,
    String implementationCost,
    String userImpact,
    Optional<String> graphState,
    String implementationStatus) {}
