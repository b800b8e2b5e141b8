package dev.posture.scoring;

import dev.posture.catalog.Status;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;

/** A condition a CI pipeline puts on an assessment; a gate that fails says why in one sentence. */
public sealed interface Gate {

  /**
   * Why the assessment fails this gate, or empty when it passes.
   *
   * @param expired the decisions whose review date has passed
   */
  Optional<String> failure(Assessment assessment, Optional<Comparison> comparison, List<ExpiredReview> expired);

  /**
   * Fails when a view's percentage, rounded to two decimals as every report shows it, is below a
   * threshold; so a score shown as 56.93% passes {@code --fail-under 56.93}.
   */
  record FailUnder(View view, double percent) implements Gate {
    @Override
    public Optional<String> failure(Assessment assessment, Optional<Comparison> comparison, List<ExpiredReview> expired) {
      BigDecimal shown = BigDecimal.valueOf(view.of(assessment.scores()).percent()).setScale(2, RoundingMode.HALF_UP);
      if (shown.compareTo(BigDecimal.valueOf(percent)) >= 0) {
        return Optional.empty();
      }
      return Optional.of(view.key() + " score " + shown.toPlainString() + "% is under " + plain(percent) + "%");
    }
  }

  /**
   * Fails when an action regressed or the current score dropped since the baseline.
   *
   * @param since what the assessment was compared with, for the message: "the baseline", or "the
   *     previous day of the export" for Graph exports that carry their own history
   */
  record FailOnRegression(String since) implements Gate {
    @Override
    public Optional<String> failure(Assessment assessment, Optional<Comparison> comparison, List<ExpiredReview> expired) {
      List<String> regressed = assessment.actions().stream()
          .filter(r -> r.status() == Status.REGRESSED).map(ActionResult::id).toList();
      if (!regressed.isEmpty()) {
        return Optional.of("regressed since " + since + ": " + String.join(", ", regressed));
      }
      return comparison.filter(c -> c.pointsChange() < 0).map(c -> "current score dropped from "
          + plain(c.before().points()) + " to " + plain(c.after().points()) + " points since " + since);
    }
  }

  /** Fails when a risk acceptance or resolution is past its review date. */
  record FailOnExpired() implements Gate {
    @Override
    public Optional<String> failure(Assessment assessment, Optional<Comparison> comparison, List<ExpiredReview> expired) {
      if (expired.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(expired.size() + (expired.size() == 1 ? " decision is" : " decisions are") + " past the review date: "
          + String.join(", ", expired.stream().map(ExpiredReview::actionId).distinct().toList()));
    }
  }

  /** Every failure, in the order the gates were given. */
  static List<String> failures(List<Gate> gates, Assessment assessment, Optional<Comparison> comparison, List<ExpiredReview> expired) {
    return gates.stream().flatMap(g -> g.failure(assessment, comparison, expired).stream()).toList();
  }

  private static String plain(double value) {
    return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
  }
}
