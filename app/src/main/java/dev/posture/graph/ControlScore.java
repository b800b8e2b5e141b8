package dev.posture.graph;

import java.util.OptionalDouble;

/**
 * One control on one day of a secureScores export ({@code controlScores[]}).
 *
 * @param name the control name as Graph gives it, e.g. {@code 11770.MDA_Google_EnableTwoFactorAuth}
 * @param category the category Microsoft counted it in that day (categories change over time)
 * @param score the points it earned that day
 * @param scoreInPercentage score as a share of the control's max points, when given
 * @param count how many items are protected (users, policies), when given
 * @param total how many items there are, when given
 */
public record ControlScore(
    String name,
    String category,
    double score,
    OptionalDouble scoreInPercentage,
    OptionalDouble count,
    OptionalDouble total,
    String implementationStatus) {}
