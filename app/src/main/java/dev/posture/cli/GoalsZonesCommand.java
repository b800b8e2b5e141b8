package dev.posture.cli;

import dev.posture.report.Numbers;
import dev.posture.state.RefusedEditException;
import dev.posture.state.Stamp;
import dev.posture.state.State;
import dev.posture.state.Zones;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "zones", description = "Set the score zones that colour the tenant's score in assess: red, amber and green bands.",
    footerHeading = "%nExample:%n",
    footer = "  posture goals zones samples/contoso --red-under 40 --amber-under 70 --actor megan.bowen@contoso.com")
final class GoalsZonesCommand extends GoalEditCommand {
  @Option(names = "--red-under", required = true, paramLabel = "PERCENT", converter = GoalsSetCommand.PercentConverter.class,
      description = "A score under this percentage is red.")
  double redUnder;

  @Option(names = "--amber-under", required = true, paramLabel = "PERCENT", converter = GoalsSetCommand.PercentConverter.class,
      description = "A score under this percentage (and not red) is amber; from it, green.")
  double amberUnder;

  @Override
  State change(State state, Stamp stamp) {
    if (redUnder > amberUnder) {
      throw new RefusedEditException("--red-under " + Numbers.points(redUnder) + " is above --amber-under " + Numbers.points(amberUnder)
          + "; expected red under amber under green");
    }
    return state.withZones(Optional.of(new Zones(redUnder, amberUnder)));
  }

  @Override
  String done() {
    return "zones: red under " + Numbers.percent(redUnder) + ", amber under " + Numbers.percent(amberUnder);
  }
}
