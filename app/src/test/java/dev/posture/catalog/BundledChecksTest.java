package dev.posture.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cel.common.values.NullValue;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The shipped checks read the collected data as Microsoft evaluates it: each case is one policy or
 * setting that looks right at a glance and is not, or the reverse.
 */
class BundledChecksTest {
  private static final Catalog CATALOG = new CatalogLoader().load(Path.of("../catalog"));
  private static final String GLOBAL_ADMINISTRATOR = "62e90394-69f5-4237-9190-012177145e10";
  private static final String HELPDESK = "729827e3-9c14-49f7-bb1b-9608f156bbb8";
  private static final String BREAK_GLASS = "9b1e4c2a-0000-4000-8000-000000000001";

  /** A Global Administrator who has registered MFA. */
  private static final Map<String, Object> ADMIN = user("a-1", GLOBAL_ADMINISTRATOR);
  private static final Map<String, Object> HELPDESK_ADMIN = user("a-2", HELPDESK);
  private static final Map<String, Object> EMERGENCY = user(BREAK_GLASS, GLOBAL_ADMINISTRATOR);

  private static Map<String, Object> user(String id, String role) {
    Map<String, Object> user = new HashMap<>();
    user.put("id", id);
    user.put("userPrincipalName", id + "@contoso.com");
    user.put("accountEnabled", true);
    user.put("userType", "Member");
    user.put("isAdmin", true);
    user.put("isMfaRegistered", true);
    user.put("transitiveMemberOf", List.of(Map.of("@odata.type", "#microsoft.graph.directoryRole", "id", "r-" + role,
        "roleTemplateId", role)));
    return user;
  }

  /** An enforced policy for all users but the emergency account and all cloud apps; {@code with} replaces parts of it. */
  private static Map<String, Object> policy(Map<String, Object> grant, Object... with) {
    Map<String, Object> users = new HashMap<>(Map.of("includeUsers", List.of("All"), "excludeUsers", List.of(BREAK_GLASS),
        "includeGroups", List.of(), "excludeGroups", List.of(), "includeRoles", List.of(), "excludeRoles", List.of()));
    Map<String, Object> conditions = new HashMap<>(Map.of("users", users,
        "applications", Map.of("includeApplications", List.of("All"), "excludeApplications", List.of()),
        "clientAppTypes", List.of("all"), "signInRiskLevels", List.of(), "userRiskLevels", List.of(),
        "locations", NullValue.NULL_VALUE, "platforms", NullValue.NULL_VALUE));
    Map<String, Object> policy = new HashMap<>(Map.of("displayName", "P", "state", "enabled", "conditions", conditions,
        "grantControls", grant, "sessionControls", NullValue.NULL_VALUE));
    for (int i = 0; i < with.length; i += 2) {
      String path = (String) with[i];
      if (path.startsWith("users.")) {
        users.put(path.substring(6), with[i + 1]);
      } else if (path.startsWith("conditions.")) {
        conditions.put(path.substring(11), with[i + 1]);
      } else {
        policy.put(path, with[i + 1]);
      }
    }
    return policy;
  }

  private static Map<String, Object> grant(String operator, String... controls) {
    return Map.of("operator", operator, "builtInControls", List.of(controls), "authenticationStrength", NullValue.NULL_VALUE);
  }

  private static Map<String, Object> strength(String id, List<String> combinations) {
    return Map.of("operator", "OR", "builtInControls", List.of(), "authenticationStrength",
        Map.of("id", id, "allowedCombinations", combinations));
  }

  @SafeVarargs
  private static boolean covers(String action, Map<String, Object> user, Map<String, Object>... policies) {
    Check.Coverage check = (Check.Coverage) CATALOG.find(action).orElseThrow().check();
    Map<String, Object> vars = Map.of("tenant", Map.of("conditionalAccessPolicies", List.of(policies)), "user", user);
    return check.where().map(w -> w.test(vars)).orElse(true) && check.covered().test(vars);
  }

  private static boolean passes(String action, Map<String, Object> tenant) {
    return ((Check.Binary) CATALOG.find(action).orElseThrow().check()).passes().test(Map.of("tenant", tenant));
  }

