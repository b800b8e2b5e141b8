package dev.posture.scubagear;

import dev.posture.input.Document;
import dev.posture.input.InputException;
import dev.posture.input.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Tells a ScubaGear export from the files people mistake for one, and says what such a file looks
 * like instead: a Graph Secure Score export, a posture snapshot, ScubaGear's own results, ...
 */
final class Lookalikes {
  /** Keys only a ScubaGear export has. */
  private static final Set<String> SCUBAGEAR = Set.of("module_version", "baseline_version", "tenant_details");
  private static final Set<String> SNAPSHOT_SECTIONS = Set.of("conditionalAccessPolicies", "subscribedSkus", "licenses",
      "securityDefaults", "identitySecurityDefaultsEnforcementPolicy", "users", "devices", "mailboxes", "directoryRoles",
      "organization", "domains");

  private Lookalikes() {}

  /** @throws InputException when the document is no ScubaGear ProviderSettingsExport, saying what it is */
  static void requireScubaGear(Document document) {
    JsonNode root = document.root();
    if (root.isObject() && root.propertyNames().stream()
        .anyMatch(k -> SCUBAGEAR.contains(k) || k.endsWith("_successful_commands"))) {
      return;
    }
    throw new InputException(document.source(), 1, "$", "not a ScubaGear ProviderSettingsExport (module_version, tenant_details and"
        + " each product's keys): this looks like " + describe(document.rootNode()));
  }

  static String describe(Node root) {
    JsonNode value = root.value();
    if (value.isArray()) {
      return "a JSON list of " + value.size() + (value.size() == 1 ? " value" : " values");
    }
    if (!value.isObject()) {
      return "a single JSON value, " + root.describe();
    }
    JsonNode first = value.path("value").path(0);
    if (first.has("controlScores") || first.has("currentScore")) {
      return "Microsoft Graph's secureScores; it belongs in a tenant folder's secure-score/ (or give it with --graph)";
    }
    if (first.has("controlCategory") || first.has("controlStateUpdates")) {
      return "Microsoft Graph's secureScoreControlProfiles; it belongs in a tenant folder's secure-score/ (or give it with --graph)";
    }
    if (value.has("@odata.context")) {
      return "a Microsoft Graph response (" + Node.quoted(value.path("@odata.context").asString("")) + ")";
    }
    if (value.has("tenant") && value.propertyNames().stream().anyMatch(SNAPSHOT_SECTIONS::contains)) {
      return "a posture snapshot, which posture assess reads as it is";
    }
    if (value.has("schemaVersion") && value.has("sections")) {
      return "a posture collection.json";
    }
    if (value.has("schemaVersion") && value.has("scores")) {
      return "a posture JSON report";
    }
    if (value.path("actions").isArray()) {
      return "a posture catalogue";
    }
    if (value.path("actions").isObject()) {
      return "a posture state file";
    }
    if (value.has("MetaData") && (value.has("Results") || value.has("Summary"))) {
      return "ScubaGear's results (ScubaResults); ProviderSettingsExport.json is in the same report folder";
    }
    List<String> keys = new ArrayList<>(value.propertyNames());
    return keys.isEmpty() ? "an empty mapping"
        : "a mapping of " + String.join(", ", keys.subList(0, Math.min(5, keys.size()))) + (keys.size() > 5 ? ", ..." : "");
  }
}
