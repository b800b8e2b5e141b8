package dev.posture.catalog;

import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelIssue;
import dev.cel.common.CelOptions;
import dev.cel.common.CelProtoAbstractSyntaxTree;
import dev.cel.expr.CheckedExpr;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.cel.common.CelValidationResult;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.navigation.CelNavigableAst;
import dev.cel.common.navigation.CelNavigableExpr;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelVariableResolver;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Compiles check expressions with CEL. Each scope declares only the variables its expressions may
 * use: {@code tenant} everywhere, plus the element (e.g. {@code user}) in a coverage predicate, so a
 * misspelt variable is a compile error at load, not a surprise at run time.
 *
 * <p>A catalogue may come from anyone, so what a check may spend is bounded: CEL's own limits on the
 * expression's length and nesting and on loop iterations, the regular expressions of {@code matches}
 * ({@link Regexes}: checked when the check compiles, and again for a pattern that comes from the
 * data), and the cost, size of what it builds and time of each evaluation ({@link CheckBudget}).
 */
final class CelCompiler {
  /** Bounds the iterations of all comprehensions (exists, all, map, filter) in one evaluation, nested ones included. */
  private static final int MAX_ITERATIONS = 100_000;
  /** Bounds an expression's source: checks are one-liners, not programs. */
  static final int MAX_EXPRESSION_LENGTH = 4_000;

  static final CelOptions OPTIONS =
      CelOptions.current()
          .enableHeterogeneousNumericComparisons(true)
          .comprehensionMaxIterations(MAX_ITERATIONS)
          .build();

  /** Parses and type-checks; building its environment is most of a cold start, so only on a cache miss. */
  private Cel tenantScope;
  private final Map<Collection, Cel> elementScopes = new EnumMap<>(Collection.class);
  private final CatalogCache cache;

  CelCompiler(CatalogCache cache) {
    this.cache = cache;
  }

  /** Compiles an expression over {@code tenant}, plus the element of {@code collection} when given. */
  CompileResult compile(String text, Optional<Collection> collection) {
    if (text.length() > MAX_EXPRESSION_LENGTH) {
      return CompileResult.failure("the expression is " + text.length() + " characters long; at most " + MAX_EXPRESSION_LENGTH + " are allowed");
    }
    String scope = collection.map(Collection::element).orElse("tenant");
    Optional<CelAbstractSyntaxTree> cached = cache.get(scope, text).flatMap(CelCompiler::checked);
    if (cached.isPresent()) {
      try {
        return CompileResult.success(expression(text, cached.get(), collection));
      } catch (CelEvaluationException e) {
        // fall through and compile from the text
      }
    }
    CelValidationResult result = collection.map(this::scopeFor).orElseGet(this::tenantScope).compile(text);
    if (result.hasError()) {
      CelIssue first = result.getErrors().get(0);
      String where = first.getSourceLocation().getLine() > 0
          ? " (at " + first.getSourceLocation().getLine() + ":" + (first.getSourceLocation().getColumn() + 1) + ")"
          : "";
      return CompileResult.failure(first.getMessage() + where);
    }
    try {
      CelAbstractSyntaxTree ast = result.getAst();
      checkPatterns(ast);
      cache.put(scope, text, CelProtoAbstractSyntaxTree.fromCelAst(ast).toCheckedExpr().toByteArray());
      return CompileResult.success(expression(text, ast, collection));
    } catch (Exception e) {
      return CompileResult.failure(e.getMessage());
    }
  }

  /** A coverage predicate answers once per distinct view of its element ({@link PredicateMemo}). */
  private Expression expression(String text, CelAbstractSyntaxTree ast, Optional<Collection> collection) throws CelEvaluationException {
    Expression expression = new CelExpression(text, TenantSections.of(ast.getExpr()), CheckRuntime.get().createProgram(ast), CostTracker.kinds(ast),
        MissingFields.of(ast, collection));
    return collection.map(c -> PredicateMemo.of(expression, ast.getExpr(), c.element())).orElse(expression);
  }

