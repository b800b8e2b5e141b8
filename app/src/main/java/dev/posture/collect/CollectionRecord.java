package dev.posture.collect;

import java.io.IOException;
import java.io.OutputStream;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code collection.json}: what was collected, when, and what was not and why. Never a token. */
final class CollectionRecord {
  static final int SCHEMA_VERSION = 1;

  private CollectionRecord() {}

  static void write(OutputStream out, String tool, Cloud cloud, Collector.Result result) throws IOException {
    ObjectNode root = Json.MAPPER.createObjectNode();
    root.put("schemaVersion", SCHEMA_VERSION);
    root.put("tool", tool);
    root.put("source", "posture collect");
    root.put("tenantId", result.tenantId());
    root.put("cloud", cloud.label());
    root.put("startedAt", result.startedAt().toString());
    root.put("finishedAt", result.finishedAt().toString());
    ArrayNode sections = root.putArray("sections");
    for (SectionResult s : result.sections()) {
      ObjectNode section = sections.addObject();
      section.put("name", s.section().key());
      section.put("collected", s.collected());
      if (s.count() != null) {
        section.put("count", s.count());
      }
      if (s.collected()) {
        section.put("milliseconds", s.milliseconds());
      }
      if (s.reason() != null) {
        section.put("reason", s.reason());
      }
      if (s.httpStatus() != null) {
        section.put("httpStatus", s.httpStatus());
      }
      if (s.errorCode() != null) {
        section.put("errorCode", s.errorCode());
      }
      if (s.permission() != null) {
        section.put("permission", s.permission());
      }
      if (!s.endpoints().isEmpty()) {
        ArrayNode endpoints = section.putArray("endpoints");
        s.endpoints().forEach(endpoints::add);
      }
    }
    out.write(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
    out.write('\n');
  }
}
