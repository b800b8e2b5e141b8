package dev.posture.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cel.common.values.NullValue;
import dev.cel.runtime.CelEvaluationException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whether a Conditional Access policy applies to a user: each way in, and each way out. */
class ConditionalAccessTest {
  private static final String ADA = "6e7b768e-07e2-4810-8459-485f84f8f204";
  private static final String GROUP = "0f1e2d3c-4b5a-4968-8776-655443322110";
  private static final String GLOBAL_ADMINISTRATOR = "62e90394-69f5-4237-9190-012177145e10";
  private static final String HELPDESK = "729827e3-9c14-49f7-bb1b-9608f156bbb8";

  @TempDir Path dir;

  private static Map<String, Object> policy(String state, Map<String, Object> users) {
    Map<String, Object> conditions = new HashMap<>();
    conditions.put("users", users);
    return Map.of("displayName", "Test policy", "state", state, "conditions", conditions);
  }

  private static Map<String, Object> users(Object... pairs) {
    Map<String, Object> users = new HashMap<>();
    for (String side : List.of("include", "exclude")) {
      for (String kind : List.of("Users", "Groups", "Roles")) {
        users.put(side + kind, List.of());
      }
    }
    for (int i = 0; i < pairs.length; i += 2) {
      users.put((String) pairs[i], pairs[i + 1]);
    }
    return users;
  }

  private static Map<String, Object> enabled(Object... pairs) {
    return policy("enabled", users(pairs));
  }

  private static Map<String, Object> member(List<Map<String, Object>> memberOf) {
    return Map.of("id", ADA, "userPrincipalName", "ada@contoso.com", "userType", "Member", "transitiveMemberOf", memberOf);
  }

  private static final Map<String, Object> ADA_ALONE = member(List.of());
  private static final Map<String, Object> IN_GROUP = member(List.of(Map.of("@odata.type", "#microsoft.graph.group", "id", GROUP)));
  private static final Map<String, Object> GLOBAL_ADMIN = member(List.of(Map.of("@odata.type", "#microsoft.graph.directoryRole",
      "id", "role-object-1", "roleTemplateId", GLOBAL_ADMINISTRATOR)));
  private static final Map<String, Object> B2B_GUEST = Map.of("id", "g-1", "userPrincipalName", "pat_fabrikam.com#EXT#@contoso.onmicrosoft.com",
      "userType", "Guest", "transitiveMemberOf", List.of());
  private static final Map<String, Object> INTERNAL_GUEST = Map.of("id", "g-2", "userPrincipalName", "vendor@contoso.com",
      "userType", "Guest", "transitiveMemberOf", List.of());

  private static boolean applies(Map<String, Object> policy, Map<String, Object> user) throws CelEvaluationException {
    return ConditionalAccess.appliesTo(policy, user);
  }

  @Test
  void onlyAnEnforcedPolicyAppliesToAnyone() throws Exception {
    assertThat(applies(enabled("includeUsers", List.of("All")), ADA_ALONE)).isTrue();
    assertThat(applies(policy("enabledForReportingButNotEnforced", users("includeUsers", List.of("All"))), ADA_ALONE))
        .as("report-only").isFalse();
    assertThat(applies(policy("disabled", users("includeUsers", List.of("All"))), ADA_ALONE)).as("disabled").isFalse();
  }

  @Test
  void aPolicyIncludesUsersByIdGroupOrRole() throws Exception {
    assertThat(applies(enabled("includeUsers", List.of(ADA.toUpperCase())), ADA_ALONE)).as("by id, in any case").isTrue();
    assertThat(applies(enabled("includeUsers", List.of("someone-else")), ADA_ALONE)).isFalse();
    assertThat(applies(enabled("includeUsers", List.of("None")), ADA_ALONE)).isFalse();

    assertThat(applies(enabled("includeGroups", List.of(GROUP)), IN_GROUP)).as("a group they are in").isTrue();
    assertThat(applies(enabled("includeGroups", List.of(GROUP)), ADA_ALONE)).isFalse();

    assertThat(applies(enabled("includeRoles", List.of(GLOBAL_ADMINISTRATOR)), GLOBAL_ADMIN)).as("a role they hold").isTrue();
    assertThat(applies(enabled("includeRoles", List.of(HELPDESK)), GLOBAL_ADMIN)).as("a role they do not hold").isFalse();
    assertThat(applies(enabled("includeGroups", List.of(GLOBAL_ADMINISTRATOR)), GLOBAL_ADMIN))
        .as("a role's template id is no group").isFalse();
  }

  @Test
  void anExclusionByIdGroupOrRoleWinsOverAnyInclusion() throws Exception {
    assertThat(applies(enabled("includeUsers", List.of("All"), "excludeUsers", List.of(ADA)), ADA_ALONE)).as("by id").isFalse();
    assertThat(applies(enabled("includeUsers", List.of("All"), "excludeGroups", List.of(GROUP)), IN_GROUP)).as("by group").isFalse();
    assertThat(applies(enabled("includeUsers", List.of("All"), "excludeGroups", List.of(GROUP)), ADA_ALONE)).isTrue();
    assertThat(applies(enabled("includeRoles", List.of(GLOBAL_ADMINISTRATOR), "excludeRoles", List.of(GLOBAL_ADMINISTRATOR)),
        GLOBAL_ADMIN)).as("by role").isFalse();
    assertThat(applies(enabled("includeUsers", List.of(ADA), "excludeRoles", List.of(HELPDESK)), GLOBAL_ADMIN)).isTrue();
  }

