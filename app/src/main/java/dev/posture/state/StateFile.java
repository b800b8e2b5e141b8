package dev.posture.state;

import dev.posture.input.Document;
import dev.posture.input.DocumentReader;
import dev.posture.input.InputException;
import dev.posture.input.Node;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * A state file as it was read: the state it holds and its lines, so that a change is written back
 * in the file's own style. Only what changed is rewritten (an action, one of its fields, an item of
 * a list, in posture's style at the file's indentation); everything else (flow or block style,
 * quoting, comments, blank lines) stays line for line as it was, so a pull request shows only the
 * change. New actions go in id order, new fields in posture's order, new items after the last.
 *
 * <p>Whatever is written is read back first, with the reader (and schema) every command uses: a
 * text that would not read back as the new state is never written. When the file's layout defeats
 * the splicing (a value spread over lines in an unusual way), the whole file is written in posture's
 * style instead, which is checked the same way.
 */
final class StateFile {
  private static final Pattern FLOW_ITEM = Pattern.compile("\\s*-\\s+\\{.*");

  private final String source;
  private final List<String> lines;
  private final String lineEnd;
  private final boolean bom;
  /** The parsed file; null when there is no file yet. */
  private final Document document;
  private final State state;

  private StateFile(String source, List<String> lines, String lineEnd, boolean bom, Document document, State state) {
    this.source = source;
    this.lines = lines;
    this.lineEnd = lineEnd;
    this.bom = bom;
    this.document = document;
    this.state = state;
  }

  /** A state file that does not exist yet. */
  static StateFile missing(String source) {
    return new StateFile(source, List.of(), "\n", false, null, State.EMPTY);
  }

  /** @throws InputException when the file cannot be parsed, or holds what a state file cannot */
  static StateFile read(String source, byte[] bytes) {
    Document document = DocumentReader.read(source, bytes, true, true);
    State state = new StateLoader().read(document);
    String text = DocumentReader.text(source, bytes);
    List<String> lines = new ArrayList<>(List.of(text.split("\r?\n", -1)));
    if (lines.get(lines.size() - 1).isEmpty()) {
      lines.remove(lines.size() - 1);
    }
    boolean bom = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF;
    return new StateFile(source, List.copyOf(lines), text.contains("\r\n") ? "\r\n" : "\n", bom, document, state);
  }

  State state() {
    return state;
  }

  /**
   * The file's text once it holds {@code after}.
   *
   * @throws InputException when {@code after} holds a value the state file cannot (nothing is written)
   */
  String write(State after) {
    if (document != null && document.root().isObject()) {
      Optional<String> spliced = new Splice(after).text();
      if (spliced.isPresent() && readsBackAs(spliced.get(), after)) {
        return spliced.get();
      }
    }
    String header = document == null ? "" : StateWriter.header(String.join("\n", lines) + "\n");
    String whole = text(new StateWriter().write(after, header).lines().toList());
    State reread;
    try {
      reread = new StateLoader().parse(source, whole.getBytes(StandardCharsets.UTF_8));
    } catch (InputException e) {
      throw new InputException(source, "cannot hold the change: " + (e.path() == null ? "" : e.path() + ": ") + e.problem()
          + "; nothing was written");
    }
    if (!reread.equals(after)) {
      throw new IllegalStateException(source + ": the state written does not read back as the state meant");
    }
    return whole;
  }

  private boolean readsBackAs(String text, State after) {
    try {
      return new StateLoader().parse(source, text.getBytes(StandardCharsets.UTF_8)).equals(after);
    } catch (InputException e) {
      return false;
    }
  }

  private String text(List<String> out) {
    StringBuilder text = new StringBuilder(bom ? "\uFEFF" : "");
    out.forEach(line -> text.append(line).append(lineEnd));
    return text.toString();
  }

  /** The lines {@code [from, to)} a value takes, its key or dash first. */
  private record Span(int from, int to) {}

  /** The new file, built by copying what did not change and writing what did. */
  private final class Splice {
    private final State after;
    private final List<String> out = new ArrayList<>();
    /** The comments and blank lines after the last value copied: they stay before the next old value. */
    private List<String> pending = List.of();
    private final int fieldStep;
    private final int itemStep;

