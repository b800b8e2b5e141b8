package dev.posture.catalog;

import dev.cel.common.CelFunctionDecl;
import dev.cel.common.CelOverloadDecl;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.common.values.NullValue;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelFunctionBinding;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Whether a Conditional Access policy applies to a user, as Microsoft Entra ID decides it: the
 * policy is on ({@code enabled}; report-only and disabled policies enforce nothing), its user
 * conditions include the user (all users, their id, a group they are in, a directory role they hold,
 * or, for guests and external users, {@code includeGuestsOrExternalUsers}) and do not exclude them
 * by any of the same. Checks call it as {@code p.appliesTo(user)} on a policy of
 * {@code tenant.conditionalAccessPolicies} and a user of the {@code users} section, whose
 * {@code transitiveMemberOf} lists the groups and directory roles (by {@code roleTemplateId}) they
 * are in.
 *
 * <p>What the data cannot prove is not counted as coverage: a guest condition limited to named
 * external tenants includes no one and excludes every guest, since a user object does not say which
 * tenant a guest comes from.
 */
final class ConditionalAccess {
  private static final String OVERLOAD = "map_appliesTo_map";
  private static final MapType OBJECT = MapType.create(SimpleType.STRING, SimpleType.DYN);

  static final CelFunctionDecl DECLARATION = CelFunctionDecl.newFunctionDeclaration(
      "appliesTo", CelOverloadDecl.newMemberOverload(OVERLOAD, SimpleType.BOOL, OBJECT, OBJECT));
  static final CelFunctionBinding BINDING = CelFunctionBinding.from(OVERLOAD, Map.class, Map.class, ConditionalAccess::appliesTo);

  private static final String ALL = "All";
  /** The value {@code includeUsers} and {@code excludeUsers} once used for every guest and external user. */
  private static final String GUESTS_OR_EXTERNAL_USERS = "GuestsOrExternalUsers";
  private static final String GROUP = "#microsoft.graph.group";
  private static final String ROLE = "#microsoft.graph.directoryRole";

  private ConditionalAccess() {}

  static boolean appliesTo(Map<?, ?> policy, Map<?, ?> user) throws CelEvaluationException {
    if (!"enabled".equals(policy.get("state"))) {
      return false;
    }
    Map<?, ?> users = mapping(mapping(policy.get("conditions"), policy, "conditions").get("users"), policy, "conditions.users");
    return side(users, "include", policy, user) && !side(users, "exclude", policy, user);
  }

