package dev.posture.report;

import java.util.OptionalInt;

/**
 * Where a renderer's output will be seen, decided once by the command and passed to every renderer:
 * how many columns a table may take, whether pictures must stay in ASCII, whether to colour, and
 * whether the output goes to a terminal at all.
 *
 * @param width the columns a table may take; empty for a pipe or a file, so scripts keep the full text
 * @param ascii draw bars, sparklines and ellipses in ASCII rather than Unicode
 * @param colour colour statuses with ANSI escapes; only ever set for a terminal
 * @param terminal the output goes to a terminal (not a pipe, not a file)
 */
public record OutputContext(OptionalInt width, boolean ascii, boolean colour, boolean terminal) {
  /** Full rows, Unicode pictures, no colour: a pipe or a file. */
  public static final OutputContext PLAIN = new OutputContext(OptionalInt.empty(), false, false, false);

  /** The same output with {@code columns} fewer to a line, for a table indented within a text. */
  public OutputContext indented(int columns) {
    return new OutputContext(width.isEmpty() ? width : OptionalInt.of(Math.max(1, width.getAsInt() - columns)), ascii, colour, terminal);
  }

  /** The characters bars and sparklines are drawn with. */
  Bars bars() {
    return Bars.of(ascii);
  }

  /** What a text cut to fit ends in. */
  String ellipsis() {
    return ascii ? "..." : "…";
  }
}