    Splice(State after) {
      this.after = after;
      this.fieldStep = fieldStep();
      this.itemStep = itemStep();
    }

    /** Empty when the file's top level is not one block mapping. */
    Optional<String> text() {
      JsonNode root = document.root();
      List<String> keys = new ArrayList<>(root.propertyNames());
      List<Span> sections = children(new Span(-1, lines.size()), keys.stream().map(k -> Node.childPath("$", k)).toList());
      if (sections == null || sections.isEmpty()) {
        return Optional.empty();
      }
      keyLines(0, sections.get(0).from());
      boolean actionsWritten = false;
      for (int i = 0; i < keys.size(); i++) {
        if (keys.get(i).equals("actions")) {
          actions(sections.get(i), root.get("actions"));
          actionsWritten = true;
        } else {
          if (!actionsWritten && !after.actions().isEmpty()) {
            fresh(StateWriter.actions(after, indents(StateWriter.STEP)));
            actionsWritten = true;
          }
          switch (keys.get(i)) {
            case "goals" -> section(sections.get(i), state.goals().equals(after.goals()), StateWriter.goals(after, StateWriter.STEP));
            case "zones" -> section(sections.get(i), state.zones().equals(after.zones()), StateWriter.zones(after));
            default -> requests(sections.get(i), root.get("remediationRequests"));
          }
        }
      }
      if (!actionsWritten && !after.actions().isEmpty()) {
        fresh(StateWriter.actions(after, indents(StateWriter.STEP)));
      }
      if (!keys.contains("remediationRequests")) {
        fresh(StateWriter.requests(after, StateWriter.STEP));
      }
      if (!keys.contains("goals")) {
        fresh(StateWriter.goals(after, StateWriter.STEP));
      }
      if (!keys.contains("zones")) {
        fresh(StateWriter.zones(after));
      }
      out.addAll(pending);
      return Optional.of(StateFile.this.text(out));
    }

    private void actions(Span span, JsonNode node) {
      if (state.actions().equals(after.actions())) {
        old(span);
        return;
      }
      List<String> ids = node != null && node.isObject() ? new ArrayList<>(node.propertyNames()) : List.of();
      List<Span> entries = ids.isEmpty() ? null : children(span, ids.stream().map(this::actionPath).toList());
      if (entries == null) {
        replace(span, StateWriter.actions(after, indents(StateWriter.STEP)));
        return;
      }
      keyLines(span.from(), entries.get(0).from());
      int entryIndent = indent(entries.get(0).from());
      TreeSet<String> added = new TreeSet<>(after.actions().keySet());
      added.removeAll(ids);
      for (int i = 0; i < ids.size(); i++) {
        String id = ids.get(i);
        while (!added.isEmpty() && added.first().compareTo(id) < 0) {
          String first = added.pollFirst();
          fresh(StateWriter.action(first, after.actions().get(first), indents(entryIndent), false));
        }
        ActionState next = after.actions().get(id);
        if (next == null) {
          drop(entries.get(i));
        } else if (next.equals(state.of(id))) {
          old(entries.get(i));
        } else {
          action(id, entries.get(i), node.get(id), state.of(id), next, entryIndent);
        }
      }
      for (String id : added) {
        fresh(StateWriter.action(id, after.actions().get(id), indents(entryIndent), false));
      }
    }

