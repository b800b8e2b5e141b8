package dev.posture.cli;

import dev.posture.report.Printable;
import java.io.PrintWriter;

/**
 * What posture tells the person running it, on standard error: one line a message, starting with
 * {@code posture:}. Messages quote the inputs (a value that was not expected, an id, an actor), so
 * each is made one printable line here: nothing in them can act on the terminal or start a line of
 * its own that would read as another message.
 */
final class Messages {
  private Messages() {}

  static void error(PrintWriter err, String message) {
    err.println("posture: " + Printable.line(message));
  }

  /** What was done besides the output, such as a run recorded. */
  static void note(PrintWriter err, String message) {
    error(err, message);
    err.flush();
  }

  static void warning(PrintWriter err, String message) {
    error(err, "warning: " + message);
  }
}
