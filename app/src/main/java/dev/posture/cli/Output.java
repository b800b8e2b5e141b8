package dev.posture.cli;

import dev.posture.input.InputException;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.Consumer;
import picocli.CommandLine.Help;

/**
 * Where results go: standard output, or a file given with {@code --output}. A file is written to a
 * temporary sibling and renamed into place, so a failure never leaves it half-written.
 */
final class Output {
  private Output() {}

  static void write(PostureCommand root, PrintWriter stdout, Consumer<PrintWriter> render) {
    if (root.output == null) {
      render.accept(stdout);
      stdout.flush();
      return;
    }
    StringWriter buffer = new StringWriter();
    try (PrintWriter writer = new PrintWriter(buffer)) {
      render.accept(writer);
    }
    writeAtomically(root.output, buffer.toString());
  }

  /** A replaced file keeps its permissions; a new one is readable by all, like any other output. */
  private static void keepPermissions(Path target, Path temp) throws IOException {
    if (!Files.getFileStore(temp).supportsFileAttributeView("posix")) {
      return;
    }
    Files.setPosixFilePermissions(temp, Files.exists(target)
        ? Files.getPosixFilePermissions(target)
        : java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
  }

  /**
   * Colour only for a terminal: not into a file, not with --no-color, and not when picocli's
   * auto-detection says no (standard output is no terminal, or NO_COLOR is set).
   */
  static boolean colour(PostureCommand root) {
    return root.output == null && !root.noColor && Help.Ansi.AUTO.enabled();
  }

  static void writeAtomically(Path target, String content) {
    writeAtomically(target, out -> out.write(content.getBytes(StandardCharsets.UTF_8)));
  }

  /** Something that writes bytes and may fail with an I/O error. */
  interface ByteWriter {
    void writeTo(OutputStream out) throws IOException;
  }

  /** Streams into a temporary sibling, then renames it over {@code target}. */
  static void writeAtomically(Path target, ByteWriter writer) {
    Path absolute = target.toAbsolutePath();
    Path folder = absolute.getParent();
    Path temp = null;
    try {
      temp = Files.createTempFile(folder, "." + absolute.getFileName(), ".tmp");
      keepPermissions(absolute, temp);
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16)) {
        writer.writeTo(out);
      }
      try {
        Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new InputException(target.toString(), "cannot be written: " + e.getMessage());
    } finally {
      if (temp != null) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException ignored) {
          // best effort: the temp file is hidden and named after the target
        }
      }
    }
  }
}
