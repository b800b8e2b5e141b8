package dev.posture.catalog;

import java.util.Map;
import java.util.Set;

/** A compiled, side-effect-free boolean expression over the variables it was declared with. */
public interface Expression {

  /** The expression as written in the catalogue. */
  String text();

  /**
   * The top-level snapshot sections the expression reads through {@code tenant} (e.g. {@code
   * conditionalAccessPolicies} for {@code tenant.conditionalAccessPolicies.exists(...)}); a section
   * only tested with {@code has()} is not among them, since the expression copes without it.
   */
  Set<String> sections();

  /**
   * Evaluates the expression.
   *
   * @throws CheckFailedException when the data does not have what the expression reads (a missing
   *     field, a value of the wrong type)
   */
  boolean test(Map<String, Object> variables);

  /**
   * Evaluates the expression as one of many evaluations of a check, spending from {@code budget}.
   *
   * @throws CheckFailedException also when the budget is spent
   */
  default boolean test(Map<String, Object> variables, CheckBudget budget) {
    return test(variables);
  }
}
