package dev.posture.input;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Opens what posture reads, never more than a bound: regular files, and the pipes of a shell's
 * process substitution ({@code <(...)}, seen as {@code /dev/fd/N}), read as streams. Anything else
 * (a named pipe, a device, a socket) is refused in one line without being opened, so it can neither
 * hang posture waiting for a writer nor feed it without end. Standard input is read through
 * {@link #bounded} with the same bounds.
 */
public final class InputFiles {
  /** The most read of a file held whole: a catalogue file, the state file, posture.yaml, a baseline, a Graph export. */
  public static final long WHOLE_LIMIT = 64L << 20;
  /** The most read of a snapshot, which is streamed (from standard input, it is spooled to a temporary file). */
  public static final long STREAMED_LIMIT = 1L << 30;

  /** What the shell names a pipe it has opened: {@code <(...)} in bash and zsh, and {@code /dev/stdin}. */
  private static final Pattern SHELL_PIPE = Pattern.compile("/dev/fd/\\d+|/proc/self/fd/\\d+|/dev/stdin");

  private InputFiles() {}

  /**
   * Reads a whole file of at most {@code limit} bytes. A pipe is spooled first, so one that never
   * ends fills a temporary file up to the bound, not the heap.
   */
  public static byte[] readAll(Path file, long limit) {
    try (InputStream in = open(file, limit)) {
      return Files.isRegularFile(file) ? in.readAllBytes() : new Spool(in).readAll();
    } catch (IOException e) {
      throw unreadable(file, e);
    }
  }

  /**
   * Opens a file to read; reading past {@code limit} bytes fails with an {@link InputException}.
   *
   * @throws InputException naming the file when it is missing, unreadable, too large or no regular file
   */
  public static InputStream open(Path file, long limit) {
    BasicFileAttributes attributes = attributes(file);
    if (attributes.isDirectory()) {
      throw new InputException(file.toString(), "is a folder; expected a file");
    }
    if (attributes.isRegularFile() && attributes.size() > limit) {
      throw new InputException(file.toString(), "is too large (" + bytes(attributes.size()) + "); at most " + bytes(limit) + " is read");
    }
    if (!attributes.isRegularFile() && !isShellPipe(file)) {
      throw notARegularFile(file);
    }
    try {
      return bounded(file.toString(), Files.newInputStream(file), limit);
    } catch (IOException e) {
      throw unreadable(file, e);
    }
  }

  /** A stream that fails with an {@link InputException} naming {@code source} once more than {@code limit} bytes are read. */
  public static InputStream bounded(String source, InputStream in, long limit) {
    return new FilterInputStream(in) {
      private long read;

      @Override
      public int read() throws IOException {
        int b = super.read();
        count(b < 0 ? 0 : 1);
        return b;
      }

      @Override
      public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        count(Math.max(n, 0));
        return n;
      }

      @Override
      public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        count(skipped);
        return skipped;
      }

      private void count(long n) {
        read += n;
        if (read > limit) {
          throw new InputException(source, "is too large; at most " + bytes(limit) + " is read");
        }
      }
    };
  }

  /** The file's attributes, following links; a missing or unreadable file is an input error. */
  private static BasicFileAttributes attributes(Path file) {
    try {
      return Files.readAttributes(file, BasicFileAttributes.class);
    } catch (IOException e) {
      throw unreadable(file, e);
    }
  }

  private static boolean isShellPipe(Path file) {
    return SHELL_PIPE.matcher(file.toString()).matches() && kind(file).equals("a named pipe");
  }

  /** A file that is neither regular nor a folder, in one line that says what it is. */
  private static InputException notARegularFile(Path file) {
    String kind = kind(file);
    String hint = kind.equals("a named pipe") ? "; to read from a pipe, give - for standard input" : "";
    return new InputException(file.toString(), "is " + kind + ", not a regular file" + hint);
  }

  /** What a file is, from its mode: "a named pipe", "a device", "a socket", "a folder" or "a special file". */
  static String kind(Path file) {
    if (Files.isDirectory(file)) {
      return "a folder";
    }
    try {
      int type = (Integer) Files.getAttribute(file, "unix:mode") & 0170000;
      return switch (type) {
        case 0010000 -> "a named pipe";
        case 0020000, 0060000 -> "a device";
        case 0140000 -> "a socket";
        default -> "a special file";
      };
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return "a special file";
    }
  }

  public static InputException unreadable(Path file, IOException e) {
    if (e instanceof NoSuchFileException) {
      return new InputException(file.toString(), "no such file");
    }
    if (e instanceof AccessDeniedException) {
      return new InputException(file.toString(), "cannot be read (permission denied)");
    }
    return new InputException(file.toString(), "cannot be read (" + AtomicFile.reason(e) + ")");
  }

  /** A size as people read it: "64 MiB", "3.0 GiB", "512 bytes". */
  static String bytes(long n) {
    if (n < 1024) {
      return n + " bytes";
    }
    String[] units = {"KiB", "MiB", "GiB", "TiB"};
    double value = n;
    int unit = -1;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    return (value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.1f", value)) + " " + units[unit];
  }
}
