package dev.posture.input;

import java.io.ByteArrayInputStream;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.ReaderException;
import org.snakeyaml.engine.v2.schema.CoreSchema;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.TokenStreamFactory;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLParser;

/**
 * Reads JSON or YAML into a {@link Document}, turning every parse failure into an {@link
 * InputException} that names the file, line and what was wrong.
 *
 * <p>The format is taken from the extension ({@code .json}, {@code .yaml}, {@code .yml}); anything
 * else is sniffed from its first character. The text is UTF-8 or UTF-16 (see {@link Encoding}).
 * Duplicate keys are an error: in a hand-edited file the second value silently winning is almost
 * always a mistake. JSON and YAML have the same bounds: those of {@link #LIMITS}, the sizes of
 * {@link InputFiles} and {@link #MAX_VALUES} values in one tree.
 */
public final class DocumentReader {

  /** Bounds that keep hostile input from exhausting the stack or memory. */
  static final StreamReadConstraints LIMITS =
      StreamReadConstraints.builder()
          .maxNestingDepth(200)
          .maxStringLength(1024 * 1024)
          .maxNumberLength(100)
          .build();

  /**
   * The most values (mappings, lists and single values) one tree may hold: a document read whole,
   * the settings of a snapshot together, or one element of a collection.
   */
  public static final int MAX_VALUES = 250_000;

  /** JSON's parsers: only the streaming layer, as every tree is built here token by token. */
  private static final class Json {
    static final TokenStreamFactory FACTORY = JsonFactory.builder().streamReadConstraints(LIMITS).build();
  }

  /**
   * YAML's parsers, made on first use: a run that reads no YAML never loads the YAML reader. Its own
   * bound on a document's length is lifted: the files' sizes are bounded instead, the same for JSON
   * and YAML. The core schema reads {@code ~} as null, as YAML 1.2 does. Duplicate keys are found
   * while the tree is built, where their path is known.
   */
  private static final class Yaml {
    static final TokenStreamFactory FACTORY = YAMLFactory.builder().streamReadConstraints(LIMITS)
        .loadSettings(LoadSettings.builder().setCodePointLimit(Integer.MAX_VALUE).setSchema(new CoreSchema())
            .setAllowDuplicateKeys(true).build())
        .build();
  }

  private DocumentReader() {}

  /** A parser of {@code bytes} (it sniffs the encoding, so it may fail already). */
  static JsonParser parser(String source, boolean yaml, byte[] bytes) {
    return yaml ? parser(source, true, new ByteArrayInputStream(bytes)) : factory(false).createParser(ObjectReadContext.empty(), bytes);
  }

  /** A parser of {@code in}; YAML's lines are bounded (see {@link YamlLines}). */
  static JsonParser parser(String source, boolean yaml, InputStream in) {
    return factory(yaml).createParser(ObjectReadContext.empty(), yaml ? new YamlLines(source, in) : in);
  }

  private static TokenStreamFactory factory(boolean yaml) {
    return yaml ? Yaml.FACTORY : Json.FACTORY;
  }

  /** A count of the values still allowed in one tree, shared by the trees read into it. */
  public static final class Budget {
    private final String what;
    private final long max;
    private long left;

    /**
     * @param what the tree, as messages name it: "one document", "the snapshot's settings"
     * @param max the most values it may hold
     */
    public Budget(String what, long max) {
      this.what = what;
      this.max = max;
      this.left = max;
    }

    /** Takes one value; false once there were more than the budget allows. */
    public boolean take() {
      return --left >= 0;
    }

    /** The error of a tree that went past its budget at the value at {@code path}. */
    public InputException exceeded(String source, int line, String path) {
      return new InputException(source, line, path, "more than " + max + " values in " + what + "; at most " + max + " are read");
    }
  }

  /**
   * Reads the value the parser is on (its current token) into a tree, recording lines under paths
   * that start at {@code path}, and counting its values against {@code budget}.
   */
  public static JsonNode readValue(String source, JsonParser parser, String path, Map<String, Integer> lines, Budget budget) {
    return new TreeBuilder(source, parser, lines, true, budget).value(path);
  }

  /** Reads the value the parser is on into a tree of at most {@link #MAX_VALUES} values, as one item of a streamed file. */
  public static JsonNode readValue(String source, JsonParser parser, String path, Map<String, Integer> lines) {
    return readValue(source, parser, path, lines, new Budget("one item", MAX_VALUES));
  }

  /** Reads a file of at most {@link InputFiles#WHOLE_LIMIT} bytes, recording the line of every value. */
  public static Document read(Path file) {
    return read(file.toString(), readBytes(file), isYaml(file.getFileName().toString()), true);
  }

