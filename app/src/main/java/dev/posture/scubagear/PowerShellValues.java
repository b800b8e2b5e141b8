package dev.posture.scubagear;

import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.BooleanNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * How PowerShell's {@code ConvertTo-Json} writes what the APIs give as other types: a date as
 * {@code /Date(1678341694000)/} (milliseconds since 1970, perhaps with the writer's offset after
 * them), and, in some cmdlets' output, a boolean as {@code "True"} or {@code "False"}.
 */
final class PowerShellValues {
  private static final Pattern DATE = Pattern.compile("/Date\\((-?\\d{1,15})(?:[+-]\\d{4})?\\)/");

  private PowerShellValues() {}

  /** The ISO 8601 instant a {@code /Date(ms)/} string stands for; the milliseconds are UTC whatever offset follows. */
  static Optional<String> date(String text) {
    Matcher m = DATE.matcher(text);
    return m.matches() ? Optional.of(Instant.ofEpochMilli(Long.parseLong(m.group(1))).toString()) : Optional.empty();
  }

  /** A string value as the API gave it: a date made ISO 8601, other strings as they are. */
  static JsonNode dated(JsonNode value) {
    if (value.isString()) {
      Optional<String> date = date(value.stringValue());
      if (date.isPresent()) {
        return JsonNodeFactory.instance.stringNode(date.get());
      }
    }
    return value;
  }

  /** Also {@code "True"} and {@code "False"} made booleans, as the collector writes a cmdlet's booleans. */
  static JsonNode cmdletValue(JsonNode value) {
    if (value.isString() && (value.stringValue().equals("True") || value.stringValue().equals("False"))) {
      return BooleanNode.valueOf(value.stringValue().equals("True"));
    }
    return dated(value);
  }
}
