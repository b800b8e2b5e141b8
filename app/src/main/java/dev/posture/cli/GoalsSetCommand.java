package dev.posture.cli;

import dev.posture.report.Numbers;
import dev.posture.scoring.View;
import dev.posture.state.Goal;
import dev.posture.state.RefusedEditException;
import dev.posture.state.Stamp;
import dev.posture.state.State;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "set",
    description = "Set the goal of a view: the percentage to reach by a day. assess shows how far it is; --fail-on-goal fails once "
        + "the day has passed unmet. A view has one goal: setting it again replaces it.",
    footerHeading = "%nExample:%n",
    footer = "  posture goals set samples/contoso --view current --target 70 --by 2027-03-31 --actor megan.bowen@contoso.com")
final class GoalsSetCommand extends GoalEditCommand {
  @Option(names = "--view", paramLabel = "VIEW", defaultValue = "current", converter = HistoryCommand.ViewConverter.class,
      description = "current (the default), planned, current-license or achievable.")
  View view;

  @Option(names = "--target", required = true, paramLabel = "PERCENT", converter = PercentConverter.class,
      description = "The percentage to reach, 0 to 100.")
  double target;

  @Option(names = "--by", required = true, paramLabel = "DATE", description = "The day to reach it by (YYYY-MM-DD).")
  LocalDate by;

  @Override
  State change(State state, Stamp stamp) {
    if (by.isBefore(stamp.today())) {
      throw new RefusedEditException("--by " + by + " has passed; a goal is for a day to come");
    }
    List<Goal> goals = new ArrayList<>(state.goals().stream().filter(g -> !g.view().equals(view.key())).toList());
    goals.add(new Goal(view.key(), target, by, stamp.by(), stamp.atText()));
    return state.withGoals(goals);
  }

  @Override
  String done() {
    return view.key() + " goal: " + Numbers.percent(target) + " by " + by;
  }

  /** A percentage from 0 to 100, with or without its %. */
  static final class PercentConverter implements picocli.CommandLine.ITypeConverter<Double> {
    @Override
    public Double convert(String text) {
      double percent;
      try {
        percent = Double.parseDouble(text.strip().replaceFirst("%$", ""));
      } catch (NumberFormatException e) {
        throw new picocli.CommandLine.TypeConversionException("expected a percentage such as 70, found '" + text + "'");
      }
      if (!(percent >= 0 && percent <= 100)) {
        throw new picocli.CommandLine.TypeConversionException("expected a percentage from 0 to 100, found '" + text + "'");
      }
      return percent;
    }
  }
}
