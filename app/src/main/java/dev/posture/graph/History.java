package dev.posture.graph;

import java.util.List;
import java.util.Optional;

/**
 * The score over the days of a secureScores export (Graph keeps up to 90).
 *
 * @param series one point per day, oldest first
 * @param risen controls with more points on the newest day than on the day before
 * @param fallen controls with fewer points on the newest day than on the day before
 */
public record History(List<Day> series, List<Change> risen, List<Change> fallen) {

  /** The score of one day. */
  public record Day(String date, double points, double max) {
    public double percent() {
      return max == 0 ? 0 : points / max * 100;
    }
  }

  /** One control's points on the day before and on the newest day. */
  public record Change(String control, double before, double after) {}

  public Optional<Day> first() {
    return series.isEmpty() ? Optional.empty() : Optional.of(series.get(0));
  }

  /** The day before the newest, when there is one. */
  public Optional<Day> previous() {
    return series.size() < 2 ? Optional.empty() : Optional.of(series.get(series.size() - 2));
  }

  public Optional<Day> latest() {
    return series.isEmpty() ? Optional.empty() : Optional.of(series.get(series.size() - 1));
  }
}
