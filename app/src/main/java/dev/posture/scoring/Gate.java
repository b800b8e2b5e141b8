package dev.posture.scoring;

import dev.posture.catalog.Status;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** A condition a CI pipeline puts on an assessment; a gate that fails says why in one sentence. */
public sealed interface Gate {

  /** Why the assessment fails this gate, or empty when it passes. */
  Optional<String> failure(Assessment assessment, Optional<Comparison> comparison);

  /** Fails when a view's exact percentage is below a threshold. */
  record FailUnder(View view, double percent) implements Gate {
    @Override
    public Optional<String> failure(Assessment assessment, Optional<Comparison> comparison) {
      double actual = view.of(assessment.scores()).percent();
      if (actual >= percent) {
        return Optional.empty();
      }
      return Optional.of(String.format(Locale.ROOT, "%s score %.2f%% is under %s%%", view.key(), actual, plain(percent)));
    }
  }

  /** Fails when an action regressed or the current score dropped since the baseline. */
  record FailOnRegression() implements Gate {
    @Override
    public Optional<String> failure(Assessment assessment, Optional<Comparison> comparison) {
      List<String> regressed = assessment.actions().stream()
          .filter(r -> r.status() == Status.REGRESSED).map(ActionResult::id).toList();
      if (!regressed.isEmpty()) {
        return Optional.of("regressed since the baseline: " + String.join(", ", regressed));
      }
      return comparison.filter(c -> c.pointsChange() < 0).map(c -> String.format(Locale.ROOT,
          "current score dropped from %s to %s points since the baseline", plain(c.before().points()), plain(c.after().points())));
    }
  }

  /** Every failure, in the order the gates were given. */
  static List<String> failures(List<Gate> gates, Assessment assessment, Optional<Comparison> comparison) {
    return gates.stream().flatMap(g -> g.failure(assessment, comparison).stream()).toList();
  }

  private static String plain(double value) {
    return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
  }
}
