package dev.posture.report;

import dev.posture.graph.Comparison;
import dev.posture.graph.GraphAssessment;
import dev.posture.graph.History;
import dev.posture.scoring.CategoryScores;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An assessment read from Microsoft Graph, for a terminal: the usual assessment table, then what
 * Microsoft reported, the comparisons with other tenants and the history.
 */
public final class GraphTable {
  private final AssessmentTable table;

  public GraphTable(int top, boolean colour) {
    this.table = new AssessmentTable(top, colour);
  }

  /** @param report the graph's assessment with the local state */
  public void render(GraphAssessment graph, Report report, PrintWriter out) {
    table.render(report, out);
    out.println();
    reported(graph, out);
    comparisons(graph, out);
    history(graph.history(), out);
    out.flush();
  }

  private static void reported(GraphAssessment graph, PrintWriter out) {
    out.println("Microsoft reported " + Numbers.points(graph.reportedCurrent()) + " of " + Numbers.points(graph.reportedMax())
        + (graph.differsFromReported() ? "; the controls in the export add up to "
            + Numbers.points(graph.assessment().scores().current().points()) + " of "
            + Numbers.points(graph.assessment().scores().current().max()) : "") + ".");
    out.println(Printable.line("Enabled services: " + (graph.enabledServices().isEmpty() ? "none listed" : String.join(", ", graph.enabledServices()))));
    if (!graph.missingMax().isEmpty()) {
      out.println(Printable.line(GraphMessages.missingMax(graph)));
    }
    if (!graph.reviewed().isEmpty()) {
      out.println(Printable.line("Reviewed in the portal, kept as To address: " + String.join(", ", graph.reviewed())));
    }
  }

  private static void comparisons(GraphAssessment graph, PrintWriter out) {
    if (graph.comparisons().isEmpty()) {
      return;
    }
    Set<String> categories = new LinkedHashSet<>();
    graph.comparisons().forEach(c -> c.categories().forEach((name, avg) -> {
      if (avg.max() > 0) {
        categories.add(name);
      }
    }));
    TextTable table = new TextTable().column("Compared with").numberColumn("Overall");
    categories.forEach(table::numberColumn);
    List<String> own = new ArrayList<>();
    own.add("This tenant");
    own.add(Numbers.percent(graph.assessment().scores().current().percent()));
    for (String name : categories) {
      own.add(ownCategory(graph, name).map(Numbers::percent).orElse("-"));
    }
    table.row(own.toArray(String[]::new));
    for (Comparison c : graph.comparisons()) {
      List<String> row = new ArrayList<>();
      row.add(basis(c));
      row.add(Numbers.percent(c.averageScore()));
      for (String name : categories) {
        Comparison.Average avg = c.categories().get(name);
        row.add(avg == null || avg.max() == 0 ? "-" : Numbers.percent(avg.percent()));
      }
      table.row(row.toArray(String[]::new));
    }
    out.println();
    table.print(out);
  }

  static String basis(Comparison c) {
    return switch (c.basis().toLowerCase(java.util.Locale.ROOT)) {
      case "alltenants" -> "All tenants";
      case "totalseats" -> "Similar seat count" + c.seatRange().map(r -> " (" + r + ")").orElse("");
      case "industrytypes" -> "Same industry";
      default -> c.basis();
    };
  }

  private static Optional<Double> ownCategory(GraphAssessment graph, String name) {
    return graph.assessment().categories().stream()
        .filter(c -> c.category().label().equalsIgnoreCase(name) && c.scores().current().max() > 0)
        .map(CategoryScores::scores)
        .map(s -> s.current().percent())
        .findFirst();
  }

  private static void history(History history, PrintWriter out) {
    History.Day latest = history.latest().orElseThrow();
    History.Day first = history.first().orElseThrow();
    out.println();
    if (history.series().size() < 2) {
      out.println("History: one day (" + latest.date() + ")");
      return;
    }
    out.println("History: " + history.series().size() + " days, " + first.date() + " to " + latest.date() + "  "
        + Bars.of(out).sparkline(history.series().stream().map(History.Day::points).toList()));
    out.println("Change since " + first.date() + ": " + change(first, latest));
    History.Day previous = history.previous().orElseThrow();
    out.println("Change since " + previous.date() + ": " + change(previous, latest));
    changes("Lost points since " + previous.date(), history.fallen(), out);
    changes("Gained points since " + previous.date(), history.risen(), out);
  }

  private static String change(History.Day from, History.Day to) {
    return signed(to.points() - from.points()) + " points (" + signed(to.percent() - from.percent()) + " percentage points)";
  }

  private static String signed(double value) {
    String text = Numbers.points(value);
    return value > 0 && !text.equals("0") ? "+" + text : text;
  }

  private static void changes(String heading, List<History.Change> changes, PrintWriter out) {
    if (changes.isEmpty()) {
      return;
    }
    out.println(heading + ":");
    for (History.Change c : changes) {
      out.println(Printable.line("  " + c.control() + ": " + Numbers.points(c.before()) + " -> " + Numbers.points(c.after())));
    }
  }
}
