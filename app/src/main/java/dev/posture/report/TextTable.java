package dev.posture.report;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.function.UnaryOperator;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A kubectl-style table: upper-case headers, no borders, columns two spaces apart, numbers
 * right-aligned. Widths come from the data. With a width to fit (a terminal, or --width), a row never takes
 * more: first the columns marked {@link #optional()} are left out, from the right; then text
 * columns give way, the widest first, and their cells end in an ellipsis (numbers and pictures keep
 * their width); when the table does not fit even so, columns are left out from the right.
 */
public final class TextTable {
  /** How narrow a text column may become: a few letters and the ellipsis. */
  private static final int NARROWEST = 6;
  /** Optional columns stay while text columns of this width leave room for them. */
  private static final int COMFORTABLE = 30;
  private static final int GAP = 2;

  /** Text shrinks; numbers are right-aligned and keep their width; fixed columns (pictures) too. */
  private enum Kind { TEXT, NUMBER, FIXED }

  /** The headers as given, in sentence case: Markdown shows them so, the table in capitals, CSV in lower case. */
  private final List<String> labels = new ArrayList<>();
  private final List<Kind> kinds = new ArrayList<>();
  /** Columns of ids, which Markdown shows as code spans as it shows every id. */
  private final List<Boolean> ids = new ArrayList<>();
  private final List<UnaryOperator<String>> styles = new ArrayList<>();
  private final List<Boolean> optional = new ArrayList<>();
  private final List<List<String>> rows = new ArrayList<>();

  public TextTable column(String header) {
    return add(header, Kind.TEXT);
  }

  public TextTable numberColumn(String header) {
    return add(header, Kind.NUMBER);
  }

  /** A left-aligned column that is never shortened, e.g. a bar. */
  public TextTable fixedColumn(String header) {
    return add(header, Kind.FIXED);
  }

  private TextTable add(String header, Kind kind) {
    labels.add(header);
    kinds.add(kind);
    styles.add(UnaryOperator.identity());
    optional.add(false);
    ids.add(false);
    return this;
  }

  /** Marks the last column added as one of ids. */
  public TextTable ids() {
    ids.set(ids.size() - 1, true);
    return this;
  }

  /** Marks the last column added as the first to leave out when the table is too wide for the screen. */
  public TextTable optional() {
    optional.set(optional.size() - 1, true);
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

  /** The headers, in sentence case. */
  public List<String> headers() {
    return List.copyOf(labels);
  }

  /** The rows, each cell on one line. */
  public List<List<String>> rows() {
    return List.copyOf(rows);
  }

  public TextTable row(String... cells) {
    if (cells.length != labels.size()) {
      throw new IllegalArgumentException("expected " + labels.size() + " cells, got " + cells.length);
    }
    rows.add(Arrays.stream(cells).map(Printable::line).toList()); // a cell is one line, whatever the data holds
    return this;
  }

  public void print(OutputContext context, PrintWriter out) {
    List<String> headers = labels.stream().map(l -> l.toUpperCase(Locale.ROOT)).toList();
    int[] widths = new int[headers.size()];
    for (int c = 0; c < widths.length; c++) {
      widths[c] = headers.get(c).length();
      for (List<String> row : rows) {
        widths[c] = Math.max(widths[c], row.get(c).length());
      }
    }
    boolean[] shown = fit(widths, context.width());
    String ellipsis = context.ellipsis();
    printRow(out, headers, widths, shown, ellipsis, false);
    for (List<String> row : rows) {
      printRow(out, row, widths, shown, ellipsis, true);
    }
  }

  /**
   * The same rows as CSV (RFC 4180, a header row, formula prefixes neutralised), for a spreadsheet.
   * Pictures are left out, as in every format but the table.
   */
  public void csv(PrintWriter out) {
    try {
      CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180);
      printer.printRecord(data(labels).stream().map(l -> CsvReport.cell(l.toLowerCase(Locale.ROOT))).toList());
      for (List<String> row : rows) {
        printer.printRecord(data(row).stream().map(CsvReport::cell).toList());
      }
      printer.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The same rows as a Markdown table, numbers right-aligned, every cell escaped. */
  public void markdown(PrintWriter out) {
    StringBuilder alignment = new StringBuilder("|");
    for (int c = 0; c < kinds.size(); c++) {
      if (kinds.get(c) != Kind.FIXED) {
        alignment.append(kinds.get(c) == Kind.NUMBER ? "---:|" : "---|");
      }
    }
    List<String> headers = data(labels).stream().map(MarkdownReport::cell).toList();
    List<List<String>> cells = new ArrayList<>();
    for (List<String> row : rows) {
      List<String> line = new ArrayList<>();
      for (int c = 0; c < row.size(); c++) {
        if (kinds.get(c) != Kind.FIXED) {
          line.add(ids.get(c) ? MarkdownReport.code(row.get(c)) : MarkdownReport.cell(row.get(c)));
        }
      }
      cells.add(line);
    }
    MarkdownReport.table(out, headers, alignment.toString(), cells);
  }

  /** The cells of a row but those of picture columns. */
  private List<String> data(List<String> row) {
    List<String> cells = new ArrayList<>();
    for (int c = 0; c < row.size(); c++) {
      if (kinds.get(c) != Kind.FIXED) {
        cells.add(row.get(c));
      }
    }
    return cells;
  }

  /** Narrows {@code widths} to the budget and returns which columns are shown. */
  private boolean[] fit(int[] widths, OptionalInt budget) {
    boolean[] shown = new boolean[widths.length];
    Arrays.fill(shown, true);
    if (budget.isEmpty()) {
      return shown;
    }
    int limit = budget.getAsInt();
    for (int c = widths.length - 1; c >= 0 && total(widths, shown, COMFORTABLE) > limit; c--) {
      shown[c] = !optional.get(c);
    }
    for (int c = widths.length - 1; c > 0 && total(widths, shown, NARROWEST) > limit; c--) {
      shown[c] = false;
    }
    for (int excess = total(widths, shown, Integer.MAX_VALUE) - limit; excess > 0; excess--) {
      int widest = -1;
      for (int c = 0; c < widths.length; c++) {
        if (shown[c] && kinds.get(c) == Kind.TEXT && widths[c] > NARROWEST && (widest < 0 || widths[c] > widths[widest])) {
          widest = c;
        }
      }
      widths[widest]--;
    }
    return shown;
  }

  /** The width of a row of the shown columns, with text columns cut to {@code textWidth}. */
  private int total(int[] widths, boolean[] shown, int textWidth) {
    int total = -GAP;
    for (int c = 0; c < widths.length; c++) {
      if (shown[c]) {
        total += GAP + (kinds.get(c) == Kind.TEXT ? Math.min(widths[c], textWidth) : widths[c]);
      }
    }
    return total;
  }

  private void printRow(PrintWriter out, List<String> cells, int[] widths, boolean[] shown, String ellipsis, boolean data) {
    StringBuilder line = new StringBuilder();
    int last = widths.length - 1;
    while (!shown[last]) {
      last--;
    }
    for (int c = 0; c <= last; c++) {
      if (!shown[c]) {
        continue;
      }
      String plain = shorten(cells.get(c), widths[c], ellipsis);
      String pad = " ".repeat(widths[c] - plain.length());
      String cell = data ? styles.get(c).apply(plain) : plain;
      if (kinds.get(c) == Kind.NUMBER) {
        line.append(pad).append(cell);
      } else {
        line.append(cell);
        if (c < last) {
          line.append(pad);
        }
      }
      if (c < last) {
        line.append(" ".repeat(GAP));
      }
    }
    out.println(line.toString().stripTrailing());
  }

  private static String shorten(String text, int width, String ellipsis) {
    if (text.length() <= width) {
      return text;
    }
    return width <= ellipsis.length() ? text.substring(0, width) : text.substring(0, width - ellipsis.length()) + ellipsis;
  }
}
