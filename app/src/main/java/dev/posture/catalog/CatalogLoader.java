package dev.posture.catalog;

import dev.posture.input.Document;
import dev.posture.input.DocumentReader;
import dev.posture.input.InputException;
import dev.posture.input.Node;
import dev.posture.input.SchemaValidator;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Loads the catalogue: reads every YAML file of a folder (or one file), checks each against
 * {@code catalog.schema.json}, validates what a schema cannot (unique ids, device categories) and
 * compiles the checks once. Any problem is an {@link InputException} naming the file, line, action
 * and what was expected, so a broken catalogue never reaches scoring.
 */
public final class CatalogLoader {
  private final Optional<Path> cacheFolder;

  /** A loader that compiles every check each time. */
  public CatalogLoader() {
    this(Optional.empty());
  }

  /** A loader that keeps checked expressions in {@code cacheFolder} between runs. */
  public CatalogLoader(Optional<Path> cacheFolder) {
    this.cacheFolder = cacheFolder;
  }

  /**
   * Builds what turns checks into programs, once a process: a caller may do it on a thread of its
   * own, before it loads a catalogue, so the load waits less for it.
   */
  public static void prepare() {
    CheckRuntime.get();
  }

  /** Loads a catalogue folder (every {@code *.yaml} / {@code *.yml} in it) or a single file. */
  public Catalog load(Path path) {
    if (!Files.exists(path)) {
      throw new InputException(path.toString(), "no such catalogue file or folder");
    }
    List<Path> files = Files.isDirectory(path) ? yamlFiles(path) : List.of(path);
    if (files.isEmpty()) {
      throw new InputException(path.toString(), "the folder holds no catalogue files; expected *.yaml files of improvement actions");
    }
    List<CatalogCache.SourceFile> sources = new ArrayList<>();
    for (Path file : files) {
      sources.add(new CatalogCache.SourceFile(file.toString(), DocumentReader.readBytes(file)));
    }
    return build(sources);
  }

