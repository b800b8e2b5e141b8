package dev.posture.catalog;

import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Finds the snapshot sections a checked expression reads: {@code tenant.name} and {@code
 * tenant['name']}. A bare {@code has(tenant.name)} only asks whether the section is there, so it does
 * not make the section required.
 */
final class TenantSections {
  private static final String TENANT = "tenant";
  private static final String INDEX = "_[_]";

  private TenantSections() {}

  static Set<String> of(CelExpr root) {
    Set<String> sections = new LinkedHashSet<>();
    visit(root, sections);
    return Set.copyOf(sections);
  }

  private static void visit(CelExpr expr, Set<String> sections) {
    switch (expr.getKind()) {
      case SELECT -> {
        CelExpr.CelSelect select = expr.select();
        if (isTenant(select.operand())) {
          if (!select.testOnly()) {
            sections.add(select.field());
          }
        } else {
          visit(select.operand(), sections);
        }
      }
      case CALL -> {
        CelExpr.CelCall call = expr.call();
        if (call.function().equals(INDEX) && call.args().size() == 2 && isTenant(call.args().get(0))
            && call.args().get(1).getKind() == CelExpr.ExprKind.Kind.CONSTANT
            && call.args().get(1).constant().getKind() == CelConstant.Kind.STRING_VALUE) {
          sections.add(call.args().get(1).constant().stringValue());
          return;
        }
        call.target().ifPresent(target -> visit(target, sections));
        call.args().forEach(arg -> visit(arg, sections));
      }
      case LIST -> expr.list().elements().forEach(e -> visit(e, sections));
      case MAP -> expr.map().entries().forEach(e -> {
        visit(e.key(), sections);
        visit(e.value(), sections);
      });
      case STRUCT -> expr.struct().entries().forEach(e -> visit(e.value(), sections));
      case COMPREHENSION -> {
        CelExpr.CelComprehension c = expr.comprehension();
        visit(c.iterRange(), sections);
        visit(c.accuInit(), sections);
        visit(c.loopCondition(), sections);
        visit(c.loopStep(), sections);
        visit(c.result(), sections);
      }
      default -> { }
    }
  }

  private static boolean isTenant(CelExpr expr) {
    return expr.getKind() == CelExpr.ExprKind.Kind.IDENT && expr.ident().name().equals(TENANT);
  }
}
