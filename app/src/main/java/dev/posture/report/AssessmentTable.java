package dev.posture.report;

import dev.posture.scoring.ActionResult;
import dev.posture.scoring.Assessment;
import dev.posture.scoring.CategoryScores;
import dev.posture.scoring.Comparison;
import dev.posture.scoring.ScoreView;
import dev.posture.scoring.Scores;
import dev.posture.scoring.Suggestion;
import dev.posture.snapshot.TenantInfo;
import java.io.PrintWriter;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The assessment for a terminal: the four views with their bars, the categories and their points as
 * a bar chart, and what to do next; for Graph exports then what Microsoft reported, the comparisons
 * and the history.
 */
final class AssessmentTable implements Renderer<Report> {
  /** Cells in a full bar: a view at 100%, or the category worth the most points. */
  private static final int BAR = 20;

  @Override
  public void render(Report report, OutputContext context, PrintWriter out) {
    Assessment assessment = report.assessment();
    UnaryOperator<String> statusStyle = StatusColour.of(context.colour());
    Bars bars = context.bars();
    header(assessment.tenant(), out);
    out.println();
    views(assessment.scores(), bars, context, out);
    report.state().zones().ifPresent(z -> out.println(GoalsReport.zoneLine(z, assessment.scores().current(), context.colour())));
    out.println();
    categories(assessment.categories(), context, out);
    out.println();
    chart(assessment.categories(), bars, context, out);
    out.println();
    topActions(report, statusStyle, context, out);
    report.comparison().ifPresent(c -> changes(c, statusStyle, context, out));
    if (!report.goals().isEmpty()) {
      out.println();
      out.println("Goals:");
      GoalsReport.table(report.goals()).print(context, out);
    }
    notes(assessment, out);
    ExpiredReviewsReport.table(report.expired(), out);
    report.graph().ifPresent(graph -> GraphTable.render(graph, context, out));
  }

  private static void header(TenantInfo tenant, PrintWriter out) {
    StringBuilder line = new StringBuilder(tenant.displayName()).append(" (").append(tenant.id()).append(')');
    if (!tenant.capturedAt().isEmpty()) {
      line.append(", captured ").append(tenant.capturedAt());
    }
    out.println(Printable.line(line.toString()));
  }

  private static void views(Scores scores, Bars bars, OutputContext context, PrintWriter out) {
    TextTable table = new TextTable().column("Score").numberColumn("Points").numberColumn("Total").numberColumn("Percent")
        .fixedColumn("");
    row(table, "Current", scores.current(), bars);
    row(table, "Planned", scores.planned(), bars);
    row(table, "Current license", scores.currentLicense(), bars);
    row(table, "Achievable", scores.achievable(), bars);
    table.print(context, out);
  }

  private static void row(TextTable table, String name, ScoreView view, Bars bars) {
    table.row(name, Numbers.points(view.points()), Numbers.points(view.max()), Numbers.percent(view.percent()),
        bars.bar(view.percent() / 100, BAR));
  }

  /**
   * Current points per category on one scale: a bar's length is what the category is worth, its
   * filled part what the tenant has.
   */
  private static void chart(List<CategoryScores> categories, Bars bars, OutputContext context, PrintWriter out) {
    double scale = categories.stream().mapToDouble(c -> c.scores().current().max()).max().orElse(0);
    if (scale == 0) {
      return;
    }
    TextTable table = new TextTable().column("Points by category").numberColumn("Current").numberColumn("Max").fixedColumn("");
    for (CategoryScores c : categories) {
      ScoreView current = c.scores().current();
      table.row(c.category().label(), Numbers.points(current.points()), Numbers.points(current.max()),
          bars.bar(current.points() / scale, current.max() / scale, BAR));
    }
    table.print(context, out);
  }

  private static void categories(List<CategoryScores> categories, OutputContext context, PrintWriter out) {
    TextTable table = new TextTable()
        .column("Category")
        .numberColumn("Current")
        .numberColumn("Planned")
        .numberColumn("Current license")
        .numberColumn("Achievable");
    for (CategoryScores c : categories) {
      Scores s = c.scores();
      table.row(c.category().label(), cell(s.current()), cell(s.planned()), cell(s.currentLicense()), cell(s.achievable()));
    }
    table.print(context, out);
  }

  /** A view of a category; "-" for one with nothing to score, as the comparisons show it. */
  private static String cell(ScoreView view) {
    return view.max() == 0 ? "-" : Numbers.points(view.points()) + "/" + Numbers.points(view.max()) + " " + Numbers.percent(view.percent());
  }

  private static void topActions(Report report, UnaryOperator<String> statusStyle, OutputContext context, PrintWriter out) {
    List<ActionResult> open = report.topOpen();
    if (open.isEmpty()) {
      out.println(report.noTopActions());
      return;
    }
    out.println(report.topHeading() + " by rank (accepted risks left out):");
    TextTable table = new TextTable()
        .numberColumn("Rank")
        .column("Action")
        .column("Category")
        .column("Status").styled(statusStyle)
        .numberColumn("Remaining")
        .numberColumn("Max")
        .column("Title");
    for (ActionResult r : open) {
      table.row(
          String.valueOf(r.rank()),
          r.id(),
          r.category().label(),
          r.status().label(),
          Numbers.points(r.remaining()),
          Numbers.points(r.action().maxScore()),
          r.action().title());
    }
    table.print(context, out);
  }

  private static void changes(Comparison comparison, UnaryOperator<String> statusStyle, OutputContext context, PrintWriter out) {
    out.println();
    out.println(Printable.line("Since the baseline (" + comparison.baseline().source() + "): " + Changes.summary(comparison)));
    if (comparison.changes().isEmpty()) {
      return;
    }
    TextTable table = new TextTable().column("Action").column("Status").styled(statusStyle).numberColumn("Before").numberColumn("Now").numberColumn("Change");
    for (Comparison.Change c : comparison.changes()) {
      ActionResult r = c.action();
      table.row(r.id(), r.status().label(), Numbers.points(c.before()), Numbers.points(r.points()), Changes.signed(c.delta()));
    }
    table.print(context, out);
  }

  private static void notes(Assessment assessment, PrintWriter out) {
    if (!assessment.deviceActionsCounted()) {
      out.println();
      out.println("Note: Device actions are not counted in the overall score: the Defender for Endpoint");
      out.println("Secure Score connector is off (defenderForEndpoint.secureScoreConnector).");
    }
    List<ActionResult> errors = assessment.actions().stream().filter(r -> r.error().isPresent()).toList();
    if (!errors.isEmpty()) {
      out.println();
      out.println(errors.size() + (errors.size() == 1 ? " action" : " actions") + " could not be decided from the snapshot:");
      for (ActionResult r : errors) {
        out.println(Printable.line("  " + r.id() + ": " + r.error().get()));
      }
    }
    List<Suggestion> suggestions = assessment.suggestions();
    if (!suggestions.isEmpty()) {
      out.println();
      out.println("Suggestions:");
      for (Suggestion s : suggestions) {
        out.println(Printable.line("  " + s.actionId() + ": mark as '" + s.status().label() + "' (" + s.status().key() + "). " + s.reason()));
      }
    }
  }
}
