package dev.posture.snapshot;

import dev.cel.common.values.NullValue;
import dev.posture.catalog.Collection;
import dev.posture.input.Document;
import dev.posture.input.DocumentReader;
import dev.posture.input.InputException;
import dev.posture.input.Node;
import dev.posture.input.SchemaValidator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The fields of one collection's elements as the snapshot schema declares them, checked while the
 * elements stream by: a user whose {@code accountEnabled} is {@code "yes"} stops the run with its
 * line and path, as a wrong type in the settings does, instead of quietly turning every check that
 * reads it into an Error. The element schemas use only {@code type}, {@code enum} (null among the
 * choices allows null) and {@code $ref}s to a list of strings, and the check costs one map lookup a
 * field. Fields the schema does not
 * declare are read as they are: snapshots grow as Graph does.
 */
final class ElementShape {
  private static final Map<Collection, ElementShape> SHAPES = new EnumMap<>(Collection.class);

  /** @param tokens the tokens a value may start with; @param choices the strings allowed, if only some are */
  private record Field(Set<JsonToken> tokens, Set<String> choices, String itemType, String expected) {}

  private final Map<String, Field> fields;

  private ElementShape(Map<String, Field> fields) {
    this.fields = fields;
  }

  /**
   * The most values one element may hold. A few batches of elements are held at once while they
   * stream by; the largest real ones (a device with its configuration assessments) hold a few thousand.
   */
  static final int MAX_VALUES = 100_000;

  /** The keywords of a field's schema that {@link #read} checks; a schema with others would be checked less than it says. */
  static final Set<String> CHECKED_KEYWORDS = Set.of("type", "enum", "$ref", "items", "description");

  static synchronized ElementShape of(Collection collection) {
    return SHAPES.computeIfAbsent(collection, c -> {
      JsonNode declared = SchemaValidator.SNAPSHOT.part("/properties/" + c.section() + "/items/properties");
      Map<String, Field> fields = new HashMap<>();
      for (Map.Entry<String, JsonNode> e : declared.properties()) {
        fields.put(e.getKey(), field(resolve(e.getValue())));
      }
      return new ElementShape(fields);
    });
  }

  private static JsonNode resolve(JsonNode schema) {
    JsonNode ref = schema.path("$ref");
    return ref.isString() ? SchemaValidator.SNAPSHOT.part(ref.stringValue().substring(1)) : schema;
  }

  private static Field field(JsonNode schema) {
    Set<String> types = new LinkedHashSet<>();
    schema.path("type").forEach(t -> types.add(t.stringValue()));
    if (schema.path("type").isString()) {
      types.add(schema.path("type").stringValue());
    }
    Set<String> choices = new LinkedHashSet<>();
    Set<JsonToken> tokens = EnumSet.noneOf(JsonToken.class);
    for (JsonNode choice : schema.path("enum")) {
      if (choice.isNull()) {
        tokens.add(JsonToken.VALUE_NULL);
      } else {
        choices.add(choice.stringValue());
        tokens.add(JsonToken.VALUE_STRING);
      }
    }
    for (String type : types) {
      tokens.addAll(switch (type) {
        case "boolean" -> EnumSet.of(JsonToken.VALUE_TRUE, JsonToken.VALUE_FALSE);
        case "string" -> EnumSet.of(JsonToken.VALUE_STRING);
        case "object" -> EnumSet.of(JsonToken.START_OBJECT);
        case "array" -> EnumSet.of(JsonToken.START_ARRAY);
        case "number" -> EnumSet.of(JsonToken.VALUE_NUMBER_INT, JsonToken.VALUE_NUMBER_FLOAT);
        case "integer" -> EnumSet.of(JsonToken.VALUE_NUMBER_INT);
        case "null" -> EnumSet.of(JsonToken.VALUE_NULL);
        default -> throw new IllegalStateException("the snapshot schema uses a type posture does not check: " + type);
      });
    }
    String itemType = schema.path("items").path("type").isString() ? schema.path("items").path("type").stringValue() : null;
    String expected = choices.isEmpty()
        ? SchemaValidator.expected(schema.path("type")) + (itemType == null ? "" : " of " + itemType + "s")
        : "one of " + String.join(", ", choices) + (tokens.contains(JsonToken.VALUE_NULL) ? " or null" : "");
    return new Field(tokens, choices, itemType, expected);
  }

