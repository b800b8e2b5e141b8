package dev.posture.snapshot;

import dev.cel.common.values.NullValue;
import dev.posture.input.DocumentReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;

/** Converts parsed JSON into the plain Java values CEL evaluates over. */
final class CelValues {
  private CelValues() {}

  static Object of(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return NullValue.NULL_VALUE;
    }
    if (node.isObject()) {
      return map(node);
    }
    if (node.isArray()) {
      List<Object> list = new ArrayList<>(node.size());
      for (JsonNode item : node) {
        list.add(of(item));
      }
      return list;
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isIntegralNumber() && node.canConvertToLong()) {
      return node.longValue();
    }
    if (node.isNumber()) {
      return node.doubleValue();
    }
    return node.asString();
  }

  static Map<String, Object> map(JsonNode object) {
    Map<String, Object> map = new HashMap<>();
    for (Map.Entry<String, JsonNode> e : object.properties()) {
      map.put(e.getKey(), of(e.getValue()));
    }
    return map;
  }

  /** CEL integers are 64-bit; anything larger is kept as a double rather than overflowing. */
  private static Object integer(Number number) {
    if (number instanceof java.math.BigInteger big && big.bitLength() >= 64) {
      return big.doubleValue();
    }
    return number.longValue();
  }

  /** A key given twice in one mapping: the second value would silently win. */
  static final class DuplicateKey extends RuntimeException {
    private final String name;

    DuplicateKey(String name) {
      super("duplicate key '" + name + "'", null, false, false);
      this.name = name;
    }

    String name() {
      return name;
    }
  }

  /** More values than the budget of what is being read allows. */
  static final class OverBudget extends RuntimeException {
    OverBudget() {
      super("over budget", null, false, false);
    }
  }

  /**
   * Reads the value the parser is on straight into CEL values, without building a tree first: the
   * hot path when millions of elements stream by.
   *
   * @throws OverBudget once {@code budget} has no value left
   */
  static Object read(JsonParser parser, DocumentReader.Budget budget) {
    if (!budget.take()) {
      throw new OverBudget();
    }
    JsonToken token = parser.currentToken();
    switch (token) {
      case START_OBJECT: {
        Map<String, Object> map = new HashMap<>();
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
          String name = parser.currentName();
          parser.nextToken();
          if (map.put(name, read(parser, budget)) != null) {
            throw new DuplicateKey(name);
          }
        }
        return map;
      }
      case START_ARRAY: {
        List<Object> list = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          list.add(read(parser, budget));
        }
        return list;
      }
      case VALUE_STRING:
        return parser.getString();
      case VALUE_NUMBER_INT:
        return integer(parser.getNumberValue());
      case VALUE_NUMBER_FLOAT:
        return parser.getDoubleValue();
      case VALUE_TRUE:
        return Boolean.TRUE;
      case VALUE_FALSE:
        return Boolean.FALSE;
      default:
        return NullValue.NULL_VALUE;
    }
  }
}
