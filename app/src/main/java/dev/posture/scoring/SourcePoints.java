package dev.posture.scoring;

import java.util.Optional;

/**
 * What one source gave an action, before any status.
 *
 * @param coverage how many elements are covered, when the source counts them
 * @param asOf the day Microsoft's points are from ({@code yyyy-MM-dd}); empty for posture's
 */
public record SourcePoints(double points, Optional<Coverage> coverage, Optional<String> asOf) {}
