package dev.posture.graph;

import dev.posture.catalog.Status;

/**
 * A control resolved through a third party or an alternate mitigation that counts its full points,
 * while Microsoft's last daily score still gives it fewer: why current can be above Microsoft's number.
 *
 * @param inPortal true when the decision was recorded in the Secure Score portal, false when in the
 *     state file
 * @param microsoftPoints the points Microsoft's score gives it
 * @param points the points it counts: its max
 */
public record UnscoredResolution(String id, Status status, boolean inPortal, double microsoftPoints, double points) {

  public double added() {
    return points - microsoftPoints;
  }
}
