package dev.posture.tenant;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes {@code snapshot.json} section by section: settings pretty-printed, the large collections one
 * element a line, as they arrive, so no collection is ever held whole.
 */
public final class SnapshotWriter implements AutoCloseable {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private final Writer out;
  private boolean firstSection = true;

  public SnapshotWriter(OutputStream out) {
    this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    write("{");
  }

  public void section(String name, JsonNode value) {
    name(name);
    write(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(value).replace("\n", "\n  "));
  }

  /** Starts a large collection; its elements follow through {@link Elements#add}. */
  public Elements collection(String name) {
    name(name);
    write("[");
    return new Elements();
  }

  public final class Elements implements AutoCloseable {
    private long count;

    public void add(JsonNode element) {
      write(count++ == 0 ? "\n    " : ",\n    ");
      write(JSON.writeValueAsString(element));
    }

    public long count() {
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
    write(JSON.writeValueAsString(name) + ": ");
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
