package dev.posture.graph;

import dev.posture.input.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Lenient reading of Graph objects. PowerShell's ConvertTo-Json writes keys in PascalCase
 * ({@code MaxScore}) and Graph writes some numbers as strings ({@code "count": "5"}), so keys match
 * ignoring case and a number may be a numeric string. Anything else is still an input error.
 */
final class Fields {
  private Fields() {}

  /**
   * The field whose name matches {@code name} ignoring case; a missing node when there is none. The
   * Graph PowerShell SDK puts properties its model lacks (scoreInPercentage, count, appsScore, ...) in
   * an {@code AdditionalProperties} object, so that is looked in too.
   */
  static Node field(Node object, String name) {
    Node found = own(object, name);
    if (found.isMissing()) {
      Node additional = own(object, "AdditionalProperties");
      if (!additional.isMissing()) {
        Node inside = own(additional, name);
        return inside.isMissing() ? found : inside;
      }
    }
    return found;
  }

  private static Node own(Node object, String name) {
    if (object.value() != null && object.value().isObject()) {
      for (String key : object.value().propertyNames()) {
        if (key.equalsIgnoreCase(name)) {
          return object.field(key);
        }
      }
    }
    return object.field(name);
  }

  static boolean has(Node object, String name) {
    return !field(object, name).isMissing();
  }

  /** A string, or empty when missing, null or blank. */
  static Optional<String> text(Node object, String name) {
    Node f = field(object, name);
    if (f.isMissing()) {
      return Optional.empty();
    }
    if (!f.value().isString() && !f.value().isNumber()) {
      throw f.error("expected a string, found " + f.describe());
    }
    String s = f.value().asString().strip();
    return s.isEmpty() ? Optional.empty() : Optional.of(s);
  }

  /** A number, written as a number or as a numeric string; empty when missing, null or blank. */
  static OptionalDouble number(Node object, String name) {
    Node f = field(object, name);
    if (f.isMissing()) {
      return OptionalDouble.empty();
    }
    if (f.value().isNumber()) {
      return OptionalDouble.of(f.value().doubleValue());
    }
    if (f.value().isString()) {
      String s = f.value().stringValue().strip();
      if (s.isEmpty()) {
        return OptionalDouble.empty();
      }
      try {
        double d = Double.parseDouble(s);
        if (Double.isFinite(d)) {
          return OptionalDouble.of(d);
        }
      } catch (NumberFormatException e) {
        // reported below with the value found
      }
    }
    throw f.error("expected a number, found " + f.describe());
  }

  static double requiredNumber(Node object, String name) {
    OptionalDouble n = number(object, name);
    if (n.isEmpty()) {
      throw object.error("missing required field '" + name + "'");
    }
    return n.getAsDouble();
  }

  /** A list of strings; missing is empty, null items are skipped. */
  static List<String> texts(Node object, String name) {
    List<String> out = new ArrayList<>();
    for (Node item : field(object, name).items()) {
      if (!item.isMissing()) {
        out.add(item.asText());
      }
    }
    return List.copyOf(out);
  }
}