  @Test
  void adminMfaCountsOnlyPoliciesThatRequireMfaForEverySignIn() {
    assertThat(covers("AdminMFAV2", ADMIN, policy(grant("OR", "mfa")))).isTrue();
    assertThat(covers("AdminMFAV2", ADMIN, policy(grant("OR", "mfa"), "state", "enabledForReportingButNotEnforced")))
        .as("report-only").isFalse();
    assertThat(covers("AdminMFAV2", ADMIN, policy(grant("OR", "mfa", "compliantDevice")))).as("MFA or a compliant device").isFalse();
    assertThat(covers("AdminMFAV2", ADMIN, policy(grant("AND", "mfa", "compliantDevice")))).as("MFA and a compliant device").isTrue();
    assertThat(covers("AdminMFAV2", ADMIN, policy(strength("00000000-0000-0000-0000-000000000002", List.of("password,sms")))))
        .as("an authentication strength is MFA").isTrue();
    assertThat(covers("AdminMFAV2", ADMIN, policy(grant("OR", "mfa"), "conditions.signInRiskLevels", List.of("high"))))
        .as("only on risky sign-ins").isFalse();
    assertThat(covers("AdminMFAV2", ADMIN, policy(grant("OR", "mfa"), "conditions.locations",
        Map.of("includeLocations", List.of("All"), "excludeLocations", List.of("AllTrusted"))))).as("not on the office network").isFalse();
    assertThat(covers("AdminMFAV2", ADMIN, policy(grant("OR", "mfa"), "conditions.clientAppTypes", List.of("browser"))))
        .as("in the browser only").isFalse();
    assertThat(covers("AdminMFAV2", ADMIN, policy(grant("OR", "mfa"), "conditions.applications",
        Map.of("includeApplications", List.of("797f4846-ba00-4fd7-ba43-dac1f8f63013"))))).as("one app only").isFalse();
  }

  @Test
  void adminMfaFollowsTheRolesAPolicyNamesAndTheAccountsItExcludes() {
    Map<String, Object> admins = policy(grant("OR", "mfa"), "users.includeUsers", List.of(), "users.includeRoles",
        List.of(GLOBAL_ADMINISTRATOR));

    assertThat(covers("AdminMFAV2", ADMIN, admins)).isTrue();
    assertThat(covers("AdminMFAV2", HELPDESK_ADMIN, admins)).as("a role the policy does not name").isFalse();
    assertThat(covers("AdminMFAV2", EMERGENCY, admins)).as("excluded by id").isFalse();
    Map<String, Object> unregistered = new HashMap<>(ADMIN);
    unregistered.put("isMfaRegistered", false);
    assertThat(covers("AdminMFAV2", unregistered, admins)).as("not registered").isFalse();
  }

  @Test
  void legacyAuthenticationIsBlockedOnlyForBothLegacyClientTypes() {
    assertThat(covers("BlockLegacyAuthentication", ADMIN,
        policy(grant("OR", "block"), "conditions.clientAppTypes", List.of("exchangeActiveSync", "other")))).isTrue();
    assertThat(covers("BlockLegacyAuthentication", ADMIN,
        policy(grant("OR", "block"), "conditions.clientAppTypes", List.of("other")))).as("ActiveSync left open").isFalse();
    assertThat(covers("BlockLegacyAuthentication", ADMIN,
        policy(grant("OR", "mfa"), "conditions.clientAppTypes", List.of("exchangeActiveSync", "other")))).as("not a block").isFalse();
    assertThat(covers("BlockLegacyAuthentication", EMERGENCY,
        policy(grant("OR", "block"), "conditions.clientAppTypes", List.of("exchangeActiveSync", "other")))).as("excluded").isFalse();
  }

  @Test
  void riskPoliciesMatchTheHighLevelAndTheRightControl() {
    assertThat(covers("SigninRiskPolicy", ADMIN, policy(grant("OR", "mfa"), "conditions.signInRiskLevels", List.of("high", "medium"))))
        .isTrue();
    assertThat(covers("SigninRiskPolicy", ADMIN, policy(grant("OR", "mfa"), "conditions.signInRiskLevels", List.of("medium"))))
        .as("levels are matched, not thresholds").isFalse();
    assertThat(covers("SigninRiskPolicy", ADMIN, policy(grant("OR", "block"), "conditions.signInRiskLevels", List.of("high"))))
        .isTrue();
    assertThat(covers("UserRiskPolicy", ADMIN, policy(grant("AND", "mfa", "passwordChange"), "conditions.userRiskLevels",
        List.of("high")))).isTrue();
    assertThat(covers("UserRiskPolicy", ADMIN, policy(grant("OR", "mfa", "passwordChange"), "conditions.userRiskLevels",
        List.of("high")))).as("a password change offered, not required").isFalse();
    assertThat(covers("UserRiskPolicy", ADMIN, policy(grant("AND", "mfa", "passwordChange"), "conditions.signInRiskLevels",
        List.of("high")))).as("sign-in risk is not user risk").isFalse();
  }

