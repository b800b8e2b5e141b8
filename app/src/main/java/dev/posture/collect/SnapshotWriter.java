package dev.posture.collect;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.JsonNode;

/**
 * Writes {@code snapshot.json} section by section: settings pretty-printed, the large collections one
 * element a line, as they arrive, so no collection is ever held whole.
 */
final class SnapshotWriter implements AutoCloseable {
  private final Writer out;
  private boolean firstSection = true;

  SnapshotWriter(OutputStream out) {
    this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    write("{");
  }

  void section(String name, JsonNode value) {
    name(name);
    write(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(value).replace("\n", "\n  "));
  }

  /** Starts a large collection; its elements follow through {@link Elements#add}. */
  Elements collection(String name) {
    name(name);
    write("[");
    return new Elements();
  }

  final class Elements implements AutoCloseable {
    private long count;

    void add(JsonNode element) {
      write(count++ == 0 ? "\n    " : ",\n    ");
      write(Json.MAPPER.writeValueAsString(element));
    }

    long count() {
      return count;
    }

    @Override
    public void close() {
      write(count == 0 ? "]" : "\n  ]");
    }
  }

  private void name(String name) {
    write(firstSection ? "\n  " : ",\n  ");
    firstSection = false;
    write(Json.MAPPER.writeValueAsString(name) + ": ");
  }

  private void write(String s) {
    try {
      out.write(s);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    write("\n}\n");
    try {
      out.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