  /** Whether the include (or exclude) half of the user conditions names the user. */
  private static boolean side(Map<?, ?> users, String side, Map<?, ?> policy, Map<?, ?> user) throws CelEvaluationException {
    List<?> named = list(users, side + "Users", policy);
    if (side.equals("include") && contains(named, ALL)) {
      return true;
    }
    if (user.get("id") instanceof String id && contains(named, id)) {
      return true;
    }
    GuestKind kind = GuestKind.of(user);
    if (kind != GuestKind.NONE && contains(named, GUESTS_OR_EXTERNAL_USERS)) {
      return true;
    }
    Object guests = users.get(side + "GuestsOrExternalUsers");
    if (kind != GuestKind.NONE && guests instanceof Map<?, ?> condition && kind.matches(condition, side.equals("exclude"))) {
      return true;
    }
    List<?> groups = list(users, side + "Groups", policy);
    List<?> roles = list(users, side + "Roles", policy);
    if (groups.isEmpty() && roles.isEmpty()) {
      return false;
    }
    if (!(user.get("transitiveMemberOf") instanceof List<?> memberOf)) {
      throw new CelEvaluationException("policy " + name(policy) + " names groups or roles, and the user has no transitiveMemberOf"
          + " (the groups and directory roles they are in)");
    }
    for (Object item : memberOf) {
      if (item instanceof Map<?, ?> reference) {
        Object type = reference.get("@odata.type");
        if (GROUP.equals(type) && reference.get("id") instanceof String group && contains(groups, group)
            || ROLE.equals(type) && reference.get("roleTemplateId") instanceof String role && contains(roles, role)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * All that {@link #appliesTo} reads of a user, for policies that name {@code namedUsers} (lower
   * case): two users with the same view are included and excluded by the same policies.
   */
  static List<Object> view(Map<?, ?> user, Set<String> namedUsers) {
    List<String> memberships = null;
    if (user.get("transitiveMemberOf") instanceof List<?> memberOf) {
      memberships = new ArrayList<>(memberOf.size());
      for (Object item : memberOf) {
        if (item instanceof Map<?, ?> reference) {
          Object type = reference.get("@odata.type");
          if (GROUP.equals(type) && reference.get("id") instanceof String group) {
            memberships.add("group " + group.toLowerCase(Locale.ROOT));
          } else if (ROLE.equals(type) && reference.get("roleTemplateId") instanceof String role) {
            memberships.add("role " + role.toLowerCase(Locale.ROOT));
          }
        }
      }
      Collections.sort(memberships);
    }
    String id = user.get("id") instanceof String s && namedUsers.contains(s.toLowerCase(Locale.ROOT)) ? s.toLowerCase(Locale.ROOT) : "";
    return Arrays.asList(GuestKind.of(user), memberships, id);
  }

  /** The ids (lower case) that the policies' user conditions name, included or excluded. */
  static Set<String> namedUsers(Object policies) {
    Set<String> named = new HashSet<>();
    if (policies instanceof List<?> list) {
      for (Object policy : list) {
        if (policy instanceof Map<?, ?> p && p.get("conditions") instanceof Map<?, ?> conditions
            && conditions.get("users") instanceof Map<?, ?> users) {
          for (String field : List.of("includeUsers", "excludeUsers")) {
            if (users.get(field) instanceof List<?> ids) {
              ids.stream().filter(String.class::isInstance).map(id -> ((String) id).toLowerCase(Locale.ROOT)).forEach(named::add);
            }
          }
        }
      }
    }
    return named;
  }

  /** What kind of guest or external user an account is, as far as its user object tells. */
  private enum GuestKind {
    NONE(null),
    INTERNAL_GUEST("internalGuest"),
    B2B_GUEST("b2bCollaborationGuest"),
    B2B_MEMBER("b2bCollaborationMember");

    private final String type;

    GuestKind(String type) {
      this.type = type;
    }

    /** A guest's sign-in name carries {@code #EXT#} when it was invited from another tenant. */
    static GuestKind of(Map<?, ?> user) {
      boolean external = user.get("userPrincipalName") instanceof String upn && upn.contains("#EXT#");
      boolean guest = user.get("userType") instanceof String type && type.equalsIgnoreCase("Guest");
      return guest ? (external ? B2B_GUEST : INTERNAL_GUEST) : (external ? B2B_MEMBER : NONE);
    }

    /**
     * Whether an {@code includeGuestsOrExternalUsers} (or exclude) condition names this kind. Its
     * {@code guestOrExternalUserTypes} is a comma-separated list; {@code externalTenants} naming
     * particular tenants cannot be matched, so it counts as a match only when excluding.
     */
    boolean matches(Map<?, ?> condition, boolean excluding) {
      if (!(condition.get("guestOrExternalUserTypes") instanceof String types) || !List.of(types.split("\\s*,\\s*")).contains(type)) {
        return false;
      }
      boolean allTenants = !(condition.get("externalTenants") instanceof Map<?, ?> tenants)
          || !"enumerated".equals(tenants.get("membershipKind"));
      return allTenants || excluding;
    }
  }

  /** Graph ids are GUIDs, written in either case. */
  private static boolean contains(List<?> values, String wanted) {
    for (Object value : values) {
      if (value instanceof String s && s.equalsIgnoreCase(wanted)) {
        return true;
      }
    }
    return false;
  }

  /** A list of the user conditions; Graph returns every one, an empty list when unused, so absent or null is empty too. */
  private static List<?> list(Map<?, ?> users, String field, Map<?, ?> policy) throws CelEvaluationException {
    Object value = users.get(field);
    if (value instanceof List<?> list) {
      return list;
    }
    if (value == null || value == NullValue.NULL_VALUE) {
      return List.of();
    }
    throw new CelEvaluationException("policy " + name(policy) + ": conditions.users." + field + " is not a list");
  }

  private static Map<?, ?> mapping(Object value, Map<?, ?> policy, String path) throws CelEvaluationException {
    if (value instanceof Map<?, ?> map) {
      return map;
    }
    throw new CelEvaluationException("policy " + name(policy) + " has no " + path);
  }

  private static String name(Map<?, ?> policy) {
    Object name = policy.get("displayName") instanceof String s ? s : policy.get("id");
    return name instanceof String s ? "'" + s + "'" : "(without a name)";
  }
}
