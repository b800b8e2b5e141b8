package dev.posture.scubagear;

import dev.posture.input.Node;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code directoryRoles} with their members, from ScubaGear's privileged roles ({@code
 * privileged_roles}: the highly privileged roles, their template ids and PIM rules) and the users and
 * service principals that hold them ({@code privileged_users}, {@code privileged_service_principals}:
 * keyed by object id, each with the roles it holds, actively or, with PIM, eligibly). Only those roles
 * are in the export; a member has its id and display name, not its sign-in name.
 */
final class DirectoryRoles {
  /** The template ids of the roles ScubaGear counts as privileged, for a role only its users name. */
  private static final Map<String, String> TEMPLATES = Map.of(
      "Global Administrator", "62e90394-69f5-4237-9190-012177145e10",
      "Privileged Role Administrator", "e8611ab8-c189-46e8-94e1-60213ab1f814",
      "User Administrator", "fe930be7-5e62-47db-91af-98c3a49a38b1",
      "SharePoint Administrator", "f28a1f50-f6e7-4571-818b-6a12f2af6b6c",
      "Exchange Administrator", "29232cdf-9323-42fd-ade2-1d097af3e4de",
      "Hybrid Identity Administrator", "8ac3fc64-6eca-42ea-9e69-59f4c7b60eb2",
      "Application Administrator", "9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3",
      "Cloud Application Administrator", "158c047a-c907-4556-b7ef-446551a6b5f7");

  private DirectoryRoles() {}

  static Mapped of(ProviderSettingsExport export) {
    Map<String, ObjectNode> roles = new LinkedHashMap<>();
    for (Node role : export.objects("privileged_roles", "privileged role")) {
      String name = role.text("DisplayName");
      ObjectNode graph = roles.computeIfAbsent(name, DirectoryRoles::role);
      role.optionalText("RoleTemplateId").ifPresent(id -> graph.put("roleTemplateId", id));
    }
    members(export.node("privileged_users"), "#microsoft.graph.user", roles);
    members(export.node("privileged_service_principals"), "#microsoft.graph.servicePrincipal", roles);
    ArrayNode list = JsonNodeFactory.instance.arrayNode();
    roles.values().stream().filter(r -> r.has("roleTemplateId")).forEach(list::add);
    List<String> unknown = roles.values().stream().filter(r -> !r.has("roleTemplateId"))
        .map(r -> r.path("displayName").asString()).toList();
    return new Mapped.Found(list, unknown.isEmpty() ? List.of() : List.of("privileged_users names "
        + (unknown.size() == 1 ? "a role" : "roles") + " privileged_roles does not describe, left out of directoryRoles: "
        + String.join(", ", unknown)));
  }

  private static ObjectNode role(String name) {
    ObjectNode role = JsonNodeFactory.instance.objectNode();
    role.put("displayName", name);
    if (TEMPLATES.containsKey(name)) {
      role.put("roleTemplateId", TEMPLATES.get(name));
    }
    role.putArray("members");
    return role;
  }

  /** Adds each object of {@code holders} (a mapping of object id to its roles) to the roles it holds, once each. */
  private static void members(Node holders, String type, Map<String, ObjectNode> roles) {
    if (holders.isMissing() || holders.value().isArray() && holders.value().isEmpty()) {
      return; // a command that failed writes an empty list
    }
    holders.object();
    for (String id : holders.value().propertyNames()) {
      Node holder = holders.field(id).object();
      ObjectNode member = JsonNodeFactory.instance.objectNode();
      member.put("@odata.type", type);
      member.put("id", holder.optionalText("ServicePrincipalId").orElse(id));
      holder.optionalText("AppId").ifPresent(appId -> member.put("appId", appId));
      holder.optionalText("DisplayName").ifPresent(name -> member.put("displayName", name));
      Node held = holder.field("roles");
      List<String> names = held.value() != null && held.value().isString() ? List.of(held.asText()) : holder.texts("roles");
      for (String name : names.stream().distinct().toList()) {
        ArrayNode members = (ArrayNode) roles.computeIfAbsent(name, DirectoryRoles::role).path("members");
        members.add(member.deepCopy());
      }
    }
  }
}
