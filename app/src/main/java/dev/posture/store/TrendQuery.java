package dev.posture.store;

import dev.posture.scoring.Source;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Which part of a tenant's history to read; an empty field means all.
 *
 * @param since the first day (UTC) to include
 * @param view current, planned, currentLicense or achievable
 * @param scope {@link RunRecord#OVERALL} or a category
 * @param source posture's runs or Microsoft's days
 */
public record TrendQuery(Optional<LocalDate> since, Optional<String> view, Optional<String> scope, Optional<Source> source) {
  public static final TrendQuery ALL = new TrendQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
}
