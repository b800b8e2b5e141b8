package dev.posture.graph;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything read from a set of Graph export files.
 *
 * @param days the secureScores days, oldest first, one per date
 * @param profiles control profiles by {@link ControlIds#key key}
 */
public record GraphExport(List<DailyScore> days, Map<String, ControlProfile> profiles) {

  public Optional<DailyScore> newest() {
    return days.isEmpty() ? Optional.empty() : Optional.of(days.get(days.size() - 1));
  }

  public Optional<ControlProfile> profile(String controlName) {
    return Optional.ofNullable(profiles.get(ControlIds.key(controlName)));
  }
}
