package dev.posture.catalog;

import java.time.Duration;

/**
 * What one check may spend in a run, and what it has spent so far. A catalogue may come from anyone
 * (a pull request), so a check that would exhaust the machine is stopped and its action becomes Error
 * with the reason, while the rest of the run goes on:
 *
 * <ul>
 *   <li>cost, counted as CEL evaluates: a unit for each step, and one for each character of a string
 *       and each element of a list it reads or builds; at most {@link Limits#costPerEvaluation} for one
 *       evaluation (one element of a coverage check);
 *   <li>what it builds: no string longer than {@link Limits#longestString} characters, no list longer
 *       than {@link Limits#longestList} elements, checked as each is made;
 *   <li>time: at most {@link Limits#timePerCheck} over all its evaluations in the run.
 * </ul>
 *
 * Once a limit is passed the budget stays spent: later evaluations fail at once. Not thread-safe: one
 * budget belongs to one check evaluated on one thread.
 */
public final class CheckBudget {

  /** The bounds; {@link #DEFAULT} in every run. */
  public record Limits(long costPerEvaluation, int longestString, int longestList, Duration timePerCheck) {
    public static final Limits DEFAULT = new Limits(10_000_000, 100_000, 100_000, Duration.ofSeconds(10));
  }

  private final Limits limits;
  private final long nanosAllowed;
  private final CostTracker tracker;
  private long nanosSpent;
  private String exhausted;

  public CheckBudget() {
    this(Limits.DEFAULT);
  }

  public CheckBudget(Limits limits) {
    this.limits = limits;
    this.nanosAllowed = limits.timePerCheck().toNanos();
    this.tracker = new CostTracker(this);
  }

  Limits limits() {
    return limits;
  }

  /** The one tracker of this budget's evaluations, which come one after another. */
  CostTracker tracker() {
    return tracker;
  }

  /** Why the budget is spent, or null while it is not. */
  String exhausted() {
    return exhausted;
  }

  void exhaust(String reason) {
    if (exhausted == null) {
      exhausted = reason;
    }
  }

  /** Whether {@code running} nanoseconds more (of the evaluation under way) would pass the time allowed. */
  boolean outOfTime(long running) {
    return nanosSpent + running > nanosAllowed;
  }

  void spent(long nanos) {
    nanosSpent += nanos;
    if (nanosSpent > nanosAllowed) {
      exhaust(timeMessage());
    }
  }

  String timeMessage() {
    return "the check took more than " + describe(limits.timePerCheck()) + ", the time a check may take";
  }

  private static String describe(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
  }
}
