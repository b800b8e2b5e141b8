package dev.posture.snapshot;

import dev.posture.input.Labelled;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a synthetic but realistic tenant snapshot, in the shape Microsoft's APIs give, for benchmarks
 * and demos. The same profile, sizes and seed always give the same bytes. The settings come from the
 * profile as they are; users, devices and mailboxes are drawn from the profile's rates one at a time
 * and written as they go, so a million users need no memory beyond the list of role holders.
 */
public final class SyntheticTenant {
  private static final JsonMapper MAPPER = JsonMapper.builder().build();
  private static final String[] GIVEN = {"Ada", "Ben", "Chloe", "Dev", "Eva", "Femi", "Gus", "Hana", "Ivo", "Jun", "Kai", "Lena",
      "Milo", "Nia", "Omar", "Pia", "Quinn", "Ravi", "Sara", "Tom", "Uma", "Vik", "Wen", "Yara", "Zoe"};
  private static final String[] FAMILY = {"Adams", "Berg", "Costa", "Diaz", "Eze", "Fox", "Gupta", "Holm", "Ito", "Jansen",
      "Khan", "Lopez", "Moreau", "Novak", "Okafor", "Park", "Quist", "Rossi", "Silva", "Tanaka", "Ueda", "Varga", "Weber"};

  /** The kinds of tenant; each one's settings and rates are in {@code profiles/KEY.json}. */
  public enum Profile implements Labelled {
    SMB("smb", "Small business"),
    ENTERPRISE("enterprise", "Enterprise"),
    NEGLECTED("neglected", "Neglected");

    private final String key;
    final String displayName;

    Profile(String key, String displayName) {
      this.key = key;
      this.displayName = displayName;
    }

    @Override
    public String label() {
      return key;
    }

    @Override
    public String toString() {
      return key;
    }
  }

  private final Profile profile;
  private final int users;
  private final int devices;
  private final long seed;

  public SyntheticTenant(Profile profile, int users, int devices, long seed) {
    this.profile = profile;
    this.users = users;
    this.devices = devices;
    this.seed = seed;
  }

  public void write(OutputStream out) {
    SplittableRandom random = new SplittableRandom(seed);
    String domain = "tenant" + Long.toHexString(seed & 0xffff) + ".example";
    SyntheticProfile shape = SyntheticProfile.load(profile.label(), domain);
    String tenantId = "00000000-0000-4000-8000-" + String.format("%012x", seed & 0xffffffffffffL);
    try (JsonGenerator json = MAPPER.createGenerator(out)) {
      json.writeStartObject();
      json.writeName("tenant");
      json.writeStartObject();
      json.writeStringProperty("id", tenantId);
      json.writeStringProperty("displayName", profile.displayName + " (synthetic, seed " + seed + ")");
      json.writeStringProperty("industry", "Other");
      json.writeNumberProperty("seats", users);
      json.writeStringProperty("capturedAt", "2026-11-01T00:00:00Z");
      json.writeEndObject();
      for (Map.Entry<String, JsonNode> section : shape.settings().properties()) {
        if (!section.getKey().equals(DIRECTORY_ROLES)) {
          json.writeName(section.getKey());
          json.writePOJO(section.getValue());
        }
      }
      Map<SyntheticProfile.Role, List<Member>> members = new LinkedHashMap<>();
      shape.roles().values().forEach(role -> members.put(role, new ArrayList<>()));
      writeUsers(json, random, domain, shape.users(), members);
      writeDevices(json, random, domain, shape.devices());
      writeMailboxes(json, random.split(), domain, shape.users(), shape.mailboxAudit());
      // Written last: the users above decided who holds each role; order does not matter to a reader.
      writeRoles(json, members);
      json.writeEndObject();
    }
  }

  /** A user who holds a directory role, as Graph lists role members. */
  private record Member(String id, String userPrincipalName, String displayName) {}

  private static final String DIRECTORY_ROLES = "directoryRoles";
  private static final String USER = "#microsoft.graph.user";
  private static final String GROUP = "#microsoft.graph.group";
  private static final String ROLE = "#microsoft.graph.directoryRole";

