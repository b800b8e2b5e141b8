package dev.posture.collect;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Lines spilled to disk by the hash of a key, so that two large collections can be joined on that key
 * one partition at a time: memory holds one partition of one side, whatever the tenant's size.
 */
final class Partitions {
  static final int COUNT = 64;

  private final Path folder;
  private final String name;
  private final BufferedWriter[] writers = new BufferedWriter[COUNT];

  Partitions(Path folder, String name) {
    this.folder = folder;
    this.name = name;
  }

  static int of(String key) {
    return Math.floorMod(key.hashCode(), COUNT);
  }

  /** Appends {@code line} (no line breaks in it) to the partition of {@code key}. */
  void add(String key, String line) {
    int p = of(key);
    try {
      if (writers[p] == null) {
        writers[p] = Files.newBufferedWriter(file(p), StandardCharsets.UTF_8);
      }
      writers[p].write(line);
      writers[p].write('\n');
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Closes the files; call before reading. */
  void finish() {
    try {
      for (BufferedWriter w : writers) {
        if (w != null) {
          w.close();
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every line of partition {@code p}, in the order they were added. */
  void lines(int p, Consumer<String> line) {
    Path file = file(p);
    if (!Files.exists(file)) {
      return;
    }
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      for (String l = reader.readLine(); l != null; l = reader.readLine()) {
        line.accept(l);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Path file(int p) {
    return folder.resolve(name + "-" + p);
  }
}
