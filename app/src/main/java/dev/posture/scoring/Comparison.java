package dev.posture.scoring;

import java.util.ArrayList;
import java.util.List;

/**
 * This run against a baseline: how the current score moved and which actions gained or lost points.
 * Actions missing from either run are left out: there is nothing to compare them with.
 *
 * @param changes actions whose points differ, in rank order
 */
public record Comparison(Baseline baseline, ScoreView before, ScoreView after, List<Change> changes) {
  public Comparison {
    changes = List.copyOf(changes);
  }

  public static Comparison of(Baseline baseline, Assessment assessment) {
    List<Change> changes = new ArrayList<>();
    for (ActionResult r : assessment.actions()) {
      Double before = baseline.points().get(r.id());
      if (before != null && before != r.points()) {
        changes.add(new Change(r, before));
      }
    }
    return new Comparison(baseline, baseline.current(), assessment.scores().current(), changes);
  }

  /** Change of the current score, in points. */
  public double pointsChange() {
    return after.points() - before.points();
  }

  /** Change of the current score, in percentage points. */
  public double percentChange() {
    return after.percent() - before.percent();
  }

  public List<Change> up() {
    return changes.stream().filter(c -> c.delta() > 0).toList();
  }

  public List<Change> down() {
    return changes.stream().filter(c -> c.delta() < 0).toList();
  }

  /** One action whose points moved. */
  public record Change(ActionResult action, double before) {
    public double delta() {
      return action.points() - before;
    }
  }
}
