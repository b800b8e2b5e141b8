package dev.posture.catalog;

import dev.cel.common.ast.CelExpr;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A coverage predicate answered once per distinct view of the element it reads. Most predicates
 * read a user, device or mailbox through a few fields (and a user through {@code p.appliesTo(user)}
 * on the tenant's Conditional Access policies); a hundred thousand users show only a handful of
 * different views, so the answer for each view is remembered for the tenant at hand instead of
 * evaluated again. The view is the value, or absence, of every field the predicate selects, plus
 * what decides whether a policy applies ({@link ConditionalAccess#view}). A predicate that uses the
 * element in any other way is evaluated every time.
 *
 * <p>Checks are evaluated on one thread; a memo belongs to one expression and the tenant last seen.
 */
final class PredicateMemo implements Expression {
  private static final String TENANT = "tenant";
  private static final String POLICIES = "conditionalAccessPolicies";
  /** Enough for every combination a real tenant shows; past it, a tenant is evaluated element by element. */
  private static final int MAX_VIEWS = 4096;
  private static final Object ABSENT = new Object();

  private final Expression expression;
  private final String element;
  private final List<String> fields;
  private final boolean policies;
  private final Map<List<Object>, Boolean> answers = new HashMap<>();
  private Object tenant;
  private Set<String> namedUsers = Set.of();

  private PredicateMemo(Expression expression, String element, List<String> fields, boolean policies) {
    this.expression = expression;
    this.element = element;
    this.fields = fields;
    this.policies = policies;
  }

  /** {@code expression} remembered by the views of {@code element}, or as it is when its use of the element cannot be told. */
  static Expression of(Expression expression, CelExpr root, String element) {
    Use use = new Use(element);
    use.visit(root, null);
    return use.opaque ? expression : new PredicateMemo(expression, element, List.copyOf(use.fields), use.policies);
  }

  /** The predicate itself, asked every time. */
  Expression plain() {
    return expression;
  }

  @Override
  public String text() {
    return expression.text();
  }

  @Override
  public Set<String> sections() {
    return expression.sections();
  }

  @Override
  public boolean test(Map<String, Object> variables) {
    Object settings = variables.get(TENANT);
    if (settings != tenant) {
      tenant = settings;
      answers.clear();
      namedUsers = policies && settings instanceof Map<?, ?> map ? ConditionalAccess.namedUsers(map.get(POLICIES)) : Set.of();
    }
    if (!(variables.get(element) instanceof Map<?, ?> value) || answers.size() >= MAX_VIEWS) {
      return expression.test(variables);
    }
    List<Object> view = new ArrayList<>(fields.size() + 1);
    for (String field : fields) {
      Object v = value.get(field);
      view.add(v == null && !value.containsKey(field) ? ABSENT : v);
    }
    if (policies) {
      view.add(ConditionalAccess.view(value, namedUsers));
    }
    Boolean known = answers.get(view);
    if (known != null) {
      return known;
    }
    boolean answer = expression.test(variables);
    answers.put(view, answer);
    return answer;
  }

  /** How a checked expression uses the element: the fields it selects, and whether only through those and appliesTo. */
  private static final class Use {
    private final String element;
    private final Set<String> fields = new LinkedHashSet<>();
    /** The comprehension variables in scope, innermost first, and whether each ranges over the tenant's policies. */
    private final Deque<Map.Entry<String, Boolean>> bindings = new ArrayDeque<>();
    private boolean policies;
    private boolean opaque;

    Use(String element) {
      this.element = element;
    }

    /** @param parent the expression {@code expr} is an operand of, or null */
    void visit(CelExpr expr, CelExpr parent) {
      switch (expr.getKind()) {
        case IDENT -> {
          if (expr.ident().name().equals(element) && !selected(parent) && !appliesTo(parent)) {
            opaque = true;
          }
        }
        case SELECT -> {
          CelExpr operand = expr.select().operand();
          if (operand.getKind() == CelExpr.ExprKind.Kind.IDENT && operand.ident().name().equals(element)) {
            fields.add(expr.select().field());
          }
          visit(operand, expr);
        }
        case CALL -> {
          expr.call().target().ifPresent(t -> visit(t, expr));
          expr.call().args().forEach(a -> visit(a, expr));
          policies |= appliesTo(expr);
        }
        case LIST -> expr.list().elements().forEach(e -> visit(e, expr));
        case MAP -> expr.map().entries().forEach(e -> {
          visit(e.key(), expr);
          visit(e.value(), expr);
        });
        case STRUCT -> expr.struct().entries().forEach(e -> visit(e.value(), expr));
        case COMPREHENSION -> comprehension(expr);
        default -> { }
      }
    }

    private void comprehension(CelExpr expr) {
      CelExpr.CelComprehension c = expr.comprehension();
      if (c.iterVar().equals(element) || c.accuVar().equals(element) || c.iterVar2().equals(element)) {
        opaque = true;
      }
      visit(c.iterRange(), expr);
      visit(c.accuInit(), expr);
      bindings.push(Map.entry(c.iterVar(), isPolicies(c.iterRange())));
      visit(c.loopCondition(), expr);
      visit(c.loopStep(), expr);
      bindings.pop();
      visit(c.result(), expr);
    }

    private boolean selected(CelExpr parent) {
      return parent != null && parent.getKind() == CelExpr.ExprKind.Kind.SELECT;
    }

    /** {@code p.appliesTo(element)}, where {@code p} ranges over {@code tenant.conditionalAccessPolicies}. */
    private boolean appliesTo(CelExpr call) {
      if (call == null || call.getKind() != CelExpr.ExprKind.Kind.CALL || !call.call().function().equals("appliesTo")
          || call.call().args().size() != 1 || call.call().target().isEmpty()) {
        return false;
      }
      CelExpr target = call.call().target().get();
      CelExpr arg = call.call().args().get(0);
      return target.getKind() == CelExpr.ExprKind.Kind.IDENT && rangesOverPolicies(target.ident().name())
          && arg.getKind() == CelExpr.ExprKind.Kind.IDENT && arg.ident().name().equals(element);
    }

    private boolean rangesOverPolicies(String variable) {
      for (Map.Entry<String, Boolean> binding : bindings) {
        if (binding.getKey().equals(variable)) {
          return binding.getValue();
        }
      }
      return false;
    }

    private static boolean isPolicies(CelExpr range) {
      return range.getKind() == CelExpr.ExprKind.Kind.SELECT && range.select().field().equals(POLICIES) && !range.select().testOnly()
          && range.select().operand().getKind() == CelExpr.ExprKind.Kind.IDENT
          && range.select().operand().ident().name().equals(TENANT);
    }
  }
}
