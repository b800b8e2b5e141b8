package dev.posture.scubagear;

import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.NullNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A Microsoft Graph object as ScubaGear saved it, turned back into what Graph returns. ScubaGear
 * reads Graph through the Graph PowerShell SDK (older versions) or directly (newer ones), and either
 * way writes the names in PascalCase: {@code DisplayName} is Graph's {@code displayName}. The SDK also
 * puts the properties it has no model for in {@code AdditionalProperties} (already in Graph's
 * spelling), and writes a complex property Graph leaves {@code null} as an object whose every value
 * is null; both are undone here. Annotations other than {@code @odata.type} are dropped, and dates
 * are ISO 8601.
 */
final class GraphObjects {
  private static final String ADDITIONAL = "AdditionalProperties";
  private static final String TYPE = "@odata.type";
  /** Where the SDK's PascalCase is not Graph's name with its first letter raised. */
  private static final Map<String, String> RENAMED = Map.of(
      "AllowedToUseSspr", "allowedToUseSSPR",
      "OdataType", TYPE);

  private GraphObjects() {}

  /** One object (or list) as Graph returns it; the object itself is kept even when all its values are null. */
  static JsonNode of(JsonNode value) {
    JsonNode converted = convert(value);
    return converted.isNull() && value.isObject() ? JsonNodeFactory.instance.objectNode() : converted;
  }

  private static JsonNode convert(JsonNode value) {
    if (value.isArray()) {
      ArrayNode list = JsonNodeFactory.instance.arrayNode(value.size());
      value.forEach(v -> list.add(convert(v)));
      return list;
    }
    if (!value.isObject()) {
      return PowerShellValues.dated(value);
    }
    ObjectNode object = JsonNodeFactory.instance.objectNode();
    boolean anyValue = false;
    for (Map.Entry<String, JsonNode> e : value.properties()) {
      String key = e.getKey();
      if (key.equals(ADDITIONAL) && e.getValue().isObject()) {
        continue;
      }
      if (key.contains("@") && !key.equals(TYPE)) {
        continue;
      }
      JsonNode converted = convert(e.getValue());
      object.set(name(key), converted);
      anyValue |= !converted.isNull();
    }
    JsonNode additional = value.get(ADDITIONAL);
    if (additional != null && additional.isObject()) {
      for (Map.Entry<String, JsonNode> e : additional.properties()) {
        if (!object.has(e.getKey()) && (!e.getKey().contains("@") || e.getKey().equals(TYPE))) {
          JsonNode converted = convert(e.getValue());
          object.set(e.getKey(), converted);
          anyValue |= !converted.isNull();
        }
      }
    }
    return anyValue ? object : NullNode.getInstance();
  }

  /** Graph's name for a property ScubaGear wrote in PascalCase. */
  static String name(String key) {
    String renamed = RENAMED.get(key);
    if (renamed != null) {
      return renamed;
    }
    if (key.isEmpty() || !Character.isUpperCase(key.charAt(0))) {
      return key;
    }
    return Character.toLowerCase(key.charAt(0)) + key.substring(1);
  }
}
