package dev.posture.report;

import java.io.PrintWriter;
import java.io.Writer;
import java.util.OptionalInt;

/**
 * Output bound for a screen: how many columns a table may take (none for a pipe or a file, so
 * scripts keep the full text) and whether pictures must stay in ASCII. Renderers take any
 * PrintWriter; tables and charts ask this one how to draw. What it writes passes through a
 * {@link TerminalSafeWriter}.
 */
public final class Screen extends PrintWriter {
  private final OptionalInt width;
  private final boolean ascii;

  public Screen(Writer out, OptionalInt width, boolean ascii) {
    super(new TerminalSafeWriter(out));
    this.width = width;
    this.ascii = ascii;
  }

  /** The columns {@code out} may take, if it is a screen of known width. */
  static OptionalInt width(PrintWriter out) {
    return out instanceof Screen s ? s.width : OptionalInt.empty();
  }

  /** Whether {@code out} asked for ASCII pictures only. */
  static boolean ascii(PrintWriter out) {
    return out instanceof Screen s && s.ascii;
  }
}
