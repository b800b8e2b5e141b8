package dev.posture.cli;

import dev.posture.report.Numbers;
import dev.posture.scoring.Gate;
import dev.posture.scoring.GoalProgress;
import dev.posture.scoring.View;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** The CI gates of {@code assess}: a minimum score, no regression against a baseline report, no overdue review. */
final class GateOptions {
  @Option(names = "--fail-under", paramLabel = "[VIEW=]PERCENT", split = ",", hideParamSyntax = true, converter = FailUnderConverter.class,
      description = "Exit with 1 when a view's percentage is under PERCENT. VIEW: current (the default), planned, "
          + "current-license or achievable. Repeatable, e.g. --fail-under 60 --fail-under achievable=80.")
  List<Gate.FailUnder> failUnder = new ArrayList<>();

  @Option(names = "--baseline", paramLabel = "FILE",
      description = "An earlier JSON report (assess --format json): actions with fewer points now are Regressed, "
          + "and the report shows what changed.")
  Path baseline;

  @Option(names = "--fail-on-regression",
      description = "Exit with 1 when an action regressed or the current score dropped since --baseline "
          + "(with --graph: since the previous day of the export; with a history store: since its last run of the tenant).")
  boolean failOnRegression;

  @Option(names = "--fail-on-expired",
      description = "Exit with 1 when a risk acceptance or resolution is past its review date.")
  boolean failOnExpired;

  @Option(names = "--fail-on-goal",
      description = "Exit with 1 when a goal's date (goals set) has passed and its target was not reached.")
  boolean failOnGoal;

  Optional<Path> baseline() {
    return Optional.ofNullable(baseline);
  }

  /**
   * @param history what regressions are told against when no --baseline is given: the previous day of
   *     Graph exports, or the last run in the history store; empty when there is neither
   */
  List<Gate> gates(Optional<String> history) {
    if (failOnRegression && baseline == null && history.isEmpty()) {
      throw new UsageException("--fail-on-regression needs --baseline FILE, the report to compare with, or a history store "
          + "(--record or --store)");
    }
    List<Gate> gates = new ArrayList<>(failUnder);
    if (failOnRegression) {
      gates.add(new Gate.FailOnRegression(baseline != null ? "the baseline" : history.orElseThrow()));
    }
    if (failOnExpired) {
      gates.add(new Gate.FailOnExpired());
    }
    return gates;
  }

  /** Why the goals fail the gate: one reason a goal whose date passed unmet; none unless --fail-on-goal. */
  List<String> goalFailures(List<GoalProgress> goals) {
    if (!failOnGoal) {
      return List.of();
    }
    return goals.stream().filter(GoalProgress::missed).map(g -> g.view().key() + " goal of " + Numbers.percent(g.goal().target())
        + " by " + g.goal().by() + " missed (" + Numbers.percent(g.now().percent()) + " now)").toList();
  }

  /** {@code 70}, {@code 70%} or {@code achievable=80}. */
  static final class FailUnderConverter implements ITypeConverter<Gate.FailUnder> {
    @Override
    public Gate.FailUnder convert(String text) {
      int eq = text.indexOf('=');
      View view = eq < 0 ? View.CURRENT : View.parse(text.substring(0, eq).strip()).orElseThrow(() -> new TypeConversionException(
          "unknown view '" + text.substring(0, eq) + "'; expected current, planned, current-license or achievable"));
      String number = text.substring(eq + 1).strip().replaceFirst("%$", "");
      double percent;
      try {
        percent = Double.parseDouble(number);
      } catch (NumberFormatException e) {
        throw new TypeConversionException("expected a percentage such as 70 or achievable=80, found '" + text + "'");
      }
      if (!(percent >= 0 && percent <= 100)) {
        throw new TypeConversionException("expected a percentage from 0 to 100, found '" + text + "'");
      }
      return new Gate.FailUnder(view, percent);
    }
  }
}
