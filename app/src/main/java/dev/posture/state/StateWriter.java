package dev.posture.state;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;

/**
 * Writes a state as YAML that reads well in a diff: block style only, actions sorted by id, fields in
 * a fixed order, one value per line, and a scalar quoted only when plain YAML could misread it. The
 * comment lines at the top of the file it replaces are kept.
 */
public final class StateWriter {
  private static final Pattern ISO_DATE_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2}))?");
  private static final Pattern PLAIN = Pattern.compile("[\\p{L}\\p{N}][^\\p{Cntrl}\"'`{}\\[\\]]*");
  private static final List<String> YAML_WORDS = List.of("true", "false", "yes", "no", "on", "off", "y", "n", "null", "~");

  public String write(State state, String header) {
    StringBuilder out = new StringBuilder(header);
    Map<String, ActionState> sorted = new TreeMap<>(state.actions());
    sorted.values().removeIf(ActionState.DEFAULT::equals);
    if (sorted.isEmpty()) {
      out.append("actions: {}\n");
    } else {
      out.append("actions:\n");
      sorted.forEach((id, action) -> action(out, id, action));
    }
    if (!state.remediationRequests().isEmpty()) {
      out.append("remediationRequests:\n");
      for (RemediationRequest r : state.remediationRequests()) {
        Item item = new Item(out, "  ");
        item.field("action", r.action());
        item.field("due", r.due().toString());
        item.field("owner", r.owner());
        item.field("note", r.note());
        item.field("requestedBy", r.requestedBy());
        item.field("requestedAt", r.requestedAt());
      }
    }
    return out.toString();
  }

  /** The comment lines (and blank lines among them) a file starts with, to carry over on rewrite. */
  public static String header(String existing) {
    StringBuilder header = new StringBuilder();
    for (String line : existing.lines().toList()) {
      if (!line.startsWith("#") && !line.isBlank()) {
        break;
      }
      header.append(line).append('\n');
    }
    return header.toString();
  }

  private static void action(StringBuilder out, String id, ActionState action) {
    out.append("  ").append(scalar(id)).append(":\n");
    out.append("    status: ").append(action.status().key()).append('\n');
    date(out, "    ", "reviewBy", action.reviewBy());
    if (!action.tags().isEmpty()) {
      out.append("    tags:\n");
      for (String tag : action.tags()) {
        out.append("      - ").append(scalar(tag)).append('\n');
      }
    }
    list(out, "notes", action.notes(), (item, n) -> {
      item.field("text", n.text());
      item.field("by", n.by());
      item.field("at", n.at());
    });
    list(out, "deviceGroupExceptions", action.deviceGroupExceptions(), (item, e) -> {
      item.field("group", e.group());
      item.field("status", e.status().key());
      item.field("note", e.note());
      e.reviewBy().ifPresent(d -> item.field("reviewBy", d.toString()));
      item.field("by", e.by());
      item.field("at", e.at());
    });
    list(out, "history", action.history(), (item, c) -> {
      item.field("at", c.at());
      item.field("by", c.by());
      item.field("from", c.from().key());
      item.field("to", c.to().key());
      item.field("note", c.note());
    });
  }

  private static <T> void list(StringBuilder out, String name, List<T> items, BiConsumer<Item, T> fields) {
    if (items.isEmpty()) {
      return;
    }
    out.append("    ").append(name).append(":\n");
    for (T t : items) {
      fields.accept(new Item(out, "      "), t);
    }
  }

  private static void date(StringBuilder out, String indent, String name, Optional<LocalDate> date) {
    date.ifPresent(d -> out.append(indent).append(name).append(": ").append(d).append('\n'));
  }

  /** One mapping in a block list: the first field after "- ", the others aligned under it. */
  private static final class Item {
    private final StringBuilder out;
    private final String indent;
    private boolean first = true;

    Item(StringBuilder out, String indent) {
      this.out = out;
      this.indent = indent;
    }

    /** Empty values are left out; the loader reads a missing optional field as empty. */
    void field(String name, String value) {
      if (value.isEmpty()) {
        return;
      }
      out.append(indent).append(first ? "- " : "  ").append(name).append(": ").append(scalar(value)).append('\n');
      first = false;
    }
  }

  /** A YAML scalar: plain when it cannot be misread as anything but this string, else double-quoted. */
  static String scalar(String text) {
    if (ISO_DATE_TIME.matcher(text).matches() || isPlain(text)) {
      return text;
    }
    StringBuilder quoted = new StringBuilder("\"");
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> quoted.append("\\\"");
        case '\\' -> quoted.append("\\\\");
        case '\n' -> quoted.append("\\n");
        case '\t' -> quoted.append("\\t");
        case '\r' -> quoted.append("\\r");
        default -> {
          if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || c == '\u0085' || c == '\ufeff') {
            quoted.append(String.format("\\u%04x", (int) c));
          } else {
            quoted.append(c);
          }
        }
      }
    }
    return quoted.append('"').toString();
  }

  private static boolean isPlain(String text) {
    return PLAIN.matcher(text).matches()
        && !Character.isDigit(text.charAt(0))
        && !text.endsWith(" ")
        && !text.endsWith(":")
        && !text.contains(": ")
        && !text.contains(" #")
        && !YAML_WORDS.contains(text.toLowerCase(Locale.ROOT));
  }
}
