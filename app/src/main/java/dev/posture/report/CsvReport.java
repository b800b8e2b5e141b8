package dev.posture.report;

import dev.posture.graph.History;
import dev.posture.scoring.ActionResult;
import dev.posture.state.ActionState;
import dev.posture.state.RemediationRequest;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The remediation activity as CSV (RFC 4180: commas, CRLF, quotes doubled), for a spreadsheet or an
 * email. One row per action in rank order ({@code record} = {@code action}), then one per remediation
 * request by due date ({@code record} = {@code remediation-request}) and, for Microsoft Graph exports,
 * one per day of the score's history ({@code record} = {@code history}, the date as id).
 *
 * <p>A cell that a spreadsheet would read as a formula gets a leading single quote, as OWASP
 * recommends for CSV injection ({@link #cell}). The rule applies to every cell alike; posture's own
 * numbers are never negative, so it only ever changes text.
 */
final class CsvReport implements Renderer<Report> {
  static final List<String> COLUMNS = List.of(
      "record", "id", "title", "category", "status", "points", "max", "remaining", "rank", "licensed",
      "notes", "tags", "review date", "due date", "owner", "requested by", "requested at", "steps", "link");
  private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setHeader(COLUMNS.toArray(String[]::new)).get();
  /** What starts a formula: = + - @, tab and carriage return, and the full-width = + - @. */
  private static final String FORMULA = "=+-@\t\r\uFF1D\uFF0B\uFF0D\uFF20";
  /** Zero-width space, non-joiner and joiner, word joiner and the byte-order mark. */
  private static final String ZERO_WIDTH = "\u200B\u200C\u200D\u2060\uFEFF";

  @Override
  public void render(Report report, OutputContext context, PrintWriter out) {
    List<History.Day> history = report.graph().map(g -> g.history().series()).orElse(List.of());
    List<RemediationRequest> requests = report.state().remediationRequests().stream().filter(RemediationRequest::isOpen)
        .sorted(Comparator.comparing(RemediationRequest::due))
        .toList();
    try {
      CSVPrinter csv = new CSVPrinter(out, FORMAT);
      for (ActionResult r : report.assessment().actions()) {
        csv.printRecord(safe(actionRow(r, report.state().of(r.id()), requests)));
      }
      for (RemediationRequest request : requests) {
        csv.printRecord(safe(requestRow(request, report.assessment().action(request.action()))));
      }
      for (History.Day day : history) {
        List<String> row = new ArrayList<>(List.of("history", day.date(), "", "", "",
            Numbers.points(day.points()), Numbers.points(day.max()), Numbers.points(day.max() - day.points())));
        row.addAll(Collections.nCopies(COLUMNS.size() - row.size(), ""));
        csv.printRecord(safe(row));
      }
      csv.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An action's row; its due date and owner are those of its earliest remediation request. */
  private static List<String> actionRow(ActionResult r, ActionState state, List<RemediationRequest> requests) {
    Optional<RemediationRequest> first = requests.stream().filter(q -> q.action().equals(r.id())).findFirst();
    List<String> row = new ArrayList<>(described("action", r));
    row.addAll(List.of(
        notes(state.notes()),
        String.join("; ", state.tags()),
        state.reviewBy().map(LocalDate::toString).orElse(""),
        first.map(q -> q.due().toString()).orElse(""),
        first.map(RemediationRequest::owner).orElse(""),
        "",
        "",
        steps(r.action().remediation()),
        r.action().actionUrl()));
    return row;
  }

  /** A request's row repeats its action's figures so it can be sorted and filtered on its own. */
  private static List<String> requestRow(RemediationRequest q, Optional<ActionResult> action) {
    List<String> row = new ArrayList<>(action.map(r -> described("remediation-request", r))
        .orElseGet(() -> List.of("remediation-request", q.action(), "", "", "", "", "", "", "", "")));
    row.addAll(List.of(q.note(), "", "", q.due().toString(), q.owner(), q.requestedBy(), q.requestedAt(), "", ""));
    return row;
  }

  private static List<String> described(String record, ActionResult r) {
    return List.of(
        record,
        r.id(),
        r.action().title(),
        r.category().label(),
        r.status().label(),
        Numbers.points(r.points()),
        Numbers.points(r.action().maxScore()),
        Numbers.points(r.remaining()),
        String.valueOf(r.rank()),
        r.licensed() ? "yes" : "no");
  }

  /** One note a line: when, who, then the text. */
  private static String notes(List<ActionState.Note> notes) {
    return String.join("\n", notes.stream()
        .map(n -> String.join(" ", nonEmpty(n.at(), n.by().isEmpty() ? "" : n.by() + ":", n.text())))
        .toList());
  }

  private static List<String> nonEmpty(String... parts) {
    return Arrays.stream(parts).filter(p -> !p.isEmpty()).toList();
  }

  private static String steps(List<String> steps) {
    return String.join("\n", IntStream.range(0, steps.size()).mapToObj(i -> (i + 1) + ". " + steps.get(i)).toList());
  }

  private static List<String> safe(List<String> row) {
    return row.stream().map(CsvReport::cell).toList();
  }

  /**
   * A cell as a spreadsheet must get it: inert ({@link Printable#inert}), and never read as a
   * formula. OWASP's advice against CSV injection: a cell that starts with {@code = + - @}, a tab or
   * a carriage return, their full-width forms, any of them after leading spaces, or an invisible
   * zero-width character (which some spreadsheets drop before they look) gets a leading single quote.
   */
  static String cell(String text) {
    String cell = Printable.inert(text);
    int first = 0;
    while (first < cell.length() && (cell.charAt(first) == ' ' || ZERO_WIDTH.indexOf(cell.charAt(first)) >= 0)) {
      first++;
    }
    boolean formula = first < cell.length() && FORMULA.indexOf(cell.charAt(first)) >= 0
        || first > 0 && ZERO_WIDTH.indexOf(cell.charAt(0)) >= 0;
    return formula ? "'" + cell : cell;
  }
}
