package dev.posture.graph;

import java.util.Map;
import java.util.Optional;

/**
 * One entry of {@code averageComparativeScores}: how other tenants score on average.
 *
 * @param basis AllTenants, TotalSeats or IndustryTypes
 * @param averageScore the average overall score as Graph gives it (a percentage in current exports)
 * @param seatRange for TotalSeats, the seat-size range compared with, e.g. "1-100"
 * @param categories average points and max points per category name (Identity, Data, Device, Apps,
 *     Infrastructure), for the categories the export has
 */
public record Comparison(String basis, double averageScore, Optional<String> seatRange, Map<String, Average> categories) {

  /** Average points out of average max points in one category. */
  public record Average(double score, double max) {
    public double percent() {
      return max == 0 ? 0 : score / max * 100;
    }
  }
}
