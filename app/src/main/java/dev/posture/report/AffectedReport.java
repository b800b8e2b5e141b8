package dev.posture.report;

import dev.posture.catalog.Collection;
import dev.posture.scoring.AffectedElements;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The elements an action does not cover yet, with the fields people need to follow them up. */
public final class AffectedReport {
  private final String actionId;
  private final AffectedElements affected;

  public AffectedReport(String actionId, AffectedElements affected) {
    this.actionId = actionId;
    this.affected = affected;
  }

  /** The columns worth showing for each collection; the name comes first. */
  private List<String> fields() {
    return switch (affected.collection()) {
      case USERS -> List.of("userPrincipalName", "displayName", "userType", "isAdmin");
      case DEVICES -> List.of("computerDnsName", "osPlatform", "osVersion", "rbacGroupName");
      case MAILBOXES -> List.of("UserPrincipalName", "RecipientTypeDetails");
    };
  }

  public void table(PrintWriter out) {
    Collection c = affected.collection();
    out.println(actionId + ": " + affected.elements().size() + " of " + affected.eligible() + " eligible " + c.section() + " not covered");
    affected.error().ifPresent(e -> out.println(Printable.line("The walk stopped on an element the check could not decide: " + e)));
    if (!affected.elements().isEmpty()) {
      elements().print(out);
    }
    out.flush();
  }

  /** The elements not covered, one row each, for a pull-request comment or a ticket. */
  public void markdown(PrintWriter out) {
    Collection c = affected.collection();
    out.println(MarkdownReport.inline(actionId + ": " + affected.elements().size() + " of " + affected.eligible() + " eligible "
        + c.section() + " not covered"));
    out.println();
    elements().markdown(out);
  }

  private TextTable elements() {
    TextTable table = new TextTable();
    fields().forEach(table::column);
    for (Map<String, Object> element : affected.elements()) {
      table.row(fields().stream().map(f -> cell(element.get(f))).toArray(String[]::new));
    }
    return table;
  }

  public void json(PrintWriter out) {
    ObjectNode root = Json.document().put("action", actionId).put("collection", affected.collection().section())
        .put("eligible", affected.eligible()).put("notCovered", affected.elements().size());
    affected.error().ifPresent(e -> root.put("error", e));
    ArrayNode elements = root.putArray("elements");
    for (Map<String, Object> element : affected.elements()) {
      ObjectNode node = elements.addObject();
      fields().forEach(f -> node.put(f, cell(element.get(f))));
    }
    Json.print(root, out);
  }

  /**
   * RFC 4180 with a header row. A cell a spreadsheet would run as a formula (starting with =, +, -,
   * @, tab or carriage return) is prefixed with an apostrophe.
   */
  public void csv(PrintWriter out) {
    elements().csv(out);
  }

  private static String cell(Object value) {
    return value instanceof String || value instanceof Boolean || value instanceof Number ? value.toString() : "";
  }
}