    private void action(String id, Span span, JsonNode node, ActionState was, ActionState next, int entryIndent) {
      List<String> names = node.isObject() ? new ArrayList<>(node.propertyNames()) : List.of();
      List<Span> fields = names.isEmpty() ? null : children(span, names.stream().map(n -> Node.childPath(actionPath(id), n)).toList());
      if (fields == null) { // flow style, {status: planned, tags: [x]}: written again as it was, on one line
        replace(span, StateWriter.action(id, next, indents(entryIndent), span.to() - span.from() == 1 && !names.isEmpty()));
        return;
      }
      keyLines(span.from(), fields.get(0).from());
      int fieldIndent = indent(fields.get(0).from());
      StateWriter.Indents indents = new StateWriter.Indents(entryIndent, fieldIndent, fieldIndent + itemStep);
      List<String> added = new ArrayList<>(StateWriter.ACTION_FIELDS);
      added.removeAll(names);
      added.removeIf(name -> Objects.equals(value(was, name), value(next, name)));
      for (int i = 0; i < names.size(); i++) {
        String name = names.get(i);
        int order = StateWriter.ACTION_FIELDS.indexOf(name);
        while (!added.isEmpty() && StateWriter.ACTION_FIELDS.indexOf(added.get(0)) < order) {
          fresh(StateWriter.field(added.remove(0), next, indents, false));
        }
        Span field = fields.get(i);
        if (Objects.equals(value(was, name), value(next, name))) {
          old(field);
        } else if (!name.equals("status") && StateWriter.field(name, next, indents, false).isEmpty()) {
          drop(field);
        } else if (order >= StateWriter.ACTION_FIELDS.indexOf("tags")) {
          list(name, field, Node.childPath(actionPath(id), name), node.get(name), was, next, indents);
        } else {
          replace(field, StateWriter.field(name, next, indents, false));
        }
      }
      added.forEach(name -> fresh(StateWriter.field(name, next, indents, false)));
    }

    /** A list of an action: items kept that are still there, new ones after them, in the style of the others. */
    private void list(String name, Span span, String path, JsonNode node, ActionState was, ActionState next,
        StateWriter.Indents indents) {
      List<Span> items = node != null && node.isArray() && !node.isEmpty() ? children(span, itemPaths(path, node.size())) : null;
      if (items == null) { // tags: [a, b] stays a flow list; anything else is written in block style
        boolean flow = node != null && node.isArray() && lines.get(span.from()).contains("[");
        replace(span, StateWriter.field(name, next, indents, flow));
        return;
      }
      keyLines(span.from(), items.get(0).from());
      int dash = indent(items.get(0).from());
      boolean flowItems = FLOW_ITEM.matcher(lines.get(items.get(items.size() - 1).from())).matches();
      List<?> before = value(was, name) instanceof List<?> l ? l : List.of();
      List<?> now = (List<?>) value(next, name);
      List<Object> rendered = StateWriter.items(name, next);
      int j = 0;
      for (int n = 0; n < now.size(); n++) {
        int k = before.subList(Math.min(j, before.size()), before.size()).indexOf(now.get(n));
        if (k < 0) {
          fresh(StateWriter.listItem(rendered.get(n), dash, flowItems));
          continue;
        }
        for (int m = j; m < j + k; m++) {
          drop(items.get(m));
        }
        old(items.get(j + k));
        j += k + 1;
      }
      for (int m = j; m < items.size(); m++) {
        drop(items.get(m));
      }
    }

    /** A section rewritten whole when it changed: goals and zones are a few lines each. */
    private void section(Span span, boolean unchanged, List<String> written) {
      if (unchanged) {
        old(span);
      } else {
        replace(span, written);
      }
    }

    private void requests(Span span, JsonNode node) {
      List<RemediationRequest> was = state.remediationRequests();
      List<RemediationRequest> now = after.remediationRequests();
      if (was.equals(now)) {
        old(span);
        return;
      }
      List<Span> items = node != null && node.isArray() && !node.isEmpty() && now.size() >= was.size()
          ? children(span, itemPaths("$.remediationRequests", node.size())) : null;
      if (items == null) {
        replace(span, StateWriter.requests(after, StateWriter.STEP));
        return;
      }
      keyLines(span.from(), items.get(0).from());
      int dash = indent(items.get(0).from());
      for (int i = 0; i < now.size(); i++) {
        List<StateWriter.Entry> request = StateWriter.request(now.get(i));
        if (i >= was.size()) {
          fresh(StateWriter.item(request, dash, FLOW_ITEM.matcher(lines.get(items.get(was.size() - 1).from())).matches()));
        } else if (now.get(i).equals(was.get(i))) {
          old(items.get(i));
        } else {
          replace(items.get(i), StateWriter.item(request, dash, FLOW_ITEM.matcher(lines.get(items.get(i).from())).matches()));
        }
      }
    }

    /** What an action's field holds, as the state model has it (a missing field holds its default). */
    private static Object value(ActionState action, String name) {
      return switch (name) {
        case "status" -> action.status();
        case "reviewBy" -> action.reviewBy();
        case "tags" -> action.tags();
        case "notes" -> action.notes();
        case "deviceGroupExceptions" -> action.deviceGroupExceptions();
        default -> action.history();
      };
    }