  private void writeUsers(JsonGenerator json, SplittableRandom random, String domain, SyntheticProfile.Users rates,
      Map<SyntheticProfile.Role, List<Member>> members) {
    json.writeArrayPropertyStart("users");
    for (SyntheticProfile.Named named : rates.named()) {
      for (SyntheticProfile.Role role : named.roles()) {
        members.get(role).add(new Member(named.id(), named.userPrincipalName(), named.displayName()));
      }
      json.writeStartObject();
      identity(json, named.id(), named.userPrincipalName(), named.displayName(), true, false, false);
      boolean registered = !named.methods().isEmpty();
      registration(json, !named.roles().isEmpty(), registered, registered, true);
      json.writeArrayPropertyStart("methodsRegistered");
      named.methods().forEach(json::writeString);
      json.writeEndArray();
      memberOf(json, named.roles(), named.groups());
      json.writeEndObject();
    }
    List<String> groups = new ArrayList<>();
    for (int i = 0; i < generated(rates); i++) {
      boolean holder = i < rates.roleHolders().size();
      boolean guest = !holder && random.nextDouble() < rates.guest();
      List<SyntheticProfile.Role> roles = holder ? rates.roleHolders().get(i)
          : !guest && random.nextDouble() < rates.admin() ? List.of(rates.adminRole()) : List.of();
      boolean enabled = holder || random.nextDouble() < rates.enabled();
      boolean synced = !guest && random.nextDouble() < rates.synced();
      groups.clear();
      for (SyntheticProfile.GroupShare group : rates.groups()) {
        if (random.nextDouble() < group.share()) {
          groups.add(group.id());
        }
      }
      String id = userId(i);
      String upn = upn(i, domain, guest);
      String name = GIVEN[i % GIVEN.length] + " " + FAMILY[(i / GIVEN.length) % FAMILY.length];
      for (SyntheticProfile.Role role : roles) {
        members.get(role).add(new Member(id, upn, name));
      }
      json.writeStartObject();
      identity(json, id, upn, name, enabled, guest, synced);
      // Registration details leave out disabled users.
      if (enabled) {
        boolean admin = !roles.isEmpty();
        boolean registered = random.nextDouble() < (admin ? rates.adminMfaRegistered() : rates.mfaRegistered());
        registration(json, admin, registered, registered && random.nextDouble() < rates.ssprRegistered(),
            !guest && random.nextDouble() < rates.ssprEnabled());
        json.writeArrayPropertyStart("methodsRegistered");
        if (registered) {
          json.writeString(rates.methods().pick(random));
        }
        json.writeEndArray();
      }
      memberOf(json, roles, groups);
      json.writeEndObject();
    }
    json.writeEndArray();
  }

  private static void identity(JsonGenerator json, String id, String upn, String name, boolean enabled, boolean guest, boolean synced) {
    json.writeStringProperty("id", id);
    json.writeStringProperty("userPrincipalName", upn);
    json.writeStringProperty("displayName", name);
    json.writeBooleanProperty("accountEnabled", enabled);
    json.writeStringProperty("userType", guest ? "Guest" : "Member");
    json.writeName("onPremisesSyncEnabled");
    if (synced) {
      json.writeBoolean(true);
    } else {
      json.writeNull();
    }
  }

  private static void registration(JsonGenerator json, boolean admin, boolean registered, boolean ssprRegistered, boolean ssprEnabled) {
    json.writeBooleanProperty("isAdmin", admin);
    json.writeBooleanProperty("isMfaRegistered", registered);
    json.writeBooleanProperty("isMfaCapable", registered);
    json.writeBooleanProperty("isSsprRegistered", ssprRegistered);
    json.writeBooleanProperty("isSsprEnabled", ssprEnabled);
    json.writeBooleanProperty("isSsprCapable", ssprEnabled && ssprRegistered);
  }

  /** The roles the user holds and the groups they are in, as Graph's transitiveMemberOf lists them. */
  private static void memberOf(JsonGenerator json, List<SyntheticProfile.Role> roles, List<String> groups) {
    json.writeArrayPropertyStart("transitiveMemberOf");
    for (SyntheticProfile.Role role : roles) {
      json.writeStartObject();
      json.writeStringProperty("@odata.type", ROLE);
      json.writeStringProperty("id", role.id());
      json.writeStringProperty("roleTemplateId", role.templateId());
      json.writeEndObject();
    }
    for (String group : groups) {
      json.writeStartObject();
      json.writeStringProperty("@odata.type", GROUP);
      json.writeStringProperty("id", group);
      json.writeEndObject();
    }
    json.writeEndArray();
  }