  @Test
  void guestsAreIncludedAndExcludedByTheirKind() throws Exception {
    Map<String, Object> b2bGuests = Map.of("guestOrExternalUserTypes", "b2bCollaborationGuest,b2bCollaborationMember",
        "externalTenants", Map.of("@odata.type", "#microsoft.graph.conditionalAccessAllExternalTenants", "membershipKind", "all"));

    assertThat(applies(enabled("includeGuestsOrExternalUsers", b2bGuests), B2B_GUEST)).isTrue();
    assertThat(applies(enabled("includeGuestsOrExternalUsers", b2bGuests), INTERNAL_GUEST)).as("an internal guest is not B2B").isFalse();
    assertThat(applies(enabled("includeGuestsOrExternalUsers", b2bGuests), ADA_ALONE)).as("members are no guests").isFalse();
    assertThat(applies(enabled("includeGuestsOrExternalUsers", Map.of("guestOrExternalUserTypes", "internalGuest")), INTERNAL_GUEST))
        .isTrue();
    assertThat(applies(enabled("includeUsers", List.of("All"), "excludeGuestsOrExternalUsers", b2bGuests), B2B_GUEST)).isFalse();
    assertThat(applies(enabled("includeUsers", List.of("All"), "excludeGuestsOrExternalUsers", NullValue.NULL_VALUE), B2B_GUEST)).isTrue();
    // the older spelling: every guest and external user
    assertThat(applies(enabled("includeUsers", List.of("GuestsOrExternalUsers")), INTERNAL_GUEST)).isTrue();
    assertThat(applies(enabled("includeUsers", List.of("GuestsOrExternalUsers")), ADA_ALONE)).isFalse();
    assertThat(applies(enabled("includeUsers", List.of("All"), "excludeUsers", List.of("GuestsOrExternalUsers")), B2B_GUEST)).isFalse();
  }

  @Test
  void guestsOfNamedTenantsCannotBeToldApartSoTheyAreNeitherIncludedNorLeftIn() throws Exception {
    Map<String, Object> named = Map.of("guestOrExternalUserTypes", "b2bCollaborationGuest",
        "externalTenants", Map.of("membershipKind", "enumerated", "members", List.of("9f8e7d6c-0000-4000-8000-000000000001")));

    assertThat(applies(enabled("includeGuestsOrExternalUsers", named), B2B_GUEST)).isFalse();
    assertThat(applies(enabled("includeUsers", List.of("All"), "excludeGuestsOrExternalUsers", named), B2B_GUEST)).isFalse();
  }

  @Test
  void absentConditionListsAreEmptyButGroupsAndRolesNeedTheUsersMemberships() throws Exception {
    Map<String, Object> all = policy("enabled", new HashMap<>(Map.of("includeUsers", List.of("All"))));
    Map<String, Object> noMemberships = Map.of("id", ADA, "userType", "Member");

    assertThat(applies(all, noMemberships)).isTrue();
    assertThatThrownBy(() -> applies(enabled("includeUsers", List.of("All"), "excludeGroups", List.of(GROUP)), noMemberships))
        .isInstanceOf(CelEvaluationException.class)
        .hasMessage("policy 'Test policy' names groups or roles, and the user has no transitiveMemberOf"
            + " (the groups and directory roles they are in)");
    assertThatThrownBy(() -> applies(enabled("includeUsers", "All"), ADA_ALONE))
        .hasMessage("policy 'Test policy': conditions.users.includeUsers is not a list");
    assertThatThrownBy(() -> applies(Map.of("id", "p-7", "state", "enabled"), ADA_ALONE)).hasMessage("policy 'p-7' has no conditions");
  }

  @Test
  void checksCallItOnAPolicyWithTheUser() throws Exception {
    Expression covered = UserPredicates.covered(dir, "tenant.conditionalAccessPolicies.exists(p, p.appliesTo(user))");
    Map<String, Object> tenant = Map.of("conditionalAccessPolicies", List.of(
        policy("enabledForReportingButNotEnforced", users("includeUsers", List.of("All"))),
        enabled("includeRoles", List.of(GLOBAL_ADMINISTRATOR))));

    assertThat(covered.test(Map.of("tenant", tenant, "user", GLOBAL_ADMIN))).isTrue();
    assertThat(covered.test(Map.of("tenant", tenant, "user", ADA_ALONE))).isFalse();
    assertThatThrownBy(() -> covered.test(Map.of("tenant", tenant, "user", Map.of("id", ADA))))
        .isInstanceOf(CheckFailedException.class)
        .hasMessageContaining("names groups or roles, and the user has no transitiveMemberOf");
  }
}
