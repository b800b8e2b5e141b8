package dev.posture.input;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;

/**
 * A JSON or YAML input that can be read more than once, as a stream, never past {@link
 * InputFiles#STREAMED_LIMIT} bytes: a regular file (never loaded whole), or a pipe (standard input,
 * a process substitution), whose bytes are kept in a {@link Spool} as the first reading takes them. Large
 * snapshots are read this way, a section at a time.
 */
public final class Source {
  private static final int SNIFF = 4096;

  private final String name;
  private final Optional<Path> file;
  private final Spool captured;
  private final boolean yaml;

  private Source(String name, Optional<Path> file, Spool captured, Boolean yaml) {
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
    return new Source(file.toString(), Optional.empty(), new Spool(in), yaml);
  }

  /** A stream such as standard input, read once and kept for the readings after the first. */
  public static Source of(String name, InputStream in) {
    return new Source(name, Optional.empty(), new Spool(InputFiles.bounded(name, in, InputFiles.STREAMED_LIMIT)), null);
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
      return DocumentReader.parser(name, yaml, Encoding.utf8(name, stream()));
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
}
