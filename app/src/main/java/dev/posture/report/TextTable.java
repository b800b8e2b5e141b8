package dev.posture.report;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A kubectl-style table: upper-case headers, no borders, columns two spaces apart, numbers
 * right-aligned. Widths come from the data.
 */
public final class TextTable {
  private final List<String> headers = new ArrayList<>();
  private final List<Boolean> rightAligned = new ArrayList<>();
  private final List<UnaryOperator<String>> styles = new ArrayList<>();
  private final List<List<String>> rows = new ArrayList<>();

  public TextTable column(String header) {
    headers.add(header.toUpperCase(java.util.Locale.ROOT));
    rightAligned.add(false);
    styles.add(UnaryOperator.identity());
    return this;
  }

  /**
   * Wraps each data cell of the last column added, e.g. in a terminal colour; widths and padding are
   * worked out on the plain text.
   */
  public TextTable styled(UnaryOperator<String> style) {
    styles.set(styles.size() - 1, style);
    return this;
  }

  public TextTable numberColumn(String header) {
    column(header);
    rightAligned.set(rightAligned.size() - 1, true);
    return this;
  }

  public TextTable row(String... cells) {
    if (cells.length != headers.size()) {
      throw new IllegalArgumentException("expected " + headers.size() + " cells, got " + cells.length);
    }
    rows.add(List.of(cells));
    return this;
  }

  public void print(PrintWriter out) {
    int[] widths = new int[headers.size()];
    for (int c = 0; c < widths.length; c++) {
      widths[c] = headers.get(c).length();
      for (List<String> row : rows) {
        widths[c] = Math.max(widths[c], row.get(c).length());
      }
    }
    printRow(out, headers, widths, false);
    for (List<String> row : rows) {
      printRow(out, row, widths, true);
    }
  }

  private void printRow(PrintWriter out, List<String> cells, int[] widths, boolean data) {
    StringBuilder line = new StringBuilder();
    for (int c = 0; c < cells.size(); c++) {
      String plain = cells.get(c);
      boolean last = c == cells.size() - 1;
      String pad = " ".repeat(widths[c] - plain.length());
      String cell = data ? styles.get(c).apply(plain) : plain;
      if (rightAligned.get(c)) {
        line.append(pad).append(cell);
      } else {
        line.append(cell);
        if (!last) {
          line.append(pad);
        }
      }
      if (!last) {
        line.append("  ");
      }
    }
    out.println(line.toString().stripTrailing());
  }
}
