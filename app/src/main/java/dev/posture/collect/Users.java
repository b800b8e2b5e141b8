package dev.posture.collect;

import dev.posture.tenant.SnapshotWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code users} section: each {@code /users} object with its {@code userRegistrationDetails}
 * fields and the directory roles and conditional access groups it belongs to. Both sides are spilled
 * to disk by partition as their pages arrive and joined one partition at a time.
 */
final class Users {
  static final String SELECT = "id,userPrincipalName,displayName,accountEnabled,userType,onPremisesSyncEnabled";
  /** Fields of a registration entry that {@code /users} has already, in its own spelling. */
  private static final Set<String> KNOWN = Set.of("id", "userPrincipalName", "userDisplayName", "userType");

  private final Collector.Context context;
  private final Partitions users;
  private final Partitions registrations;
  private final Partitions memberships;
  /** Directory role references by the id of a user or group member, held: roles have few members. */
  private final Map<String, List<ObjectNode>> rolesByMember = new HashMap<>();
  /** The groups conditional access policies name: those a user's {@code transitiveMemberOf} lists. */
  private final Set<String> policyGroups = new LinkedHashSet<>();

  Users(Collector.Context context, Path spill) {
    this.context = context;
    this.users = new Partitions(spill, "users");
    this.registrations = new Partitions(spill, "registrations");
    this.memberships = new Partitions(spill, "memberships");
  }

  /** Reads every page of the three sources into the spill files. */
  void gather(List<ObjectNode> roles, List<ObjectNode> policies, List<String> endpoints) {
    policyGroups.addAll(conditionalAccessGroups(policies));
    Set<String> groups = new LinkedHashSet<>(policyGroups);
    for (ObjectNode role : roles) {
      ObjectNode reference = Json.MAPPER.createObjectNode();
      reference.put("@odata.type", "#microsoft.graph.directoryRole");
      reference.set("id", role.get("id"));
      reference.set("roleTemplateId", role.get("roleTemplateId"));
      for (JsonNode member : role.path("members")) {
        String id = key(member.path("id").asString(""));
        rolesByMember.computeIfAbsent(id, k -> new ArrayList<>()).add(reference);
        if ("#microsoft.graph.group".equals(member.path("@odata.type").asString(""))) {
          groups.add(id);
        }
      }
    }
    URI graph = context.base(Service.GRAPH);
    URI registered = URI.create(graph + "/v1.0/reports/authenticationMethods/userRegistrationDetails");
    endpoints.add("GET " + registered);
    context.pages(Service.GRAPH, registered, "AuditLog.Read.All", null, entry -> {
      String id = key(entry.path("id").asString(""));
      KNOWN.forEach(entry::remove);
      registrations.add(id, id + "\t" + Json.MAPPER.writeValueAsString(entry));
    });
    for (String group : groups) {
      URI members = URI.create(graph + "/v1.0/groups/" + group + "/transitiveMembers/microsoft.graph.user?$select=id&$top=999");
      long n = context.pages(Service.GRAPH, members, "GroupMember.Read.All", null,
          member -> memberships.add(key(member.path("id").asString("")), key(member.path("id").asString("")) + "\t" + group));
      if (n < 0) {
        continue; // a group a policy still names, deleted since: no members
      }
    }
    if (!groups.isEmpty()) {
      endpoints.add("GET " + graph + "/v1.0/groups/{id}/transitiveMembers/microsoft.graph.user");
    }
    URI list = URI.create(graph + "/v1.0/users?$select=" + SELECT + "&$top=999&$count=true");
    endpoints.add("GET " + graph + "/v1.0/users");
    long[] seen = {0};
    Long[] expected = {null};
    context.pages(Service.GRAPH, list, "User.Read.All", Map.of("ConsistencyLevel", "eventual"), user -> {
      users.add(key(user.path("id").asString("")), Json.MAPPER.writeValueAsString(user));
      seen[0]++;
    }, page -> {
      if (page.count() != null) {
        expected[0] = page.count();
      }
      context.progress("users", seen[0], expected[0]);
    });
    users.finish();
    registrations.finish();
    memberships.finish();
  }

  /** Joins the spilled sides, partition by partition, into {@code out}. */
  void write(SnapshotWriter.Elements out) {
    for (int p = 0; p < Partitions.COUNT; p++) {
      Map<String, String> registered = new HashMap<>();
      registrations.lines(p, line -> {
        int tab = line.indexOf('\t');
        registered.put(line.substring(0, tab), line.substring(tab + 1));
      });
      Map<String, List<String>> groupsOf = new HashMap<>();
      memberships.lines(p, line -> {
        int tab = line.indexOf('\t');
        groupsOf.computeIfAbsent(line.substring(0, tab), k -> new ArrayList<>()).add(line.substring(tab + 1));
      });
      users.lines(p, line -> {
        ObjectNode user = (ObjectNode) Json.MAPPER.readTree(line);
        String id = key(user.path("id").asString(""));
        String registration = registered.get(id);
        if (registration != null) {
          user.setAll((ObjectNode) Json.MAPPER.readTree(registration));
        }
        user.set("transitiveMemberOf", memberOf(id, groupsOf.getOrDefault(id, List.of())));
        out.add(user);
      });
    }
  }

  /** Roles held directly or through a group, and the conditional access groups the user is in, in Graph's shape. */
  private ArrayNode memberOf(String id, List<String> groups) {
    ArrayNode memberOf = Json.MAPPER.createArrayNode();
    Set<String> roles = new LinkedHashSet<>();
    List<ObjectNode> held = new ArrayList<>(rolesByMember.getOrDefault(id, List.of()));
    groups.forEach(g -> held.addAll(rolesByMember.getOrDefault(g, List.of())));
    for (ObjectNode role : held) {
      if (roles.add(role.path("id").asString(""))) {
        memberOf.add(role);
      }
    }
    for (String group : groups) {
      if (!policyGroups.contains(group)) {
        continue; // a group that only holds a role: the role is listed
      }
      ObjectNode reference = memberOf.addObject();
      reference.put("@odata.type", "#microsoft.graph.group");
      reference.put("id", group);
    }
    return memberOf;
  }

  /** The groups conditional access policies include or exclude users by. */
  private static Set<String> conditionalAccessGroups(List<ObjectNode> policies) {
    Set<String> groups = new LinkedHashSet<>();
    for (ObjectNode policy : policies) {
      JsonNode users = policy.path("conditions").path("users");
      for (String field : new String[] {"includeGroups", "excludeGroups"}) {
        users.path(field).forEach(g -> {
          if (g.isString() && g.stringValue().matches("[0-9a-fA-F-]{36}")) {
            groups.add(key(g.stringValue()));
          }
        });
      }
    }
    return groups;
  }

  private static String key(String id) {
    return id.toLowerCase(Locale.ROOT);
  }
}
