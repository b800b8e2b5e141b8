package dev.posture.state;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Writes a state as YAML that reads well in a diff: block style, actions sorted by id, fields in a
 * fixed order, one value per line, and a scalar quoted only when plain YAML could misread it. The
 * comment lines at the top of the file it replaces are kept. Each part (an action, one of its
 * fields, an item of a list) can be written alone, at the indentation and in the style (block or
 * flow) of the file it goes into, so that {@link StateFile} can rewrite only what changed.
 */
public final class StateWriter {
  private static final Pattern ISO_DATE_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2}))?");
  private static final Pattern PLAIN = Pattern.compile("[\\p{L}\\p{N}][^\\p{Cntrl}\"'`{}\\[\\]]*");
  private static final List<String> YAML_WORDS = List.of("true", "false", "yes", "no", "on", "off", "y", "n", "null", "~");

  /** The fields of an action, in the order they are written. */
  static final List<String> ACTION_FIELDS = List.of("status", "reviewBy", "tags", "notes", "deviceGroupExceptions", "history");

  /** One step of indentation, as posture writes it. */
  static final int STEP = 2;

  /** The columns of a file's parts: action ids, their fields, and the dashes of the fields' lists. */
  record Indents(int entry, int field, int item) {
    static final Indents DEFAULT = new Indents(STEP, 2 * STEP, 3 * STEP);
  }

  /** A field of an item of a list: a scalar, or (for how a request ended) a mapping of its own. */
  record Entry(String name, Object value) {}

  public String write(State state, String header) {
    List<String> lines = new ArrayList<>(actions(state, Indents.DEFAULT));
    lines.addAll(requests(state, STEP));
    lines.addAll(goals(state, STEP));
    lines.addAll(zones(state));
    StringBuilder out = new StringBuilder(header);
    lines.forEach(line -> out.append(line).append('\n'));
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

  /** The {@code actions} section, sorted by id. */
  static List<String> actions(State state, Indents indents) {
    Map<String, ActionState> sorted = new TreeMap<>(state.actions());
    if (sorted.isEmpty()) {
      return List.of("actions: {}");
    }
    List<String> lines = new ArrayList<>(List.of("actions:"));
    sorted.forEach((id, action) -> lines.addAll(action(id, action, indents, false)));
    return lines;
  }

  /** The {@code remediationRequests} section, or nothing when there is none; its dashes at {@code indent}. */
  static List<String> requests(State state, int indent) {
    if (state.remediationRequests().isEmpty()) {
      return List.of();
    }
    List<String> lines = new ArrayList<>(List.of("remediationRequests:"));
    for (RemediationRequest r : state.remediationRequests()) {
      lines.addAll(item(request(r), indent, false));
    }
    return lines;
  }

  /** The {@code goals} section, one item a view, or nothing when there is none; its dashes at {@code indent}. */
  static List<String> goals(State state, int indent) {
    if (state.goals().isEmpty()) {
      return List.of();
    }
    List<String> lines = new ArrayList<>(List.of("goals:"));
    String field = spaces(indent + STEP);
    for (Goal g : state.goals()) {
      // the target is a number, which entries (text) would quote
      lines.add(spaces(indent) + "- view: " + scalar(g.view()));
      lines.add(field + "target: " + number(g.target()));
      lines.add(field + "by: " + g.by());
      for (Entry e : entries("setBy", g.setBy(), "setAt", g.setAt())) {
        lines.add(field + e.name() + ": " + scalar((String) e.value()));
      }
    }
    return lines;
  }

  /** The {@code zones} mapping, or nothing when the tenant set none. */
  static List<String> zones(State state) {
    return state.zones().map(z -> List.of("zones:", spaces(STEP) + "redUnder: " + number(z.redUnder()),
        spaces(STEP) + "amberUnder: " + number(z.amberUnder()))).orElse(List.of());
  }

  /** 70, 72.5: a whole number without its decimals. */
  private static String number(double value) {
    return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
  }

  /** One action: its id and its fields, or with {@code flow} its id and its fields on one line. */
  static List<String> action(String id, ActionState action, Indents indents, boolean flow) {
    if (flow) {
      List<String> fields = new ArrayList<>();
      for (String name : ACTION_FIELDS) {
        flowField(name, action).ifPresent(fields::add);
      }
      return List.of(spaces(indents.entry()) + scalar(id) + ": {" + String.join(", ", fields) + "}");
    }
    List<String> lines = new ArrayList<>(List.of(spaces(indents.entry()) + scalar(id) + ":"));
    for (String name : ACTION_FIELDS) {
      lines.addAll(field(name, action, indents, false));
    }
    return lines;
  }

  /**
   * One field of an action, in block style (a list with one item a line) or flow style ({@code tags:
   * [a, b]}); nothing when it is empty. The status is always written.
   */
  static List<String> field(String name, ActionState action, Indents indents, boolean flow) {
    String key = spaces(indents.field()) + name + ":";
    if (flow) {
      return flowField(name, action).map(f -> List.of(spaces(indents.field()) + f)).orElse(List.of());
    }
    return switch (name) {
      case "status" -> List.of(key + " " + action.status().key());
      case "reviewBy" -> action.reviewBy().map(d -> List.of(key + " " + d)).orElse(List.of());
      default -> {
        List<Object> items = items(name, action);
        if (items.isEmpty()) {
          yield List.of();
        }
        List<String> lines = new ArrayList<>(List.of(key));
        items.forEach(item -> lines.addAll(listItem(item, indents.item(), false)));
        yield lines;
      }
    };
  }

  /** A field as it is written inside a flow mapping, or empty when there is nothing to write. */
  private static Optional<String> flowField(String name, ActionState action) {
    return switch (name) {
      case "status" -> Optional.of("status: " + action.status().key());
      case "reviewBy" -> action.reviewBy().map(d -> "reviewBy: " + d);
      default -> {
        List<Object> items = items(name, action);
        yield items.isEmpty() ? Optional.empty()
            : Optional.of(name + ": [" + String.join(", ", items.stream().map(StateWriter::flow).toList()) + "]");
      }
    };
  }

  /** The items of one of an action's lists: tags as strings, the others as entries. */
  static List<Object> items(String name, ActionState action) {
    return switch (name) {
      case "tags" -> List.copyOf(action.tags());
      case "notes" -> action.notes().stream().<Object>map(StateWriter::note).toList();
      case "deviceGroupExceptions" -> action.deviceGroupExceptions().stream().<Object>map(StateWriter::exception).toList();
      case "history" -> action.history().stream().<Object>map(StateWriter::change).toList();
      default -> throw new IllegalArgumentException("not a list of an action: " + name);
    };
  }

  /** An item of a list: a string, or a mapping with one field a line (or, with {@code flow}, on one line). */
  @SuppressWarnings("unchecked")
  static List<String> listItem(Object item, int indent, boolean flow) {
    if (item instanceof String text) {
      return List.of(spaces(indent) + "- " + scalar(text));
    }
    return item((List<Entry>) item, indent, flow);
  }

  /** A mapping as an item of a block list, its dash at {@code indent}; empty values are left out. */
  static List<String> item(List<Entry> entries, int indent, boolean flow) {
    if (flow) {
      return List.of(spaces(indent) + "- " + flow(entries));
    }
    List<String> lines = new ArrayList<>();
    mapping(entries, indent, "- ", lines);
    return lines;
  }

  @SuppressWarnings("unchecked")
  private static void mapping(List<Entry> entries, int indent, String first, List<String> lines) {
    String lead = spaces(indent) + first;
    for (Entry e : entries) {
      if (e.value() instanceof List<?> nested) {
        lines.add(lead + e.name() + ":");
        mapping((List<Entry>) nested, indent + first.length() + STEP, "", lines);
      } else {
        lines.add(lead + e.name() + ": " + scalar((String) e.value()));
      }
      lead = spaces(indent + first.length());
    }
  }

  /** A value in flow style: {@code {a: 1, b: x}} for a mapping. */
  @SuppressWarnings("unchecked")
  private static String flow(Object value) {
    if (value instanceof String text) {
      return flowScalar(text);
    }
    List<String> fields = new ArrayList<>();
    for (Entry e : (List<Entry>) value) {
      fields.add(e.name() + ": " + flow(e.value()));
    }
    return "{" + String.join(", ", fields) + "}";
  }

  static List<Entry> note(ActionState.Note n) {
    return entries("text", n.text(), "by", n.by(), "at", n.at());
  }

  static List<Entry> change(ActionState.Change c) {
    return entries("at", c.at(), "by", c.by(), "from", c.from().key(), "to", c.to().key(), "note", c.note(),
        "reviewBy", c.reviewBy().map(Object::toString).orElse(""));
  }

  static List<Entry> exception(ActionState.DeviceGroupException e) {
    return entries("group", e.group(), "status", e.status().key(), "note", e.note(),
        "reviewBy", e.reviewBy().map(Object::toString).orElse(""), "by", e.by(), "at", e.at());
  }

  static List<Entry> request(RemediationRequest r) {
    List<Entry> entries = new ArrayList<>(entries("action", r.action(), "due", r.due().toString(), "owner", r.owner(),
        "note", r.note(), "requestedBy", r.requestedBy(), "requestedAt", r.requestedAt()));
    r.ending().ifPresent(e -> entries.add(new Entry(e.kind().label(), entries("by", e.by(), "at", e.at(), "note", e.note()))));
    return entries;
  }

  /** Name and value pairs; an empty value is left out, as the loader reads a missing optional field as empty. */
  private static List<Entry> entries(String... namesAndValues) {
    List<Entry> entries = new ArrayList<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      if (!namesAndValues[i + 1].isEmpty()) {
        entries.add(new Entry(namesAndValues[i], namesAndValues[i + 1]));
      }
    }
    return entries;
  }

  static String spaces(int n) {
    return " ".repeat(n);
  }

  /** A YAML scalar: plain when it cannot be misread as anything but this string, else double-quoted. */
  static String scalar(String text) {
    if (ISO_DATE_TIME.matcher(text).matches() || isPlain(text)) {
      return text;
    }
    return quoted(text);
  }

  /** A scalar inside a flow collection, where a comma ends a plain one too. */
  private static String flowScalar(String text) {
    return text.contains(",") ? quoted(text) : scalar(text);
  }

  private static String quoted(String text) {
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
