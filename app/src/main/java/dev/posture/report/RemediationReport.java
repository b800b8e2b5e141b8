package dev.posture.report;

import dev.posture.state.RemediationRequest;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A tenant's remediation requests, soonest due first: what was asked of whom by when, and whether it
 * is open (overdue once its due date has passed), closed or withdrawn, and by whom.
 *
 * @param titles each action's title by id; empty for an id the catalogue lacks
 * @param today the day a request's due date is compared with
 * @param openOnly whether the requests are the open ones only, for the words of an empty list
 */
public record RemediationReport(List<RemediationRequest> requests, Function<String, String> titles, LocalDate today, boolean openOnly) {

  /** Every format the requests print in. */
  public static final Renderers<RemediationReport> RENDERERS = Renderers.<RemediationReport>builder()
      .add(Format.TABLE, RemediationReport::table)
      .add(Format.JSON, (report, context, out) -> report.json(out))
      .add(Format.CSV, (report, context, out) -> report.table().csv(out))
      .add(Format.MARKDOWN, (report, context, out) -> report.table().markdown(out))
      .build();

  public RemediationReport {
    requests = requests.stream()
        .sorted(Comparator.comparing(RemediationRequest::due).thenComparing(RemediationRequest::action))
        .toList();
  }

  /** Open, overdue (open past its due date), closed or withdrawn. */
  public String state(RemediationRequest r) {
    return r.isOpen() && r.due().isBefore(today) ? "overdue" : r.state();
  }

  private void table(OutputContext context, PrintWriter out) {
    if (requests.isEmpty()) {
      out.println(openOnly ? "No open remediation request; --all lists the closed and withdrawn ones too." : "No remediation request.");
    } else {
      table().print(context, out);
    }
  }

  private TextTable table() {
    boolean ended = requests.stream().anyMatch(r -> !r.isOpen());
    TextTable table = new TextTable().column("Action").ids().column("Title").optional().column("Due").column("State")
        .column("Owner").column("Note").column("Requested by").optional().column("Requested at").optional();
    if (ended) {
      table.column("Ended by").column("Ended at").column("Ending note");
    }
    for (RemediationRequest r : requests) {
      List<String> cells = new ArrayList<>(List.of(r.action(), titles.apply(r.action()), r.due().toString(), state(r),
          r.owner(), r.note(), r.requestedBy(), r.requestedAt()));
      if (ended) {
        cells.add(r.ending().map(RemediationRequest.Ending::by).orElse(""));
        cells.add(r.ending().map(RemediationRequest.Ending::at).orElse(""));
        cells.add(r.ending().map(RemediationRequest.Ending::note).orElse(""));
      }
      table.row(cells.toArray(String[]::new));
    }
    return table;
  }

  private void json(PrintWriter out) {
    ObjectNode root = Json.document();
    ArrayNode array = root.putArray("remediationRequests");
    for (RemediationRequest r : requests) {
      ObjectNode node = array.addObject()
          .put("action", r.action())
          .put("title", titles.apply(r.action()))
          .put("due", r.due().toString())
          .put("state", r.state())
          .put("overdue", state(r).equals("overdue"))
          .put("owner", r.owner())
          .put("note", r.note())
          .put("requestedBy", r.requestedBy())
          .put("requestedAt", r.requestedAt());
      r.ending().ifPresent(e -> node.putObject(e.kind().label()).put("by", e.by()).put("at", e.at()).put("note", e.note()));
    }
    Json.print(root, out);
  }
}
