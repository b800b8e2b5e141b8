package dev.posture.catalog;

import java.util.Optional;

/** How an action is decided from a snapshot. */
public sealed interface Check permits Check.Binary, Check.Coverage {

  /** When true, the action gets its full points whatever the rest of the check says. */
  Optional<Expression> satisfiedBy();

  /** All points or none. */
  record Binary(Expression passes, Optional<Expression> satisfiedBy) implements Check {}

  /**
   * Points in proportion to the elements covered: maxScore x covered / eligible, where eligible are
   * the elements of {@code of} matching {@code where} (all when absent).
   */
  record Coverage(Collection of, Optional<Expression> where, Expression covered, Optional<Expression> satisfiedBy)
      implements Check {}
}
