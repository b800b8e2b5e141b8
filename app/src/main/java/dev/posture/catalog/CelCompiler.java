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
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Compiles check expressions with CEL. Each scope declares only the variables its expressions may
 * use: {@code tenant} everywhere, plus the element (e.g. {@code user}) in a coverage predicate, so a
 * misspelt variable is a compile error at load, not a surprise at run time.
 */
final class CelCompiler {
  /** Bounds the iterations of all comprehensions (exists, all, map, filter) in one evaluation, nested ones included. */
  private static final int MAX_ITERATIONS = 100_000;
  /** Bounds an expression's source: checks are one-liners, not programs. */
  static final int MAX_EXPRESSION_LENGTH = 4_000;

  private static final CelOptions OPTIONS =
      CelOptions.current()
          .enableHeterogeneousNumericComparisons(true)
          .comprehensionMaxIterations(MAX_ITERATIONS)
          .build();

  /** Makes programs of checked expressions: all a start from the cache needs. */
  private final CelRuntime runtime = CelRuntimeFactory.standardCelRuntimeBuilder().setOptions(OPTIONS)
      .addFunctionBindings(ConditionalAccess.BINDING).build();
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
        return CompileResult.success(remembered(new CelExpression(text, TenantSections.of(cached.get().getExpr()), runtime.createProgram(cached.get())), cached.get(), collection));
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
      cache.put(scope, text, CelProtoAbstractSyntaxTree.fromCelAst(ast).toCheckedExpr().toByteArray());
      return CompileResult.success(remembered(new CelExpression(text, TenantSections.of(ast.getExpr()), runtime.createProgram(ast)), ast, collection));
    } catch (Exception e) {
      return CompileResult.failure(e.getMessage());
    }
  }

  /** A coverage predicate answers once per distinct view of its element. */
  private static Expression remembered(Expression expression, CelAbstractSyntaxTree ast, Optional<Collection> collection) {
    return collection.map(c -> PredicateMemo.of(expression, ast.getExpr(), c.element())).orElse(expression);
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

  private record CelExpression(String text, Set<String> sections, CelRuntime.Program program) implements Expression {
    @Override
    public boolean test(Map<String, Object> variables) {
      Object result;
      try {
        // a resolver reads the caller's map; eval(Map) would copy it for every element
        result = program.eval(name -> Optional.ofNullable(variables.get(name)));
      } catch (CelEvaluationException e) {
        throw new CheckFailedException(describe(e));
      }
      if (result instanceof Boolean b) {
        return b;
      }
      throw new CheckFailedException("'" + text + "' gave " + result + ", expected true or false");
    }

    private static String describe(CelEvaluationException e) {
      String message = e.getMessage();
      // CEL prefixes "evaluation error at <source>:<offset>: "; the rest is what users need.
      int colon = message.indexOf(": ");
      String problem = colon > 0 && message.startsWith("evaluation error") ? message.substring(colon + 2) : message;
      return problem.startsWith("Iteration budget exceeded")
          ? "the check went over its budget of " + MAX_ITERATIONS + " loop iterations (exists, all, map, filter)"
          : problem;
    }
  }
}
