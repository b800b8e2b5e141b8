package dev.posture.graph;

import dev.posture.input.Document;
import dev.posture.input.DocumentReader;
import dev.posture.input.InputException;
import dev.posture.input.Node;
import dev.posture.input.Source;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The items of one Graph export file (a {@code {"value": [...]}} page, a bare array, or one object),
 * read one at a time with Jackson's streaming parser, as a snapshot's elements are: only the item
 * being read is held as a tree, with the lines of its values, so an export of any size is read in
 * the memory its results take. A day's {@code controlScores} (thousands of controls in one item) are
 * streamed too, one control at a time.
 */
final class ExportItems {
  /**
   * One item of the file.
   *
   * @param controls the item's {@code controlScores}, when they were streamed rather than kept in
   *     {@code node}
   */
  record Item(Node node, Optional<List<ControlScore>> controls) {}

  private final Source source;
  private final Function<Node, ControlScore> control;
  private final Consumer<Item> sink;
  private JsonParser parser;

  /** @param control reads one of a day's controlScores */
  private ExportItems(Source source, Function<Node, ControlScore> control, Consumer<Item> sink) {
    this.source = source;
    this.control = control;
    this.sink = sink;
  }

  /** Hands every item of {@code source} to {@code sink}, in file order. */
  static void read(Source source, Function<Node, ControlScore> control, Consumer<Item> sink) {
    new ExportItems(source, control, sink).read();
  }

  private void read() {
    try (JsonParser opened = source.open()) {
      parser = opened;
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw new InputException(source.name(), 1, null,
            "the file is empty; expected a " + (source.yaml() ? "YAML" : "JSON") + " document");
      }
      if (first == JsonToken.START_ARRAY) {
        items("$");
      } else if (first == JsonToken.START_OBJECT) {
        Item root = object("$", true);
        if (root != null) {
          sink.accept(root);
        }
      } else {
        tree("$").object();
      }
      if (parser.nextToken() != null) {
        throw new InputException(source.name(), line(), null, "unexpected content after the end of the document");
      }
    } catch (JacksonException e) {
      throw source.failure(e, parser);
    }
  }

  /** The elements of the array the parser is on, each an item. */
  private void items(String path) {
    int index = 0;
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      String at = path + "[" + index++ + "]";
      sink.accept(parser.currentToken() == JsonToken.START_OBJECT ? object(at, false) : new Item(tree(at), Optional.empty()));
    }
  }

  /**
   * The object the parser is on. At the root, a {@code value} list makes it a page: its elements are
   * the items, handed over as they are read, and null is returned.
   */
  private Item object(String path, boolean root) {
    ObjectNode object = JsonNodeFactory.instance.objectNode();
    Map<String, Integer> lines = new HashMap<>();
    lines.put(path, line());
    Node node = new Node(new Document(source.name(), object, lines), object, path);
    Map<String, String> seen = new HashMap<>();
    List<ControlScore> controls = null;
    boolean page = false;
    while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
      String name = parser.currentName();
      String child = Node.childPath(path, name);
      int keyLine = line();
      String earlier = seen.putIfAbsent(name.toLowerCase(Locale.ROOT), name);
      if (earlier != null) {
        throw new InputException(source.name(), keyLine, child, "duplicate key '" + name + "'"
            + (earlier.equals(name) ? "" : ": keys match ignoring case, and '" + earlier + "' is given too"));
      }
      JsonToken token = parser.nextToken();
      if (root && name.equalsIgnoreCase("value") && token == JsonToken.START_ARRAY) {
        page = true;
        items(child);
      } else if (name.equalsIgnoreCase("controlScores") && token == JsonToken.START_ARRAY) {
        controls = controls(child);
      } else {
        JsonNode value = DocumentReader.readValue(source.name(), parser, child, lines);
        object.set(name, value);
        Node field = node.field(name);
        if (root && name.equalsIgnoreCase("value") && !field.isMissing()) {
          throw field.error("expected a list of secureScores or secureScoreControlProfiles, found " + field.describe());
        }
        Fields.checkKeys(field);
      }
      lines.put(child, keyLine);
    }
    return page ? null : new Item(node, Optional.ofNullable(controls));
  }

  /** A day's controlScores, one control read at a time. */
  private List<ControlScore> controls(String path) {
    List<ControlScore> controls = new ArrayList<>();
    int index = 0;
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      controls.add(control.apply(tree(path + "[" + index++ + "]")));
    }
    return controls;
  }

  /** The value the parser is on, whole, with the lines of its values. */
  private Node tree(String path) {
    Map<String, Integer> lines = new HashMap<>();
    JsonNode value = DocumentReader.readValue(source.name(), parser, path, lines);
    Node node = new Node(new Document(source.name(), value, lines), value, path);
    Fields.checkKeys(node);
    return node;
  }

  private int line() {
    return Math.max(0, parser.currentTokenLocation().getLineNr());
  }
}
