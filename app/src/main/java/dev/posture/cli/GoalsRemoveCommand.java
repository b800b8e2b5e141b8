package dev.posture.cli;

import dev.posture.scoring.View;
import dev.posture.state.Stamp;
import dev.posture.state.State;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "remove", description = "Remove the goal of a view.",
    footerHeading = "%nExample:%n", footer = "  posture goals remove samples/contoso --view current --actor megan.bowen@contoso.com")
final class GoalsRemoveCommand extends GoalEditCommand {
  @Option(names = "--view", paramLabel = "VIEW", defaultValue = "current", converter = HistoryCommand.ViewConverter.class,
      description = "current (the default), planned, current-license or achievable.")
  View view;

  @Override
  State change(State state, Stamp stamp) {
    return state.withGoals(state.goals().stream().filter(g -> !g.view().equals(view.key())).toList());
  }

  @Override
  String done() {
    return view.key() + " goal removed";
  }
}
