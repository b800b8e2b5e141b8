package dev.posture.report;

import dev.posture.input.Document;
import dev.posture.input.DocumentReader;
import dev.posture.input.Node;
import dev.posture.scoring.Baseline;
import dev.posture.scoring.ScoreView;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Reads an earlier JSON report back as a baseline: its tenant, current score and each action's points. */
public final class BaselineLoader {
  private static final int GUID_LENGTH = 36;
  private static final String EXPECTED = "; expected a posture JSON report (assess --format json)";

  /** @param tenantId the tenant being assessed now; a report on another one is an input error */
  public Baseline load(Path file, String tenantId) {
    Document document = DocumentReader.read(file.toString(), DocumentReader.readBytes(file), false, true);
    Node root = document.rootNode();
    if (!root.value().isObject() || !root.has("schemaVersion")) {
      throw root.error("missing field 'schemaVersion'" + EXPECTED);
    }
    double version = root.number("schemaVersion");
    if (version != JsonReport.SCHEMA_VERSION) {
      throw root.field("schemaVersion").error("schema version " + Numbers.points(version) + " is not supported; expected "
          + JsonReport.SCHEMA_VERSION);
    }
    Node current = root.field("scores").object().field("current").object();
    Map<String, Double> points = new LinkedHashMap<>();
    for (Node action : root.field("actions").items()) {
      points.put(action.text("id"), action.number("points"));
    }
    Node tenant = root.field("tenant").object();
    if (!sameTenant(tenant.text("id"), tenantId)) {
      throw tenant.field("id").error("the baseline is a report on tenant " + tenant.text("id") + ", not on " + tenantId
          + ", the tenant assessed now");
    }
    return new Baseline(file.toString(), new ScoreView(current.number("points"), current.number("max")), points);
  }

  /** Tenant ids are GUIDs, whose letters may come in either case: compared as GUIDs when both are. */
  static boolean sameTenant(String a, String b) {
    if (a.length() == GUID_LENGTH && b.length() == GUID_LENGTH) {
      try {
        return UUID.fromString(a).equals(UUID.fromString(b));
      } catch (IllegalArgumentException notGuids) {
        // compared as they are written
      }
    }
    return a.equals(b);
  }
}
