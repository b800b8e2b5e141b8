package dev.posture.input;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;

/**
 * A JSON or YAML input that can be read more than once, as a stream, never past {@link
 * InputFiles#STREAMED_LIMIT} bytes: a regular file (never loaded whole), or a pipe (standard input,
 * a process substitution), whose bytes are kept in memory as the first reading takes them. Large
 * snapshots are read this way, a section at a time.
 */
public final class Source {
  private static final int SNIFF = 4096;

  private final String name;
  private final Optional<Path> file;
  private final Captured captured;
  private final boolean yaml;

  private Source(String name, Optional<Path> file, Captured captured, Boolean yaml) {
    this.name = name;
    this.file = file;
    this.captured = captured;
    this.yaml = yaml != null ? yaml : sniff();
  }

  /** A file; a pipe the shell opened for {@code <(...)} is read as a stream. */
  public static Source of(Path file) {
    Boolean yaml = DocumentReader.isYaml(file.getFileName().toString());
    InputStream in = InputFiles.open(file, InputFiles.STREAMED_LIMIT);
    if (Files.isRegularFile(file)) {
      close(in);
      return new Source(file.toString(), Optional.of(file), null, yaml);
    }
    return new Source(file.toString(), Optional.empty(), new Captured(in), yaml);
  }

  /** A stream such as standard input, read once and kept in memory for the readings after the first. */
  public static Source of(String name, InputStream in) {
    return new Source(name, Optional.empty(), new Captured(InputFiles.bounded(name, in, InputFiles.STREAMED_LIMIT)), null);
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
      return DocumentReader.mapper(yaml).createParser(Encoding.utf8(name, stream()));
    } catch (IOException e) {
      throw new InputException(name, "cannot be read (" + AtomicFile.reason(e) + ")");
    } catch (JacksonException e) {
      throw failure(e, null);
    }
  }

  /**
   * A failure to parse this input, as one line naming it; a byte that is not UTF-8, or a character
   * YAML does not allow, is looked for again, from the start, so the message can say where it is.
   */
  public InputException failure(JacksonException e, JsonParser parser) {
    try {
      DocumentReader.locateBadCharacter(name, e, yaml, Encoding.utf8(name, stream()));
    } catch (IOException unreadable) {
      // the parse failure below says enough
    }
    return DocumentReader.fromJackson(name, e, yaml, parser);
  }

  /** Whether the first character that is not white space starts YAML rather than JSON. */
  private boolean sniff() {
    try (InputStream in = Encoding.utf8(name, stream())) {
      return DocumentReader.looksLikeYaml(in.readNBytes(SNIFF), 0);
    } catch (IOException e) {
      throw new InputException(name, "cannot be read (" + AtomicFile.reason(e) + ")");
    }
  }

  private InputStream stream() throws IOException {
    return file.isPresent() ? InputFiles.open(file.get(), InputFiles.STREAMED_LIMIT) : captured.replay();
  }

  private static void close(InputStream in) {
    try {
      in.close();
    } catch (IOException ignored) {
      // opened only to check the file; nothing was read
    }
  }

  /**
   * The bytes of a stream that can be read once, kept as they are read: each reading replays what
   * earlier ones took, then goes on with the stream. Readings follow one another, never overlap.
   */
  private static final class Captured {
    private static final int CHUNK = 1 << 20;

    private final InputStream live;
    private final List<byte[]> chunks = new ArrayList<>();
    private boolean ended;

    Captured(InputStream live) {
      this.live = live;
    }

    InputStream replay() {
      List<InputStream> parts = new ArrayList<>();
      for (byte[] chunk : chunks) {
        parts.add(new ByteArrayInputStream(chunk));
      }
      parts.add(new BufferedInputStream(new BulkInputStream() {
        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
          return more(buffer, offset, length);
        }
      }, CHUNK));
      return new SequenceInputStream(Collections.enumeration(parts));
    }

    /** Reads on from the stream, keeping what it gives; only a reading that has replayed everything kept gets here. */
    private synchronized int more(byte[] buffer, int offset, int length) throws IOException {
      if (ended) {
        return -1;
      }
      byte[] chunk = live.readNBytes(Math.min(length, CHUNK));
      if (chunk.length == 0) {
        ended = true;
        return -1;
      }
      chunks.add(chunk);
      System.arraycopy(chunk, 0, buffer, offset, chunk.length);
      return chunk.length;
    }
  }
}
