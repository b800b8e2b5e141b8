package dev.posture.catalog;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.navigation.CelNavigableAst;
import dev.cel.common.navigation.CelNavigableExpr;
import dev.cel.common.values.CelByteString;
import dev.cel.runtime.CelEvaluationListener;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Counts what one evaluation of a check costs, as CEL reports each value it computes, and stops the
 * evaluation once a limit of its {@link CheckBudget} is passed. What each node of an expression
 * costs is worked out once, when the expression is compiled ({@link #kinds}), so counting is an
 * addition a node, and an array lookup for a string or a list.
 *
 * <p>Only an expression with a loop (a macro) or a {@code +} is counted: without them each node is
 * evaluated once, so one evaluation is bounded by the expression's size and the data's, and the
 * time bound of its check is all it needs (counting would slow the checks of every element of a
 * large tenant by a quarter).
 *
 * <p>CEL turns an exception thrown here into an error value, which {@code ||}, {@code &&} and the
 * macros may absorb; so once over a limit, every later node fails too and the evaluation ends in an
 * error whatever absorbs what.
 */
final class CostTracker implements CelEvaluationListener {
  /** A step: one unit. */
  static final byte STEP = 0;
  /** A value read from the data (a variable or a field): a unit and its size, as whatever uses it may go through all of it. */
  static final byte READ = 1;
  /** A value built by {@code +}: a unit and its size, and it must stay within the limits of what a check may build. */
  static final byte BUILT = 2;

  private final CheckBudget budget;
  private final CheckBudget.Limits limits;
  private byte[] kinds;
  private long cost;
  private int steps;
  private long started;
  private String exceeded;

  CostTracker(CheckBudget budget) {
    this.budget = budget;
    this.limits = budget.limits();
  }

  /** What each node of {@code ast} costs, by node id; null when the expression need not be counted. */
  static byte[] kinds(CelAbstractSyntaxTree ast) {
    List<CelExpr> nodes = CelNavigableAst.fromAst(ast).getRoot().allNodes().map(CelNavigableExpr::expr).toList();
    boolean counted = nodes.stream().anyMatch(e -> e.getKind() == CelExpr.ExprKind.Kind.COMPREHENSION
        || e.getKind() == CelExpr.ExprKind.Kind.CALL && e.call().function().equals("_+_"));
    if (!counted) {
      return null;
    }
    // a comprehension's accumulator is read on every iteration, and is its own result: no read of the data
    Set<String> accumulators = nodes.stream()
        .filter(e -> e.getKind() == CelExpr.ExprKind.Kind.COMPREHENSION)
        .map(e -> e.comprehension().accuVar())
        .collect(Collectors.toSet());
    byte[] kinds = new byte[(int) nodes.stream().mapToLong(CelExpr::id).max().orElse(0) + 1];
    for (CelExpr e : nodes) {
      kinds[(int) e.id()] = switch (e.getKind()) {
        case IDENT -> accumulators.contains(e.ident().name()) ? STEP : READ;
        case SELECT -> e.select().testOnly() ? STEP : READ;
        case CALL -> e.call().function().equals("_+_") ? BUILT : STEP;
        default -> STEP;
      };
    }
    return kinds;
  }

  /** Starts an evaluation of the expression whose nodes cost {@code kinds} (null: not counted, only timed). */
  void start(byte[] kinds) {
    this.kinds = kinds;
    cost = 0;
    steps = 0;
    exceeded = null;
    started = CoarseClock.now();
  }

  /** Ends the evaluation, adding its time to the budget's. */
  void stop() {
    budget.spent(CoarseClock.now() - started);
  }

  /** Why the evaluation was stopped, or null. */
  String exceeded() {
    return exceeded;
  }

  @Override
  public void callback(CelExpr expr, Object value) {
    if (exceeded != null) {
      throw new Exceeded(exceeded);
    }
    long units = 1;
    if (value instanceof String || value instanceof List<?> || value instanceof CelByteString) {
      long id = expr.id();
      byte kind = id < kinds.length ? kinds[(int) id] : STEP;
      if (kind != STEP) {
        int size = size(value);
        units += size;
        if (kind == BUILT) {
          checkBuilt(value, size);
        }
      }
    }
    cost += units;
    if (cost > limits.costPerEvaluation()) {
      stop("the check went over its budget of " + limits.costPerEvaluation() + " cost units for one evaluation"
          + " (a unit a step, a character of a string, an element of a list)");
    }
    if ((++steps & 0x3FF) == 0 && budget.outOfTime(CoarseClock.now() - started)) {
      stop(budget.timeMessage());
    }
  }

  private void checkBuilt(Object value, int size) {
    if (value instanceof List<?> && size > limits.longestList()) {
      stop("the check built a list of " + size + " elements; at most " + limits.longestList() + " are allowed");
    } else if (!(value instanceof List<?>) && size > limits.longestString()) {
      stop("the check built a string of " + size + " characters; at most " + limits.longestString() + " are allowed");
    }
  }

  private static int size(Object value) {
    if (value instanceof String s) {
      return s.length();
    }
    if (value instanceof List<?> l) {
      return l.size();
    }
    return value instanceof CelByteString b ? b.size() : 0;
  }

  private void stop(String reason) {
    exceeded = reason;
    budget.exhaust(reason);
    throw new Exceeded(reason);
  }

  /** Thrown into CEL's evaluation to end it. */
  static final class Exceeded extends RuntimeException {
    Exceeded(String reason) {
      super(reason, null, false, false);
    }
  }
}
