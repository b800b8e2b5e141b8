package dev.posture.report;

import java.io.PrintWriter;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** How posture writes JSON: indented, one document per output, the schema version first. */
final class Json {
  static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final JsonMapper MAPPER = JsonMapper.builder()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
      .build();

  private Json() {}

  static ObjectNode document() {
    return NODES.objectNode().put("schemaVersion", JsonReport.SCHEMA_VERSION);
  }

  static void print(JsonNode node, PrintWriter out) {
    MAPPER.writeValue(out, node);
    out.println();
    out.flush();
  }
}
