package dev.posture.report;

import dev.posture.graph.GraphAssessment;
import dev.posture.graph.History;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * What an assessment read from Microsoft Graph adds to the Markdown summary: what Microsoft
 * reported, the comparisons with other tenants and the history, with the controls that lost or
 * gained points since the day before.
 */
final class GraphMarkdown {
  private GraphMarkdown() {}

  static void render(GraphAssessment graph, PrintWriter out) {
    out.println();
    out.println("### Microsoft Secure Score");
    out.println();
    out.println(MarkdownReport.inline(GraphMessages.reported(graph)) + " " + MarkdownReport.inline(GraphMessages.enabledServices(graph)) + ".");
    if (!graph.missingMax().isEmpty()) {
      out.println();
      out.println(MarkdownReport.inline(GraphMessages.missingMax(graph)));
    }
    if (!graph.reviewed().isEmpty()) {
      out.println();
      out.println(MarkdownReport.inline(GraphMessages.reviewed(graph)) + ".");
    }
    GraphMessages.comparisonTable(graph).ifPresent(table -> {
      out.println();
      table.markdown(out);
    });
    history(graph.history(), out);
  }

  private static void history(History history, PrintWriter out) {
    out.println();
    out.println("### History");
    out.println();
    out.println(MarkdownReport.inline(GraphMessages.span(history)) + ".");
    GraphMessages.changes(history).forEach(line -> out.println("- " + MarkdownReport.inline(line)));
    History.Day previous = history.previous().orElse(null);
    List<History.Change> changes = new ArrayList<>(history.fallen());
    changes.addAll(history.risen());
    if (previous != null && !changes.isEmpty()) {
      out.println();
      MarkdownReport.table(out, List.of("Control since " + previous.date(), "Before", "After", "Change"), "|---|---:|---:|---:|",
          changes.stream().map(c -> List.of(MarkdownReport.code(c.control()), Numbers.points(c.before()),
              Numbers.points(c.after()), GraphMessages.signed(c.after() - c.before()))).toList());
    }
  }
}