  /** Loads the catalogue shipped inside posture itself. */
  public Catalog loadBundled() {
    try {
      Path code = Path.of(CatalogLoader.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      if (Files.isDirectory(code)) {
        return loadBundled(code.resolve("catalog"));
      }
      try (FileSystem jar = FileSystems.newFileSystem(code)) {
        return loadBundled(jar.getPath("/catalog"));
      }
    } catch (IOException | URISyntaxException e) {
      throw new IllegalStateException("the bundled catalogue cannot be read", e);
    }
  }

  private Catalog loadBundled(Path folder) {
    List<CatalogCache.SourceFile> sources = new ArrayList<>();
    for (Path file : yamlFiles(folder)) {
      sources.add(new CatalogCache.SourceFile("catalog/" + file.getFileName(), DocumentReader.readBytes(file)));
    }
    return build(sources);
  }

  /**
   * Reads, validates and compiles the files, or takes them from the cache when the same files loaded
   * cleanly before (they were valid then, and nothing that decides validity has changed since).
   */
  private Catalog build(List<CatalogCache.SourceFile> files) {
    CatalogCache cache = cacheFolder.map(f -> CatalogCache.open(f, files)).orElseGet(CatalogCache::disabled);
    Optional<List<Document>> cached = cache.documents();
    List<Document> documents = cached.orElseGet(() -> files.stream()
        .map(f -> DocumentReader.read(f.name(), f.bytes(), DocumentReader.isYaml(f.name()), true))
        .toList());
    CelCompiler compiler = new CelCompiler(cache);
    List<Action> actions = new ArrayList<>();
    Map<String, Action> seen = new HashMap<>();
    List<String> sources = new ArrayList<>();
    for (Document document : documents) {
      sources.add(document.source());
      if (cached.isEmpty()) {
        SchemaValidator.CATALOG.validate(document);
      }
      for (Node node : document.rootNode().field("actions").items()) {
        Action action = action(node, compiler);
        Action earlier = seen.putIfAbsent(action.id(), action);
        if (earlier != null) {
          throw node.field("id").error("duplicate action id '" + action.id() + "'; first defined at " + earlier.origin());
        }
        actions.add(action);
      }
    }
    cache.keep(documents);
    cache.save();
    return new Catalog(actions, sources);
  }

  private Action action(Node node, CelCompiler compiler) {
    String id = node.text("id");
    Category category = node.choice("category", Category.values());
    Optional<DeviceCategory> deviceCategory = Optional.empty();
    if (node.has("deviceCategory")) {
      if (category != Category.DEVICE) {
        throw node.field("deviceCategory").error("only Device actions have a deviceCategory; action " + id + " is " + category);
      }
      deviceCategory = Optional.of(node.choice("deviceCategory", DeviceCategory.values()));
    } else if (category == Category.DEVICE) {
      throw node.error("Device action " + id + " needs a deviceCategory (one of Application, Operating system, Network, Accounts, Security controls)");
    }
    return new Action(
        id,
        node.text("title"),
        category,
        deviceCategory,
        node.text("product"),
        node.number("maxScore"),
        node.bool("scored", true),
        node.bool("deprecated", false),
        node.choice("tier", Tier.values()),
        node.choice("implementationCost", Level.values()),
        node.choice("userImpact", Level.values()),
        node.texts("threats"),
        node.texts("licenses"),
        node.optionalText("usersAffected").orElse(""),
        node.texts("prerequisites"),
        node.texts("remediation"),
        node.optionalText("actionUrl").orElse(""),
        node.texts("learnMore"),
        check(id, node.field("check"), compiler),
        suggestion(id, node.field("suggest"), compiler),
        new Action.Origin(node.document().source(), node.line()));
  }

  private Check check(String id, Node node, CelCompiler compiler) {
    if (node.isMissing()) {
      throw node.error("action " + id + " has no check; expected 'passes', 'of'/'covered', 'configuration' or 'microsoftOnly'");
    }
    if (node.has("microsoftOnly")) {
      if (node.object().value().size() > 1) {
        throw node.error("action " + id + ": a 'microsoftOnly' check takes nothing else: Microsoft's Secure Score alone decides it");
      }
      return new Check.MicrosoftOnly(node.text("microsoftOnly"));
    }
    Optional<Expression> satisfiedBy = optionalExpression(compiler, id, node, "satisfiedBy", Optional.empty());
    List<String> kinds = new ArrayList<>();
    if (node.has("passes")) {
      kinds.add("'passes' (all or nothing)");
    }
    if (node.has("of") || node.has("covered") || node.has("where")) {
      kinds.add("'of' and 'covered' (coverage)");
    }
    if (node.has("configuration")) {
      kinds.add("'configuration' (a Defender for Endpoint secure configuration)");
    }
    if (kinds.size() != 1) {
      throw node.error("action " + id + ": a check has one of 'passes' (all or nothing), 'of' and 'covered' (coverage) or "
          + "'configuration' (a Defender for Endpoint secure configuration), not " + (kinds.isEmpty() ? "none" : String.join(" and ", kinds)));
    }
    if (node.has("passes")) {
      return new Check.Binary(expression(compiler, id, node, "passes", Optional.empty()), satisfiedBy);
    }
    if (node.has("configuration")) {
      return new Check.Configuration(node.text("configuration"), satisfiedBy);
    }
    if (!node.has("of") || !node.has("covered")) {
      throw node.error("action " + id + ": a coverage check needs both 'of' and 'covered'");
    }
    Collection of = node.choice("of", Collection.values());
    return new Check.Coverage(
        of,
        optionalExpression(compiler, id, node, "where", Optional.of(of)),
        expression(compiler, id, node, "covered", Optional.of(of)),
        satisfiedBy);
  }

  private Optional<Action.Suggestion> suggestion(String id, Node node, CelCompiler compiler) {
    if (node.isMissing()) {
      return Optional.empty();
    }
    Status status = node.choice("status", Status.values());
    if (!status.settable()) {
      throw node.field("status").error("a suggestion proposes a status a person can set, not " + status);
    }
    return Optional.of(new Action.Suggestion(expression(compiler, id, node, "when", Optional.empty()), status, node.text("reason")));
  }

  private Optional<Expression> optionalExpression(CelCompiler compiler, String id, Node parent, String field, Optional<Collection> scope) {
    return parent.has(field) ? Optional.of(expression(compiler, id, parent, field, scope)) : Optional.empty();
  }

  private Expression expression(CelCompiler compiler, String id, Node parent, String field, Optional<Collection> scope) {
    Node node = parent.field(field);
    CelCompiler.CompileResult result = compiler.compile(node.asText(), scope);
    if (result.error() != null) {
      throw node.error("action " + id + ": check does not compile: " + result.error());
    }
    return result.expression();
  }

  private static List<Path> yamlFiles(Path folder) {
    try (Stream<Path> files = Files.list(folder)) {
      return files
          .filter(Files::isRegularFile)
          .filter(p -> p.getFileName().toString().matches("(?i).*\\.ya?ml"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new InputException(folder.toString(), "cannot list the catalogue folder: " + e.getMessage());
    }
  }
}
