package dev.posture.graph;

import dev.posture.catalog.Category;
import java.util.List;
import java.util.Optional;

/**
 * The max points of controls Microsoft scores without saying what they are worth (no profile, no
 * catalogue entry, no published max, no points), found as the day's reported maxScore less the max
 * points of every other control, and shared equally among them so the total is Microsoft's exactly.
 *
 * @param controls the controls, as action ids
 * @param points their max points together
 * @param reportedMax the day's maxScore
 * @param category the category they share; when they do not share one, the points count in the
 *     overall total and in no category
 */
public record DerivedMax(List<String> controls, double points, double reportedMax, Optional<Category> category) {

  /** Each control's share. */
  public double each() {
    return points / controls.size();
  }

  /** The max points of every other control. */
  public double others() {
    return reportedMax - points;
  }
}
