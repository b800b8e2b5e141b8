package dev.posture.report.html;

import dev.posture.catalog.Action;
import dev.posture.report.ActionDetail;
import dev.posture.report.Json;
import dev.posture.report.Numbers;
import dev.posture.report.Report;
import dev.posture.scoring.ActionResult;
import dev.posture.scoring.AffectedElements;
import dev.posture.scoring.Suggestion;
import dev.posture.snapshot.Snapshot;
import dev.posture.state.ActionState;
import dev.posture.state.RemediationRequest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The action table's rows, each with the detail {@code actions show} prints, and the data the page's script filters on. */
final class Rows {
  /** How many of the elements an action does not cover the page names; the rest it counts. */
  static final int UNCOVERED_SHOWN = 200;

  private Rows() {}

  /** The rows of every action, the elements the coverage actions miss found in one walk over the snapshot. */
  static List<Page.Row> of(Report report) {
    List<ActionResult> actions = report.assessment().actions();
    List<Action> missing = actions.stream()
        .filter(r -> r.coverage().isPresent() && r.coverage().get().covered() < r.coverage().get().eligible())
        .map(ActionResult::action).toList();
    Map<String, AffectedElements> affected = report.snapshot().map(s -> AffectedElements.of(missing, s)).orElse(Map.of());
    List<Page.Row> rows = new ArrayList<>();
    for (int i = 0; i < actions.size(); i++) {
      rows.add(of(i, actions.get(i), report, Optional.ofNullable(affected.get(actions.get(i).id()))));
    }
    return rows;
  }

  private static Page.Row of(int index, ActionResult r, Report report, Optional<AffectedElements> affected) {
    ActionState state = report.state().of(r.id());
    List<String> tags = state.tags().stream().map(Pages::text).toList();
    return new Page.Row(index, r.action().counted() ? String.valueOf(r.rank()) : "-", Pages.text(r.id()), Pages.text(r.action().title()),
        r.category().label(), r.action().deviceCategory().map(d -> d.label()).orElse(""), r.status().label(), r.status().key(),
        Numbers.points(r.points()), Numbers.points(r.action().maxScore()), Numbers.points(r.remaining()),
        r.sources().decidedBy().key(), r.licensed() ? "yes" : "no", tags, sections(detail(r, state, report)),
        affected.map(Rows::uncovered));
  }

  private static ActionDetail detail(ActionResult r, ActionState state, Report report) {
    Optional<Suggestion> suggestion = report.assessment().suggestions().stream().filter(s -> s.actionId().equals(r.id())).findFirst();
    List<RemediationRequest> requests = report.state().remediationRequests().stream()
        .filter(q -> q.action().equals(r.id()) && q.isOpen()).toList();
    // Graph exports name no service plans; an action Microsoft counts as licensed has the ones it needs.
    Set<String> plans = report.snapshot().map(Snapshot::servicePlans)
        .orElseGet(() -> r.licensed() ? new HashSet<>(r.action().licenses()) : Set.of());
    return new ActionDetail(r, state, requests, plans,
        report.snapshot().map(s -> ActionDetail.inactivePlans(s.settings())).orElse(Map.of()), suggestion);
  }

  private static List<Page.Section> sections(ActionDetail detail) {
    return detail.sections().stream().map(s -> new Page.Section(s.title(), s.suggestion().map(Pages::text),
        s.items().stream().map(Rows::field).toList())).toList();
  }

  private static Page.Field field(ActionDetail.Item item) {
    List<List<String>> table = item.table() == null ? List.of()
        : Stream.concat(Stream.of(item.table().headers()), item.table().rows().stream())
            .map(row -> row.stream().map(Pages::text).toList()).toList();
    return new Page.Field(item.name(), Optional.ofNullable(item.value()).map(Pages::text),
        item.list() == null ? List.of() : item.list().stream().map(Pages::text).toList(), item.numbered(), table);
  }

  /** For a coverage action that misses some elements: the first of them by name, and how many more. */
  private static Page.Uncovered uncovered(AffectedElements a) {
    List<String> names = a.elements().stream().limit(UNCOVERED_SHOWN).map(e -> Pages.text(AffectedElements.name(e))).toList();
    String summary = a.elements().size() + " of " + a.eligible() + " eligible " + a.collection().section() + " not covered"
        + a.error().map(e -> "; the count stopped on an element the check could not decide: " + Pages.text(e)).orElse("");
    return new Page.Uncovered(summary, names, a.elements().size() - names.size());
  }

  /**
   * What the script searches, filters and sorts on, one object a row (by its index): the search text
   * in lower case, the filters' values, and the numbers to sort by.
   */
  static String data(List<Page.Row> rows) {
    ArrayNode array = JsonNodeFactory.instance.arrayNode();
    for (Page.Row row : rows) {
      ObjectNode node = array.addObject();
      node.put("rank", row.rank().equals("-") ? Integer.MAX_VALUE : Integer.parseInt(row.rank()));
      node.put("id", row.id());
      node.put("title", row.title());
      node.put("search", String.join(" ", row.id(), row.title(), String.join(" ", row.tags())).toLowerCase(Locale.ROOT));
      node.put("category", row.category());
      node.put("deviceCategory", row.deviceCategory());
      node.put("status", row.status());
      ArrayNode tags = node.putArray("tags");
      row.tags().forEach(tags::add);
      node.put("licensed", row.licensed());
      node.put("points", Double.parseDouble(row.points()));
      node.put("max", Double.parseDouble(row.max()));
      node.put("remaining", Double.parseDouble(row.remaining()));
    }
    return Json.forScript(array);
  }
}