    private String actionPath(String id) {
      return Node.childPath("$.actions", id);
    }

    private static List<String> itemPaths(String path, int size) {
      List<String> paths = new ArrayList<>();
      for (int i = 0; i < size; i++) {
        paths.add(path + "[" + i + "]");
      }
      return paths;
    }

    /**
     * The spans of a container's children, or null unless each starts a line of its own, after the
     * container's first line and in order (block style).
     */
    private List<Span> children(Span parent, List<String> paths) {
      List<Integer> starts = new ArrayList<>();
      int previous = parent.from();
      for (String path : paths) {
        int start = line(path);
        if (start < 0) {
          return null;
        }
        if (start > 0 && !lines.get(start).stripLeading().startsWith("-") && lines.get(start - 1).strip().equals("-")) {
          start--; // an item whose dash stands alone on the line above
        }
        if (start <= previous || start >= parent.to()) {
          return null;
        }
        starts.add(start);
        previous = start;
      }
      List<Span> spans = new ArrayList<>();
      for (int i = 0; i < starts.size(); i++) {
        spans.add(new Span(starts.get(i), i + 1 < starts.size() ? starts.get(i + 1) : parent.to()));
      }
      return spans;
    }

    /** The columns from an action's id to its fields in the file, as its first block action has them. */
    private int fieldStep() {
      JsonNode actions = document.root().get("actions");
      for (String id : actions != null && actions.isObject() ? actions.propertyNames() : List.<String>of()) {
        JsonNode action = actions.get(id);
        if (action.isObject() && !action.isEmpty()) {
          int entry = line(actionPath(id));
          int field = line(Node.childPath(actionPath(id), action.propertyNames().iterator().next()));
          if (entry >= 0 && field > entry) {
            return indent(field) - indent(entry);
          }
        }
      }
      return StateWriter.STEP;
    }

    /** The columns from a field to the dashes of its list, as the file's first block list has them, else as its fields are indented. */
    private int itemStep() {
      JsonNode actions = document.root().get("actions");
      for (String id : actions != null && actions.isObject() ? actions.propertyNames() : List.<String>of()) {
        for (String field : actions.get(id).isObject() ? actions.get(id).propertyNames() : List.<String>of()) {
          String path = Node.childPath(actionPath(id), field);
          int key = line(path);
          int item = line(path + "[0]");
          if (key >= 0 && item > key) {
            return indent(item) - indent(key);
          }
        }
      }
      return fieldStep;
    }

    /** The 0-based line a path's value starts on, or -1. */
    private int line(String path) {
      Integer line = document.lines().get(path);
      return line == null ? -1 : line - 1;
    }

    private StateWriter.Indents indents(int entryIndent) {
      return new StateWriter.Indents(entryIndent, entryIndent + fieldStep, entryIndent + fieldStep + itemStep);
    }

    private int indent(int line) {
      String text = lines.get(line);
      return text.length() - text.stripLeading().length();
    }

    /** A value as it was, with the comments and blank lines after it held back. */
    private void old(Span span) {
      int end = contentEnd(span);
      out.addAll(pending);
      out.addAll(lines.subList(span.from(), end));
      pending = lines.subList(end, span.to());
    }

    /** A value gone; the comments after it stay. */
    private void drop(Span span) {
      out.addAll(pending);
      pending = lines.subList(contentEnd(span), span.to());
    }

    /** A value written again in its place. */
    private void replace(Span span, List<String> written) {
      out.addAll(pending);
      out.addAll(written);
      pending = lines.subList(contentEnd(span), span.to());
    }

    /** The lines of a container before its first child: its key, and comments. */
    private void keyLines(int from, int to) {
      out.addAll(pending);
      out.addAll(lines.subList(from, to));
      pending = List.of();
    }

    /** A new value, before the comments after the value it follows. */
    private void fresh(List<String> written) {
      out.addAll(written);
    }

    private int contentEnd(Span span) {
      int end = span.to();
      while (end > span.from() + 1 && (lines.get(end - 1).isBlank() || lines.get(end - 1).strip().startsWith("#"))) {
        end--;
      }
      return end;
    }
  }
}
