package dev.posture.report;

import dev.posture.catalog.Status;
import dev.posture.graph.GraphAssessment;
import dev.posture.report.html.HtmlReport;
import dev.posture.scoring.ActionResult;
import dev.posture.scoring.Assessment;
import dev.posture.scoring.Comparison;
import dev.posture.scoring.ExpiredReview;
import dev.posture.scoring.GoalProgress;
import dev.posture.snapshot.Snapshot;
import dev.posture.state.State;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * An assessment as the report prints it: the assessment, the state it was scored with (notes, tags,
 * review dates and remediation requests), when a baseline was given the comparison with it, the
 * decisions whose review date has passed, and, for Microsoft Graph exports, what only Graph knows.
 *
 * @param graph Microsoft's own numbers, the comparisons and the history, when read from Graph exports
 * @param top how many of the best ranked open actions the table and Markdown list
 * @param goals the progress of the state's goals
 * @param snapshot the snapshot it was scored from, for what only the page shows of each action (the
 *     licences the tenant holds, the elements not covered); empty for Graph exports
 */
public record Report(Assessment assessment, State state, Optional<Comparison> comparison, List<ExpiredReview> expired,
    Optional<GraphAssessment> graph, int top, List<GoalProgress> goals, Optional<Snapshot> snapshot) {

  /** A report without goals' progress or its snapshot: the page then leaves out licences held and elements not covered. */
  public Report(Assessment assessment, State state, Optional<Comparison> comparison, List<ExpiredReview> expired,
      Optional<GraphAssessment> graph, int top) {
    this(assessment, state, comparison, expired, graph, top, List.of(), Optional.empty());
  }

  public Report withGoals(List<GoalProgress> progress) {
    return new Report(assessment, state, comparison, expired, graph, top, progress, snapshot);
  }

  /** How many open actions the table and Markdown list unless told otherwise. */
  public static final int DEFAULT_TOP = 10;

  /** Every format an assessment prints in. */
  public static final Renderers<Report> RENDERERS = Renderers.<Report>builder()
      .add(Format.TABLE, new AssessmentTable())
      .add(Format.JSON, new JsonReport())
      .add(Format.CSV, new CsvReport())
      .add(Format.MARKDOWN, new MarkdownReport())
      .add(Format.JUNIT, new JunitReport())
      .add(Format.HTML, new HtmlReport())
      .build();

  /** The report of an assessment of Microsoft Graph exports on {@code today}, which carry their own history. */
  public static Report of(GraphAssessment graph, State state, LocalDate today, int top) {
    return new Report(graph.assessment(), state, Optional.empty(), ExpiredReview.of(state, today), Optional.of(graph), top);
  }

  /** The best ranked actions still worth points, accepted risks left out. */
  public List<ActionResult> topOpen() {
    return open().stream().limit(top).toList();
  }

  /** "Top 3 open actions", "Top 1 open action": the heading of the list. */
  String topHeading() {
    int listed = topOpen().size();
    return "Top " + listed + (listed == 1 ? " open action" : " open actions");
  }

  /** What stands for the list when it lists none: every point is in, or --top 0 asked for none. */
  String noTopActions() {
    int open = open().size();
    return open == 0 ? "Every scored action has all its points."
        : open + (open == 1 ? " open action" : " open actions") + " (accepted risks left out); --top 0 lists none.";
  }

  /** Every action still worth points, best ranked first, accepted risks left out. */
  public List<ActionResult> open() {
    return assessment.actions().stream()
        .filter(r -> r.action().counted() && r.remaining() > 0 && r.status() != Status.RISK_ACCEPTED)
        .toList();
  }
}
