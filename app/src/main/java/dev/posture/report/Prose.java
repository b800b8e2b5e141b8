package dev.posture.report;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * Prose fitted to a terminal's width: broken between words, each line after the first indented. A word longer than the line (a link, mostly) stays whole on a line of its own, so
 * it can still be copied; without a width (a pipe, a file) the text stays on one line.
 */
final class Prose {
  private Prose() {}

  /**
   * The lines of {@code text} after {@code lead} (such as {@code "  Impact: "} or {@code "    1. "}),
   * each next line starting with {@code hanging}; the text is made inert first, so a line break in the
   * inputs cannot forge a line.
   */
  static List<String> lines(String lead, String hanging, String text, OptionalInt width) {
    String whole = lead + Printable.line(text);
    if (width.isEmpty() || whole.length() <= width.getAsInt()) {
      return List.of(whole);
    }
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder(lead);
    boolean empty = true;
    for (String word : Printable.line(text).split(" +")) {
      if (word.isEmpty()) {
        continue;
      }
      if (!empty && line.length() + 1 + word.length() > width.getAsInt()) {
        lines.add(line.toString());
        line = new StringBuilder(hanging);
        empty = true;
      }
      line.append(empty ? "" : " ").append(word);
      empty = false;
    }
    lines.add(line.toString());
    return lines;
  }
}
