package dev.posture.report;

/**
 * Text from the inputs made safe to show: a display name or a note could otherwise carry escape
 * sequences (clearing the screen, setting the window title, writing the clipboard, hiding text),
 * line breaks that forge extra report lines, or bidirectional overrides that show text in another
 * order than it is read (Trojan Source). Each format applies it at its own boundary: a terminal's
 * text by {@link #line}, CSV, Markdown and XML by {@link #inert}; JSON escapes such characters itself.
 */
public final class Printable {
  /** What stands in for a character that cannot be shown as it is. */
  static final char REPLACEMENT = '\uFFFD';

  private Printable() {}

  /** One line of text: breaks and tabs become spaces, other control characters {@link #REPLACEMENT}. */
  public static String line(String text) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      char shown = c == '\n' || c == '\r' || c == '\t' ? ' ' : unsafe(c) ? REPLACEMENT : c;
      if (shown != c && out == null) {
        out = new StringBuilder(text.length()).append(text, 0, i);
      }
      if (out != null && !(c == '\n' && i > 0 && text.charAt(i - 1) == '\r')) {
        out.append(shown);
      }
    }
    return out == null ? text : out.toString();
  }

  /**
   * Text that keeps its line breaks and tabs, for a format that has its own way to hold them (a
   * quoted CSV cell, Markdown's {@code <br>}, XML): every other control character and the
   * bidirectional controls become {@link #REPLACEMENT}.
   */
  public static String inert(String text) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean kept = c == '\n' || c == '\r' || c == '\t' || !unsafe(c);
      if (!kept && out == null) {
        out = new StringBuilder(text.length()).append(text, 0, i);
      }
      if (out != null) {
        out.append(kept ? c : REPLACEMENT);
      }
    }
    return out == null ? text : out.toString();
  }

  /** Control characters, DEL, and the bidirectional embeddings, overrides and isolates. */
  static boolean unsafe(char c) {
    return control(c) || bidirectional(c);
  }

  /** The C0 and C1 control characters and DEL: what a terminal may act on rather than show. */
  static boolean control(char c) {
    return c < 0x20 || (c >= 0x7F && c <= 0x9F);
  }

  /** The embeddings and overrides (U+202A to U+202E) and isolates (U+2066 to U+2069). */
  static boolean bidirectional(char c) {
    return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
  }
}