  @Test
  void adminSessionsAndStrengthNeedTheStrictSettings() {
    Map<String, Object> phishingResistant = strength("00000000-0000-0000-0000-000000000004", List.of("fido2"));
    assertThat(covers("aad_phishing_MFA_strength", ADMIN, policy(phishingResistant))).isTrue();
    assertThat(covers("aad_phishing_MFA_strength", ADMIN, policy(strength("c0ffee00-0000-4000-8000-000000000001",
        List.of("fido2", "windowsHelloForBusiness"))))).as("a custom strength of phishing-resistant methods").isTrue();
    assertThat(covers("aad_phishing_MFA_strength", ADMIN, policy(strength("c0ffee00-0000-4000-8000-000000000001",
        List.of("fido2", "microsoftAuthenticatorPush,federatedMultiFactor"))))).as("push is phishable").isFalse();
    assertThat(covers("aad_phishing_MFA_strength", EMERGENCY, policy(phishingResistant))).isFalse();

    Map<String, Object> persistentBrowser = Map.of("isEnabled", true, "mode", "never");
    assertThat(covers("aad_sign_in_freq_session_timeout", ADMIN, policy(grant("OR", "mfa"), "sessionControls", Map.of(
        "signInFrequency", Map.of("isEnabled", true, "type", "hours", "value", 4L), "persistentBrowser", persistentBrowser)))).isTrue();
    assertThat(covers("aad_sign_in_freq_session_timeout", ADMIN, policy(grant("OR", "mfa"), "sessionControls", Map.of(
        "signInFrequency", Map.of("isEnabled", true, "type", "hours", "value", 8L), "persistentBrowser", persistentBrowser))))
        .as("eight hours").isFalse();
    assertThat(covers("aad_sign_in_freq_session_timeout", ADMIN, policy(grant("OR", "mfa"), "sessionControls", Map.of(
        "signInFrequency", Map.of("isEnabled", true, "frequencyInterval", "everyTime", "type", NullValue.NULL_VALUE,
            "value", NullValue.NULL_VALUE), "persistentBrowser", persistentBrowser)))).as("every time").isTrue();
    assertThat(covers("aad_sign_in_freq_session_timeout", ADMIN, policy(grant("OR", "mfa"), "sessionControls", Map.of(
        "signInFrequency", Map.of("isEnabled", true, "type", "days", "value", 1L), "persistentBrowser", persistentBrowser))))
        .as("a day").isFalse();
  }

  @Test
  void exchangeTeamsAndPurviewSettingsDecideAsTheirServicesDo() {
    Map<String, Object> mailbox = Map.of("RecipientTypeDetails", "UserMailbox", "AuditEnabled", true);
    Check.Coverage audit = (Check.Coverage) CATALOG.find("exo_mailboxaudit").orElseThrow().check();
    assertThat(audit.covered().test(Map.of("tenant", Map.of("exchangeOrganizationConfig", Map.of("AuditDisabled", false)),
        "mailbox", mailbox))).isTrue();
    assertThat(audit.covered().test(Map.of("tenant", Map.of("exchangeOrganizationConfig", Map.of("AuditDisabled", true)),
        "mailbox", mailbox))).as("auditing off for the organization").isFalse();

    assertThat(passes("exo_individualsharing", Map.of("sharingPolicies", List.of(
        Map.of("Enabled", true, "Domains", List.of("fabrikam.com:CalendarSharingFreeBusySimple")))))).isTrue();
    assertThat(passes("exo_individualsharing", Map.of("sharingPolicies", List.of(
        Map.of("Enabled", true, "Domains", List.of("Anonymous:CalendarSharingFreeBusyReviewer")))))).as("published to anyone").isFalse();
    assertThat(passes("exo_individualsharing", Map.of("sharingPolicies", List.of(
        Map.of("Enabled", false, "Domains", List.of("*:CalendarSharingFreeBusySimple")))))).as("a policy that is off").isTrue();

    assertThat(passes("mdo_antiphishingpolicies", Map.of("antiPhishPolicies", List.of(
        Map.of("IsDefault", true, "Enabled", true))))).as("the default policy alone").isFalse();
    assertThat(passes("mdo_safelinksforemail", Map.of("safeLinksPolicies", List.of(
        Map.of("EnableSafeLinksForEmail", true, "ScanUrls", true, "AllowClickThrough", false),
        Map.of("EnableSafeLinksForEmail", true, "ScanUrls", true, "AllowClickThrough", true))))).as("one lax policy").isFalse();
    assertThat(passes("mdo_blockmailforward", Map.of("hostedOutboundSpamFilterPolicies", List.of(Map.of("AutoForwardingMode", "Off")),
        "remoteDomains", List.of(Map.of("DomainName", "*", "AutoForwardEnabled", true))))).as("forwarded by a remote domain").isFalse();

    List<Map<String, Object>> meetings = List.of(Map.of("Identity", "Global", "AllowAnonymousUsersToJoinMeeting", false),
        Map.of("Identity", "Tag:AllOn", "AllowAnonymousUsersToJoinMeeting", true));
    assertThat(passes("meeting_restrictanonymousjoin_v1", Map.of("teamsMeetingPolicies", meetings)))
        .as("the Global policy decides").isTrue();

    assertThat(passes("dlp_datalossprevention", Map.of("dlpCompliancePolicies", List.of(
        Map.of("Mode", "TestWithNotifications", "Enabled", true))))).as("a simulation").isFalse();
    assertThat(passes("spo_external_users_sharing", Map.of("sharepointSettings", Map.of(
        "sharingCapability", "disabled", "isResharingByExternalUsersEnabled", true)))).as("no external sharing at all").isTrue();
  }
}
