package dev.posture.report;

import dev.posture.scoring.ExpiredReview;
import java.io.PrintWriter;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The decisions past their review date, added to the assessment's table and JSON report. */
public final class ExpiredReviewsReport {
  private ExpiredReviewsReport() {}

  /** A section after the table; nothing when no review is overdue. */
  public static void table(List<ExpiredReview> expired, PrintWriter out) {
    if (!expired.isEmpty()) {
      out.println();
      out.println("Reviews past their date:");
      expired.forEach(e -> out.println("  " + e.describe()));
    }
    out.flush();
  }

  /** Prints {@code report} with an {@code expiredReviews} list (empty when none is overdue). */
  public static void json(ObjectNode report, List<ExpiredReview> expired, PrintWriter out) {
    ArrayNode array = report.putArray("expiredReviews");
    for (ExpiredReview e : expired) {
      ObjectNode node = array.addObject().put("id", e.actionId());
      e.deviceGroup().ifPresent(g -> node.put("deviceGroup", g));
      node.put("status", e.status().label()).put("reviewBy", e.reviewBy().toString());
    }
    Json.print(report, out);
  }
}
