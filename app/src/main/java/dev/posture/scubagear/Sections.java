package dev.posture.scubagear;

import dev.posture.input.Node;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every snapshot section of {@code docs/tenant-folder.md}, in its order, with the ScubaGear keys it is
 * made from (see {@code docs/scubagear.md}); a section with none is in no ScubaGear export.
 */
final class Sections {
  /**
   * One way to make a section: from {@code keys} (the first must be there), written by {@code
   * product}'s cmdlets that {@code cmdlets} matches.
   */
  record Source(Product product, Pattern cmdlets, List<String> keys, Function<ProviderSettingsExport, Mapped> map) {}

  /** A snapshot section and its sources, tried in order: an older key first, then what replaced it. */
  record Section(String name, List<Source> sources) {}

  static final List<Section> ALL = List.of(
      section("organization", source(Product.AAD, "Get-Mg(Beta)?Organization", TenantDetails::organization, "tenant_details")),
      section("subscribedSkus", source(Product.AAD, "Get-Mg(Beta)?SubscribedSku", Licences::subscribedSkus, "service_plans")),
      section("domains", graphList(Product.AAD, "Get-Mg(Beta)?Domain", "domain_settings", "domain")),
      section("identitySecurityDefaultsEnforcementPolicy"),
      section("authorizationPolicy",
          source(Product.AAD, "Get-Mg(Beta)?PolicyAuthorizationPolicy", Sections::authorizationPolicy, "authorization_policies")),
      section("adminConsentRequestPolicy", graphOne(Product.AAD, "Get-Mg(Beta)?PolicyAdminConsentRequestPolicy",
          "admin_consent_policies", "admin consent request policy")),
      section("authenticationMethodsPolicy", source(Product.AAD, "Get-Mg(Beta)?PolicyAuthenticationMethodPolicy",
          Sections::authenticationMethodsPolicy, "authentication_method")),
      section("conditionalAccessPolicies", graphList(Product.AAD, "Get-Mg(Beta)?IdentityConditionalAccessPolicy",
          "conditional_access_policies", "conditional access policy")),
      section("groupSettings", graphList(Product.AAD, "Get-Mg(Beta)?DirectorySetting", "directory_settings", "directory setting")),
      section("directoryRoles", source(Product.AAD, "Get-Privileged(User|Role)", DirectoryRoles::of, "privileged_roles",
          "privileged_users", "privileged_service_principals")),
      section("onPremisesSynchronization"),
      section("sharepointSettings", source(Product.SHAREPOINT, "Get-(SPO|PnP)Tenant\\w*", SharePointSettings::of, "SPO_tenant")),
      section("users"),
      section("devices"),
      section("managedDevices"),
      section("mailboxes"),
      section("exchangeOrganizationConfig", cmdletOne(Product.EXO, "Get-OrganizationConfig", "org_config", "organization config")),
      section("adminAuditLogConfig",
          cmdletOne(Product.DEFENDER, "Get-AdminAuditLogConfig", "admin_audit_log_config", "admin audit log config")),
      section("owaMailboxPolicies"),
      section("roleAssignmentPolicies"),
      section("sharingPolicies", cmdletList(Product.EXO, "Get-SharingPolicy", "sharing_policy", "sharing policy")),
      section("remoteDomains", cmdletList(Product.EXO, "Get-RemoteDomain", "remote_domains", "remote domain")),
      section("transportRules", cmdletList(Product.EXO, "Get-TransportRule", "transport_rule", "transport rule")),
      section("antiPhishPolicies", cmdletList(Product.DEFENDER, "Get-AntiPhishPolicy", "anti_phish_policies", "anti-phishing policy")),
      section("safeLinksPolicies",
          cmdletList(Product.DEFENDER, "Get-SafeLinksPolicy", "safe_links_policies", "Safe Links policy"),
          source(Product.DEFENDER, "Get-ATPProtectionPolicyRule", PresetPolicies::safeLinks, "atp_policy_rules")),
      section("safeAttachmentPolicies",
          cmdletList(Product.DEFENDER, "Get-SafeAttachmentPolicy", "safe_attachment_policies", "Safe Attachments policy"),
          source(Product.DEFENDER, "Get-ATPProtectionPolicyRule", PresetPolicies::safeAttachments, "atp_policy_rules")),
      section("malwareFilterPolicies",
          cmdletList(Product.DEFENDER, "Get-MalwareFilterPolicy", "malware_filter_policies", "anti-malware policy")),
      section("hostedOutboundSpamFilterPolicies"),
      section("dkimSigningConfigs", cmdletList(Product.EXO, "Get-DkimSigningConfig", "dkim_config", "DKIM signing config")),
      section("atpPolicyForO365",
          cmdletOne(Product.DEFENDER, "Get-AtpPolicyForO365", "atp_policy_for_o365", "ATP policy for Office 365")),
      section("teamsMeetingPolicies", cmdletList(Product.TEAMS, "Get-CsTeamsMeetingPolicy", "meeting_policies", "meeting policy")),
      section("dlpCompliancePolicies",
          cmdletList(Product.DEFENDER, "Get-DlpCompliancePolicy", "dlp_compliance_policies", "DLP compliance policy")),
      section("labelPolicies"),
      section("autoSensitivityLabelPolicies"));

