package dev.posture.catalog;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Says in the snapshot's terms what a check found missing at run time. CEL reports a missing key
 * with the source position of the selection that failed ("key 'isEnabled' is not present in map" at
 * offset 48); knowing which snapshot field each selection reads, that becomes "the snapshot has no
 * identitySecurityDefaultsEnforcementPolicy.isEnabled".
 */
final class MissingFields {
  private static final String SNAPSHOT = "the snapshot";
  private static final String INDEX = "_[_]";
  /** CEL's prefix, "evaluation error at SOURCE:OFFSET: ", before the problem. */
  private static final Pattern EVALUATION_ERROR = Pattern.compile("evaluation error(?: at .*?:(\\d+))?: (.*)", Pattern.DOTALL);
  private static final Pattern MISSING_KEY = Pattern.compile("key '(.*)' is not present in map\\.?");

  /** The fields selected in the expression, by the source offset CEL reports for each selection. */
  private final Map<Integer, Field> byPosition;

  private MissingFields(Map<Integer, Field> byPosition) {
    this.byPosition = byPosition;
  }

  /**
   * What the data holds and a field read from it: {@code owner} is "the snapshot", "the user" or
   * "an entry of conditionalAccessPolicies", {@code path} the field's path from there ("" for the owner itself).
   */
  private record Field(String owner, String path, String key) {
    Field child(String name) {
      return new Field(owner, path.isEmpty() ? name : path + "." + name, name);
    }

    Field element(long index) {
      return new Field(owner, path + "[" + index + "]", String.valueOf(index));
    }

    /** What an entry of this list field is called, for a variable ranging over it. */
    Field entry() {
      return new Field("an entry of " + (owner.equals(SNAPSHOT) ? path : owner + "'s " + path), "", "");
    }

    String missing() {
      return owner.equals(SNAPSHOT) && path.equals(key) ? "the snapshot has no " + path + " section" : owner + " has no " + path;
    }
  }

  /** @param element the variable of a coverage predicate's element ({@code user}), when there is one */
  static MissingFields of(CelAbstractSyntaxTree ast, Optional<Collection> element) {
    Map<String, Field> variables = new HashMap<>();
    variables.put("tenant", new Field(SNAPSHOT, "", ""));
    element.ifPresent(c -> variables.put(c.element(), new Field("the " + c.element(), "", "")));
    Map<Integer, Field> byPosition = new HashMap<>();
    visit(ast.getExpr(), variables, ast.getSource().getPositionsMap(), byPosition);
    return new MissingFields(Map.copyOf(byPosition));
  }

  /** CEL's message without its prefix, in posture's words when it says a field was missing. */
  String describe(String message) {
    Matcher error = EVALUATION_ERROR.matcher(message);
    if (!error.matches()) {
      return message;
    }
    String problem = error.group(2);
    Field field = error.group(1) == null ? null : byPosition.get(Integer.parseInt(error.group(1)));
    if (field == null) {
      return problem;
    }
    Matcher missingKey = MISSING_KEY.matcher(problem);
    // an index with a constant key ({@code tenant['x']}) reports just the key
    boolean missing = missingKey.matches() ? missingKey.group(1).equals(field.key()) : problem.equals(field.key());
    return missing ? field.missing() : problem;
  }

  private static void visit(CelExpr expr, Map<String, Field> variables, Map<Long, Integer> positions, Map<Integer, Field> out) {
    switch (expr.getKind()) {
      case SELECT -> {
        if (!expr.select().testOnly()) {
          remember(expr, variables, positions, out);
        }
        visit(expr.select().operand(), variables, positions, out);
      }
      case CALL -> {
        if (expr.call().function().equals(INDEX)) {
          remember(expr, variables, positions, out);
        }
        expr.call().target().ifPresent(t -> visit(t, variables, positions, out));
        expr.call().args().forEach(a -> visit(a, variables, positions, out));
      }
      case LIST -> expr.list().elements().forEach(e -> visit(e, variables, positions, out));
      case MAP -> expr.map().entries().forEach(e -> {
        visit(e.key(), variables, positions, out);
        visit(e.value(), variables, positions, out);
      });
      case STRUCT -> expr.struct().entries().forEach(e -> visit(e.value(), variables, positions, out));
      case COMPREHENSION -> {
        CelExpr.CelComprehension c = expr.comprehension();
        visit(c.iterRange(), variables, positions, out);
        visit(c.accuInit(), variables, positions, out);
        Map<String, Field> inner = new HashMap<>(variables);
        inner.remove(c.accuVar());
        inner.remove(c.iterVar2());
        Field range = field(c.iterRange(), variables);
        if (range != null) {
          inner.put(c.iterVar(), range.entry());
        } else {
          inner.remove(c.iterVar());
        }
        visit(c.loopCondition(), inner, positions, out);
        visit(c.loopStep(), inner, positions, out);
        visit(c.result(), inner, positions, out);
      }
      default -> { }
    }
  }

  private static void remember(CelExpr expr, Map<String, Field> variables, Map<Long, Integer> positions, Map<Integer, Field> out) {
    Field field = field(expr, variables);
    Integer position = positions.get(expr.id());
    if (field != null && position != null) {
      out.put(position, field);
    }
  }

  /** The field an expression reads, when it is a chain of selections from a known variable; else null. */
  private static Field field(CelExpr expr, Map<String, Field> variables) {
    switch (expr.getKind()) {
      case IDENT -> {
        return variables.get(expr.ident().name());
      }
      case SELECT -> {
        Field operand = expr.select().testOnly() ? null : field(expr.select().operand(), variables);
        return operand == null ? null : operand.child(expr.select().field());
      }
      case CALL -> {
        if (!expr.call().function().equals(INDEX) || expr.call().args().size() != 2) {
          return null;
        }
        Field operand = field(expr.call().args().get(0), variables);
        CelExpr key = expr.call().args().get(1);
        if (operand == null || key.getKind() != CelExpr.ExprKind.Kind.CONSTANT) {
          return null;
        }
        CelConstant constant = key.constant();
        return switch (constant.getKind()) {
          case STRING_VALUE -> operand.child(constant.stringValue());
          case INT64_VALUE -> operand.element(constant.int64Value());
          default -> null;
        };
      }
      default -> {
        return null;
      }
    }
  }
}
