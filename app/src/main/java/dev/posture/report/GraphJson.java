package dev.posture.report;

import dev.posture.graph.Comparison;
import dev.posture.graph.GraphAssessment;
import dev.posture.graph.GraphControl;
import dev.posture.graph.History;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The {@code graph} object of the JSON report of an assessment read from Microsoft Graph exports. */
final class GraphJson {
  private GraphJson() {}

  static ObjectNode of(GraphAssessment graph) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.putObject("reported").put("current", graph.reportedCurrent()).put("max", graph.reportedMax());
    node.put("matchesReported", !graph.differsFromReported());
    ArrayNode services = node.putArray("enabledServices");
    graph.enabledServices().forEach(services::add);
    ObjectNode missing = node.putObject("missingMax");
    ArrayNode missingControls = missing.putArray("controls");
    graph.missingMax().forEach(missingControls::add);
    missing.put("points", graph.missingPoints());
    ArrayNode reviewed = node.putArray("reviewed");
    graph.reviewed().forEach(reviewed::add);
    ArrayNode controls = node.putArray("controls");
    for (GraphControl c : graph.controls()) {
      ObjectNode item = controls.addObject()
          .put("id", c.id())
          .put("graphName", c.graphName())
          .put("reportedCategory", c.reportedCategory())
          .put("score", c.score());
      c.maxScore().ifPresentOrElse(m -> item.put("maxScore", m), () -> item.putNull("maxScore"));
      item.put("maxSource", c.maxSource())
          .put("implementationCost", c.implementationCost())
          .put("userImpact", c.userImpact());
      c.graphState().ifPresent(s -> item.put("graphState", s));
      item.put("implementationStatus", c.implementationStatus());
    }
    ArrayNode comparisons = node.putArray("comparisons");
    for (Comparison c : graph.comparisons()) {
      ObjectNode item = comparisons.addObject().put("basis", c.basis()).put("label", GraphMessages.basis(c));
      c.seatRange().ifPresent(r -> item.put("seatRange", r));
      item.put("averageScore", c.averageScore());
      ArrayNode categories = item.putArray("categories");
      c.categories().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> categories.addObject()
          .put("category", e.getKey())
          .put("averageScore", e.getValue().score())
          .put("averageMax", e.getValue().max())
          .put("percent", Numbers.twoDecimals(e.getValue().percent())));
    }
    node.set("history", history(graph.history()));
    return node;
  }

  private static ObjectNode history(History history) {
    ObjectNode node = new ObjectNode(JsonNodeFactory.instance);
    ArrayNode series = node.putArray("series");
    for (History.Day d : history.series()) {
      series.addObject().put("date", d.date()).put("points", d.points()).put("max", d.max())
          .put("percent", Numbers.twoDecimals(d.percent()));
    }
    History.Day latest = history.latest().orElseThrow();
    history.previous().ifPresent(p -> node.set("changeSincePrevious", change(p, latest)));
    if (history.series().size() > 1) {
      node.set("changeSinceFirst", change(history.first().orElseThrow(), latest));
    }
    node.set("fallen", changes(history.fallen()));
    node.set("risen", changes(history.risen()));
    return node;
  }

  private static ObjectNode change(History.Day from, History.Day to) {
    return new ObjectNode(JsonNodeFactory.instance)
        .put("since", from.date())
        .put("points", to.points() - from.points())
        .put("percent", Numbers.twoDecimals(to.percent() - from.percent()));
  }

  private static ArrayNode changes(List<History.Change> changes) {
    ArrayNode array = new ArrayNode(JsonNodeFactory.instance);
    for (History.Change c : changes) {
      array.addObject().put("id", c.control()).put("before", c.before()).put("after", c.after());
    }
    return array;
  }
}
