package dev.posture.graph;

import dev.posture.catalog.Level;
import dev.posture.catalog.Tier;
import java.util.List;
import java.util.Optional;

/**
 * One entry of a secureScoreControlProfiles export: what a control is worth and how Microsoft ranks it.
 *
 * @param implementationCost empty when Graph says Unknown or nothing
 * @param userImpact empty when Graph says Unknown or nothing
 * @param state the latest of {@code controlStateUpdates}
 */
public record ControlProfile(
    String id,
    String title,
    String category,
    double maxScore,
    String service,
    Optional<Tier> tier,
    Optional<Level> implementationCost,
    Optional<Level> userImpact,
    List<String> threats,
    boolean deprecated,
    String actionUrl,
    String remediation,
    Optional<StateUpdate> state,
    String source) {}
