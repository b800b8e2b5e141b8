package dev.posture.snapshot;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes {@code samples/fabrikam/snapshot.json}: a 3,000-account E5 manufacturer whose users,
 * devices and mailboxes follow fixed rules (every fifth member has not registered MFA, every tenth
 * Windows device lacks BitLocker, ...), so its numbers are round and the file is the same on every
 * run. It uses the JDK alone; to write the sample again after changing it:
 *
 * <pre>
 * ./mvnw -q -pl app test-compile
 * java -cp app/target/test-classes dev.posture.snapshot.FabrikamSample &gt; samples/fabrikam/snapshot.json
 * </pre>
 *
 * {@code FabrikamSampleTest} fails when the committed file and this class disagree.
 */
public final class FabrikamSample {
  static final String TENANT = "0f6e5d4c-3b2a-4918-8776-655443322110";
  static final String DOMAIN = "fabrikam.com";
  static final int USERS = 3000;
  static final int MEMBERS = 2900;
  static final int WINDOWS = 1500;
  static final int MACS = 300;
  static final int PHONES = 400;
  static final int SHARED_MAILBOXES = 40;

  private static final String[] GIVEN = {"Alex", "Bianca", "Chen", "Dana", "Emeka", "Farah", "Goran", "Hana", "Ivan", "Jonas",
      "Keiko", "Luis", "Maya", "Nils", "Olga", "Priya", "Quinn", "Rafael", "Sofia", "Tariq", "Uma", "Viktor", "Wen", "Ximena",
      "Yusuf", "Zoe"};
  private static final String[] FAMILY = {"Abbott", "Berg", "Costa", "Dubois", "Eriksen", "Fischer", "Garcia", "Haddad", "Ito",
      "Jensen", "Kowalski", "Lindqvist", "Moreau", "Nakamura", "Okafor", "Petrov", "Quint", "Rossi", "Schmidt", "Tanaka", "Ueda",
      "Varga", "Weber", "Xu", "Yilmaz", "Zimmer"};

  /** A directory role and the first users (by index) who hold it; emergency access accounts hold Global Administrator too. */
  private record Role(String displayName, String templateId, int... holders) {}

  private static final String GLOBAL_ADMINISTRATOR = "62e90394-69f5-4237-9190-012177145e10";
  private static final List<Role> ROLES = List.of(
      new Role("Global Administrator", GLOBAL_ADMINISTRATOR, 0, 1),
      new Role("Security Administrator", "194ae4cb-b126-40b2-bd5b-6091b380977d", 2, 3),
      new Role("Exchange Administrator", "29232cdf-9323-42fd-ade2-1d097af3e4de", 4, 5),
      new Role("SharePoint Administrator", "f28a1f50-f6e7-4571-818b-6a12f2af6b6c", 6),
      new Role("User Administrator", "fe930be7-5e62-47db-91af-98c3a49a38b1", 7, 8),
      new Role("Helpdesk Administrator", "729827e3-9c14-49f7-bb1b-9608f156bbb8", 9, 10, 11),
      new Role("Global Reader", "f2ef992c-3afb-46b9-b7cf-a126ee74c451", 12, 13));
  private static final List<String> EMERGENCY = List.of("bg1", "bg2");

  private FabrikamSample() {}

  public static void main(String[] args) throws IOException {
    Writer out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
    write(out);
    out.flush();
  }

