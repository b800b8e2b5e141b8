package dev.posture.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/** How many columns the terminal posture runs in has. */
final class TerminalWidth {
  private TerminalWidth() {}

  /** COLUMNS when the shell exports it, else what the terminal reports (asked only in a terminal). */
  static int detect(Map<String, String> env) {
    String columns = env.get("COLUMNS");
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
