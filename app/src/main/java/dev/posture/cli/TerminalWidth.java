package dev.posture.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/** How many columns the terminal posture runs in has. */
final class TerminalWidth {
  private TerminalWidth() {}

  /**
   * The terminal's columns: COLUMNS when the shell exports it, else what the terminal reports; 0
   * when standard output is no terminal, so pipes and files get full rows.
   */
  static int detect() {
    if (System.console() == null) {
      return 0;
    }
    String columns = System.getenv("COLUMNS");
    if (columns != null && columns.matches("[1-9][0-9]{0,4}")) {
      return Integer.parseInt(columns);
    }
    try (Terminal terminal = TerminalBuilder.builder().system(true).dumb(true).build()) {
      return Math.max(terminal.getWidth(), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
