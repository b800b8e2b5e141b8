package dev.posture.snapshot;

import dev.posture.catalog.Collection;
import dev.posture.input.DocumentReader;
import dev.posture.input.InputException;
import dev.posture.input.Source;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * The large collections of a snapshot, read from its source on each request: one streaming pass
 * over the file serves every collection asked for, one element in memory at a time.
 */
final class StreamedElements implements Snapshot.Elements {
  private final Source source;

  StreamedElements(Source source) {
    this.source = source;
  }

  @Override
  public void forEach(Set<Collection> collections, Snapshot.Visitor visitor) {
    try (JsonParser parser = source.open()) {
      parser.nextToken();
      while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
        Collection collection = SnapshotLoader.collectionNamed(parser.currentName());
        JsonToken value = parser.nextToken();
        if (collection != null && collections.contains(collection) && value == JsonToken.START_ARRAY) {
          visitArray(parser, collection, visitor);
        } else {
          parser.skipChildren();
        }
      }
    } catch (JacksonException e) {
      throw DocumentReader.fromJackson(source.name(), e, source.yaml());
    }
  }

  private void visitArray(JsonParser parser, Collection collection, Snapshot.Visitor visitor) {
    long index = 0;
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      if (parser.currentToken() != JsonToken.START_OBJECT) {
        throw notAMapping(source, parser, "$." + collection.section() + "[" + index + "]");
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> element = (Map<String, Object>) CelValues.read(parser);
      visitor.visit(collection, element);
      index++;
    }
  }

  static InputException notAMapping(Source source, JsonParser parser, String path) {
    return new InputException(source.name(), parser.currentTokenLocation().getLineNr(), path,
        "expected a mapping (an object with named fields), found " + describe(parser));
  }

  private static String describe(JsonParser parser) {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.START_ARRAY) {
      return "a list";
    }
    if (token == JsonToken.VALUE_STRING) {
      String s = parser.getString();
      return "'" + (s.length() > 40 ? s.substring(0, 40) + "…" : s) + "'";
    }
    return parser.getString();
  }
}
