package dev.posture.report;

import dev.posture.catalog.Action;
import dev.posture.catalog.Catalog;
import dev.posture.catalog.Category;
import dev.posture.catalog.Check;
import dev.posture.catalog.DeviceCategory;
import java.io.PrintWriter;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The improvement actions of a catalogue, as a table, JSON, CSV or Markdown. */
public final class ActionList {
  /** Every format the catalogue's list prints in. */
  public static final Renderers<ActionList> RENDERERS = Renderers.<ActionList>builder()
      .add(Format.TABLE, (list, context, out) -> list.table().print(context, out))
      .add(Format.JSON, (list, context, out) -> list.json(out))
      .add(Format.CSV, (list, context, out) -> list.table().csv(out))
      .add(Format.MARKDOWN, (list, context, out) -> list.table().markdown(out))
      .build();

  private static final String[] COLUMNS = {"Action", "Category", "Device category", "Max", "Scored", "Tier", "Licenses", "Title"};
  /** The columns a table leaves out first on a narrow screen. */
  private static final Set<String> NARROW_SCREEN_LEAVES = Set.of("Device category", "Scored", "Tier", "Licenses");

  private final List<Action> actions;

  public ActionList(List<Action> actions) {
    this.actions = actions;
  }

  private TextTable table() {
    TextTable table = new TextTable();
    for (String column : COLUMNS) {
      if (column.equals("Max")) {
        table.numberColumn(column);
      } else {
        table.column(column);
      }
      if (column.equals("Action")) {
        table.ids();
      }
      if (NARROW_SCREEN_LEAVES.contains(column)) {
        table.optional();
      }
    }
    actions.forEach(a -> table.row(cells(a)));
    return table;
  }

  /** Every field of every action, checks included, so scripts can work from the catalogue. */
  private void json(PrintWriter out) {
    ObjectNode root = Json.document();
    ArrayNode list = root.putArray("actions");
    actions.forEach(a -> list.add(json(a)));
    Json.print(root, out);
  }

  /** One line: how many actions, how many scored, and how many per category. */
  public static String summary(Catalog catalog) {
    Map<Category, Integer> perCategory = new EnumMap<>(Category.class);
    int scored = 0;
    int deprecated = 0;
    for (Action a : catalog.actions()) {
      perCategory.merge(a.category(), 1, Integer::sum);
      scored += a.counted() ? 1 : 0;
      deprecated += a.deprecated() ? 1 : 0;
    }
    StringBuilder line = new StringBuilder()
        .append(catalog.actions().size()).append(" actions (").append(scored).append(" scored, ")
        .append(catalog.actions().size() - scored - deprecated).append(" not scored")
        .append(deprecated > 0 ? ", " + deprecated + " deprecated" : "").append(") in ").append(catalog.sources().size())
        .append(catalog.sources().size() == 1 ? " file: " : " files: ");
    String separator = "";
    for (Map.Entry<Category, Integer> e : perCategory.entrySet()) {
      line.append(separator).append(e.getKey().label()).append(' ').append(e.getValue());
      separator = ", ";
    }
    return line.toString();
  }

  private static String[] cells(Action a) {
    return new String[] {
      a.id(),
      a.category().label(),
      a.deviceCategory().map(DeviceCategory::label).orElse(""),
      Numbers.points(a.maxScore()),
      a.scored() ? "yes" : "no",
      a.tier().label(),
      String.join(" ", a.licenses()),
      a.title()
    };
  }

  private static ObjectNode json(Action a) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("id", a.id()).put("title", a.title()).put("category", a.category().label());
    a.deviceCategory().ifPresent(d -> node.put("deviceCategory", d.label()));
    node.put("product", a.product()).put("maxScore", a.maxScore()).put("scored", a.scored()).put("deprecated", a.deprecated())
        .put("tier", a.tier().label()).put("implementationCost", a.implementationCost().label())
        .put("userImpact", a.userImpact().label());
    strings(node, "threats", a.threats());
    strings(node, "licenses", a.licenses());
    node.put("usersAffected", a.usersAffected());
    strings(node, "prerequisites", a.prerequisites());
    strings(node, "remediation", a.remediation());
    node.put("actionUrl", a.actionUrl());
    strings(node, "learnMore", a.learnMore());
    ObjectNode check = node.putObject("check");
    if (a.check() instanceof Check.Binary binary) {
      check.put("passes", binary.passes().text());
    } else if (a.check() instanceof Check.Coverage coverage) {
      check.put("of", coverage.of().section());
      coverage.where().ifPresent(w -> check.put("where", w.text()));
      check.put("covered", coverage.covered().text());
    } else if (a.check() instanceof Check.Configuration configuration) {
      check.put("configuration", configuration.configurationId());
    } else if (a.check() instanceof Check.MicrosoftOnly microsoftOnly) {
      check.put("microsoftOnly", microsoftOnly.reason());
    }
    a.check().satisfiedBy().ifPresent(s -> check.put("satisfiedBy", s.text()));
    a.suggestion().ifPresent(s -> node.putObject("suggest")
        .put("when", s.when().text()).put("status", s.status().label()).put("reason", s.reason()));
    return node;
  }

  private static void strings(ObjectNode node, String field, List<String> values) {
    ArrayNode array = node.putArray(field);
    values.forEach(array::add);
  }
}
