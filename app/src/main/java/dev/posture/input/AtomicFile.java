package dev.posture.input;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Replaces a file all at once: the content goes to a hidden temporary sibling, is flushed to disk,
 * and is renamed over the file, so a reader, a crash or a full disk sees the old file or the new
 * one, never half of one.
 */
public final class AtomicFile {
  private AtomicFile() {}

  /** Something that writes bytes and may fail with an I/O error. */
  public interface ByteWriter {
    void writeTo(OutputStream out) throws IOException;
  }

  public static void replace(Path target, String content) {
    replace(target, out -> out.write(content.getBytes(StandardCharsets.UTF_8)));
  }

  /** @throws InputException naming {@code target} when it cannot be written; the old file is then intact */
  public static void replace(Path target, ByteWriter writer) {
    Path absolute = target.toAbsolutePath();
    Path temp = null;
    try {
      temp = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName(), ".tmp");
      keepPermissions(absolute, temp);
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
        writer.writeTo(new FilterOutputStream(out) {
          @Override
          public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
          }

          @Override
          public void close() throws IOException {
            flush(); // the file is closed here, once it is on disk
          }
        });
        out.flush();
        channel.force(true);
      }
      try {
        Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new InputException(target.toString(), "cannot be written: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
    } finally {
      deleteQuietly(temp);
    }
  }

  /**
   * A temporary file is private to its owner; the replaced file keeps the permissions it had, and a
   * new one gets the usual rw-r--r--.
   */
  private static void keepPermissions(Path target, Path temp) throws IOException {
    if (!temp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      return;
    }
    Files.setPosixFilePermissions(temp,
        Files.exists(target) ? Files.getPosixFilePermissions(target) : PosixFilePermissions.fromString("rw-r--r--"));
  }

  private static void deleteQuietly(Path temp) {
    if (temp == null) {
      return;
    }
    try {
      Files.deleteIfExists(temp);
    } catch (IOException ignored) {
      // the temporary file is hidden and named after the target; nothing else depends on it
    }
  }
}
