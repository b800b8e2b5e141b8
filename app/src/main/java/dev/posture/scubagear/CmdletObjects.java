package dev.posture.scubagear;

import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * An Exchange Online, Defender, Teams or Purview cmdlet's object as ScubaGear saved it: in the
 * cmdlet's own PascalCase, which the snapshot keeps. Dates become ISO 8601, {@code "True"} and
 * {@code "False"} booleans, annotations ({@code Prop@odata.type}) go; and where ScubaGear asks for a
 * property by a spelling of its own, the cmdlet's name is restored.
 */
final class CmdletObjects {
  /** {@code Select-Object CustomerLockboxEnabled} names the output property as it was asked for. */
  private static final Map<String, String> RENAMED = Map.of("CustomerLockboxEnabled", "CustomerLockBoxEnabled");

  private CmdletObjects() {}

  static JsonNode of(JsonNode value) {
    if (value.isArray()) {
      ArrayNode list = JsonNodeFactory.instance.arrayNode(value.size());
      value.forEach(v -> list.add(of(v)));
      return list;
    }
    if (!value.isObject()) {
      return PowerShellValues.cmdletValue(value);
    }
    ObjectNode object = JsonNodeFactory.instance.objectNode();
    for (Map.Entry<String, JsonNode> e : value.properties()) {
      if (!e.getKey().contains("@")) {
        object.set(RENAMED.getOrDefault(e.getKey(), e.getKey()), of(e.getValue()));
      }
    }
    return object;
  }
}
