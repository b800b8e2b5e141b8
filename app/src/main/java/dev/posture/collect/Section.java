package dev.posture.collect;

import java.util.Arrays;
import java.util.List;

/**
 * The sections a collection fills: a snapshot section (named as {@code docs/tenant-folder.md} names
 * it), or Microsoft's Secure Score data. Each comes from one service, and needs one permission.
 */
public enum Section {
  ORGANIZATION("organization", Service.GRAPH, "Organization.Read.All"),
  SUBSCRIBED_SKUS("subscribedSkus", Service.GRAPH, "Organization.Read.All"),
  DOMAINS("domains", Service.GRAPH, "Domain.Read.All"),
  SECURITY_DEFAULTS("identitySecurityDefaultsEnforcementPolicy", Service.GRAPH, "Policy.Read.All"),
  AUTHORIZATION_POLICY("authorizationPolicy", Service.GRAPH, "Policy.Read.All"),
  ADMIN_CONSENT_REQUEST_POLICY("adminConsentRequestPolicy", Service.GRAPH, "Policy.Read.All"),
  AUTHENTICATION_METHODS_POLICY("authenticationMethodsPolicy", Service.GRAPH, "Policy.Read.All"),
  CONDITIONAL_ACCESS_POLICIES("conditionalAccessPolicies", Service.GRAPH, "Policy.Read.All"),
  GROUP_SETTINGS("groupSettings", Service.GRAPH, "GroupSettings.Read.All"),
  DIRECTORY_ROLES("directoryRoles", Service.GRAPH, "RoleManagement.Read.Directory"),
  ON_PREMISES_SYNCHRONIZATION("onPremisesSynchronization", Service.GRAPH, "OnPremDirectorySynchronization.Read.All"),
  SHAREPOINT_SETTINGS("sharepointSettings", Service.GRAPH, "SharePointTenantSettings.Read.All"),
  USERS("users", Service.GRAPH, "User.Read.All"),
  MANAGED_DEVICES("managedDevices", Service.GRAPH, "DeviceManagementManagedDevices.Read.All"),
  SECURE_SCORES("secureScores", Service.GRAPH, "SecurityEvents.Read.All"),
  SECURE_SCORE_CONTROL_PROFILES("secureScoreControlProfiles", Service.GRAPH, "SecurityEvents.Read.All"),
  DEVICES("devices", Service.DEFENDER, "Machine.Read.All"),
  MAILBOXES("mailboxes", Service.EXCHANGE, "Exchange.ManageAsApp"),
  EXCHANGE_ORGANIZATION_CONFIG("exchangeOrganizationConfig", Service.EXCHANGE, "Exchange.ManageAsApp"),
  ADMIN_AUDIT_LOG_CONFIG("adminAuditLogConfig", Service.EXCHANGE, "Exchange.ManageAsApp"),
  OWA_MAILBOX_POLICIES("owaMailboxPolicies", Service.EXCHANGE, "Exchange.ManageAsApp"),
  ROLE_ASSIGNMENT_POLICIES("roleAssignmentPolicies", Service.EXCHANGE, "Exchange.ManageAsApp"),
  SHARING_POLICIES("sharingPolicies", Service.EXCHANGE, "Exchange.ManageAsApp"),
  REMOTE_DOMAINS("remoteDomains", Service.EXCHANGE, "Exchange.ManageAsApp"),
  TRANSPORT_RULES("transportRules", Service.EXCHANGE, "Exchange.ManageAsApp"),
  ANTI_PHISH_POLICIES("antiPhishPolicies", Service.EXCHANGE, "Exchange.ManageAsApp"),
  SAFE_LINKS_POLICIES("safeLinksPolicies", Service.EXCHANGE, "Exchange.ManageAsApp"),
  SAFE_ATTACHMENT_POLICIES("safeAttachmentPolicies", Service.EXCHANGE, "Exchange.ManageAsApp"),
  MALWARE_FILTER_POLICIES("malwareFilterPolicies", Service.EXCHANGE, "Exchange.ManageAsApp"),
  HOSTED_OUTBOUND_SPAM_FILTER_POLICIES("hostedOutboundSpamFilterPolicies", Service.EXCHANGE, "Exchange.ManageAsApp"),
  DKIM_SIGNING_CONFIGS("dkimSigningConfigs", Service.EXCHANGE, "Exchange.ManageAsApp"),
  ATP_POLICY_FOR_O365("atpPolicyForO365", Service.EXCHANGE, "Exchange.ManageAsApp"),
  /** Teams and Purview policies: no documented API gives them; Microsoft's scores decide their controls. */
  TEAMS_MEETING_POLICIES("teamsMeetingPolicies", null, null),
  DLP_COMPLIANCE_POLICIES("dlpCompliancePolicies", null, null),
  LABEL_POLICIES("labelPolicies", null, null),
  AUTO_SENSITIVITY_LABEL_POLICIES("autoSensitivityLabelPolicies", null, null);

  private final String key;
  private final Service service;
  private final String permission;

  Section(String key, Service service, String permission) {
    this.key = key;
    this.service = service;
    this.permission = permission;
  }

  /** The section's name in the snapshot and in {@code collection.json}. */
  public String key() {
    return key;
  }

  /** The service it comes from, or null when no API gives it. */
  public Service service() {
    return service;
  }

  /** The least-privileged permission that lets the collector read it. */
  public String permission() {
    return permission;
  }

  public static Section named(String key) {
    return Arrays.stream(values()).filter(s -> s.key.equals(key)).findFirst().orElse(null);
  }

  public static List<String> keys() {
    return Arrays.stream(values()).map(Section::key).toList();
  }
}
