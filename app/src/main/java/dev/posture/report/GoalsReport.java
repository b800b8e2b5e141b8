package dev.posture.report;

import dev.posture.scoring.GoalProgress;
import dev.posture.scoring.ScoreView;
import dev.posture.state.Zones;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** A tenant's goals and how far each is, and its score zones. */
public record GoalsReport(List<GoalProgress> goals, Optional<Zones> zones, ScoreView current) {
  private static final String RESET = "\u001B[0m";

  /** Every format the goals print in. */
  public static final Renderers<GoalsReport> RENDERERS = Renderers.<GoalsReport>builder()
      .add(Format.TABLE, (report, context, out) -> report.table(context, out))
      .add(Format.JSON, (report, context, out) -> report.json(out))
      .add(Format.CSV, (report, context, out) -> table(report.goals).csv(out))
      .add(Format.MARKDOWN, (report, context, out) -> report.markdown(out))
      .build();

  private void table(OutputContext context, PrintWriter out) {
    if (goals.isEmpty()) {
      out.println("No goal set.");
    } else {
      table(goals).print(context, out);
    }
    zones.ifPresent(z -> out.println(zoneLine(z, current, context.colour())));
  }

  private void markdown(PrintWriter out) {
    if (goals.isEmpty()) {
      out.println("No goal set.");
    } else {
      table(goals).markdown(out);
    }
    zones.ifPresent(z -> {
      out.println();
      out.println(zoneLine(z, current, false));
    });
  }

  /** One row a goal: its view, target and date, the score now, what is still to go, the days left, and where it stands. */
  static TextTable table(List<GoalProgress> goals) {
    TextTable table = new TextTable().column("Goal").numberColumn("Target").column("By").numberColumn("Now").numberColumn("To go")
        .numberColumn("Days left").column("Standing");
    for (GoalProgress g : goals) {
      table.row(g.view().key(), Numbers.percent(g.goal().target()), g.goal().by().toString(), Numbers.percent(g.now().percent()),
          g.met() ? "-" : Numbers.percent(g.percentToGo()).replace("%", "") + " pp, " + Numbers.points(g.pointsToGo()) + " points",
          Long.toString(g.daysLeft()), standing(g));
    }
    return table;
  }

  /** met, missed, on track, behind, or no trend yet. */
  static String standing(GoalProgress g) {
    if (g.met()) {
      return "met";
    }
    if (g.missed()) {
      return "missed";
    }
    return g.onTrack().map(on -> on ? "on track" : "behind").orElse("no trend yet");
  }

  /** "Score zone: amber (red under 40%, amber under 70%, green from 70%)", the zone coloured when colour is on. */
  static String zoneLine(Zones zones, ScoreView current, boolean colour) {
    Zones.Zone zone = zones.of(current.percent());
    String name = zone.name().toLowerCase(Locale.ROOT);
    String shown = colour ? code(zone) + name + RESET : name;
    return "Score zone: " + shown + " (red under " + Numbers.percent(zones.redUnder()) + ", amber under "
        + Numbers.percent(zones.amberUnder()) + ", green from " + Numbers.percent(zones.amberUnder()) + ")";
  }

  /** The colour of a zone, for a percentage cell. */
  static String code(Zones.Zone zone) {
    return switch (zone) {
      case RED -> "\u001B[31m";
      case AMBER -> "\u001B[33m";
      case GREEN -> "\u001B[32m";
    };
  }

  private void json(PrintWriter out) {
    ObjectNode root = Json.document();
    ArrayNode array = root.putArray("goals");
    for (GoalProgress g : goals) {
      ObjectNode node = array.addObject().put("view", g.view().key()).put("target", g.goal().target()).put("by", g.goal().by().toString())
          .put("percent", Numbers.twoDecimals(g.now().percent())).put("percentToGo", Numbers.twoDecimals(g.percentToGo()))
          .put("pointsToGo", Numbers.twoDecimals(g.pointsToGo())).put("daysLeft", g.daysLeft()).put("standing", standing(g));
      g.onTrack().ifPresentOrElse(t -> node.put("onTrack", t), () -> node.putNull("onTrack"));
    }
    zones.ifPresent(z -> root.putObject("zones").put("redUnder", z.redUnder()).put("amberUnder", z.amberUnder())
        .put("zone", z.of(current.percent()).name().toLowerCase(Locale.ROOT)));
    Json.print(root, out);
  }
}