  static void write(Writer out) {
    try {
      out.write("{\n");
      for (Map.Entry<String, Object> section : settings().entrySet()) {
        out.write("  " + Json.quote(section.getKey()) + ": " + Json.pretty(section.getValue(), "  ") + ",\n");
      }
      collection(out, "users", users(), false);
      collection(out, "devices", devices(), false);
      collection(out, "mailboxes", mailboxes(), true);
      out.write("}\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void collection(Writer out, String name, List<Object> elements, boolean last) throws IOException {
    out.write("  " + Json.quote(name) + ": [\n");
    for (int i = 0; i < elements.size(); i++) {
      out.write("    " + Json.compact(elements.get(i)) + (i + 1 < elements.size() ? ",\n" : "\n"));
    }
    out.write("  ]" + (last ? "\n" : ",\n"));
  }

  private static Map<String, Object> settings() {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("tenant", obj("id", TENANT, "displayName", "Fabrikam, Inc.", "industry", "Manufacturing", "seats", USERS,
        "capturedAt", "2026-11-20T22:00:00Z"));
    s.put("organization", obj("id", TENANT, "displayName", "Fabrikam, Inc.", "onPremisesSyncEnabled", true));
    List<Object> plans = new ArrayList<>();
    for (String plan : List.of("AAD_PREMIUM", "AAD_PREMIUM_P2", "ATP_ENTERPRISE", "THREAT_INTELLIGENCE", "EXCHANGE_S_ENTERPRISE",
        "MIP_S_CLP1", "MIP_S_CLP2", "WINDEFATP", "INTUNE_A", "ADALLOM_S_STANDALONE", "LOCKBOX_ENTERPRISE", "SHAREPOINTENTERPRISE",
        "TEAMS1", "M365_ADVANCED_AUDITING")) {
      plans.add(obj("servicePlanName", plan, "provisioningStatus", "Success", "appliesTo", "User"));
    }
    s.put("subscribedSkus", List.of(obj("skuPartNumber", "SPE_E5", "capabilityStatus", "Enabled", "consumedUnits", 2880,
        "servicePlans", plans)));
    s.put("domains", List.of(
        obj("id", DOMAIN, "authenticationType", "Managed", "isDefault", true, "isVerified", true,
            "passwordValidityPeriodInDays", 2147483647),
        obj("id", "fabrikam.onmicrosoft.com", "authenticationType", "Managed", "isDefault", false, "isVerified", true,
            "passwordValidityPeriodInDays", 2147483647)));
    s.put("identitySecurityDefaultsEnforcementPolicy", obj("id", "00000000-0000-0000-0000-000000000005",
        "displayName", "Security Defaults", "isEnabled", false));
    s.put("authorizationPolicy", obj("id", "authorizationPolicy", "allowInvitesFrom", "adminsAndGuestInviters",
        "guestUserRoleId", "2af84b1e-32c8-42b7-82bc-daa82404023b", "defaultUserRolePermissions", obj(
            "allowedToCreateApps", false, "allowedToCreateSecurityGroups", false,
            "permissionGrantPoliciesAssigned", List.of("ManagePermissionGrantsForSelf.microsoft-user-default-legacy"))));
    s.put("adminConsentRequestPolicy", obj("isEnabled", true, "notifyReviewers", true, "requestDurationInDays", 30));
    s.put("conditionalAccessPolicies", policies());
    s.put("groupSettings", List.of(obj("id", id("setting:password"), "displayName", "Password Rule Settings",
        "templateId", "5cf42378-d67d-4f36-ba46-e8b86229381d", "values", List.of(
            obj("name", "EnableBannedPasswordCheck", "value", "True"), obj("name", "BannedPasswordList", "value", "fabrikam")))));
    s.put("directoryRoles", roles());
    s.put("onPremisesSynchronization", List.of(obj("id", id("sync"), "features", obj("passwordSyncEnabled", true))));
    s.put("sharepointSettings", obj("sharingCapability", "externalUserSharingOnly", "isResharingByExternalUsersEnabled", false,
        "isLegacyAuthProtocolsEnabled", false, "isUnmanagedSyncAppForTenantRestricted", true,
        "idleSessionSignOut", obj("isEnabled", true, "warnAfterInSeconds", 3000, "signOutAfterInSeconds", 3600)));
    s.put("exchangeOrganizationConfig", obj("Name", "fabrikam.onmicrosoft.com", "AuditDisabled", false,
        "OAuth2ClientProfileEnabled", true, "CustomerLockBoxEnabled", true, "MailTipsAllTipsEnabled", true,
        "MailTipsExternalRecipientsTipsEnabled", true));
    s.put("adminAuditLogConfig", obj("Name", "Admin Audit Log Settings", "UnifiedAuditLogIngestionEnabled", true,
        "AdminAuditLogEnabled", true));
    s.put("owaMailboxPolicies", List.of(cmdlet("OwaMailboxPolicy-Default", "IsDefault", true,
        "AdditionalStorageProvidersAvailable", false)));
    s.put("roleAssignmentPolicies", List.of(cmdlet("Default Role Assignment Policy", "IsDefault", true, "AssignedRoles",
        List.of("MyBaseOptions", "MyContactInformation", "MyDistributionGroupMembership", "MyVoiceMail"))));
    s.put("sharingPolicies", List.of(cmdlet("Default Sharing Policy", "Default", true, "Enabled", true,
        "Domains", List.of("contoso.com:CalendarSharingFreeBusySimple"))));
    s.put("remoteDomains", List.of(cmdlet("Default", "DomainName", "*", "AutoForwardEnabled", false)));
    s.put("transportRules", List.of());
    s.put("antiPhishPolicies", List.of(
        cmdlet("Office365 AntiPhish Default", "IsDefault", true, "Enabled", true),
        cmdlet("Strict anti-phishing", "IsDefault", false, "Enabled", true)));
    s.put("safeLinksPolicies", List.of(
        cmdlet("Built-In Protection Policy", "EnableSafeLinksForEmail", true, "ScanUrls", true, "AllowClickThrough", false),
        cmdlet("All recipients", "EnableSafeLinksForEmail", true, "ScanUrls", true, "AllowClickThrough", false)));
    s.put("safeAttachmentPolicies", List.of(
        cmdlet("Built-In Protection Policy", "Enable", true, "Action", "Block"),
        cmdlet("All recipients", "Enable", true, "Action", "Block")));
    s.put("malwareFilterPolicies", List.of(cmdlet("Default", "IsDefault", true, "EnableFileFilter", true, "ZapEnabled", true)));
    s.put("hostedOutboundSpamFilterPolicies", List.of(cmdlet("Default", "IsDefault", true, "AutoForwardingMode", "Off")));
    s.put("atpPolicyForO365", cmdlet("Default", "EnableATPForSPOTeamsODB", true, "EnableSafeDocs", true));
    // Customers join webinars without an account: the global policy lets anonymous users in.
    s.put("teamsMeetingPolicies", List.of(
        obj("Identity", "Global", "AllowAnonymousUsersToStartMeeting", false, "AutoAdmittedUsers", "InvitedUsers",
            "AllowAnonymousUsersToJoinMeeting", true),
        obj("Identity", "Tag:Restricted", "AllowAnonymousUsersToStartMeeting", false, "AutoAdmittedUsers", "OrganizerOnly",
            "AllowAnonymousUsersToJoinMeeting", false)));
    s.put("dlpCompliancePolicies", List.of(obj("Name", "Financial data", "Mode", "Enable", "Enabled", true,
        "Workload", "Exchange, SharePoint, OneDriveForBusiness, Teams")));
    s.put("labelPolicies", List.of(obj("Name", "All staff", "Enabled", true,
        "Labels", List.of("Public", "General", "Confidential", "Highly confidential"))));
    s.put("autoSensitivityLabelPolicies", List.of(
        obj("Name", "Card numbers", "Mode", "TestWithoutNotifications", "Enabled", true),
        obj("Name", "Passport numbers", "Mode", "Enable", "Enabled", true)));
    return s;
  }

  /** Six policies, each keeping the two emergency access accounts out by id. */
  private static List<Object> policies() {
    List<String> admins = ROLES.stream().map(Role::templateId).toList();
    List<String> emergency = EMERGENCY.stream().map(FabrikamSample::emergencyId).toList();
    List<Object> policies = new ArrayList<>();
    policies.add(policy(1, "Admins: phishing-resistant MFA", "enabled", List.of(), admins, emergency, List.of("all"), List.of(), List.of(),
        obj("operator", "OR", "builtInControls", List.of(), "authenticationStrength",
            obj("id", "00000000-0000-0000-0000-000000000004", "displayName", "Phishing-resistant MFA",
                "allowedCombinations", List.of("windowsHelloForBusiness", "fido2", "x509CertificateMultiFactor"))),
        obj("signInFrequency", obj("isEnabled", true, "value", 4, "type", "hours", "frequencyInterval", "timeBased"),
            "persistentBrowser", obj("isEnabled", true, "mode", "never"))));
    policies.add(policy(2, "All users: block legacy authentication", "enabled", List.of("All"), List.of(), emergency,
        List.of("exchangeActiveSync", "other"), List.of(), List.of(), grant("OR", "block"), null));
    policies.add(policy(3, "All users: MFA on medium and high sign-in risk", "enabled", List.of("All"), List.of(), emergency,
        List.of("all"), List.of("high", "medium"), List.of(), grant("OR", "mfa"), null));
    policies.add(policy(4, "All users: password change on high user risk", "enabled", List.of("All"), List.of(), emergency,
        List.of("all"), List.of(), List.of("high"), grant("AND", "mfa", "passwordChange"), null));
    policies.add(policy(5, "Admins: MFA", "enabled", List.of(), admins, emergency, List.of("all"), List.of(), List.of(),
        grant("OR", "mfa"), null));
    policies.add(policy(6, "All users: require compliant device (pilot)", "enabledForReportingButNotEnforced", List.of("All"), List.of(),
        emergency, List.of("all"), List.of(), List.of(), grant("OR", "compliantDevice"), null));
    return policies;
  }

  private static Map<String, Object> policy(int n, String name, String state, List<String> includeUsers, List<String> includeRoles,
      List<String> excludeUsers, List<String> clientAppTypes, List<String> signInRisk, List<String> userRisk, Object grant,
      Object session) {
    return obj("id", id("policy:" + n), "displayName", name, "state", state,
        "conditions", obj(
            "users", obj("includeUsers", includeUsers, "excludeUsers", excludeUsers, "includeGroups", List.of(),
                "excludeGroups", List.of(), "includeRoles", includeRoles, "excludeRoles", List.of()),
            "applications", obj("includeApplications", List.of("All"), "excludeApplications", List.of(),
                "includeUserActions", List.of()),
            "clientAppTypes", clientAppTypes, "signInRiskLevels", signInRisk, "userRiskLevels", userRisk,
            "platforms", null, "locations", null),
        "grantControls", grant, "sessionControls", session);
  }

  private static Map<String, Object> grant(String operator, String... controls) {
    return obj("operator", operator, "builtInControls", List.of(controls), "authenticationStrength", null);
  }

  private static List<Object> roles() {
    List<Object> roles = new ArrayList<>();
    for (Role role : ROLES) {
      List<Object> members = new ArrayList<>();
      Arrays.stream(role.holders()).forEach(i -> members.add(obj("@odata.type", "#microsoft.graph.user", "id", userId(i),
          "userPrincipalName", upn(i), "displayName", name(i))));
      if (role.templateId().equals(GLOBAL_ADMINISTRATOR)) {
        for (String account : EMERGENCY) {
          members.add(obj("@odata.type", "#microsoft.graph.user", "id", emergencyId(account),
              "userPrincipalName", account + "@fabrikam.onmicrosoft.com", "displayName", emergencyName(account)));
        }
      }
      roles.add(obj("id", id("role:" + role.templateId()), "displayName", role.displayName(), "roleTemplateId", role.templateId(),
          "members", members));
    }
    return roles;
  }

  /**
   * The emergency access accounts first, then 2,900 members and 100 guests. Every 50th account is
   * disabled; every fifth (but the admins) has not registered MFA, and every 35th of those has a
   * phone for password reset only.
   */
  private static List<Object> users() {
    List<Object> users = new ArrayList<>();
    for (String account : EMERGENCY) {
      Map<String, Object> user = obj("id", emergencyId(account), "userPrincipalName", account + "@fabrikam.onmicrosoft.com",
          "displayName", emergencyName(account), "accountEnabled", true, "userType", "Member", "onPremisesSyncEnabled", null);
      registration(user, true, true, true, List.of("fido2"));
      user.put("transitiveMemberOf", List.of(roleReference(GLOBAL_ADMINISTRATOR)));
      users.add(user);
    }
    for (int n = 0; n < USERS; n++) {
      int i = n;
      boolean guest = i >= MEMBERS;
      boolean enabled = i % 50 != 49;
      Map<String, Object> user = obj("id", userId(i), "userPrincipalName", upn(i), "displayName", name(i), "accountEnabled", enabled,
          "userType", guest ? "Guest" : "Member", "onPremisesSyncEnabled", guest ? null : true);
      List<Object> held = new ArrayList<>();
      for (Role role : ROLES) {
        if (Arrays.stream(role.holders()).anyMatch(h -> h == i)) {
          held.add(roleReference(role.templateId()));
        }
      }
      if (enabled) {
        boolean registered = held.isEmpty() ? i % 5 != 3 : i != 11 && i != 13;
        boolean phoneOnly = !registered && i % 35 == 28;
        List<String> methods = registered ? List.of("microsoftAuthenticatorPush", "softwareOneTimePasscode")
            : phoneOnly ? List.of("mobilePhone") : List.of();
        registration(user, !held.isEmpty(), registered, !guest, methods);
      }
      user.put("transitiveMemberOf", held);
      users.add(user);
    }
    return users;
  }

  /** The fields of the user's userRegistrationDetails entry; password reset applies to members only. */
  private static void registration(Map<String, Object> user, boolean admin, boolean registered, boolean sspr, List<String> methods) {
    boolean ssprRegistered = !methods.isEmpty();
    user.put("isAdmin", admin);
    user.put("isMfaRegistered", registered);
    user.put("isMfaCapable", registered);
    user.put("isSsprRegistered", ssprRegistered);
    user.put("isSsprEnabled", sspr);
    user.put("isSsprCapable", sspr && ssprRegistered);
    user.put("methodsRegistered", methods);
  }

  /**
   * Windows devices in three groups, where every tenth lacks BitLocker, every fourth audits
   * network protection, ..., Macs, and phones to which no configuration applies.
   */
  private static List<Object> devices() {
    List<Object> devices = new ArrayList<>();
    String[][] groups = {{"Workstations", "ws"}, {"Laptops", "lt"}, {"Kiosks", "kiosk"}};
    for (int j = 0; j < WINDOWS; j++) {
      String[] group = groups[j % 3];
      boolean reader = j % 2 == 0;
      List<String> compliant = new ArrayList<>();
      List<String> nonCompliant = new ArrayList<>();
      assess(compliant, nonCompliant, "scid-15", j % 50 != 0);
      assess(compliant, nonCompliant, "scid-25", j % 8 != 0);
      assess(compliant, nonCompliant, "scid-32", j % 5 != 0);
      assess(compliant, nonCompliant, "scid-44", true);
      assess(compliant, nonCompliant, "scid-53", j % 20 != 0);
      assess(compliant, nonCompliant, "scid-69", true);
      if (reader) {
        assess(compliant, nonCompliant, "scid-75", true);
        assess(compliant, nonCompliant, "scid-76", j % 6 != 0);
      }
      assess(compliant, nonCompliant, "scid-96", j % 4 != 0);
      assess(compliant, nonCompliant, "scid-2003", j % 25 != 0);
      assess(compliant, nonCompliant, "scid-2010", true);
      assess(compliant, nonCompliant, "scid-2012", true);
      assess(compliant, nonCompliant, "scid-2070", true);
      assess(compliant, nonCompliant, "scid-2090", j % 10 != 0);
      assess(compliant, nonCompliant, "scid-2500", j % 3 != 0);
      assess(compliant, nonCompliant, "scid-3010", j % 40 != 0);
      assess(compliant, nonCompliant, "scid-3011", true);
      devices.add(machine("windows:" + j, String.format("fab-%s%04d.%s", group[1], j + 1, DOMAIN), "Windows11", "10.0.22631",
          group[0], compliant, nonCompliant));
    }
    for (int k = 0; k < MACS; k++) {
      List<String> compliant = new ArrayList<>();
      List<String> nonCompliant = new ArrayList<>();
      assess(compliant, nonCompliant, "scid-5007", k % 100 != 0);
      assess(compliant, nonCompliant, "scid-5009", true);
      assess(compliant, nonCompliant, "scid-5011", k % 15 != 0);
      devices.add(machine("mac:" + k, String.format("fab-mac%03d.%s", k + 1, DOMAIN), "macOS", "14.6", "Design", compliant,
          nonCompliant));
    }
    for (int m = 0; m < PHONES; m++) {
      boolean android = m % 2 == 0;
      devices.add(machine("phone:" + m, String.format("fab-phone%04d", m + 1), android ? "Android" : "iOS", android ? "14" : "17.6",
          "Mobile", List.of(), List.of()));
    }
    return devices;
  }

  private static void assess(List<String> compliant, List<String> nonCompliant, String configuration, boolean complies) {
    (complies ? compliant : nonCompliant).add(configuration);
  }

  private static Map<String, Object> machine(String key, String dnsName, String platform, String version, String group,
      List<String> compliant, List<String> nonCompliant) {
    return obj("id", sha1(key), "computerDnsName", dnsName, "osPlatform", platform, "osVersion", version, "rbacGroupName", group,
        "healthStatus", "Active", "onboardingStatus", "Onboarded",
        "secureConfigurations", obj("compliant", compliant, "nonCompliant", nonCompliant));
  }

  /** A mailbox for each member, 40 shared ones and the discovery mailbox; auditing is off on every 100th member's. */
  private static List<Object> mailboxes() {
    List<Object> mailboxes = new ArrayList<>();
    for (int i = 0; i < MEMBERS; i++) {
      mailboxes.add(obj("UserPrincipalName", upn(i), "ExternalDirectoryObjectId", userId(i), "RecipientTypeDetails", "UserMailbox",
          "AuditEnabled", i % 100 != 0));
    }
    for (int i = 0; i < SHARED_MAILBOXES; i++) {
      mailboxes.add(obj("UserPrincipalName", "shared" + i + "@" + DOMAIN, "ExternalDirectoryObjectId", id("shared:" + i),
          "RecipientTypeDetails", "SharedMailbox", "AuditEnabled", true));
    }
    mailboxes.add(obj("UserPrincipalName", "discoverysearchmailbox@" + DOMAIN, "ExternalDirectoryObjectId", null,
        "RecipientTypeDetails", "DiscoveryMailbox", "AuditEnabled", false));
    return mailboxes;
  }

  private static String name(int i) {
    int round = i / (GIVEN.length * FAMILY.length);
    return GIVEN[i % GIVEN.length] + " " + FAMILY[(i / GIVEN.length) % FAMILY.length] + (round > 0 ? round : "");
  }

  private static String upn(int i) {
    if (i >= MEMBERS) {
      return "guest" + i + "_partner.example#EXT#@fabrikam.onmicrosoft.com";
    }
    return name(i).toLowerCase(java.util.Locale.ROOT).replace(' ', '.') + "@" + DOMAIN;
  }

  private static String emergencyName(String account) {
    return "Emergency access " + account.substring(2);
  }

  static String userId(int i) {
    return id("user:" + i);
  }

  static String emergencyId(String account) {
    return id("user:" + account);
  }

  private static Map<String, Object> roleReference(String templateId) {
    return obj("@odata.type", "#microsoft.graph.directoryRole", "id", id("role:" + templateId), "roleTemplateId", templateId);
  }

  private static Map<String, Object> cmdlet(String name, Object... fields) {
    Map<String, Object> object = obj("Name", name, "Identity", name);
    object.putAll(obj(fields));
    return object;
  }

  /** A GUID of its own for each key, the same on every run. */
  private static String id(String key) {
    return UUID.nameUUIDFromBytes(("fabrikam:" + key).getBytes(StandardCharsets.UTF_8)).toString();
  }

  /** Defender for Endpoint's machine ids are 40 hexadecimal digits. */
  private static String sha1(String key) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(("fabrikam:" + key).getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, Object> obj(Object... pairs) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put((String) pairs[i], pairs[i + 1]);
    }
    return map;
  }

  /** Just enough JSON for the sample: maps, lists, strings, numbers, booleans and null. */
  private static final class Json {
    static String compact(Object value) {
      StringBuilder out = new StringBuilder();
      write(out, value, null, "");
      return out.toString();
    }

    static String pretty(Object value, String indent) {
      StringBuilder out = new StringBuilder();
      write(out, value, "  ", indent);
      return out.toString();
    }

    /** @param step the indent of a nesting level, or null for one line */
    private static void write(StringBuilder out, Object value, String step, String indent) {
      if (value instanceof Map<?, ?> map) {
        block(out, map.entrySet().stream().map(e -> (Object) e).toList(), '{', '}', step, indent);
      } else if (value instanceof List<?> list) {
        block(out, list, '[', ']', step, indent);
      } else if (value instanceof String s) {
        out.append(quote(s));
      } else {
        out.append(value);
      }
    }

    private static void block(StringBuilder out, List<?> items, char open, char close, String step, String indent) {
      out.append(open);
      if (items.isEmpty()) {
        out.append(close);
        return;
      }
      String inner = step == null ? "" : indent + step;
      for (int i = 0; i < items.size(); i++) {
        out.append(i == 0 ? "" : ",").append(step == null ? (i == 0 ? "" : " ") : "\n" + inner);
        Object item = items.get(i);
        if (item instanceof Map.Entry<?, ?> entry) {
          out.append(quote((String) entry.getKey())).append(": ");
          write(out, entry.getValue(), step, inner);
        } else {
          write(out, item, step, inner);
        }
      }
      out.append(step == null ? "" : "\n" + indent).append(close);
    }

    static String quote(String s) {
      StringBuilder out = new StringBuilder("\"");
      for (char c : s.toCharArray()) {
        switch (c) {
          case '"' -> out.append("\\\"");
          case '\\' -> out.append("\\\\");
          default -> out.append(c);
        }
      }
      return out.append('"').toString();
    }
  }
}