  /**
   * Reads the element the parser is on (a mapping) into CEL values, checking each declared field.
   *
   * @param index the element's place in its collection, for the path of a message
   */
  Map<String, Object> read(String source, JsonParser parser, Collection collection, long index) {
    Map<String, Object> element = new HashMap<>();
    DocumentReader.Budget budget = new DocumentReader.Budget("one element of " + collection.section(), MAX_VALUES);
    while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
      String name = parser.currentName();
      JsonToken token = parser.nextToken();
      Field field = fields.get(name);
      if (field != null && !accepts(field, token, parser)) {
        throw mismatch(source, parser, path(collection, index, name), field);
      }
      Object value;
      try {
        value = CelValues.read(parser, budget);
      } catch (CelValues.DuplicateKey inside) { // a key given twice inside the value, as in a device's settings
        throw duplicate(source, parser, path(collection, index, name), inside.name());
      } catch (CelValues.OverBudget over) {
        throw budget.exceeded(source, parser.currentTokenLocation().getLineNr(), path(collection, index, name));
      }
      if (element.put(name, value) != null) {
        throw duplicate(source, parser, path(collection, index, name), name);
      }
      if (field != null && field.itemType != null) {
        List<?> items = (List<?>) value;
        int bad = firstOtherThan(field.itemType, items);
        if (bad >= 0) {
          Object item = items.get(bad);
          throw new InputException(source, parser.currentTokenLocation().getLineNr(), path(collection, index, name) + "[" + bad + "]",
              "expected " + SchemaValidator.expected(JsonNodeFactory.instance.stringNode(field.itemType)) + ", found " + describe(item));
        }
      }
    }
    return element;
  }

  private static InputException duplicate(String source, JsonParser parser, String path, String key) {
    return new InputException(source, parser.currentTokenLocation().getLineNr(), path, "duplicate key '" + key + "'");
  }

  private static String path(Collection collection, long index, String field) {
    return Node.childPath("$." + collection.section() + "[" + index + "]", field);
  }

  private static boolean accepts(Field field, JsonToken token, JsonParser parser) {
    return field.tokens.contains(token) && (token != JsonToken.VALUE_STRING || field.choices.isEmpty() || field.choices.contains(parser.getString()));
  }

  /** The index of the first item that is not of {@code type}, or -1. */
  private static int firstOtherThan(String type, List<?> items) {
    for (int i = 0; i < items.size(); i++) {
      Object item = items.get(i);
      boolean ok = switch (type) {
        case "string" -> item instanceof String;
        case "boolean" -> item instanceof Boolean;
        case "object" -> item instanceof Map;
        default -> true;
      };
      if (!ok) {
        return i;
      }
    }
    return -1;
  }

  /** A value read for CEL, as messages describe values. */
  private static String describe(Object value) {
    if (value instanceof String text) {
      return Node.quoted(text);
    }
    if (value instanceof List) {
      return "a list";
    }
    if (value instanceof Map) {
      return "a mapping";
    }
    return value instanceof NullValue ? "null" : String.valueOf(value);
  }

  /** Reads the offending value whole to say what it was, in the words of the settings' messages. */
  private static InputException mismatch(String source, JsonParser parser, String path, Field field) {
    int line = parser.currentTokenLocation().getLineNr();
    JsonNode value = DocumentReader.readValue(source, parser, path, new HashMap<>(),
        new DocumentReader.Budget("one element", MAX_VALUES));
    String found = new Node(new Document(source, value, Map.of()), value, path).describe();
    return new InputException(source, line, path, "expected " + field.expected + ", found " + found);
  }
}
