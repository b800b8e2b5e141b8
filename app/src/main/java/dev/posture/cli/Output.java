package dev.posture.cli;

import dev.posture.input.InputException;
import java.io.IOException;
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

  /**
   * Colour only for a terminal: not into a file, not with --no-color, and not when picocli's
   * auto-detection says no (standard output is no terminal, or NO_COLOR is set).
   */
  static boolean colour(PostureCommand root) {
    return root.output == null && !root.noColor && Help.Ansi.AUTO.enabled();
  }

  static void writeAtomically(Path target, String content) {
    Path absolute = target.toAbsolutePath();
    Path folder = absolute.getParent();
    Path temp = null;
    try {
      temp = Files.createTempFile(folder, "." + absolute.getFileName(), ".tmp");
      Files.writeString(temp, content, StandardCharsets.UTF_8);
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
