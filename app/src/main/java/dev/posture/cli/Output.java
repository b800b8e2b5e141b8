package dev.posture.cli;

import dev.posture.input.AtomicFile;
import java.io.PrintWriter;
import java.io.StringWriter;
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
    AtomicFile.replace(root.output, buffer.toString());
  }

  /**
   * Colour only for a terminal: not into a file, not with --no-color, and not when picocli's
   * auto-detection says no (standard output is no terminal, or NO_COLOR is set).
   */
  static boolean colour(PostureCommand root) {
    return root.output == null && !root.noColor && Help.Ansi.AUTO.enabled();
  }
}
