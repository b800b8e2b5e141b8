package dev.posture.input;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * A value inside a {@link Document} together with its JSON path: typed accessors that fail with an
 * {@link InputException} naming the file, line and path, and what was expected.
 */
public record Node(Document document, JsonNode value, String path) {

  /** The path of a named child, as messages spell it: {@code $.a.b} or {@code $['odd name']}. */
  public static String childPath(String parent, String name) {
    return plain(name) ? parent + "." + name : parent + "['" + name.replace("'", "\\'") + "']";
  }

  /** A loop, not a stream: every value of every file read passes here. */
  private static boolean plain(String name) {
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!Character.isLetterOrDigit(c) && c != '_' && c != '-') {
        return false;
      }
    }
    return !name.isEmpty();
  }

  public int line() {
    return document.lineOf(path);
  }

  public InputException error(String problem) {
    return new InputException(document.source(), line(), path, problem);
  }

  public boolean isMissing() {
    return value == null || value.isMissingNode() || value.isNull();
  }

  public Node field(String name) {
    JsonNode child = value == null ? null : value.get(name);
    return new Node(document, child, childPath(path, name));
  }

  public boolean has(String name) {
    return !field(name).isMissing();
  }

  /** This node, required to be a mapping. */
  public Node object() {
    if (value == null || !value.isObject()) {
      throw error("expected a mapping (an object with named fields), found " + describe());
    }
    return this;
  }

  /** Fails on a field not in {@code allowed}, naming the closest allowed spelling. */
  public Node onlyFields(java.util.Set<String> allowed) {
    object();
    for (String name : value.propertyNames()) {
      if (!allowed.contains(name)) {
        throw field(name).error("unknown field '" + name + "'" + didYouMean(name, allowed));
      }
    }
    return this;
  }

  public String text(String name) {
    Node f = field(name);
    if (f.isMissing()) {
      throw error("missing required field '" + name + "'");
    }
    return f.asText();
  }

  public Optional<String> optionalText(String name) {
    Node f = field(name);
    return f.isMissing() ? Optional.empty() : Optional.of(f.asText());
  }

  public String asText() {
    if (!value.isString()) {
      throw error("expected a string, found " + describe());
    }
    String s = value.stringValue();
    if (s.isBlank()) {
      throw error("expected a non-empty string");
    }
    return s;
  }

  public double number(String name) {
    Node f = field(name);
    if (f.isMissing()) {
      throw error("missing required field '" + name + "'");
    }
    if (!f.value.isNumber()) {
      throw f.error("expected a number, found " + f.describe());
    }
    double d = f.value.doubleValue();
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      throw f.error("expected a finite number");
    }
    return d;
  }

  /**
   * A whole number from {@code min} to {@code max}, for a field read into a Java {@code int}: a value
   * out of its range ({@code 1e19}, {@code -1e308}) is an error naming the field, never a wrapped number.
   */
  public int wholeNumber(String name, int min, int max) {
    Node f = field(name);
    if (f.isMissing()) {
      throw error("missing required field '" + name + "'");
    }
    String expected = "expected a whole number from " + min + " to " + max + ", found ";
    if (!f.value.isNumber() || !Double.isFinite(f.value.doubleValue())) {
      throw f.error(expected + f.describe());
    }
    java.math.BigDecimal decimal = f.value.decimalValue();
    if (decimal.signum() != 0 && decimal.stripTrailingZeros().scale() > 0
        || decimal.compareTo(java.math.BigDecimal.valueOf(min)) < 0 || decimal.compareTo(java.math.BigDecimal.valueOf(max)) > 0) {
      throw f.error(expected + f.describe());
    }
    return decimal.intValueExact();
  }

  public boolean bool(String name, boolean fallback) {
    Node f = field(name);
    if (f.isMissing()) {
      return fallback;
    }
    if (!f.value.isBoolean()) {
      throw f.error("expected true or false, found " + f.describe());
    }
    return f.value.booleanValue();
  }

  /** A list of strings; a missing field is an empty list. */
  public List<String> texts(String name) {
    List<String> out = new ArrayList<>();
    for (Node item : field(name).items()) {
      out.add(item.asText());
    }
    return List.copyOf(out);
  }

  /** The elements of a list; a missing value is an empty list. */
  public List<Node> items() {
    if (isMissing()) {
      return List.of();
    }
    if (!value.isArray()) {
      throw error("expected a list, found " + describe());
    }
    List<Node> out = new ArrayList<>(value.size());
    for (int i = 0; i < value.size(); i++) {
      out.add(new Node(document, value.get(i), path + "[" + i + "]"));
    }
    return out;
  }

  /**
   * One of a fixed set of spellings. Matching ignores case, spaces, hyphens and underscores so that
   * {@code "Defense in depth"}, {@code defense-in-depth} and {@code DEFENSE_IN_DEPTH} all match.
   */
  public <T extends Labelled> T choice(String name, T[] values) {
    return field(name).asChoice(values);
  }

  public <T extends Labelled> T asChoice(T[] values) {
    String text = asText();
    return match(text, values)
        .orElseThrow(() -> error("expected one of " + labels(values) + ", found '" + text + "'"));
  }

  /** The value whose label or alias matches {@code text}, ignoring case, spaces, hyphens and underscores. */
  public static <T extends Labelled> Optional<T> match(String text, T[] values) {
    String wanted = normalize(text);
    for (T value : values) {
      if (normalize(value.label()).equals(wanted)) {
        return Optional.of(value);
      }
      for (String alias : value.aliases()) {
        if (normalize(alias).equals(wanted)) {
          return Optional.of(value);
        }
      }
    }
    return Optional.empty();
  }

  public static String normalize(String text) {
    return text.toLowerCase(Locale.ROOT).replaceAll("[\\s_-]", "");
  }

  private static String labels(Labelled[] values) {
    List<String> out = new ArrayList<>();
    for (Labelled v : values) {
      out.add(v.label());
    }
    return String.join(", ", out);
  }

  public String describe() {
    if (isMissing()) {
      return "nothing";
    }
    if (value.isObject()) {
      return "a mapping";
    }
    if (value.isArray()) {
      return "a list";
    }
    if (value.isString()) {
      return quoted(value.stringValue());
    }
    if (value.isNumber() && !Double.isFinite(value.doubleValue())) {
      return Double.isNaN(value.doubleValue()) ? "not a number (NaN)" : "an infinite number";
    }
    if (value.isBigInteger()) {
      return String.valueOf(value.doubleValue()); // 1.0E19, not twenty digits
    }
    return value.toString();
  }

  /** A string as messages quote a value found: in quotes, cut after 40 characters. */
  public static String quoted(String s) {
    return "'" + (s.length() > 40 ? s.substring(0, 40) + "…" : s) + "'";
  }

  /** " (did you mean 'x'?)" for the closest allowed spelling, or nothing when none is close. */
  public static String didYouMean(String name, java.util.Collection<String> allowed) {
    List<String> near = nearest(name, allowed);
    return near.isEmpty() ? "" : " (did you mean '" + near.get(0) + "'?)";
  }

  /**
   * The candidates close to {@code name} (a few edits away, ignoring case), closest first: what a
   * "did you mean" message offers.
   */
  public static List<String> nearest(String name, java.util.Collection<String> candidates) {
    String wanted = name.toLowerCase(Locale.ROOT);
    int limit = Math.max(2, name.length() / 3);
    return candidates.stream()
        .filter(c -> distance(wanted, c.toLowerCase(Locale.ROOT)) <= limit)
        .sorted(java.util.Comparator.comparingInt((String c) -> distance(wanted, c.toLowerCase(Locale.ROOT))).thenComparing(c -> c))
        .toList();
  }

  /** Edit distance counting a swap of two neighbouring letters as one edit ("titel" is one from "title"). */
  private static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }

}
