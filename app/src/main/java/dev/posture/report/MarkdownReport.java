package dev.posture.report;

import dev.posture.scoring.ActionResult;
import dev.posture.scoring.Assessment;
import dev.posture.scoring.CategoryScores;
import dev.posture.scoring.Comparison;
import dev.posture.scoring.ScoreView;
import dev.posture.scoring.Scores;
import java.io.PrintWriter;
import java.util.List;

/**
 * A summary in GitHub-flavoured Markdown, for a pull-request comment or a CI job summary: the four
 * views, the categories, the changes since the baseline and the top open actions; for Graph exports
 * then what Microsoft reported, the comparisons and the history.
 */
final class MarkdownReport implements Renderer<Report> {
  @Override
  public void render(Report report, OutputContext context, PrintWriter out) {
    Assessment assessment = report.assessment();
    out.println("## Security posture: " + inline(assessment.tenant().displayName()));
    out.println();
    String captured = assessment.tenant().capturedAt().isEmpty() ? "" : ", captured " + inline(assessment.tenant().capturedAt());
    out.println("Tenant " + code(assessment.tenant().id()) + captured + ".");
    out.println();
    Scores s = assessment.scores();
    table(out, List.of("Score", "Points", "Total", "Percent"), "|---|---:|---:|---:|", List.of(
        viewRow("Current", s.current()),
        viewRow("Planned", s.planned()),
        viewRow("Current license", s.currentLicense()),
        viewRow("Achievable", s.achievable())));
    report.state().zones().ifPresent(z -> {
      out.println();
      out.println(GoalsReport.zoneLine(z, s.current(), false) + ".");
    });
    if (!assessment.deviceActionsCounted()) {
      out.println();
      out.println("Device actions are not counted in the overall score: the Defender for Endpoint Secure Score connector is off.");
    }
    out.println();
    out.println("### By category");
    out.println();
    table(out, List.of("Category", "Current", "Planned", "Current license", "Achievable"), "|---|---:|---:|---:|---:|",
        assessment.categories().stream().map(MarkdownReport::categoryRow).toList());
    report.comparison().ifPresent(c -> changes(c, out));
    if (!report.goals().isEmpty()) {
      out.println();
      out.println("### Goals");
      out.println();
      GoalsReport.table(report.goals()).markdown(out);
    }
    out.println();
    List<ActionResult> open = report.topOpen();
    if (open.isEmpty()) {
      out.println(report.noTopActions());
    } else {
      out.println("### " + report.topHeading());
      out.println();
      table(out, List.of("Rank", "Action", "Category", "Status", "Remaining", "Title"), "|---:|---|---|---|---:|---|",
          open.stream().map(r -> List.of(String.valueOf(r.rank()), code(r.id()), r.category().label(), r.status().label(),
              Numbers.points(r.remaining()), cell(r.action().title()))).toList());
    }
    report.graph().ifPresent(graph -> GraphMarkdown.render(graph, out));
  }

  private static void changes(Comparison comparison, PrintWriter out) {
    out.println();
    out.println("### Since the baseline");
    out.println();
    out.println(inline(Changes.summary(comparison)) + ".");
    if (comparison.changes().isEmpty()) {
      return;
    }
    out.println();
    table(out, List.of("Action", "Status", "Before", "Now", "Change"), "|---|---|---:|---:|---:|",
        comparison.changes().stream().map(c -> List.of(code(c.action().id()), c.action().status().label(),
            Numbers.points(c.before()), Numbers.points(c.action().points()), Changes.signed(c.delta()))).toList());
  }

  private static List<String> viewRow(String name, ScoreView view) {
    return List.of(name, Numbers.points(view.points()), Numbers.points(view.max()), Numbers.percent(view.percent()));
  }

  private static List<String> categoryRow(CategoryScores c) {
    Scores s = c.scores();
    return List.of(c.category().label(), score(s.current()), score(s.planned()), score(s.currentLicense()), score(s.achievable()));
  }

  /** A view of a category; "-" for one with nothing to score. */
  private static String score(ScoreView view) {
    return view.max() == 0 ? "-" : Numbers.points(view.points()) + "/" + Numbers.points(view.max()) + " (" + Numbers.percent(view.percent()) + ")";
  }

  /** Cells are already escaped; ids go in code spans, which cannot hold a backtick, so ids never do. */
  static void table(PrintWriter out, List<String> headers, String alignment, List<List<String>> rows) {
    out.println("| " + String.join(" | ", headers) + " |");
    out.println(alignment);
    for (List<String> row : rows) {
      out.println("| " + String.join(" | ", row) + " |");
    }
  }

  /** Text from data made safe for a table cell: no pipe, code span, link, HTML or line break can escape it. */
  static String cell(String text) {
    return inline(text).replace("|", "\\|");
  }

  /**
   * Text from data made safe for a line of Markdown: it stays text (no code span, link, image or HTML
   * starts in it), stays on its line ({@code <br>} for a break) and holds no control character.
   */
  static String inline(String text) {
    return Printable.inert(text).replace("\\", "\\\\")
        .replace("`", "\\`")
        .replace("[", "\\[")
        .replace("]", "\\]")
        .replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace("\r\n", "<br>")
        .replace("\n", "<br>")
        .replace("\r", "<br>")
        .replace("\t", " ");
  }

  /** An id as a code span, as every Markdown output shows ids: a span cannot hold a backtick or a line break. */
  static String code(String id) {
    return "`" + Printable.line(id).replace("`", "").replace("|", "\\|") + "`";
  }
}