  /** Compiles every pattern written into a {@code matches}, so a malformed or huge one fails the load. */
  private static void checkPatterns(CelAbstractSyntaxTree ast) {
    List<CelExpr> calls = CelNavigableAst.fromAst(ast).getRoot().allNodes()
        .map(CelNavigableExpr::expr)
        .filter(e -> e.getKind() == CelExpr.ExprKind.Kind.CALL && e.call().function().equals("matches"))
        .toList();
    for (CelExpr call : calls) {
      List<CelExpr> args = call.call().args();
      CelExpr pattern = args.get(args.size() - 1);
      if (pattern.getKind() == CelExpr.ExprKind.Kind.CONSTANT && pattern.constant().getKind() == CelConstant.Kind.STRING_VALUE) {
        Regexes.compile(pattern.constant().stringValue());
      }
    }
  }

  private static Optional<CelAbstractSyntaxTree> checked(byte[] bytes) {
    try {
      return Optional.of(CelProtoAbstractSyntaxTree.fromCheckedExpr(CheckedExpr.parseFrom(bytes)).getAst());
    } catch (InvalidProtocolBufferException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private Cel tenantScope() {
    if (tenantScope == null) {
      tenantScope = CelFactory.standardCelBuilder()
          .setOptions(OPTIONS)
          .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
          .addVar("tenant", MapType.create(SimpleType.STRING, SimpleType.DYN))
          .addFunctionDeclarations(ConditionalAccess.DECLARATION)
          .setResultType(SimpleType.BOOL)
          .build();
    }
    return tenantScope;
  }

  private Cel scopeFor(Collection collection) {
    return elementScopes.computeIfAbsent(
        collection,
        c -> tenantScope().toCelBuilder().addVar(c.element(), MapType.create(SimpleType.STRING, SimpleType.DYN)).build());
  }

  record CompileResult(Expression expression, String error) {
    static CompileResult success(Expression expression) {
      return new CompileResult(expression, null);
    }

    static CompileResult failure(String error) {
      return new CompileResult(null, error);
    }
  }

  /**
   * @param kinds what each node costs ({@link CostTracker#kinds}); null when only timed
   * @param missingFields names a field missing at run time as the snapshot names it
   */
  private record CelExpression(String text, Set<String> sections, CelRuntime.Program program, byte[] kinds,
      MissingFields missingFields) implements Expression {
    @Override
    public boolean test(Map<String, Object> variables) {
      return test(variables, new CheckBudget());
    }

    @Override
    public boolean test(Map<String, Object> variables, CheckBudget budget) {
      if (budget.exhausted() != null) {
        throw new CheckFailedException(budget.exhausted());
      }
      CostTracker tracker = budget.tracker();
      tracker.start(kinds);
      Object result;
      try {
        // a resolver reads the caller's map; eval(Map) would copy it for every element
        CelVariableResolver resolver = name -> Optional.ofNullable(variables.get(name));
        result = kinds == null ? program.eval(resolver) : program.trace(resolver, tracker);
      } catch (CelEvaluationException e) {
        throw new CheckFailedException(tracker.exceeded() != null ? tracker.exceeded() : describe(e));
      } finally {
        tracker.stop();
      }
      if (budget.exhausted() != null) {
        throw new CheckFailedException(budget.exhausted());
      }
      if (result instanceof Boolean b) {
        return b;
      }
      throw new CheckFailedException("'" + text + "' gave " + result + ", expected true or false");
    }

    private String describe(CelEvaluationException e) {
      for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
        if (cause instanceof Regexes.Refused refused) {
          return refused.getMessage();
        }
      }
      String problem = missingFields.describe(e.getMessage());
      return problem.startsWith("Iteration budget exceeded")
          ? "the check went over its budget of " + MAX_ITERATIONS + " loop iterations (exists, all, map, filter)"
          : problem;
    }
  }
}
