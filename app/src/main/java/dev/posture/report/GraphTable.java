package dev.posture.report;

import dev.posture.graph.GraphAssessment;
import dev.posture.graph.History;
import java.io.PrintWriter;
import java.util.List;

/**
 * What an assessment read from Microsoft Graph adds to the table: what Microsoft reported, the
 * comparisons with other tenants and the history.
 */
final class GraphTable {
  private GraphTable() {}

  static void render(GraphAssessment graph, OutputContext context, PrintWriter out) {
    out.println();
    reported(graph, out);
    comparisons(graph, context, out);
    history(graph.history(), context, out);
  }

  private static void reported(GraphAssessment graph, PrintWriter out) {
    out.println(GraphMessages.reported(graph));
    out.println(Printable.line(GraphMessages.enabledServices(graph)));
    if (!graph.missingMax().isEmpty()) {
      out.println(Printable.line(GraphMessages.missingMax(graph)));
    }
    if (!graph.reviewed().isEmpty()) {
      out.println(Printable.line(GraphMessages.reviewed(graph)));
    }
  }

  private static void comparisons(GraphAssessment graph, OutputContext context, PrintWriter out) {
    GraphMessages.comparisonTable(graph).ifPresent(table -> {
      out.println();
      table.print(context, out);
    });
  }

  private static void history(History history, OutputContext context, PrintWriter out) {
    out.println();
    String sparkline = history.series().size() < 2 ? ""
        : "  " + context.bars().sparkline(history.series().stream().map(History.Day::points).toList(),
            history.series().stream().mapToDouble(History.Day::max).max().orElse(0));
    out.println(Printable.line("History: " + GraphMessages.span(history) + sparkline));
    GraphMessages.changes(history).forEach(line -> out.println(Printable.line(line)));
    History.Day previous = history.previous().orElse(null);
    if (previous != null) {
      changes("Lost points since " + previous.date(), history.fallen(), out);
      changes("Gained points since " + previous.date(), history.risen(), out);
    }
  }

  private static void changes(String heading, List<History.Change> changes, PrintWriter out) {
    if (changes.isEmpty()) {
      return;
    }
    out.println(Printable.line(heading + ":"));
    for (History.Change c : changes) {
      out.println(Printable.line("  " + c.control() + ": " + Numbers.points(c.before()) + " -> " + Numbers.points(c.after())));
    }
  }
}
