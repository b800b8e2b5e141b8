package dev.posture.tenant;

import java.io.IOException;
import java.io.OutputStream;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes {@code collection.json} as {@code docs/tenant-folder.md} lays it out: only the fields a
 * record holds, in the schema's order. It never holds a token: nothing in the record can.
 */
public final class CollectionWriter {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  public void write(CollectionRecord record, OutputStream out) throws IOException {
    ObjectNode root = JSON.createObjectNode();
    root.put("schemaVersion", CollectionRecord.SCHEMA_VERSION);
    text(root, "tool", record.tool());
    text(root, "source", record.source());
    record.tenantId().ifPresent(id -> root.put("tenantId", id));
    record.cloud().ifPresent(cloud -> root.put("cloud", cloud));
    text(root, "startedAt", record.startedAt());
    text(root, "finishedAt", record.finishedAt());
    ArrayNode sections = root.putArray("sections");
    for (CollectionRecord.Section s : record.sections()) {
      ObjectNode section = sections.addObject();
      section.put("name", s.name());
      section.put("collected", s.collected());
      s.count().ifPresent(count -> section.put("count", count));
      s.milliseconds().ifPresent(ms -> section.put("milliseconds", ms));
      s.reason().ifPresent(reason -> section.put("reason", reason));
      s.httpStatus().ifPresent(status -> section.put("httpStatus", status));
      s.errorCode().ifPresent(code -> section.put("errorCode", code));
      s.permission().ifPresent(permission -> section.put("permission", permission));
      if (!s.endpoints().isEmpty()) {
        ArrayNode endpoints = section.putArray("endpoints");
        s.endpoints().forEach(endpoints::add);
      }
    }
    out.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
    out.write('\n');
  }

  /** The record's empty strings are fields it does not have. */
  private static void text(ObjectNode root, String name, String value) {
    if (!value.isEmpty()) {
      root.put(name, value);
    }
  }
}
