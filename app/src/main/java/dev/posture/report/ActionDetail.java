package dev.posture.report;

import dev.posture.catalog.Action;
import dev.posture.catalog.Check;
import dev.posture.scoring.ActionResult;
import dev.posture.scoring.Suggestion;
import dev.posture.state.ActionState;
import dev.posture.state.RemediationRequest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One action in full, as the portal's flyout shows it: at a glance, user impact, implementation, where
 * to manage it, and what was decided.
 *
 * @param servicePlans the tenant's enabled service plans, to say which licenses it has
 * @param held the service plans of subscriptions the tenant holds but that are not active (suspended,
 *     deleted, locked out), by plan, with the subscription and its status
 * @param requests the remediation requests for this action
 */
public record ActionDetail(ActionResult result, ActionState state, List<RemediationRequest> requests, Set<String> servicePlans,
    Map<String, Subscription> held, Optional<Suggestion> suggestion) {

  /** A subscription of the tenant: its SKU and its capability status, as Graph's subscribedSkus give them. */
  public record Subscription(String sku, String status) {}

  /**
   * The plans of the tenant's subscriptions that are not active, from the snapshot's {@code subscribedSkus}
   * (shaped like Graph's subscribedSkus): what a license held but suspended is.
   */
  public static Map<String, Subscription> inactivePlans(Map<String, Object> settings) {
    Map<String, Subscription> plans = new LinkedHashMap<>();
    if (settings.get("subscribedSkus") instanceof List<?> skus) {
      for (Object sku : skus) {
        if (sku instanceof Map<?, ?> subscription && subscription.get("capabilityStatus") instanceof String status
            && !status.equalsIgnoreCase("Enabled") && !status.equalsIgnoreCase("Warning")
            && subscription.get("servicePlans") instanceof List<?> servicePlans) {
          for (Object plan : servicePlans) {
            if (plan instanceof Map<?, ?> p && p.get("servicePlanName") instanceof String name) {
              plans.putIfAbsent(name, new Subscription(String.valueOf(subscription.get("skuPartNumber")), status));
            }
          }
        }
      }
    }
    return plans;
  }

  private static final String REFERENCE = "posture://actions/";
  /** How far a table within the flyout is indented. */
  private static final String INDENT = "    ";

  /** Every format the flyout prints in. */
  public static final Renderers<ActionDetail> RENDERERS = Renderers.<ActionDetail>builder()
      .add(Format.TABLE, ActionDetail::table)
      .add(Format.JSON, (detail, context, out) -> detail.json(out))
      .add(Format.MARKDOWN, (detail, context, out) -> detail.markdown(out))
      .build();

  /** The reference to share: it names the action whatever the tenant, and {@code actions show} reads it back. */
  public static String reference(String id) {
    return REFERENCE + id;
  }

  /** The id in a reference, or the text itself when it is a plain id. */
  public static String idOf(String referenceOrId) {
    return referenceOrId.startsWith(REFERENCE) ? referenceOrId.substring(REFERENCE.length()) : referenceOrId;
  }

  /** A named value, a list (numbered or not) or a table, under a heading of the flyout. */
  public record Item(String name, String value, List<String> list, boolean numbered, TextTable table) {
    static Item field(String name, String value) {
      return new Item(name, value, null, false, null);
    }

    /** A list, or "none" when it is empty. */
    static Item list(String name, List<String> items, boolean numbered) {
      return items.isEmpty() ? field(name, "none") : new Item(name, null, items, numbered, null);
    }
  }

  /** @param suggestion a status to propose, shown before the heading (the decision's) */
  public record Section(String title, List<Item> items, Optional<String> suggestion) {
    Section(String title, List<Item> items) {
      this(title, items, Optional.empty());
    }
  }

  /** The flyout's sections, the same for every format. */
  public List<Section> sections() {
    Action a = result.action();
    List<Item> glance = List.of(
        Item.field("Category", a.category().label() + a.deviceCategory().map(d -> " (" + d.label() + ")").orElse("")),
        Item.field("Product", a.product()),
        Item.field("Protects against", String.join(", ", a.threats())),
        Item.field("Points", Numbers.points(result.points()) + " of " + Numbers.points(a.maxScore())
            + (a.counted() ? ", rank " + result.rank() : a.deprecated() ? " (deprecated: not counted)" : " (not scored: not counted)")),
        Item.field("Status", result.status().label()
            + (result.status() == result.recordedStatus() ? "" : " (recorded: " + result.recordedStatus().label() + ")")),
        Item.field("Tier", a.tier().label() + ", implementation cost " + a.implementationCost().label()));
    List<Item> impact = List.of(Item.field("Impact", a.userImpact().label()), Item.field("Users affected", a.usersAffected()));
    List<Item> implementation = new ArrayList<>();
    implementation.add(Item.field("Current state", implementation()));
    implementation.add(Item.list("Prerequisites", a.prerequisites(), false));
    implementation.add(a.licenses().isEmpty() ? Item.field("Licenses", "none needed")
        : Item.list("Licenses", a.licenses().stream().map(l -> l + ": " + license(l)).toList(), false));
    if (!a.remediation().isEmpty()) {
      implementation.add(Item.list("Steps", a.remediation(), true));
    }
    implementation.add(Item.list("Learn more", a.learnMore(), false));
    implementation.add(Item.field("Manage at", a.actionUrl()));
    List<Item> decision = new ArrayList<>();
    decision.add(Item.field("Status", state.status().label()));
    state.reviewBy().ifPresent(d -> decision.add(Item.field("Review by", d.toString())));
    decision.add(Item.field("Tags", state.tags().isEmpty() ? "none" : String.join(", ", state.tags())));
    decision.add(Item.list("Notes", state.notes().stream().map(n -> n.text() + byline(n.by(), n.at())).toList(), true));
    for (ActionState.DeviceGroupException e : state.deviceGroupExceptions()) {
      decision.add(Item.field("Device group " + e.group(), e.status().label() + e.reviewBy().map(d -> ", review by " + d).orElse("")
          + ". " + e.note() + byline(e.by(), e.at())));
    }
    for (RemediationRequest r : requests) {
      decision.add(Item.field("Remediation requested", "due " + r.due() + (r.owner().isEmpty() ? "" : ", owner " + r.owner())
          + (r.note().isEmpty() ? "" : ". " + r.note()) + byline(r.requestedBy(), r.requestedAt())));
    }
    decision.add(state.history().isEmpty() ? Item.field("History", "none")
        : new Item("History", null, null, false, HistoryReport.table(state.history())));
    return List.of(new Section("At a glance", glance), new Section("User impact", impact),
        new Section("Implementation", implementation), new Section("Decision", decision,
            suggestion.map(s -> "mark as '" + s.status().label() + "' (" + s.status().key() + "). " + s.reason())));
  }

  private void table(OutputContext context, PrintWriter out) {
    Action a = result.action();
    OptionalInt width = context.width();
    print(out, a.id() + ": ", "  ", a.title(), width);
    print(out, "Reference: ", "  ", reference(a.id()), width);
    for (Section section : sections()) {
      section.suggestion().ifPresent(text -> {
        out.println();
        print(out, "Suggestion: ", "  ", text, width);
      });
      out.println();
      out.println(section.title());
      for (Item item : section.items()) {
        if (item.value() != null) {
          print(out, "  " + item.name() + ": ", "    ", item.value(), width);
        } else if (item.list() != null) {
          print(out, "  " + item.name() + ":", "", "", width);
          for (int i = 0; i < item.list().size(); i++) {
            String marker = "    " + (item.numbered() ? (i + 1) + ". " : "- ");
            print(out, marker, " ".repeat(marker.length()), item.list().get(i), width);
          }
        } else {
          print(out, "  " + item.name() + ":", "", "", width);
          StringWriter text = new StringWriter();
          item.table().print(context.indented(INDENT.length()), new PrintWriter(text));
          text.toString().lines().forEach(line -> out.println(INDENT + line));
        }
      }
    }
    out.flush();
  }

  /** The flyout as Markdown, to paste into a ticket or a pull request. */
  private void markdown(PrintWriter out) {
    Action a = result.action();
    out.println("## " + MarkdownReport.code(a.id()) + ": " + MarkdownReport.inline(a.title()));
    out.println();
    out.println("Reference: " + MarkdownReport.code(reference(a.id())));
    for (Section section : sections()) {
      section.suggestion().ifPresent(text -> {
        out.println();
        out.println("**Suggestion**: " + MarkdownReport.inline(text));
      });
      out.println();
      out.println("### " + section.title());
      out.println();
      for (Item item : section.items()) {
        if (item.value() != null) {
          out.println("- **" + item.name() + "**: " + MarkdownReport.inline(item.value()));
        } else if (item.list() != null) {
          out.println("- **" + item.name() + "**:");
          for (int i = 0; i < item.list().size(); i++) {
            out.println("  " + (item.numbered() ? (i + 1) + ". " : "- ") + MarkdownReport.inline(item.list().get(i)));
          }
        } else {
          out.println("- **" + item.name() + "**:");
          out.println();
          item.table().markdown(out);
        }
      }
    }
    out.flush();
  }

  private void json(PrintWriter out) {
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
    ArrayNode licenses = node.putArray("licenses");
    for (String plan : a.licenses()) {
      ObjectNode license = licenses.addObject().put("servicePlan", plan).put("inTenant", servicePlans.contains(plan));
      if (!servicePlans.contains(plan) && held.containsKey(plan)) {
        license.put("subscriptionStatus", held.get(plan).status());
      }
    }
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

  /** Whether the tenant has a service plan: in an active subscription, in one that is not active, or not at all. */
  private String license(String plan) {
    if (servicePlans.contains(plan)) {
      return "in the tenant";
    }
    Subscription held = this.held.get(plan);
    return held == null ? "not in the tenant"
        : "in the tenant's " + held.sku() + " subscription, which is " + held.status().toLowerCase(Locale.ROOT);
  }

  /** The implementation status from the data, e.g. "24 of 32 users covered". */
  private String implementation() {
    if (result.error().isPresent()) {
      return "could not be decided: " + result.error().get();
    }
    if (result.notAssessed().isPresent()) {
      return "not assessed: " + result.notAssessed().get();
    }
    if (result.satisfied()) {
      return "satisfied by a tenant-wide setting (full points)";
    }
    if (result.action().check() instanceof Check.Coverage coverage && result.coverage().isPresent()) {
      return result.coverage().get().covered() + " of " + result.coverage().get().eligible() + " " + coverage.of().section() + " covered";
    }
    if (result.action().check() instanceof Check.Configuration && result.coverage().isPresent()) {
      return result.coverage().get().covered() + " of " + result.coverage().get().eligible() + " devices comply";
    }
    return result.dataPoints() >= result.action().maxScore() ? "the tenant's settings pass the check" : "the tenant's settings do not pass the check";
  }

  /** Every line holds data from the inputs: inert, and broken between words to fit the width. */
  private static void print(PrintWriter out, String lead, String hanging, String text, OptionalInt width) {
    Prose.lines(Printable.line(lead), hanging, text, width).forEach(out::println);
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
