package dev.posture.snapshot;

import dev.posture.catalog.Collection;
import dev.posture.input.DocumentReader;
import dev.posture.input.InputException;
import dev.posture.input.Node;
import dev.posture.input.Source;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * The large collections of a snapshot, read from its source on each request: one streaming pass
 * over the file serves every collection asked for, with only a few batches of elements in memory.
 *
 * <p>Parsing and checking take about the same time per element, so they run on two threads: a
 * reader parses batches of elements while the caller's thread visits the previous ones.
 */
final class StreamedElements implements Snapshot.Elements {
  private static final int BATCH = 512;
  private static final int BATCHES_AHEAD = 8;

  private final Source source;

  StreamedElements(Source source) {
    this.source = source;
  }

  private record Element(Collection collection, Map<String, Object> values) {}

  /** What the reader hands over: elements, or the end (with the failure, if reading failed). */
  private record Batch(List<Element> elements, RuntimeException failure, boolean last) {}

  @Override
  public void forEach(Set<Collection> collections, Snapshot.Visitor visitor) {
    BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(BATCHES_AHEAD);
    Thread reader = new Thread(() -> read(collections, queue), "posture-snapshot-reader");
    reader.setDaemon(true);
    reader.start();
    try {
      while (true) {
        Batch batch = queue.take();
        for (Element e : batch.elements) {
          visitor.visit(e.collection, e.values);
        }
        if (batch.last) {
          if (batch.failure != null) {
            throw batch.failure;
          }
          return;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading " + source.name(), e);
    } finally {
      reader.interrupt();
    }
  }

  private void read(Set<Collection> collections, BlockingQueue<Batch> queue) {
    List<Element> batch = new ArrayList<>(BATCH);
    RuntimeException failure = null;
    JsonParser parser = null;
    try {
      parser = source.open();
      parser.nextToken();
      while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
        Collection collection = SnapshotLoader.collectionNamed(parser.currentName());
        JsonToken value = parser.nextToken();
        if (collection != null && collections.contains(collection) && value == JsonToken.START_ARRAY) {
          batch = readArray(parser, collection, batch, queue);
        } else {
          parser.skipChildren();
        }
      }
    } catch (JacksonException e) {
      failure = source.failure(e, parser);
    } catch (InterruptedException e) {
      return; // the visitor stopped early; nobody is waiting
    } catch (RuntimeException e) {
      failure = e;
    } finally {
      if (parser != null) {
        parser.close();
      }
    }
    try {
      queue.put(new Batch(batch, failure, true));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private List<Element> readArray(JsonParser parser, Collection collection, List<Element> batch, BlockingQueue<Batch> queue)
      throws InterruptedException {
    ElementShape shape = ElementShape.of(collection);
    long index = 0;
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      if (parser.currentToken() != JsonToken.START_OBJECT) {
        throw notAMapping(source, parser, "$." + collection.section() + "[" + index + "]");
      }
      Map<String, Object> values = shape.read(source.name(), parser, collection, index);
      batch.add(new Element(collection, values));
      if (batch.size() == BATCH) {
        queue.put(new Batch(batch, null, false));
        batch = new ArrayList<>(BATCH);
      }
      index++;
    }
    return batch;
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
      return Node.quoted(parser.getString());
    }
    return parser.getString();
  }
}
