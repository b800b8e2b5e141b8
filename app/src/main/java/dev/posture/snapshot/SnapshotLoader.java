package dev.posture.snapshot;

import dev.posture.catalog.Collection;
import dev.posture.input.Document;
import dev.posture.input.DocumentReader;
import dev.posture.input.Node;
import dev.posture.input.SchemaValidator;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Reads a tenant snapshot (JSON or YAML) and checks the shape of what scoring relies on. Unknown
 * sections are kept and passed to checks: snapshots grow as Graph does.
 */
public final class SnapshotLoader {
  /** Above this size, line numbers are not recorded; messages then name the JSON path only. */
  private static final int TRACK_LINES_BELOW = 8 * 1024 * 1024;

  public Snapshot load(SnapshotLocation location, InputStream stdin) {
    String source = location.describe();
    byte[] bytes = location.snapshot()
        .map(DocumentReader::readBytes)
        .orElseGet(() -> DocumentReader.readAll(stdin, source));
    Boolean yaml = location.snapshot().map(p -> DocumentReader.isYaml(p.getFileName().toString())).orElse(null);
    return load(DocumentReader.read(source, bytes, yaml, bytes.length < TRACK_LINES_BELOW));
  }

  Snapshot load(Document document) {
    SchemaValidator.SNAPSHOT.validate(document);
    Node root = document.rootNode().object();
    TenantInfo tenant = tenant(root.field("tenant"));
    Map<Collection, List<Map<String, Object>>> collections = new EnumMap<>(Collection.class);
    for (Collection c : Collection.values()) {
      collections.put(c, elements(root.field(c.section())));
    }
    Map<String, Object> settings = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : document.root().properties()) {
      if (!isCollection(e.getKey())) {
        settings.put(e.getKey(), CelValues.of(e.getValue()));
      }
    }
    Node connector = root.field("defenderForEndpoint");
    boolean secureScoreConnector = !connector.isMissing() && connector.object().bool("secureScoreConnector", false);
    return new Snapshot(
        document.source(),
        tenant,
        settings,
        servicePlans(root.field("licenses")),
        secureScoreConnector,
        (collection, visitor) -> collections.get(collection).forEach(visitor));
  }

  private static TenantInfo tenant(Node node) {
    if (node.isMissing()) {
      throw node.error("missing required section 'tenant' (id, displayName, capturedAt)");
    }
    node.object();
    Integer seats = null;
    if (node.has("seats")) {
      double value = node.number("seats");
      if (value < 0 || value != Math.rint(value)) {
        throw node.field("seats").error("expected a whole number of seats, found " + node.field("seats").describe());
      }
      seats = (int) value;
    }
    return new TenantInfo(
        node.text("id"),
        node.text("displayName"),
        node.optionalText("industry").orElse(""),
        seats,
        node.optionalText("capturedAt").orElse(""));
  }

  /** Enabled service plans of active subscriptions, shaped like Graph's subscribedSkus. */
  private static Set<String> servicePlans(Node licenses) {
    Set<String> plans = new LinkedHashSet<>();
    for (Node sku : licenses.items()) {
      sku.object();
      String capability = sku.optionalText("capabilityStatus").orElse("Enabled");
      if (!capability.equalsIgnoreCase("Enabled") && !capability.equalsIgnoreCase("Warning")) {
        continue;
      }
      for (Node plan : sku.field("servicePlans").items()) {
        plan.object();
        String status = plan.optionalText("provisioningStatus").orElse("Success");
        if (status.equalsIgnoreCase("Success")) {
          plans.add(plan.text("servicePlanName"));
        }
      }
    }
    return plans;
  }

  private static List<Map<String, Object>> elements(Node list) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Node item : list.items()) {
      out.add(CelValues.map(item.object().value()));
    }
    return out;
  }

  private static boolean isCollection(String section) {
    for (Collection c : Collection.values()) {
      if (c.section().equals(section)) {
        return true;
      }
    }
    return false;
  }
}
