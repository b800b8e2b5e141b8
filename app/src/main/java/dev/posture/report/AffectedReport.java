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
  /** Every format the list of elements prints in. */
  public static final Renderers<AffectedReport> RENDERERS = Renderers.<AffectedReport>builder()
      .add(Format.TABLE, AffectedReport::table)
      .add(Format.JSON, (report, context, out) -> report.json(out))
      .add(Format.CSV, (report, context, out) -> report.elements().csv(out))
      .add(Format.MARKDOWN, (report, context, out) -> report.markdown(out))
      .build();

  private final String actionId;
  private final AffectedElements affected;

  public AffectedReport(String actionId, AffectedElements affected) {
    this.actionId = actionId;
    this.affected = affected;
  }

  /** A field worth showing, and the header it goes under. */
  private record Field(String name, String label) {}

  /** The fields worth showing for each collection, the name first; JSON keeps the snapshot's field names. */
  private List<Field> fields() {
    return switch (affected.collection()) {
      case USERS -> List.of(new Field("userPrincipalName", "User"), new Field("displayName", "Display name"),
          new Field("userType", "Type"), new Field("isAdmin", "Admin"));
      case DEVICES -> List.of(new Field("computerDnsName", "Device"), new Field("osPlatform", "OS"),
          new Field("osVersion", "OS version"), new Field("rbacGroupName", "Device group"));
      case MAILBOXES -> List.of(new Field("UserPrincipalName", "Mailbox"), new Field("RecipientTypeDetails", "Recipient type"));
    };
  }

  private void table(OutputContext context, PrintWriter out) {
    Collection c = affected.collection();
    out.println(Printable.line(actionId + ": " + affected.elements().size() + " of " + affected.eligible() + " eligible " + c.section() + " not covered"));
    affected.error().ifPresent(e -> out.println(Printable.line("The walk stopped on an element the check could not decide: " + e)));
    if (!affected.elements().isEmpty()) {
      elements().print(context, out);
    }
  }

  /** The elements not covered, one row each, for a pull-request comment or a ticket. */
  private void markdown(PrintWriter out) {
    Collection c = affected.collection();
    out.println(MarkdownReport.inline(actionId + ": " + affected.elements().size() + " of " + affected.eligible() + " eligible "
        + c.section() + " not covered"));
    out.println();
    elements().markdown(out);
  }

  private TextTable elements() {
    TextTable table = new TextTable();
    fields().forEach(f -> table.column(f.label()));
    for (Map<String, Object> element : affected.elements()) {
      table.row(fields().stream().map(f -> cell(element.get(f.name()))).toArray(String[]::new));
    }
    return table;
  }

  private void json(PrintWriter out) {
    ObjectNode root = Json.document().put("action", actionId).put("collection", affected.collection().section())
        .put("eligible", affected.eligible()).put("notCovered", affected.elements().size());
    affected.error().ifPresent(e -> root.put("error", e));
    ArrayNode elements = root.putArray("elements");
    for (Map<String, Object> element : affected.elements()) {
      ObjectNode node = elements.addObject();
      fields().forEach(f -> node.put(f.name(), cell(element.get(f.name()))));
    }
    Json.print(root, out);
  }

  private static String cell(Object value) {
    return value instanceof String || value instanceof Boolean || value instanceof Number ? value.toString() : "";
  }
}