  private static void writeRoles(JsonGenerator json, Map<SyntheticProfile.Role, List<Member>> members) {
    json.writeArrayPropertyStart(DIRECTORY_ROLES);
    members.forEach((role, holders) -> {
      json.writeStartObject();
      json.writeStringProperty("id", role.id());
      json.writeStringProperty("displayName", role.displayName());
      json.writeStringProperty("roleTemplateId", role.templateId());
      json.writeArrayPropertyStart("members");
      for (Member member : holders) {
        json.writeStartObject();
        json.writeStringProperty("@odata.type", USER);
        json.writeStringProperty("id", member.id());
        json.writeStringProperty("userPrincipalName", member.userPrincipalName());
        json.writeStringProperty("displayName", member.displayName());
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeEndObject();
    });
    json.writeEndArray();
  }

  /** Graph's object ids are GUIDs; these are the index, readably. */
  private static String userId(int i) {
    return "00000000-0000-4000-a000-" + padded(Integer.toString(i), 12);
  }

  /** Formatting by hand: {@code String.format} costs more than the rest of an element. */
  private static String padded(String digits, int width) {
    return "0".repeat(Math.max(0, width - digits.length())) + digits;
  }

  /** The users drawn at random: the named ones count towards the number asked for. */
  private int generated(SyntheticProfile.Users rates) {
    return Math.max(0, users - rates.named().size());
  }

  private static String upn(int i, String domain, boolean guest) {
    String name = GIVEN[i % GIVEN.length].toLowerCase(java.util.Locale.ROOT) + "." + i;
    return guest ? name + "_partner.example#EXT#@" + domain : name + "@" + domain;
  }

  /** Defender machines with the ids of the secure configurations that apply to each, split by compliance. */
  private void writeDevices(JsonGenerator json, SplittableRandom random, String domain, Weighted<SyntheticProfile.DeviceKind> kinds) {
    json.writeArrayPropertyStart("devices");
    List<String> compliant = new ArrayList<>();
    List<String> nonCompliant = new ArrayList<>();
    for (int i = 0; i < devices; i++) {
      SyntheticProfile.DeviceKind kind = kinds.pick(random);
      json.writeStartObject();
      json.writeStringProperty("id", padded(Long.toHexString(seed), 16) + padded(Integer.toHexString(i), 24));
      json.writeStringProperty("computerDnsName", kind.prefix() + "-" + i + "." + domain);
      json.writeStringProperty("osPlatform", kind.platform());
      kind.fields().write(json, random);
      json.writeStringProperty("onboardingStatus", "Onboarded");
      compliant.clear();
      nonCompliant.clear();
      for (SyntheticProfile.Configuration configuration : kind.configurations()) {
        if (random.nextDouble() < configuration.applies()) {
          (random.nextDouble() < configuration.compliant() ? compliant : nonCompliant).add(configuration.id());
        }
      }
      json.writeObjectPropertyStart("secureConfigurations");
      ids(json, "compliant", compliant);
      ids(json, "nonCompliant", nonCompliant);
      json.writeEndObject();
      json.writeEndObject();
    }
    json.writeEndArray();
  }

  private static void ids(JsonGenerator json, String name, List<String> ids) {
    json.writeArrayPropertyStart(name);
    ids.forEach(json::writeString);
    json.writeEndArray();
  }

  /** A mailbox for every account, the named ones first; the first of all is the discovery mailbox. */
  private void writeMailboxes(JsonGenerator json, SplittableRandom random, String domain, SyntheticProfile.Users accounts,
      double auditEnabled) {
    json.writeArrayPropertyStart("mailboxes");
    List<SyntheticProfile.Named> named = accounts.named();
    for (int i = 0; i < users; i++) {
      boolean discovery = i == 0;
      int n = i - named.size();
      json.writeStartObject();
      json.writeStringProperty("UserPrincipalName", discovery ? "discoverysearchmailbox@" + domain
          : n < 0 ? named.get(i).userPrincipalName() : upn(n, domain, false));
      json.writeStringProperty("ExternalDirectoryObjectId", discovery ? null : n < 0 ? named.get(i).id() : userId(n));
      json.writeStringProperty("RecipientTypeDetails", discovery ? "DiscoveryMailbox" : "UserMailbox");
      json.writeBooleanProperty("AuditEnabled", random.nextDouble() < auditEnabled);
      json.writeEndObject();
    }
    json.writeEndArray();
  }
}
