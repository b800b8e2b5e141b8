package dev.posture.store;

import java.util.List;

/**
 * The average of some tenants' latest runs, as Microsoft's comparisons average theirs: mean points
 * out of mean max points, per view and scope.
 *
 * @param counted the tenants that have a run of the source asked for
 * @param missing the tenants that have none, left out of the averages
 */
public record Averages(List<String> counted, List<String> missing, List<Average> averages) {

  /** @param tenants how many tenants had this score */
  public record Average(String view, String scope, double points, double max, int tenants) {
    public double percent() {
      return max == 0 ? 0 : points / max * 100;
    }
  }
}
