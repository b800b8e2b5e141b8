package dev.posture.graph;

import dev.posture.input.Node;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Reading Graph objects, lenient in spelling and strict in values. PowerShell's ConvertTo-Json writes
 * keys in PascalCase ({@code MaxScore}) and Graph writes some numbers as strings ({@code "count": "5"}),
 * so keys match ignoring case (two keys that differ only in case are therefore a duplicate) and a
 * number may be a numeric string; each number must lie within the bounds its field has in Graph.
 */
final class Fields {
  /** Control names and profile ids: {@code 11770.MDA_Google_EnableTwoFactorAuth}, {@code scid_2090}. */
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,200}");
  /** A numeric string longer than this is no number Graph writes (JSON numbers are bounded alike). */
  private static final int MAX_NUMBER_TEXT = 100;

  private Fields() {}

  /** The closed range a number must lie in; {@code aboveMin} excludes the minimum itself. */
  record Bounds(double min, boolean aboveMin, double max, boolean whole) {
    static Bounds between(double min, double max) {
      return new Bounds(min, false, max, false);
    }

    static Bounds wholeUpTo(long max) {
      return new Bounds(0, false, max, true);
    }

    static Bounds aboveZeroUpTo(double max) {
      return new Bounds(0, true, max, false);
    }

    boolean contains(double d) {
      return (aboveMin ? d > min : d >= min) && d <= max && (!whole || d == Math.rint(d));
    }

    String words() {
      return (whole ? "a whole number " : "a number ") + (aboveMin ? "greater than " : "of at least ") + plain(min)
          + " and at most " + plain(max);
    }
  }

  /** A number as messages write it: {@code 10}, {@code 2.5}. */
  static String plain(double d) {
    return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
  }

  /**
   * The field whose name matches {@code name} ignoring case; a missing node when there is none. The
   * Graph PowerShell SDK puts properties its model lacks (scoreInPercentage, count, appsScore, ...) in
   * an {@code AdditionalProperties} object, so that is looked in too; a field given in both places
   * is a duplicate.
   */
  static Node field(Node object, String name) {
    String key = keyOf(object.value(), name);
    Node found = object.field(key);
    JsonNode additional = object.value() == null ? null : object.value().get(keyOf(object.value(), "AdditionalProperties"));
    if (additional == null || !additional.isObject() || name.equalsIgnoreCase("AdditionalProperties")) {
      return found;
    }
    JsonNode inside = additional.get(keyOf(additional, name));
    if (inside == null || inside.isNull()) {
      return found;
    }
    Node insideNode = object.field(keyOf(object.value(), "AdditionalProperties")).field(keyOf(additional, name));
    if (!found.isMissing()) {
      throw insideNode.error("duplicate key: " + found.path() + " gives it too");
    }
    return insideNode;
  }

  /** The key of {@code object} that matches {@code name} ignoring case; {@code name} itself when none does. */
  private static String keyOf(JsonNode object, String name) {
    if (object != null && object.isObject() && !object.has(name)) {
      for (String key : object.propertyNames()) {
        if (key.equalsIgnoreCase(name)) {
          return key;
        }
      }
    }
    return name;
  }

  static boolean has(Node object, String name) {
    return !field(object, name).isMissing();
  }

  /**
   * Fails on two keys of one object, at any depth, that differ only in case: they would be read as
   * one field, and which of them counts would be an accident of their order. The path of a value is
   * only spelt out for a message, so the walk costs a set of keys per object.
   */
  static void checkKeys(Node node) {
    Deque<Object> at = new ArrayDeque<>();
    String duplicate = duplicateKey(node.value(), at);
    if (duplicate != null) {
      Node field = node;
      for (Iterator<Object> i = at.descendingIterator(); i.hasNext(); ) {
        Object step = i.next();
        field = step instanceof Integer index ? field.items().get(index) : field.field((String) step);
      }
      throw field.error(duplicate);
    }
  }

  /** The problem with the first duplicate key under {@code value}, whose place is left in {@code at}; null when none. */
  private static String duplicateKey(JsonNode value, Deque<Object> at) {
    if (value == null || value.isEmpty()) {
      return null;
    }
    if (value.isArray()) {
      for (int i = 0; i < value.size(); i++) {
        at.push(i);
        String problem = duplicateKey(value.get(i), at);
        if (problem != null) {
          return problem;
        }
        at.pop();
      }
      return null;
    }
    if (!value.isObject()) {
      return null;
    }
    Map<String, String> seen = new HashMap<>();
    for (Map.Entry<String, JsonNode> e : value.properties()) {
      String key = e.getKey();
      at.push(key);
      String earlier = seen.putIfAbsent(key.toLowerCase(Locale.ROOT), key);
      if (earlier != null) {
        return "duplicate key '" + key + "': keys match ignoring case, and '" + earlier + "' is given too";
      }
      String problem = duplicateKey(e.getValue(), at);
      if (problem != null) {
        return problem;
      }
      at.pop();
    }
    return null;
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

  /** A control name or profile id: letters, digits, {@code _}, {@code .} and {@code -}. */
  static Optional<String> name(Node object, String name) {
    Optional<String> text = text(object, name);
    if (text.isPresent() && !NAME.matcher(text.get()).matches()) {
      throw field(object, name).error("expected a name of letters, digits, '_', '.' and '-' (at most 200), found "
          + Node.quoted(visible(text.get())));
    }
    return text;
  }

  static String requiredName(Node object, String name) {
    return name(object, name).orElseThrow(() -> object.error("missing required field '" + name + "'"));
  }

  /** Control characters spelt out, so that a value quoted in a message stays on its line. */
  static String visible(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (Character.isISOControl(c)) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }

  /**
   * A number within {@code bounds}, written as a number or as a numeric string; empty when missing,
   * null or blank.
   */
  static OptionalDouble number(Node object, String name, Bounds bounds) {
    Node f = field(object, name);
    if (f.isMissing()) {
      return OptionalDouble.empty();
    }
    double d;
    if (f.value().isNumber()) {
      d = f.value().doubleValue();
    } else if (f.value().isString() && f.value().stringValue().isBlank()) {
      return OptionalDouble.empty();
    } else {
      d = parse(f);
    }
    if (!Double.isFinite(d) || !bounds.contains(d)) {
      throw f.error("expected " + bounds.words() + ", found " + f.describe());
    }
    return OptionalDouble.of(d);
  }

  private static double parse(Node f) {
    if (f.value().isString()) {
      String s = f.value().stringValue().strip();
      if (s.length() <= MAX_NUMBER_TEXT) {
        try {
          return new BigDecimal(s).doubleValue();
        } catch (NumberFormatException e) {
          // reported below with the value found
        }
      }
    }
    throw f.error("expected a number, found " + f.describe());
  }

  static double requiredNumber(Node object, String name, Bounds bounds) {
    OptionalDouble n = number(object, name, bounds);
    if (n.isEmpty()) {
      throw object.error("missing required field '" + name + "'");
    }
    return n.getAsDouble();
  }

  /** A whole number from 0 to {@code bounds}' maximum; empty when missing, null or blank. */
  static OptionalLong wholeNumber(Node object, String name, Bounds bounds) {
    OptionalDouble n = number(object, name, bounds);
    return n.isPresent() ? OptionalLong.of((long) n.getAsDouble()) : OptionalLong.empty();
  }

  /** true or false; {@code fallback} when missing or null. */
  static boolean bool(Node object, String name, boolean fallback) {
    Node f = field(object, name);
    if (f.isMissing()) {
      return fallback;
    }
    if (!f.value().isBoolean()) {
      throw f.error("expected true or false, found " + f.describe());
    }
    return f.value().booleanValue();
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

  /** A list of names (licence flags such as HasAADP1); missing is empty, null items are skipped. */
  static List<String> names(Node object, String name) {
    List<String> out = new ArrayList<>();
    for (Node item : field(object, name).items()) {
      if (!item.isMissing()) {
        String text = item.asText();
        if (!NAME.matcher(text).matches()) {
          throw item.error("expected a name of letters, digits, '_', '.' and '-' (at most 200), found " + Node.quoted(visible(text)));
        }
        out.add(text);
      }
    }
    return List.copyOf(out);
  }
}
