package dev.posture.input;

import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * A parsed JSON or YAML document with the line of every value, so that errors found after parsing
 * (a wrong type, an unknown field, a check that does not compile) can still name a line.
 *
 * @param source how the user named the file, used in messages
 * @param root the parsed tree
 * @param lines JSON path (as {@link Node#path()} spells it) to 1-based line; empty when not tracked
 */
public record Document(String source, JsonNode root, Map<String, Integer> lines) {

  public Node rootNode() {
    return new Node(this, root, "$");
  }

  /** The line of the value at {@code path}, or of its nearest ancestor that has one; 0 if none. */
  public int lineOf(String path) {
    String p = path;
    while (p != null && !p.isEmpty()) {
      Integer line = lines.get(p);
      if (line != null) {
        return line;
      }
      p = parent(p);
    }
    return 0;
  }

  private static String parent(String path) {
    int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
    return cut <= 0 ? null : path.substring(0, cut);
  }
}
