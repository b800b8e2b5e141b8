package dev.posture.scubagear;

import dev.posture.input.InputException;
import dev.posture.input.Node;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Who the tenant is: {@code tenant_details} (its {@code TenantId}, {@code DisplayName}, and in {@code
 * AADAdditionalData} the organization as Graph returns it), and {@code tenant_id}, which newer versions
 * add. ScubaGear writes {@code "Error retrieving ..."} in these fields when it could not read them.
 */
final class TenantDetails {
  private static final Pattern GUID = Pattern.compile("[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}");
  private static final String FAILED = "Error retrieving";

  /** The snapshot's {@code tenant} section. */
  record Identity(String id, String displayName, Optional<String> capturedAt) {}

  private TenantDetails() {}

  /** The organization, from {@code tenant_details[0].AADAdditionalData}. */
  static Mapped organization(ProviderSettingsExport export) {
    Optional<Node> details = details(export);
    if (details.isEmpty()) {
      return Mapped.Missing.because("tenant_details is empty");
    }
    Node organization = details.get().field("AADAdditionalData");
    if (organization.isMissing()) {
      return Mapped.Missing.because("tenant_details has no AADAdditionalData");
    }
    if (organization.value().isString()) {
      String reason = "ScubaGear could not read the organization (" + organization.path().substring(2) + " is "
          + organization.describe() + ")";
      return new Mapped.Missing(reason, Optional.of("tenant_details: " + reason + "; organization is not collected"));
    }
    List<Node> one = ProviderSettingsExport.objects(organization, "organization");
    if (one.size() != 1) {
      throw organization.error("expected one organization, found " + one.size());
    }
    return new Mapped.Found(GraphObjects.of(one.get(0).value()));
  }

  /**
   * @param warn hears of ids that disagree
   * @throws InputException when no key names the tenant by its id
   */
  static Identity identity(ProviderSettingsExport export, Consumer<String> warn) {
    Optional<Node> details = details(export);
    Map<String, String> ids = new LinkedHashMap<>();
    details.ifPresent(d -> {
      Node organization = d.field("AADAdditionalData");
      Node one = organization.value() != null && organization.value().isArray() && !organization.value().isEmpty()
          ? organization.items().get(0) : organization;
      guid(one.field("Id")).ifPresent(id -> ids.put(one.field("Id").path(), id));
      guid(d.field("TenantId")).ifPresent(id -> ids.put(d.field("TenantId").path(), id));
    });
    guid(export.node("tenant_id")).ifPresent(id -> ids.put("$.tenant_id", id));
    if (ids.isEmpty()) {
      Node where = details.map(d -> d.field("TenantId")).orElse(export.node("tenant_details"));
      throw where.error("the export names no tenant by its id (" + (where.isMissing() ? "no tenant_details or tenant_id"
          : "it is " + where.describe() + ", and there is no tenant_id") + "); a snapshot needs the tenant's id");
    }
    List<Map.Entry<String, String>> named = new ArrayList<>(ids.entrySet());
    String id = named.get(0).getValue();
    named.stream().filter(e -> !e.getValue().equalsIgnoreCase(id)).findFirst().ifPresent(other -> warn.accept(
        "the export names two tenants: " + named.get(0).getKey().substring(2) + " is " + id + ", " + other.getKey().substring(2)
            + " is " + other.getValue() + "; the snapshot is of " + id));
    String displayName = details.flatMap(d -> text(d.field("DisplayName"))).or(() -> details.flatMap(d -> text(d.field("DomainName"))))
        .orElse(id);
    return new Identity(id, displayName, ExportDate.capturedAt(export));
  }

  private static Optional<Node> details(ProviderSettingsExport export) {
    List<Node> all = export.objects("tenant_details", "tenant detail");
    return all.stream().findFirst();
  }

  private static Optional<String> guid(Node node) {
    return text(node).filter(t -> GUID.matcher(t).matches());
  }

  /** A string ScubaGear read, not one it wrote for a failure. */
  private static Optional<String> text(Node node) {
    return node.isMissing() || !node.value().isString() || node.value().stringValue().isBlank()
        || node.value().stringValue().startsWith(FAILED) ? Optional.empty() : Optional.of(node.value().stringValue());
  }
}
