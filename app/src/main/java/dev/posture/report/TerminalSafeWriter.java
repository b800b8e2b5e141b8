package dev.posture.report;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;

/**
 * The last line of defence between the inputs and a terminal: control characters other than line
 * breaks and tabs are written as {@link Printable#REPLACEMENT}, so no value from a snapshot, a state
 * file or an export can move the cursor, clear the screen, set the window title or write the
 * clipboard. The one escape sequence let through is a colour (SGR, {@code ESC [ 1;31 m}), which is
 * all posture itself writes, and which can do nothing but colour text.
 */
public final class TerminalSafeWriter extends FilterWriter {
  public TerminalSafeWriter(Writer out) {
    super(out);
  }

  @Override
  public void write(int c) throws IOException {
    out.write(safe((char) c) ? c : Printable.REPLACEMENT);
  }

  @Override
  public void write(char[] buffer, int offset, int length) throws IOException {
    write(new String(buffer, offset, length), 0, length);
  }

  @Override
  public void write(String text, int offset, int length) throws IOException {
    int end = offset + length;
    int clean = offset; // text[clean, i) is still to be written as it is
    for (int i = offset; i < end; i++) {
      char c = text.charAt(i);
      if (safe(c)) {
        continue;
      }
      int colourEnd = c == '\u001B' ? colourEnd(text, i, end) : -1;
      if (colourEnd > 0) {
        i = colourEnd - 1;
        continue;
      }
      out.write(text, clean, i - clean);
      out.write(Printable.REPLACEMENT);
      clean = i + 1;
    }
    out.write(text, clean, end - clean);
  }

  private static boolean safe(char c) {
    return c == '\n' || c == '\r' || c == '\t' || !Printable.control(c);
  }

  /** Where a colour sequence starting at {@code escape} ends (exclusive), or -1 if it is none. */
  private static int colourEnd(String text, int escape, int end) {
    if (escape + 1 >= end || text.charAt(escape + 1) != '[') {
      return -1;
    }
    for (int i = escape + 2; i < end; i++) {
      char c = text.charAt(i);
      if (c == 'm') {
        return i + 1;
      }
      if (!(Character.isDigit(c) || c == ';')) {
        return -1;
      }
    }
    return -1;
  }
}
