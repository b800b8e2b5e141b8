package dev.posture.cli;

import dev.posture.input.AtomicFile;
import dev.posture.report.Screen;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.OptionalInt;
import java.util.function.Consumer;

/**
 * Where results go: standard output, or a file given with {@code --output}. A file is written to a
 * temporary sibling and renamed into place, so a failure never leaves it half-written.
 */
final class Output {
  /** Narrower than this, a table has no room for its first columns. */
  static final int MIN_WIDTH = 20;

  private Output() {}

  static void write(PostureCommand root, PrintWriter stdout, Consumer<PrintWriter> render) {
    if (root.output == null) {
      Screen screen = new Screen(stdout, width(root, root.invocation.columns().getAsInt()), root.ascii);
      render.accept(screen);
      screen.flush();
      return;
    }
    StringWriter buffer = new StringWriter();
    try (PrintWriter writer = new Screen(buffer, width(root, 0), root.ascii)) {
      render.accept(writer);
    }
    AtomicFile.replace(root.output, buffer.toString());
  }

  /** --width, else the terminal's columns; none (full rows) for a pipe or a file. */
  private static OptionalInt width(PostureCommand root, int terminalColumns) {
    if (root.width != null) {
      if (root.width < MIN_WIDTH) {
        throw new UsageException("--width must be at least " + MIN_WIDTH + ", got " + root.width);
      }
      return OptionalInt.of(root.width);
    }
    return terminalColumns > 0 ? OptionalInt.of(terminalColumns) : OptionalInt.empty();
  }

  /** Colour only for a terminal: not into a file, not with --no-color, and not when NO_COLOR is set. */
  static boolean colour(PostureCommand root) {
    return root.output == null && !root.noColor && root.invocation.terminal() && root.invocation.variable("NO_COLOR").isEmpty();
  }
}
