package dev.posture.scoring;

import java.util.Map;

/**
 * What an earlier run found, to compare this one with.
 *
 * @param source where it was read from, for messages
 * @param current the current score then
 * @param points the points each action counted then, by id
 */
public record Baseline(String source, ScoreView current, Map<String, Double> points) {
  public Baseline {
    points = Map.copyOf(points);
  }
}
