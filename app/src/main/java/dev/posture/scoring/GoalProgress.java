package dev.posture.scoring;

import dev.posture.state.Goal;
import dev.posture.state.State;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * How far a goal is: the score now, what is still to go, the days left, and whether the trend of
 * the stored runs reaches the target in time.
 *
 * @param view the goal's view
 * @param now the view's score in this assessment
 * @param daysLeft days from today to the goal's date; negative once it has passed
 * @param onTrack the straight line through the stored runs and this one (least squares, percent a
 *     day) reaches the target by the date; empty when fewer than two days are known and the goal is not met
 */
public record GoalProgress(Goal goal, View view, ScoreView now, long daysLeft, Optional<Boolean> onTrack) {

  /** One earlier run's percentage of the view, on its day. */
  public record Point(LocalDate day, double percent) {}

  /**
   * Every goal of the state, in the order the views are.
   *
   * @param trend the earlier runs of a view, oldest first (empty without a history store)
   */
  public static List<GoalProgress> of(State state, Scores scores, LocalDate today, Function<View, List<Point>> trend) {
    List<GoalProgress> progress = new ArrayList<>();
    for (View view : View.values()) {
      state.goals().stream().filter(g -> g.view().equals(view.key())).findFirst()
          .ifPresent(goal -> progress.add(of(goal, view, view.of(scores), today, trend.apply(view))));
    }
    return List.copyOf(progress);
  }

  static GoalProgress of(Goal goal, View view, ScoreView now, LocalDate today, List<Point> trend) {
    long daysLeft = ChronoUnit.DAYS.between(today, goal.by());
    GoalProgress met = new GoalProgress(goal, view, now, daysLeft, Optional.of(true));
    if (met.met()) {
      return met;
    }
    if (daysLeft < 0) {
      return new GoalProgress(goal, view, now, daysLeft, Optional.of(false));
    }
    List<Point> points = new ArrayList<>(trend.stream().filter(p -> p.day().isBefore(today)).toList());
    points.add(new Point(today, now.percent()));
    if (points.stream().map(Point::day).distinct().count() < 2) {
      return new GoalProgress(goal, view, now, daysLeft, Optional.empty());
    }
    double projected = now.percent() + slope(points, today) * daysLeft;
    return new GoalProgress(goal, view, now, daysLeft, Optional.of(projected >= goal.target()));
  }

  /** Percent a day, by least squares over the days before today. */
  private static double slope(List<Point> points, LocalDate today) {
    double n = points.size();
    double sx = 0;
    double sy = 0;
    double sxx = 0;
    double sxy = 0;
    for (Point p : points) {
      double x = ChronoUnit.DAYS.between(today, p.day());
      sx += x;
      sy += p.percent();
      sxx += x * x;
      sxy += x * p.percent();
    }
    return (n * sxy - sx * sy) / (n * sxx - sx * sx);
  }

  /** Reached, as the reports round: 69.995% meets 70. */
  public boolean met() {
    return rounded(now.percent()).compareTo(rounded(goal.target())) >= 0;
  }

  /** The date passed and the target was not reached. */
  public boolean missed() {
    return !met() && daysLeft < 0;
  }

  /** Percentage points still to go; zero once met. */
  public double percentToGo() {
    return Math.max(0, goal.target() - now.percent());
  }

  /** Points still to go at today's total; zero once met. */
  public double pointsToGo() {
    return Math.max(0, goal.target() / 100 * now.max() - now.points());
  }

  private static BigDecimal rounded(double value) {
    return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
  }
}
