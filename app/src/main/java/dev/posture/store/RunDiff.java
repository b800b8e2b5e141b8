package dev.posture.store;

import java.util.List;
import java.util.Optional;

/**
 * What changed between two runs of a tenant.
 *
 * @param changes the actions whose points differ, or that only one run has: biggest loss first,
 *     biggest gain last
 */
public record RunDiff(RunDetail before, RunDetail after, List<ActionChange> changes) {

  /** One action's points (and status) in each run; empty where that run does not have it. */
  public record ActionChange(
      String actionId, Optional<Double> before, Optional<Double> after, Optional<String> statusBefore, Optional<String> statusAfter) {

    /** Points gained (negative: lost); a missing side counts as zero. */
    public double change() {
      return after.orElse(0.0) - before.orElse(0.0);
    }
  }
}