  private Sections() {}

  private static Section section(String name, Source... sources) {
    return new Section(name, List.of(sources));
  }

  private static Source source(Product product, String cmdlets, Function<ProviderSettingsExport, Mapped> map, String... keys) {
    return new Source(product, Pattern.compile(cmdlets), List.of(keys), map);
  }

  /** A Graph collection: each object as Graph returns it. */
  private static Source graphList(Product product, String cmdlets, String key, String what) {
    return source(product, cmdlets, export -> new Mapped.Found(list(export.objects(key, what), GraphObjects::of)), key);
  }

  /** A Graph singleton, which ScubaGear writes as a list of one. */
  private static Source graphOne(Product product, String cmdlets, String key, String what) {
    return source(product, cmdlets, export -> one(export, key, what, GraphObjects::of), key);
  }

  private static Source cmdletList(Product product, String cmdlets, String key, String what) {
    return source(product, cmdlets, export -> new Mapped.Found(list(export.objects(key, what), CmdletObjects::of)), key);
  }

  /** A cmdlet that returns one object (Get-OrganizationConfig), which ScubaGear writes as a list of one. */
  private static Source cmdletOne(Product product, String cmdlets, String key, String what) {
    return source(product, cmdlets, export -> one(export, key, what, CmdletObjects::of), key);
  }

  static ArrayNode list(List<Node> objects, Function<JsonNode, JsonNode> convert) {
    ArrayNode list = JsonNodeFactory.instance.arrayNode(objects.size());
    objects.forEach(o -> list.add(convert.apply(o.value())));
    return list;
  }

  private static Mapped one(ProviderSettingsExport export, String key, String what, Function<JsonNode, JsonNode> convert) {
    return export.object(key, what).<Mapped>map(o -> new Mapped.Found(convert.apply(o.value())))
        .orElseGet(() -> Mapped.Missing.because(key + " is empty"));
  }

  /**
   * The beta object ScubaGear reads, with the default user role's permission grant policies where
   * v1.0 has them ({@code defaultUserRolePermissions.permissionGrantPoliciesAssigned}).
   */
  private static Mapped authorizationPolicy(ProviderSettingsExport export) {
    Optional<Node> policy = export.object("authorization_policies", "authorization policy");
    if (policy.isEmpty()) {
      return Mapped.Missing.because("authorization_policies is empty");
    }
    ObjectNode graph = (ObjectNode) GraphObjects.of(policy.get().value());
    JsonNode grants = graph.remove("permissionGrantPolicyIdsAssignedToDefaultUserRole");
    if (grants != null && !graph.path("defaultUserRolePermissions").has("permissionGrantPoliciesAssigned")) {
      JsonNode permissions = graph.path("defaultUserRolePermissions");
      (permissions.isObject() ? (ObjectNode) permissions : graph.putObject("defaultUserRolePermissions"))
          .set("permissionGrantPoliciesAssigned", grants);
    }
    return new Mapped.Found(graph);
  }

  /** The policy and its method configurations, which ScubaGear keeps apart ({@code authentication_method}). */
  private static Mapped authenticationMethodsPolicy(ProviderSettingsExport export) {
    Optional<Node> both = export.object("authentication_method", "authentication method policy");
    if (both.isEmpty()) {
      return Mapped.Missing.because("authentication_method is empty");
    }
    Node policy = both.get().field("authentication_method_policy");
    if (policy.isMissing()) {
      return Mapped.Missing.because("authentication_method has no authentication_method_policy");
    }
    ObjectNode graph = (ObjectNode) GraphObjects.of(policy.object().value());
    graph.set("authenticationMethodConfigurations", list(ProviderSettingsExport.objects(
        both.get().field("authentication_method_feature_settings"), "authentication method configuration"), GraphObjects::of));
    return new Mapped.Found(graph);
  }
}
