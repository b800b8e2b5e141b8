package dev.posture.report;

import dev.posture.graph.GraphAssessment;

/** Sentences about a Graph assessment that the table and the warnings on standard error share. */
public final class GraphMessages {
  private GraphMessages() {}

  /** Which controls have no known max points, and what that does to the totals. */
  public static String missingMax(GraphAssessment graph) {
    int n = graph.missingMax().size();
    String points = graph.missingPoints() > 0
        ? "; their " + Numbers.points(graph.missingPoints()) + " points are left out of current too"
        : "";
    return n + (n == 1 ? " control has" : " controls have")
        + " no known max points (no profile, no catalogue entry, no points to derive them from): "
        + String.join(", ", graph.missingMax())
        + ". The max score leaves them out, so it is lower than Microsoft's" + points
        + ". Add their profiles (GET /security/secureScoreControlProfiles, every page) to count them.";
  }
}
