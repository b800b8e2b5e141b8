package dev.posture.scoring;

import dev.posture.catalog.Action;
import dev.posture.catalog.Level;
import dev.posture.catalog.Tier;
import java.util.Comparator;

/**
 * Orders actions by what they are worth for the effort, as the portal does: many points remaining,
 * low implementation cost, low user impact and low complexity (read from the tier) rank first.
 *
 * <pre>
 * rank value = remaining points x cost factor x user impact factor x complexity factor
 *   cost, user impact:  Low 1.0   Moderate 0.75   High 0.5
 *   complexity (tier):  Core 1.0  Defense in depth 0.85  Advanced 0.7
 * </pre>
 *
 * Actions outside the totals (not scored, deprecated, not scored by Microsoft) rank last. Ties go to the larger maximum,
 * then to the id.
 */
public final class Ranking {
  private Ranking() {}

  public static double factor(Level level) {
    return switch (level) {
      case LOW -> 1.0;
      case MODERATE -> 0.75;
      case HIGH -> 0.5;
    };
  }

  public static double factor(Tier tier) {
    return switch (tier) {
      case CORE -> 1.0;
      case DEFENSE_IN_DEPTH -> 0.85;
      case ADVANCED -> 0.7;
    };
  }

  public static double value(Action action, double remaining) {
    if (!action.counted()) {
      return 0;
    }
    return remaining * factor(action.implementationCost()) * factor(action.userImpact()) * factor(action.tier());
  }

  /** What an action's rank value is made of, for {@code actions list --explain}. */
  public record Inputs(double remaining, double cost, double userImpact, double complexity, double value) {}

  public static Inputs inputs(ActionResult result) {
    Action a = result.action();
    return new Inputs(result.remaining(), factor(a.implementationCost()), factor(a.userImpact()), factor(a.tier()), result.rankScore());
  }

  static final Comparator<ActionResult> ORDER =
      Comparator.comparing((ActionResult r) -> !r.counted())
          .thenComparing(Comparator.comparingDouble(ActionResult::rankScore).reversed())
          .thenComparing(Comparator.comparingDouble((ActionResult r) -> r.action().maxScore()).reversed())
          .thenComparing(ActionResult::id);
}
