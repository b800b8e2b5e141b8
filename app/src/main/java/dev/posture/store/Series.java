package dev.posture.store;

import dev.posture.scoring.Source;
import java.time.Instant;
import java.util.List;

/** One line of a trend: a view of one scope, from one source, run after run (oldest first). */
public record Series(Source source, String view, String scope, List<Point> points) {

  /** The score of one run. */
  public record Point(long runId, Instant recordedAt, double points, double max) {
    public double percent() {
      return max == 0 ? 0 : points / max * 100;
    }
  }
}