  /** Reads bytes already in memory (stdin, a bundled resource). */
  public static Document read(String source, byte[] raw, Boolean yaml, boolean trackLines) {
    byte[] bytes = Encoding.utf8(source, raw);
    boolean asYaml = yaml != null ? yaml : looksLikeYaml(bytes, 0);
    Map<String, Integer> lines = trackLines ? new HashMap<>() : Map.of();
    JsonParser parser = null;
    try {
      parser = parser(source, asYaml, bytes); // sniffs the encoding: may fail already
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw new InputException(source, 1, null, "the file is empty; expected a " + kind(asYaml) + " document");
      }
      JsonNode root = new TreeBuilder(source, parser, lines, trackLines, new Budget("one document", MAX_VALUES)).value("$");
      if (parser.nextToken() != null) {
        throw new InputException(
            source, line(parser.currentTokenLocation()), null, "unexpected content after the end of the document");
      }
      return new Document(source, root, lines);
    } catch (JacksonException e) {
      locateBadCharacter(source, e, asYaml, new ByteArrayInputStream(bytes));
      throw fromJackson(source, e, asYaml, parser);
    } finally {
      if (parser != null) {
        parser.close();
      }
    }
  }

  /**
   * When a parse failed on a byte that is not UTF-8 or a character YAML does not allow, which the
   * YAML reader finds before it parses and cannot place, reads {@code text} again to say where.
   *
   * @throws InputException naming the line and column of the first such byte or character
   */
  static void locateBadCharacter(String source, JacksonException e, boolean yaml, InputStream text) {
    boolean encoding = causedBy(e, CharConversionException.class);
    boolean unprintable = yaml && causedBy(e, ReaderException.class);
    if (!encoding && !unprintable) {
      return;
    }
    try (text) {
      if (unprintable) {
        Utf8.checkYaml(source, text);
      } else {
        Utf8.check(source, text);
      }
    } catch (IOException unreadable) {
      // the parse failure says enough
    }
  }

  private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  /** The text of a document's bytes, as the reader reads it: UTF-8, from UTF-16 if need be, without a byte-order mark. */
  public static String text(String source, byte[] bytes) {
    return new String(Encoding.utf8(source, bytes), java.nio.charset.StandardCharsets.UTF_8);
  }

  /** Reads a whole file of at most {@link InputFiles#WHOLE_LIMIT} bytes, mapping the usual failures to clear input errors. */
  public static byte[] readBytes(Path file) {
    return InputFiles.readAll(file, InputFiles.WHOLE_LIMIT);
  }

  /** True for .yaml/.yml, false for .json, null when the name does not say. */
  public static Boolean isYaml(String fileName) {
    String name = fileName.toLowerCase(java.util.Locale.ROOT);
    if (name.endsWith(".yaml") || name.endsWith(".yml")) {
      return true;
    }
    return name.endsWith(".json") ? false : null;
  }

  static boolean looksLikeYaml(byte[] bytes, int start) {
    for (int i = start; i < bytes.length; i++) {
      char c = (char) bytes[i];
      if (!Character.isWhitespace(c)) {
        return c != '{' && c != '[';
      }
    }
    return true;
  }

  private static String kind(boolean yaml) {
    return yaml ? "YAML" : "JSON";
  }

  private static int line(TokenStreamLocation location) {
    return location == null ? 0 : Math.max(0, location.getLineNr());
  }

  /** A parse failure as one line naming the file, line and column. */
  public static InputException fromJackson(String source, JacksonException e, boolean yaml) {
    return fromJackson(source, e, yaml, null);
  }

  /**
   * A parse failure as one line naming the file, line and column; {@code parser} (may be null) tells
   * where it stopped when the failure itself does not, as for a value over the size limits.
   */
  public static InputException fromJackson(String source, JacksonException e, boolean yaml, JsonParser parser) {
    if (e.getCause() instanceof MarkedYamlEngineException marked) {
      return fromYaml(source, marked, e.getLocation());
    }
    TokenStreamLocation location = e.getLocation();
    String column = location != null && location.getColumnNr() > 0 ? " (column " + location.getColumnNr() + ")" : "";
    if (location == null && parser != null) {
      location = parser.currentLocation(); // its line only: the column is where reading had got to
    }
    return new InputException(source, line(location), null, "not valid " + kind(yaml) + ": " + describe(e) + column);
  }

  /** The YAML reader says what it found and, apart, what it was reading: one sentence of both. */
  private static InputException fromYaml(String source, MarkedYamlEngineException e, TokenStreamLocation location) {
    int line = e.getProblemMark().map(m -> m.getLine() + 1).orElse(line(location));
    String column = e.getProblemMark().map(m -> " (column " + (m.getColumn() + 1) + ")").orElse("");
    String context = e.getContext() == null ? ""
        : ", " + e.getContext() + e.getContextMark().map(m -> " that starts on line " + (m.getLine() + 1)).orElse("");
    return new InputException(source, line, null, "not valid YAML: " + e.getProblem() + column + context);
  }

  /**
   * Jackson's own words, without what is of no use to the user: later lines with source excerpts,
   * the class names of wrapped exceptions, the names of its settings, and locations it cannot know.
   */
  private static String describe(JacksonException e) {
    String message = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
    int newline = message.indexOf('\n');
    if (newline > 0) {
      message = message.substring(0, newline).trim();
    }
    return message
        .replaceAll("^(?:[a-z]\\w*\\.)+[A-Z]\\w*: ", "")
        .replaceAll(", from `[^`]*`", "")
        .replaceAll(" \\(start marker at \\[Source: [^\\]]*?line: (\\d+), column: (\\d+)\\]\\)", " opened on line $1")
        .replaceAll(" \\(start marker at \\[Source: [^\\]]*\\]\\)", "")
        .replaceAll(" \\(at char #\\d+, byte #-?\\d+\\)", "")
        .replaceAll("^Unsupported UCS-4 endianness.*", "the first bytes are those of UTF-32 text; expected UTF-8 or UTF-16")
        .replaceAll(": enable `\\w+\\.\\w+` to allow$", "")
        .replaceAll(" \\(consider enabling `[^`]*` to allow use of Record Separators[^)]*\\)\\)?", "")
        .replaceAll("hexadecimal number literals require enabling `[^`]*`", "hexadecimal numbers are not JSON")
        .replaceAll("maybe a \\(non-standard\\) comment\\? \\(not recognized as one since Feature '\\w+' not enabled for parser\\)", "JSON has no comments")
        .replaceAll(" ?\\(?`?\\b(?:\\w+\\.)*(?:JsonReadFeature|StreamReadFeature|JsonParser\\.Feature|TokenStreamFactory\\.Feature)\\.\\w+`?\\)?", "")
        .replaceAll("^String value length \\(\\d+\\) exceeds the maximum allowed \\((\\d+)\\)", "a string longer than $1 characters")
        .replaceAll("^Number value length \\(\\d+\\) exceeds the maximum allowed \\((\\d+)\\)", "a number of more than $1 digits")
        .replaceAll("^Document nesting depth \\(\\d+\\) exceeds the maximum allowed \\((\\d+)\\)", "values nested more than $1 deep");
  }

  /** Builds the tree token by token so each value's line can be recorded under its JSON path. */
  private static final class TreeBuilder {
    private final String source;
    private final JsonParser parser;
    private final Map<String, Integer> lines;
    private final boolean trackLines;
    private final Budget budget;
    private final JsonNodeFactory nodes = JsonNodeFactory.instance;

    TreeBuilder(String source, JsonParser parser, Map<String, Integer> lines, boolean trackLines, Budget budget) {
      this.source = source;
      this.parser = parser;
      this.lines = lines;
      this.trackLines = trackLines;
      this.budget = budget;
    }

    JsonNode value(String path) {
      JsonToken token = parser.currentToken();
      int line = line(parser.currentTokenLocation());
      if (parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
        // Jackson would hand back the alias name as a string; refuse rather than read something else.
        throw new InputException(source, line, path, "YAML aliases (*name) are not supported; write the value out");
      }
      if (!budget.take()) {
        throw budget.exceeded(source, line, path);
      }
      if (trackLines) {
        lines.putIfAbsent(path, line);
      }
      switch (token) {
        case START_OBJECT:
          return object(path);
        case START_ARRAY:
          return array(path);
        case VALUE_STRING:
          return nodes.stringNode(parser.getString());
        case VALUE_NUMBER_INT:
          java.math.BigInteger integer = parser.getBigIntegerValue();
          return integer.bitLength() < 64 ? nodes.numberNode(integer.longValue()) : nodes.numberNode(integer);
        case VALUE_NUMBER_FLOAT:
          return floatNode(parser.getDoubleValue());
        case VALUE_TRUE:
          return nodes.booleanNode(true);
        case VALUE_FALSE:
          return nodes.booleanNode(false);
        case VALUE_NULL:
          return nodes.nullNode();
        default:
          throw new InputException(source, line, path, "unexpected " + token);
      }
    }

    /**
     * A whole number too large for a long ({@code 1e19}, {@code 1e308}) is kept as the integer it is,
     * so that every check of its range (the schema's, a reader's) compares it as a number.
     */
    private JsonNode floatNode(double value) {
      if (Double.isFinite(value) && value == Math.rint(value) && Math.abs(value) >= 0x1p63) {
        return nodes.numberNode(new java.math.BigDecimal(value).toBigInteger());
      }
      return nodes.numberNode(value);
    }

    private ObjectNode object(String path) {
      ObjectNode object = nodes.objectNode();
      while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
        String name = parser.currentName();
        String child = Node.childPath(path, name);
        int keyLine = line(parser.currentTokenLocation());
        if (object.has(name)) {
          throw new InputException(source, keyLine, child, "duplicate key '" + name + "'");
        }
        parser.nextToken();
        JsonNode value = value(child);
        if (trackLines) {
          lines.put(child, keyLine);
        }
        object.set(name, value);
      }
      return object;
    }

    private ArrayNode array(String path) {
      ArrayNode array = nodes.arrayNode();
      int index = 0;
      while (parser.nextToken() != JsonToken.END_ARRAY) {
        array.add(value(path + "[" + index++ + "]"));
      }
      return array;
    }
  }
}
