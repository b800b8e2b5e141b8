package dev.posture.report;

import dev.posture.graph.GraphAssessment;
import dev.posture.graph.History;
import java.io.PrintWriter;
import java.util.List;

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
    out.println(GraphMessages.reported(graph));
    out.println(Printable.line(GraphMessages.enabledServices(graph)));
    if (!graph.missingMax().isEmpty()) {
      out.println(Printable.line(GraphMessages.missingMax(graph)));
    }
    if (!graph.reviewed().isEmpty()) {
      out.println(Printable.line(GraphMessages.reviewed(graph)));
    }
  }

  private static void comparisons(GraphAssessment graph, PrintWriter out) {
    GraphMessages.comparisonTable(graph).ifPresent(table -> {
      out.println();
      table.print(out);
    });
  }

  private static void history(History history, PrintWriter out) {
    out.println();
    String sparkline = history.series().size() < 2 ? ""
        : "  " + Bars.of(out).sparkline(history.series().stream().map(History.Day::points).toList());
    out.println("History: " + GraphMessages.span(history) + sparkline);
    GraphMessages.changes(history).forEach(out::println);
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
    out.println(heading + ":");
    for (History.Change c : changes) {
      out.println(Printable.line("  " + c.control() + ": " + Numbers.points(c.before()) + " -> " + Numbers.points(c.after())));
    }
  }
}
