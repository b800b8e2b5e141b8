package dev.posture.input;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * Checks a document against one of the JSON Schemas shipped in {@code catalog/schema/}, before the
 * typed reading. The first problem in document order becomes an {@link InputException} naming the
 * file, line and JSON path, in the words {@link Node} uses.
 */
public final class SchemaValidator {
  public static final SchemaValidator CATALOG = new SchemaValidator("catalog.schema.json");
  public static final SchemaValidator SNAPSHOT = new SchemaValidator("snapshot.schema.json");
  public static final SchemaValidator STATE = new SchemaValidator("state.schema.json");
  public static final SchemaValidator COLLECTION = new SchemaValidator("collection.schema.json");

  private final String name;
  private JsonNode tree;
  private Schema schema;

  private SchemaValidator(String name) {
    this.name = name;
  }

  /** Reads and builds the schema now, as a first validation would: a caller may do it on a thread of its own. */
  public void prepare() {
    schema();
  }

  public void validate(Document document) {
    schema().validate(document.root()).stream()
        .min(Comparator.comparingInt((Error e) -> document.lineOf(path(e.getInstanceLocation())))
            .thenComparingInt(SchemaValidator::priority))
        .ifPresent(error -> {
          throw problem(document, error);
        });
  }

  /**
   * Among the problems of one object, an unknown field comes first: it is usually a misspelt
   * required one, and its message names the right spelling.
   */
  private static int priority(Error error) {
    return switch (error.getKeyword()) {
      case "additionalProperties" -> 0;
      case "required" -> 2;
      default -> 1;
    };
  }

  /** The part of the schema at a JSON pointer, such as the fields of a collection's elements. */
  public JsonNode part(String pointer) {
    schema();
    return tree.at(pointer);
  }

  /** Parsed on first use and kept: each schema is read once per run. */
  private synchronized Schema schema() {
    if (schema == null) {
      String resource = "/catalog/schema/" + name;
      try (InputStream in = SchemaValidator.class.getResourceAsStream(resource)) {
        if (in == null) {
          throw new IllegalStateException("the schema " + resource + " is missing from posture itself");
        }
        tree = DocumentReader.read(resource, in.readAllBytes(), false, false).root();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(tree);
    }
    return schema;
  }

  private InputException problem(Document document, Error error) {
    Node at = new Node(document, error.getInstanceNode(), path(error.getInstanceLocation()));
    String property = error.getProperty();
    return switch (error.getKeyword()) {
      case "required" -> at.error("missing required field '" + property + "'");
      case "additionalProperties" ->
          at.field(property).error("unknown field '" + property + "'" + Node.didYouMean(property, declared(error)));
      case "type" -> at.error("expected " + expected(error.getSchemaNode()) + ", found " + at.describe());
      case "enum" -> at.error("expected one of " + String.join(", ", texts(error.getSchemaNode())) + ", found " + at.describe());
      case "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum" -> at.error("expected "
          + description(error).orElseGet(() -> "a number " + bound(error.getKeyword(), error.getSchemaNode())) + ", found " + at.describe());
      default -> at.error(description(error).map(d -> "expected " + d + ", found " + at.describe()).orElse(error.getMessage()));
    };
  }

  private static String bound(String keyword, JsonNode limit) {
    return switch (keyword) {
      case "minimum" -> "of at least " + limit;
      case "maximum" -> "of at most " + limit;
      case "exclusiveMinimum" -> "greater than " + limit;
      default -> "less than " + limit;
    };
  }

  /** What the schema says the failing value should be, in its own words, when it says so. */
  private Optional<String> description(Error error) {
    JsonNode description = tree.at(parentPointer(error)).path("description");
    return description.isString() ? Optional.of(description.stringValue()) : Optional.empty();
  }

  /** The JSON pointer, inside the schema, of the object holding the keyword that failed. */
  private static String parentPointer(Error error) {
    String location = error.getSchemaLocation().toString();
    String pointer = location.substring(location.indexOf('#') + 1);
    return pointer.substring(0, pointer.lastIndexOf('/'));
  }

  /** The validator's instance location, spelled the way {@link Node} spells paths ({@code $.a.b[0]}). */
  static String path(NodePath location) {
    String path = "$";
    for (int i = 0; i < location.getNameCount(); i++) {
      Object element = location.getElement(i);
      path = element instanceof Integer index ? path + "[" + index + "]" : Node.childPath(path, element.toString());
    }
    return path;
  }

  /** The fields the schema declares beside the {@code additionalProperties: false} that failed. */
  private Set<String> declared(Error error) {
    return new TreeSet<>(tree.at(parentPointer(error)).path("properties").propertyNames());
  }

  /** What a schema's {@code type} (one name or a list) asks for, in words: "true or false". */
  public static String expected(JsonNode types) {
    List<String> words = new ArrayList<>();
    for (String type : texts(types)) {
      words.add(switch (type) {
        case "object" -> "a mapping (an object with named fields)";
        case "array" -> "a list";
        case "string" -> "a string";
        case "integer" -> "a whole number";
        case "number" -> "a number";
        case "boolean" -> "true or false";
        default -> type;
      });
    }
    return String.join(" or ", words);
  }

  private static List<String> texts(JsonNode node) {
    List<String> out = new ArrayList<>();
    for (JsonNode item : node.isArray() ? node : List.of(node)) {
      out.add(item.isString() ? item.stringValue() : item.toString());
    }
    return out;
  }
}
