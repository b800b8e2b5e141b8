package dev.posture.snapshot;

import dev.posture.input.DocumentReader;
import dev.posture.input.Node;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.SerializedString;
import tools.jackson.databind.JsonNode;

/**
 * What a synthetic tenant of one kind looks like, read from {@code profiles/KEY.json}: the settings
 * sections, written as they are (the members of {@code directoryRoles} are the generated users who
 * hold each role), and the rates from which users, devices and mailboxes are drawn. {@code
 * ${domain}} anywhere in the file stands for the tenant's domain.
 */
record SyntheticProfile(JsonNode settings, Map<String, Role> roles, Users users, Weighted<DeviceKind> devices, double mailboxAudit) {

  /** A directory role of the settings: its object id and display name, by role template id. */
  record Role(String id, String displayName, String templateId) {}

  /**
   * How users are drawn. The named users come first (emergency access accounts, say), then the
   * generated ones: the first of those hold the roles {@code roleHolders} lists, one list a user;
   * the rest are admins at rate {@code admin}, holding {@code adminRole}. Every generated user is in
   * each of {@code groups} at that group's rate.
   */
  record Users(List<Named> named, List<List<Role>> roleHolders, double admin, Role adminRole, List<GroupShare> groups,
      double guest, double enabled, double synced, double mfaRegistered, double adminMfaRegistered, double ssprRegistered,
      double ssprEnabled, Weighted<String> methods) {}

  record Named(String id, String userPrincipalName, String displayName, List<Role> roles, List<String> groups, List<String> methods) {}

  record GroupShare(String id, double share) {}

  /** The devices of one Defender platform: name prefix, descriptive fields, and the secure configurations that may apply. */
  record DeviceKind(String platform, String prefix, Fields fields, List<Configuration> configurations) {}

  /**
   * A Defender secure configuration: it applies to a device at rate {@code applies}, and a device it
   * applies to complies at rate {@code compliant}.
   */
  record Configuration(String id, double applies, double compliant) {}

  /** Named fields, each drawn afresh for every element; names are encoded once, not per element. */
  record Fields(List<SerializableString> names, List<Draw> draws) {
    void write(JsonGenerator json, SplittableRandom random) {
      for (int i = 0; i < names.size(); i++) {
        draws.get(i).write(json, names.get(i), random);
      }
    }

    static Fields read(Node mapping) {
      List<SerializableString> names = new ArrayList<>();
      List<Draw> draws = new ArrayList<>();
      for (String name : mapping.object().value().propertyNames()) {
        names.add(new SerializedString(name));
        draws.add(Draw.read(mapping.field(name)));
      }
      return new Fields(List.copyOf(names), List.copyOf(draws));
    }
  }

  static SyntheticProfile load(String key, String domain) {
    String source = "profiles/" + key + ".json";
    byte[] bytes;
    try (InputStream in = SyntheticProfile.class.getResourceAsStream(source)) {
      bytes = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String text = new String(bytes, StandardCharsets.UTF_8).replace("${domain}", domain);
    Node root = DocumentReader.read(source, text.getBytes(StandardCharsets.UTF_8), false, true).rootNode()
        .onlyFields(Set.of("settings", "users", "devices", "mailboxes"));
    Node settings = root.field("settings").object();
    Map<String, Role> roles = roles(settings.field("directoryRoles"));
    return new SyntheticProfile(settings.value(), roles, users(root.field("users"), roles),
        devices(root.field("devices")), Draw.share(root.field("mailboxes").onlyFields(Set.of("auditEnabled")).field("auditEnabled")));
  }

  private static Map<String, Role> roles(Node directoryRoles) {
    Map<String, Role> roles = new LinkedHashMap<>();
    for (Node role : directoryRoles.items()) {
      role.onlyFields(Set.of("id", "displayName", "roleTemplateId"));
      roles.put(role.text("roleTemplateId"), new Role(role.text("id"), role.text("displayName"), role.text("roleTemplateId")));
    }
    return roles;
  }

  private static Users users(Node users, Map<String, Role> roles) {
    users.onlyFields(Set.of("named", "roleHolders", "admin", "adminRole", "groups", "guest", "enabled", "synced", "mfaRegistered",
        "adminMfaRegistered", "ssprRegistered", "ssprEnabled", "methods"));
    List<Named> named = new ArrayList<>();
    for (Node user : users.field("named").items()) {
      user.onlyFields(Set.of("id", "userPrincipalName", "displayName", "roles", "groups", "methods"));
      named.add(new Named(user.text("id"), user.text("userPrincipalName"), user.text("displayName"),
          roles(user.field("roles"), roles), user.texts("groups"), user.texts("methods")));
    }
    List<List<Role>> holders = new ArrayList<>();
    for (Node held : users.field("roleHolders").items()) {
      holders.add(roles(held, roles));
    }
    List<GroupShare> groups = new ArrayList<>();
    Node shares = users.field("groups").object();
    for (String id : shares.value().propertyNames()) {
      groups.add(new GroupShare(id, Draw.share(shares.field(id))));
    }
    return new Users(List.copyOf(named), List.copyOf(holders), share(users, "admin"), role(users.field("adminRole"), roles),
        List.copyOf(groups), share(users, "guest"), share(users, "enabled"), share(users, "synced"), share(users, "mfaRegistered"),
        share(users, "adminMfaRegistered"), share(users, "ssprRegistered"), share(users, "ssprEnabled"),
        Weighted.read(users.field("methods"), Node::asText));
  }

  /** A list of role template ids, each one of the settings' directory roles. */
  private static List<Role> roles(Node templateIds, Map<String, Role> roles) {
    List<Role> held = new ArrayList<>();
    for (Node id : templateIds.items()) {
      held.add(role(id, roles));
    }
    return List.copyOf(held);
  }

  private static Role role(Node templateId, Map<String, Role> roles) {
    Role role = roles.get(templateId.asText());
    if (role == null) {
      throw templateId.error("no directory role with roleTemplateId '" + templateId.asText() + "' in the settings");
    }
    return role;
  }

  private static Weighted<DeviceKind> devices(Node devices) {
    List<DeviceKind> kinds = new ArrayList<>();
    List<String> platforms = List.copyOf(devices.object().value().propertyNames());
    double[] shares = new double[platforms.size()];
    for (int i = 0; i < platforms.size(); i++) {
      String platform = platforms.get(i);
      Node kind = devices.field(platform).onlyFields(Set.of("share", "fields", "configurations"));
      shares[i] = share(kind, "share");
      List<Configuration> configurations = new ArrayList<>();
      Node listed = kind.field("configurations").object();
      for (String id : listed.value().propertyNames()) {
        configurations.add(configuration(id, listed.field(id)));
      }
      String prefix = platform.substring(0, Math.min(3, platform.length())).toLowerCase(Locale.ROOT);
      kinds.add(new DeviceKind(platform, prefix, Fields.read(kind.field("fields")), List.copyOf(configurations)));
    }
    return new Weighted<>(kinds, shares, devices);
  }

  /** A share of compliant devices, or {@code {"applies": share, "compliant": share}} for one that applies to only some. */
  private static Configuration configuration(String id, Node rate) {
    if (rate.value() != null && rate.value().isObject()) {
      rate.onlyFields(Set.of("applies", "compliant"));
      return new Configuration(id, share(rate, "applies"), share(rate, "compliant"));
    }
    return new Configuration(id, 1, Draw.share(rate));
  }

  private static double share(Node parent, String name) {
    return Draw.share(parent.field(name));
  }
}
