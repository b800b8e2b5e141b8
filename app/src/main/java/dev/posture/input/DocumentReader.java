package dev.posture.input;

import java.io.ByteArrayInputStream;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLParser;

/**
 * Reads JSON or YAML into a {@link Document}, turning every parse failure into an {@link
 * InputException} that names the file, line and what was wrong.
 *
 * <p>The format is taken from the extension ({@code .json}, {@code .yaml}, {@code .yml}); anything
 * else is sniffed from its first character. A UTF-8 byte-order mark is skipped. Duplicate keys are an
 * error: in a hand-edited file the second value silently winning is almost always a mistake.
 */
public final class DocumentReader {

  /** Bounds that keep hostile input from exhausting the stack or memory. */
  static final StreamReadConstraints LIMITS =
      StreamReadConstraints.builder()
          .maxNestingDepth(200)
          .maxStringLength(1024 * 1024)
          .maxNumberLength(100)
          .build();

  private static final ObjectMapper JSON =
      JsonMapper.builder(JsonFactory.builder().streamReadConstraints(LIMITS).build()).build();
  private static final ObjectMapper YAML =
      YAMLMapper.builder(YAMLFactory.builder().streamReadConstraints(LIMITS).build()).build();

  private DocumentReader() {}

  static ObjectMapper mapper(boolean yaml) {
    return yaml ? YAML : JSON;
  }

  /**
   * Reads the value the parser is on (its current token) into a tree, recording lines under paths
   * that start at {@code path}.
   */
  public static JsonNode readValue(String source, JsonParser parser, String path, Map<String, Integer> lines) {
    return new TreeBuilder(source, parser, lines, true).value(path);
  }

  /** Reads a file, recording the line of every value. */
  public static Document read(Path file) {
    return read(file.toString(), readBytes(file), isYaml(file.getFileName().toString()), true);
  }

  /** Reads bytes already in memory (stdin, a bundled resource). */
  public static Document read(String source, byte[] bytes, Boolean yaml, boolean trackLines) {
    int start = hasBom(bytes) ? 3 : 0;
    boolean asYaml = yaml != null ? yaml : looksLikeYaml(bytes, start);
    ObjectMapper mapper = mapper(asYaml);
    Map<String, Integer> lines = trackLines ? new HashMap<>() : Map.of();
    JsonParser parser = null;
    try {
      parser = mapper.createParser(bytes, start, bytes.length - start); // sniffs the encoding: may fail already
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw new InputException(source, 1, null, "the file is empty; expected a " + kind(asYaml) + " document");
      }
      JsonNode root = new TreeBuilder(source, parser, lines, trackLines).value("$");
      if (parser.nextToken() != null) {
        throw new InputException(
            source, line(parser.currentTokenLocation()), null, "unexpected content after the end of the document");
      }
      return new Document(source, root, lines);
    } catch (JacksonException e) {
      if (isEncodingProblem(e)) {
        checkUtf8(source, new ByteArrayInputStream(bytes, start, bytes.length - start));
      }
      throw fromJackson(source, e, asYaml, parser);
    } finally {
      if (parser != null) {
        parser.close();
      }
    }
  }

  /** Whether a parse failed on bytes that are not UTF-8 (the YAML reader cannot say where). */
  static boolean isEncodingProblem(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof CharConversionException) {
        return true;
      }
    }
    return false;
  }

  /** @throws InputException naming the line and column of the first byte of {@code in} that is not UTF-8 */
  static void checkUtf8(String source, InputStream in) {
    try (in) {
      Utf8.check(source, in);
    } catch (IOException e) {
      throw new InputException(source, "cannot be read: " + e.getMessage());
    }
  }

  /** Reads a whole file, mapping the usual file-system failures to clear input errors. */
  public static byte[] readBytes(Path file) {
    try {
      if (Files.isDirectory(file)) {
        throw new InputException(file.toString(), "is a folder; expected a file");
      }
      return Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new InputException(file.toString(), "no such file");
    } catch (AccessDeniedException e) {
      throw new InputException(file.toString(), "cannot be read (permission denied)");
    } catch (IOException e) {
      throw new InputException(file.toString(), "cannot be read: " + e.getMessage());
    }
  }

  public static byte[] readAll(InputStream in, String source) {
    try {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(source + ": cannot be read", e);
    }
  }

  /** True for .yaml/.yml, false for .json, null when the name does not say. */
  public static Boolean isYaml(String fileName) {
    String name = fileName.toLowerCase(java.util.Locale.ROOT);
    if (name.endsWith(".yaml") || name.endsWith(".yml")) {
      return true;
    }
    return name.endsWith(".json") ? false : null;
  }

  static boolean hasBom(byte[] b) {
    return b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF;
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
        .replaceAll("^Unsupported UCS-4 endianness.*", "the first bytes are those of UTF-32 text; expected UTF-8")
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
    private final JsonNodeFactory nodes = JsonNodeFactory.instance;

    TreeBuilder(String source, JsonParser parser, Map<String, Integer> lines, boolean trackLines) {
      this.source = source;
      this.parser = parser;
      this.lines = lines;
      this.trackLines = trackLines;
    }

    JsonNode value(String path) {
      JsonToken token = parser.currentToken();
      int line = line(parser.currentTokenLocation());
      if (parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
        // Jackson would hand back the alias name as a string; refuse rather than read something else.
        throw new InputException(source, line, path, "YAML aliases (*name) are not supported; write the value out");
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
          return nodes.numberNode(parser.getDoubleValue());
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
