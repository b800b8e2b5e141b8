package dev.posture.report;

import dev.posture.catalog.Action;
import dev.posture.catalog.Check;
import dev.posture.scoring.ActionResult;
import dev.posture.scoring.Suggestion;
import dev.posture.state.ActionState;
import dev.posture.state.RemediationRequest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One action in full, as the portal's flyout shows it: at a glance, user impact, implementation, where
 * to manage it, and what was decided.
 *
 * @param servicePlans the tenant's enabled service plans, to say which licences it has
 * @param requests the remediation requests for this action
 */
public record ActionDetail(
    ActionResult result, ActionState state, List<RemediationRequest> requests, Set<String> servicePlans, Optional<Suggestion> suggestion) {

  private static final String REFERENCE = "posture://actions/";

  /** The reference to share: it names the action whatever the tenant, and {@code actions show} reads it back. */
  public static String reference(String id) {
    return REFERENCE + id;
  }

  /** The id in a reference, or the text itself when it is a plain id. */
  public static String idOf(String referenceOrId) {
    return referenceOrId.startsWith(REFERENCE) ? referenceOrId.substring(REFERENCE.length()) : referenceOrId;
  }

  public void table(PrintWriter out) {
    Action a = result.action();
    println(out, a.id() + ": " + a.title());
    println(out, "Reference: " + reference(a.id()));
    out.println();
    println(out, "At a glance");
    field(out, "Category", a.category().label() + a.deviceCategory().map(d -> " (" + d.label() + ")").orElse(""));
    field(out, "Product", a.product());
    field(out, "Protects against", String.join(", ", a.threats()));
    field(out, "Points", Numbers.points(result.points()) + " of " + Numbers.points(a.maxScore())
        + (a.counted() ? ", rank " + result.rank() : a.deprecated() ? " (deprecated: not counted)" : " (not scored: not counted)"));
    field(out, "Status", result.status().label() + (result.status() == result.recordedStatus() ? "" : " (recorded: " + result.recordedStatus().label() + ")"));
    field(out, "Tier", a.tier().label() + ", implementation cost " + a.implementationCost().label());
    out.println();
    println(out, "User impact");
    field(out, "Impact", a.userImpact().label());
    field(out, "Users affected", a.usersAffected());
    out.println();
    println(out, "Implementation");
    field(out, "Current state", implementation());
    list(out, "Prerequisites", a.prerequisites());
    if (a.licenses().isEmpty()) {
      field(out, "Licences", "none needed");
    } else {
      list(out, "Licences", a.licenses().stream().map(l -> l + (servicePlans.contains(l) ? ": in the tenant" : ": not in the tenant")).toList());
    }
    if (!a.remediation().isEmpty()) {
      println(out, "  Steps:");
      for (int i = 0; i < a.remediation().size(); i++) {
        println(out, "    " + (i + 1) + ". " + a.remediation().get(i));
      }
    }
    list(out, "Learn more", a.learnMore());
    field(out, "Manage at", a.actionUrl());
    suggestion.ifPresent(s -> {
      out.println();
      println(out, "Suggestion: mark as '" + s.status().label() + "' (" + s.status().key() + "). " + s.reason());
    });
    out.println();
    println(out, "Decision");
    field(out, "Status", state.status().label());
    state.reviewBy().ifPresent(d -> field(out, "Review by", d.toString()));
    field(out, "Tags", state.tags().isEmpty() ? "none" : String.join(", ", state.tags()));
    if (state.notes().isEmpty()) {
      field(out, "Notes", "none");
    } else {
      println(out, "  Notes:");
      for (int i = 0; i < state.notes().size(); i++) {
        ActionState.Note n = state.notes().get(i);
        println(out, "    " + (i + 1) + ". " + n.text() + byline(n.by(), n.at()));
      }
    }
    for (ActionState.DeviceGroupException e : state.deviceGroupExceptions()) {
      println(out, "  Device group " + e.group() + ": " + e.status().label() + e.reviewBy().map(d -> ", review by " + d).orElse("")
          + ". " + e.note() + byline(e.by(), e.at()));
    }
    for (RemediationRequest r : requests) {
      println(out, "  Remediation requested: due " + r.due() + (r.owner().isEmpty() ? "" : ", owner " + r.owner())
          + (r.note().isEmpty() ? "" : ". " + r.note()) + byline(r.requestedBy(), r.requestedAt()));
    }
    if (state.history().isEmpty()) {
      field(out, "History", "none");
    } else {
      println(out, "  History:");
      StringWriter text = new StringWriter();
      HistoryReport.table(state.history()).print(new PrintWriter(text));
      text.toString().lines().forEach(line -> out.println("    " + line));
    }
    out.flush();
  }

  public void json(PrintWriter out) {
    Action a = result.action();
    ObjectNode root = Json.document();
    ObjectNode node = JsonReport.action(result);
    root.set("action", node);
    node.put("reference", reference(a.id()));
    node.put("tier", a.tier().label());
    node.put("implementationCost", a.implementationCost().label());
    node.put("userImpact", a.userImpact().label());
    node.put("usersAffected", a.usersAffected());
    strings(node.putArray("threats"), a.threats());
    strings(node.putArray("prerequisites"), a.prerequisites());
    ArrayNode licences = node.putArray("licenses");
    a.licenses().forEach(l -> licences.addObject().put("servicePlan", l).put("inTenant", servicePlans.contains(l)));
    strings(node.putArray("remediation"), a.remediation());
    node.put("implementation", implementation());
    node.put("actionUrl", a.actionUrl());
    strings(node.putArray("learnMore"), a.learnMore());
    suggestion.ifPresent(s -> node.putObject("suggestion").put("status", s.status().label()).put("reason", s.reason()));
    ObjectNode decision = root.putObject("decision");
    decision.put("status", state.status().key());
    state.reviewBy().ifPresent(d -> decision.put("reviewBy", d.toString()));
    strings(decision.putArray("tags"), state.tags());
    ArrayNode notes = decision.putArray("notes");
    state.notes().forEach(n -> notes.addObject().put("text", n.text()).put("by", n.by()).put("at", n.at()));
    ArrayNode exceptions = decision.putArray("deviceGroupExceptions");
    for (ActionState.DeviceGroupException e : state.deviceGroupExceptions()) {
      ObjectNode x = exceptions.addObject().put("group", e.group()).put("status", e.status().key()).put("note", e.note());
      e.reviewBy().ifPresent(d -> x.put("reviewBy", d.toString()));
      x.put("by", e.by()).put("at", e.at());
    }
    ArrayNode remediation = decision.putArray("remediationRequests");
    requests.forEach(r -> remediation.addObject().put("due", r.due().toString()).put("owner", r.owner()).put("note", r.note())
        .put("requestedBy", r.requestedBy()).put("requestedAt", r.requestedAt()));
    decision.set("history", HistoryReport.array(state.history()));
    Json.print(root, out);
  }

  /** The implementation status from the data, e.g. "24 of 32 users covered". */
  private String implementation() {
    if (result.error().isPresent()) {
      return "could not be decided: " + result.error().get();
    }
    if (result.satisfied()) {
      return "satisfied by a tenant-wide setting (full points)";
    }
    if (result.action().check() instanceof Check.Coverage coverage && result.coverage().isPresent()) {
      return result.coverage().get().covered() + " of " + result.coverage().get().eligible() + " " + coverage.of().section() + " covered";
    }
    return result.dataPoints() >= result.action().maxScore() ? "the tenant's settings pass the check" : "the tenant's settings do not pass the check";
  }

  private static void field(PrintWriter out, String name, String value) {
    println(out, "  " + name + ": " + value);
  }

  /** Every line holds data from the inputs: shown on one line, inert. */
  private static void println(PrintWriter out, String line) {
    out.println(Printable.line(line));
  }

  private static void list(PrintWriter out, String name, List<String> items) {
    if (items.isEmpty()) {
      field(out, name, "none");
      return;
    }
    println(out, "  " + name + ":");
    items.forEach(item -> println(out, "    - " + item));
  }

  private static String byline(String by, String at) {
    String who = by.isEmpty() ? "" : by;
    String when = at.isEmpty() ? "" : (who.isEmpty() ? "" : ", ") + at;
    return who.isEmpty() && when.isEmpty() ? "" : " (" + who + when + ")";
  }

  private static void strings(ArrayNode array, List<String> values) {
    values.forEach(array::add);
  }
}
