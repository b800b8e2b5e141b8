package dev.posture.scubagear;

import dev.posture.input.Node;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Safe Links and Safe Attachments policies from the preset security policies' rules ({@code
 * atp_policy_rules}, {@code Get-ATPProtectionPolicyRule}): recent ScubaGear versions export those
 * rules, not the policies. A preset policy's settings are Microsoft's and cannot be changed, so each
 * Standard or Strict preset that is on gives its policy, by the name the rule holds, with those
 * settings. Policies of the tenant's own are not in the export.
 */
final class PresetPolicies {
  private PresetPolicies() {}

  static Mapped safeLinks(ProviderSettingsExport export) {
    return policies(export, "SafeLinksPolicy", "Safe Links", policy -> policy
        .put("EnableSafeLinksForEmail", true).put("EnableSafeLinksForTeams", true).put("EnableSafeLinksForOffice", true)
        .put("TrackClicks", true).put("AllowClickThrough", false).put("ScanUrls", true).put("EnableForInternalSenders", true)
        .put("DeliverMessageAfterScan", true).put("DisableUrlRewrite", false));
  }

  static Mapped safeAttachments(ProviderSettingsExport export) {
    return policies(export, "SafeAttachmentPolicy", "Safe Attachments", policy -> policy
        .put("Enable", true).put("Action", "Block").put("QuarantineTag", "AdminOnlyAccessPolicy").put("Redirect", false));
  }

  private static Mapped policies(ProviderSettingsExport export, String field, String kind, Consumer<ObjectNode> settings) {
    ArrayNode policies = JsonNodeFactory.instance.arrayNode();
    for (Node rule : export.objects("atp_policy_rules", "preset security policy rule")) {
      Optional<String> preset = preset(rule);
      Optional<String> name = rule.optionalText(field);
      if (preset.isPresent() && name.isPresent() && rule.optionalText("State").map("Enabled"::equalsIgnoreCase).orElse(false)) {
        ObjectNode policy = policies.addObject().put("Name", name.get()).put("Identity", name.get())
            .put("RecommendedPolicyType", preset.get());
        settings.accept(policy);
      }
    }
    if (policies.isEmpty()) {
      return Mapped.Missing.because("no Standard or Strict preset security policy is on (atp_policy_rules), and the export has no "
          + kind + " policies of the tenant's own");
    }
    return new Mapped.Found(policies);
  }

  /** {@code Standard} or {@code Strict}, from the rule's name ({@code Strict Preset Security Policy}). */
  private static Optional<String> preset(Node rule) {
    String name = rule.optionalText("Identity").or(() -> rule.optionalText("Name")).orElse("").toLowerCase(Locale.ROOT);
    return Stream.of("Standard", "Strict").filter(p -> name.startsWith(p.toLowerCase(Locale.ROOT) + " preset")).findFirst();
  }
}
