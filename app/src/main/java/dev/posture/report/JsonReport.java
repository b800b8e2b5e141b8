package dev.posture.report;

import dev.posture.scoring.ActionResult;
import dev.posture.scoring.Assessment;
import dev.posture.scoring.CategoryScores;
import dev.posture.scoring.Comparison;
import dev.posture.scoring.ScoreView;
import dev.posture.scoring.Scores;
import dev.posture.scoring.SourcePoints;
import dev.posture.scoring.Sources;
import dev.posture.scoring.Suggestion;
import java.io.PrintWriter;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON report: a versioned contract scripts rely on. Fields are only ever added within a schema
 * version; renaming or removing one bumps {@link #SCHEMA_VERSION}. For Microsoft Graph exports it adds
 * a {@code graph} object.
 */
public final class JsonReport implements Renderer<Report> {
  public static final int SCHEMA_VERSION = 1;
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  @Override
  public void render(Report report, OutputContext context, PrintWriter out) {
    Json.print(tree(report), out);
  }

  static ObjectNode tree(Report report) {
    Assessment assessment = report.assessment();
    ObjectNode root = NODES.objectNode();
    root.put("schemaVersion", SCHEMA_VERSION);
    ObjectNode tenant = root.putObject("tenant");
    tenant.put("id", assessment.tenant().id());
    tenant.put("displayName", assessment.tenant().displayName());
    tenant.put("capturedAt", assessment.tenant().capturedAt());
    root.set("scores", scores(assessment.scores()));
    root.put("deviceActionsCounted", assessment.deviceActionsCounted());
    ArrayNode sources = root.putArray("sources");
    assessment.sources().forEach(source -> sources.add(source.key()));
    ArrayNode categories = root.putArray("categories");
    for (CategoryScores c : assessment.categories()) {
      ObjectNode node = scores(c.scores());
      categories.addObject().put("category", c.category().label()).setAll(node);
    }
    ArrayNode actions = root.putArray("actions");
    for (ActionResult r : assessment.actions()) {
      actions.add(action(r));
    }
    ArrayNode suggestions = root.putArray("suggestions");
    for (Suggestion s : assessment.suggestions()) {
      suggestions.addObject().put("id", s.actionId()).put("status", s.status().label()).put("reason", s.reason());
    }
    report.comparison().ifPresent(c -> root.set("baseline", baseline(c)));
    root.set("expiredReviews", ExpiredReviewsReport.json(report.expired()));
    report.graph().ifPresent(graph -> root.set("graph", GraphJson.of(graph)));
    return root;
  }

  /** One action as the report gives it; other JSON outputs describe actions the same way. */
  public static ObjectNode action(ActionResult r) {
    ObjectNode node = NODES.objectNode();
    node.put("id", r.id());
    node.put("title", r.action().title());
    node.put("category", r.category().label());
    r.action().deviceCategory().ifPresent(d -> node.put("deviceCategory", d.label()));
    node.put("product", r.action().product());
    node.put("status", r.status().label());
    node.put("recordedStatus", r.recordedStatus().label());
    node.put("points", r.points());
    node.put("maxScore", r.action().maxScore());
    node.put("remaining", r.remaining());
    node.put("rank", r.rank());
    node.put("rankValue", r.rankScore());
    node.put("licensed", r.licensed());
    node.put("scored", r.action().scored());
    node.put("deprecated", r.action().deprecated());
    node.put("countedInOverall", r.countedInOverall());
    node.put("satisfiedBy", r.satisfied());
    r.coverage().ifPresent(c -> node.putObject("coverage").put("covered", c.covered()).put("eligible", c.eligible()));
    r.error().ifPresent(e -> node.put("error", e));
    r.notAssessed().ifPresent(reason -> node.put("notAssessed", reason));
    sources(r.sources(), node);
    return node;
  }

  /**
   * Who decided the action, and, where Microsoft's Secure Score is part of the assessment, what each
   * source gave: the reports' disagreements are read from these.
   */
  private static void sources(Sources sources, ObjectNode node) {
    node.put("source", sources.decidedBy().key());
    boolean microsoftAssessed = sources.microsoft().isPresent() || sources.outsideMicrosoft();
    if (microsoftAssessed && (sources.posture().isPresent() || sources.postureUndecided().isPresent())) {
      ObjectNode posture = node.putObject("posture");
      sources.posture().ifPresent(p -> points(p, posture));
      sources.postureUndecided().ifPresent(reason -> posture.put("undecided", reason));
    }
    sources.microsoft().ifPresent(m -> points(m, node.putObject("microsoft")));
    if (sources.outsideMicrosoft()) {
      node.put("scoredByMicrosoft", false);
    }
  }

  private static void points(SourcePoints points, ObjectNode node) {
    node.put("points", points.points());
    points.coverage().ifPresent(c -> node.putObject("coverage").put("covered", c.covered()).put("eligible", c.eligible()));
    points.asOf().ifPresent(day -> node.put("asOf", day));
  }

  /** The comparison with an earlier report: how the current score moved, and which actions did. */
  private static ObjectNode baseline(Comparison c) {
    ObjectNode node = NODES.objectNode();
    node.put("source", c.baseline().source());
    node.set("current", view(c.before()));
    node.putObject("change").put("points", c.pointsChange()).put("percent", Numbers.twoDecimals(c.percentChange()));
    ArrayNode actions = node.putArray("actions");
    for (Comparison.Change change : c.changes()) {
      actions.addObject()
          .put("id", change.action().id())
          .put("before", change.before())
          .put("points", change.action().points())
          .put("change", change.delta());
    }
    return node;
  }

  private static ObjectNode scores(Scores s) {
    ObjectNode node = NODES.objectNode();
    node.set("current", view(s.current()));
    node.set("planned", view(s.planned()));
    node.set("currentLicense", view(s.currentLicense()));
    node.set("achievable", view(s.achievable()));
    return node;
  }

  private static ObjectNode view(ScoreView v) {
    return NODES.objectNode().put("points", v.points()).put("max", v.max()).put("percent", Numbers.twoDecimals(v.percent()));
  }
}
