package dev.posture.snapshot;

import dev.posture.input.Labelled;
import java.io.OutputStream;
import java.util.Map;
import java.util.SplittableRandom;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a synthetic but realistic tenant snapshot, for benchmarks and demos. The same profile, sizes
 * and seed always give the same bytes. The settings come from the profile as they are; users, devices
 * and mailboxes are drawn from the profile's rates one at a time and written as they go, so a million
 * users need no memory.
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
    try (JsonGenerator json = MAPPER.createGenerator(out)) {
      json.writeStartObject();
      json.writeName("tenant");
      json.writeStartObject();
      json.writeStringProperty("id", "00000000-0000-4000-8000-" + String.format("%012x", seed & 0xffffffffffffL));
      json.writeStringProperty("displayName", profile.displayName + " (synthetic, seed " + seed + ")");
      json.writeStringProperty("industry", "Other");
      json.writeNumberProperty("seats", users);
      json.writeStringProperty("capturedAt", "2026-11-01T00:00:00Z");
      json.writeEndObject();
      for (Map.Entry<String, JsonNode> section : shape.settings().properties()) {
        json.writeName(section.getKey());
        json.writePOJO(section.getValue());
      }
      writeUsers(json, random, domain, shape.users());
      writeDevices(json, random, shape.devices());
      writeMailboxes(json, random.split(), domain, shape.mailboxAudit());
      json.writeEndObject();
    }
  }

  private void writeUsers(JsonGenerator json, SplittableRandom random, String domain, SyntheticProfile.Users rates) {
    json.writeArrayPropertyStart("users");
    for (int i = 0; i < users; i++) {
      boolean named = i < rates.firstAdmins();
      boolean guest = !named && random.nextDouble() < rates.guest();
      boolean admin = named || !guest && random.nextDouble() < rates.admin();
      boolean registered = random.nextDouble() < (admin ? rates.adminMfaRegistered() : rates.mfaRegistered());
      json.writeStartObject();
      json.writeStringProperty("id", "u-" + i);
      json.writeStringProperty("userPrincipalName", upn(i, domain, guest));
      json.writeStringProperty("userDisplayName", GIVEN[i % GIVEN.length] + " " + FAMILY[(i / GIVEN.length) % FAMILY.length]);
      json.writeBooleanProperty("accountEnabled", named || random.nextDouble() < rates.enabled());
      json.writeStringProperty("userType", guest ? "guest" : "member");
      json.writeBooleanProperty("isAdmin", admin);
      json.writeBooleanProperty("isMfaRegistered", registered);
      json.writeBooleanProperty("isMfaCapable", registered);
      json.writeBooleanProperty("isSsprRegistered", registered && random.nextDouble() < rates.ssprRegistered());
      json.writeArrayPropertyStart("methodsRegistered");
      if (registered) {
        json.writeString(rates.methods().pick(random));
      }
      json.writeEndArray();
      json.writeEndObject();
    }
    json.writeEndArray();
  }

  private static String upn(int i, String domain, boolean guest) {
    String name = GIVEN[i % GIVEN.length].toLowerCase(java.util.Locale.ROOT) + "." + i;
    return guest ? name + "_partner.example#EXT#@" + domain : name + "@" + domain;
  }

  private void writeDevices(JsonGenerator json, SplittableRandom random, Weighted<SyntheticProfile.DeviceKind> kinds) {
    json.writeArrayPropertyStart("devices");
    for (int i = 0; i < devices; i++) {
      SyntheticProfile.DeviceKind kind = kinds.pick(random);
      json.writeStartObject();
      json.writeStringProperty("id", "d-" + i);
      json.writeStringProperty("deviceName", kind.prefix() + "-" + i);
      json.writeStringProperty("os", kind.os());
      kind.fields().write(json, random);
      json.writeArrayPropertyStart("installedSoftware");
      for (SyntheticProfile.Installed software : kind.software()) {
        if (random.nextDouble() < software.share()) {
          json.writeString(software.name());
        }
      }
      json.writeEndArray();
      json.writeObjectPropertyStart("settings");
      kind.settings().write(json, random);
      json.writeEndObject();
      json.writeEndObject();
    }
    json.writeEndArray();
  }

  private void writeMailboxes(JsonGenerator json, SplittableRandom random, String domain, double auditEnabled) {
    json.writeArrayPropertyStart("mailboxes");
    for (int i = 0; i < users; i++) {
      json.writeStartObject();
      json.writeStringProperty("userPrincipalName", upn(i, domain, false));
      json.writeStringProperty("recipientTypeDetails", i == 0 ? "DiscoveryMailbox" : "UserMailbox");
      json.writeBooleanProperty("auditEnabled", random.nextDouble() < auditEnabled);
      json.writeEndObject();
    }
    json.writeEndArray();
  }
}
