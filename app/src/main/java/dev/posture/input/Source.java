package dev.posture.input;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;

/**
 * A JSON or YAML input that can be read more than once, as a stream: a file (never loaded whole), or
 * bytes already in memory (standard input). Large snapshots are read this way, a section at a time.
 */
public final class Source {
  private final String name;
  private final Optional<Path> file;
  private final byte[] bytes;
  private final boolean yaml;

  private Source(String name, Optional<Path> file, byte[] bytes, boolean yaml) {
    this.name = name;
    this.file = file;
    this.bytes = bytes;
    this.yaml = yaml;
  }

  public static Source of(Path file) {
    if (Files.isDirectory(file)) {
      throw new InputException(file.toString(), "is a folder; expected a file");
    }
    Boolean yaml = DocumentReader.isYaml(file.getFileName().toString());
    if (yaml == null) {
      try (InputStream in = open(file)) {
        yaml = DocumentReader.looksLikeYaml(in.readNBytes(4096), 0);
      } catch (IOException e) {
        throw new InputException(file.toString(), "cannot be read: " + e.getMessage());
      }
    }
    return new Source(file.toString(), Optional.of(file), null, yaml);
  }

  public static Source of(String name, byte[] bytes) {
    int start = DocumentReader.hasBom(bytes) ? 3 : 0;
    return new Source(name, Optional.empty(), bytes, DocumentReader.looksLikeYaml(bytes, start));
  }

  public String name() {
    return name;
  }

  public boolean yaml() {
    return yaml;
  }

  /** A new parser positioned before the first token; the caller closes it. */
  public JsonParser open() {
    try {
      InputStream in = skipBom(new BufferedInputStream(stream(), 1 << 16));
      return DocumentReader.mapper(yaml).createParser(in);
    } catch (IOException e) {
      throw new InputException(name, "cannot be read: " + e.getMessage());
    } catch (JacksonException e) {
      throw failure(e, null);
    }
  }

  /**
   * A failure to parse this input, as one line naming it; a byte that is not UTF-8 is looked for
   * again, from the start, so the message can say where it is.
   */
  public InputException failure(JacksonException e, JsonParser parser) {
    if (DocumentReader.isEncodingProblem(e)) {
      try {
        DocumentReader.checkUtf8(name, skipBom(new BufferedInputStream(stream(), 1 << 16)));
      } catch (IOException unreadable) {
        // the parse failure below says enough
      }
    }
    return DocumentReader.fromJackson(name, e, yaml, parser);
  }

  private InputStream stream() throws IOException {
    return file.isPresent() ? open(file.get()) : new ByteArrayInputStream(bytes);
  }

  private static InputStream open(Path file) throws IOException {
    try {
      return Files.newInputStream(file);
    } catch (NoSuchFileException e) {
      throw new InputException(file.toString(), "no such file");
    } catch (AccessDeniedException e) {
      throw new InputException(file.toString(), "cannot be read (permission denied)");
    }
  }

  private static InputStream skipBom(BufferedInputStream in) throws IOException {
    in.mark(3);
    byte[] head = in.readNBytes(3);
    if (!DocumentReader.hasBom(head)) {
      in.reset();
    }
    return in;
  }
}
