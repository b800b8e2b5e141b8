package dev.posture.report;

import dev.posture.scoring.ExpiredReview;
import java.io.PrintWriter;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The decisions past their review date, in the assessment's table and JSON report. */
final class ExpiredReviewsReport {
  private ExpiredReviewsReport() {}

  /** A section after the table; nothing when no review is overdue. */
  static void table(List<ExpiredReview> expired, PrintWriter out) {
    if (!expired.isEmpty()) {
      out.println();
      out.println("Reviews past their date:");
      expired.forEach(e -> out.println(Printable.line("  " + e.describe())));
    }
  }

  /** The {@code expiredReviews} list of the JSON report (empty when none is overdue). */
  static ArrayNode json(List<ExpiredReview> expired) {
    ArrayNode array = Json.NODES.arrayNode();
    for (ExpiredReview e : expired) {
      ObjectNode node = array.addObject().put("id", e.actionId());
      e.deviceGroup().ifPresent(g -> node.put("deviceGroup", g));
      node.put("status", e.status().label()).put("reviewBy", e.reviewBy().toString());
    }
    return array;
  }
}
