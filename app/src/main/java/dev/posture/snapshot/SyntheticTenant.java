package dev.posture.snapshot;

import dev.posture.input.Labelled;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.SplittableRandom;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a synthetic but realistic tenant snapshot, for benchmarks and demos. The same profile, sizes
 * and seed always give the same bytes. The settings come from the profile; users, devices and
 * mailboxes are generated one at a time and written as they go, so a million users need no memory.
 */
public final class SyntheticTenant {
  private static final JsonMapper MAPPER = JsonMapper.builder().build();
  private static final String[] GIVEN = {"Ada", "Ben", "Chloe", "Dev", "Eva", "Femi", "Gus", "Hana", "Ivo", "Jun", "Kai", "Lena",
      "Milo", "Nia", "Omar", "Pia", "Quinn", "Ravi", "Sara", "Tom", "Uma", "Vik", "Wen", "Yara", "Zoe"};
  private static final String[] FAMILY = {"Adams", "Berg", "Costa", "Diaz", "Eze", "Fox", "Gupta", "Holm", "Ito", "Jansen",
      "Khan", "Lopez", "Moreau", "Novak", "Okafor", "Park", "Quist", "Rossi", "Silva", "Tanaka", "Ueda", "Varga", "Weber"};
  private static final String[] METHODS = {"microsoftAuthenticatorPush", "fido2", "mobilePhone", "softwareOneTimePasscode"};

  /** How a tenant of each kind tends to look; rates are the share of elements with the property. */
  public enum Profile implements Labelled {
    SMB("smb", "Small business", 0.9, 0.95, 0.85, 0.6, 0.7),
    ENTERPRISE("enterprise", "Enterprise", 0.85, 0.98, 0.9, 0.8, 0.85),
    NEGLECTED("neglected", "Neglected", 0.2, 0.7, 0.4, 0.3, 0.5);

    private final String key;
    final String displayName;
    final double mfaRegistered;
    final double auditEnabled;
    final double encrypted;
    final double hardened;
    final double antivirus;

    Profile(String key, String displayName, double mfaRegistered, double auditEnabled, double encrypted, double hardened,
        double antivirus) {
      this.key = key;
      this.displayName = displayName;
      this.mfaRegistered = mfaRegistered;
      this.auditEnabled = auditEnabled;
      this.encrypted = encrypted;
      this.hardened = hardened;
      this.antivirus = antivirus;
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
      for (Map.Entry<String, JsonNode> section : settings().properties()) {
        json.writeName(section.getKey());
        json.writePOJO(section.getValue());
      }
      writeUsers(json, random, domain);
      writeDevices(json, random);
      writeMailboxes(json, random.split(), domain);
      json.writeEndObject();
    }
  }

  private JsonNode settings() {
    try (InputStream in = SyntheticTenant.class.getResourceAsStream("profiles/" + profile.key + ".json")) {
      return MAPPER.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void writeUsers(JsonGenerator json, SplittableRandom random, String domain) {
    json.writeArrayPropertyStart("users");
    for (int i = 0; i < users; i++) {
      boolean guest = random.nextDouble() < 0.06;
      boolean admin = !guest && (i < 2 || random.nextDouble() < 0.01);
      boolean registered = random.nextDouble() < (admin ? Math.min(1, profile.mfaRegistered + 0.1) : profile.mfaRegistered);
      json.writeStartObject();
      json.writeStringProperty("id", "u-" + i);
      json.writeStringProperty("userPrincipalName", upn(i, domain, guest));
      json.writeStringProperty("userDisplayName", GIVEN[i % GIVEN.length] + " " + FAMILY[(i / GIVEN.length) % FAMILY.length]);
      json.writeBooleanProperty("accountEnabled", random.nextDouble() < 0.96);
      json.writeStringProperty("userType", guest ? "guest" : "member");
      json.writeBooleanProperty("isAdmin", admin);
      json.writeBooleanProperty("isMfaRegistered", registered);
      json.writeBooleanProperty("isMfaCapable", registered);
      json.writeBooleanProperty("isSsprRegistered", registered && random.nextDouble() < 0.9);
      json.writeArrayPropertyStart("methodsRegistered");
      if (registered) {
        json.writeString(METHODS[random.nextInt(METHODS.length)]);
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

  private void writeDevices(JsonGenerator json, SplittableRandom random) {
    json.writeArrayPropertyStart("devices");
    for (int i = 0; i < devices; i++) {
      double kind = random.nextDouble();
      String os = kind < 0.7 ? "Windows" : kind < 0.84 ? "macOS" : kind < 0.92 ? "iOS" : kind < 0.98 ? "Android" : "Linux";
      json.writeStartObject();
      json.writeStringProperty("id", "d-" + i);
      json.writeStringProperty("deviceName", os.substring(0, 3).toUpperCase(java.util.Locale.ROOT) + "-" + i);
      json.writeStringProperty("os", os);
      json.writeStringProperty("deviceGroup", "Group " + (char) ('A' + random.nextInt(5)));
      json.writeArrayPropertyStart("installedSoftware");
      if (os.equals("Windows") && random.nextDouble() < 0.4) {
        json.writeString("Adobe Acrobat Reader DC");
      }
      json.writeEndArray();
      json.writeObjectPropertyStart("settings");
      json.writeBooleanProperty("bitLockerEnabled", random.nextDouble() < profile.encrypted);
      json.writeBooleanProperty("defenderAntivirusEnabled", random.nextDouble() < profile.antivirus);
      json.writeBooleanProperty("builtInAdministratorEnabled", random.nextDouble() > profile.hardened);
      json.writeBooleanProperty("autoplayDisabled", random.nextDouble() < profile.hardened);
      json.writeBooleanProperty("adobeReaderFlashDisabled", random.nextDouble() < profile.hardened);
      json.writeBooleanProperty("firewallEnabled", random.nextDouble() < profile.antivirus);
      json.writeEndObject();
      json.writeEndObject();
    }
    json.writeEndArray();
  }

  private void writeMailboxes(JsonGenerator json, SplittableRandom random, String domain) {
    json.writeArrayPropertyStart("mailboxes");
    for (int i = 0; i < users; i++) {
      json.writeStartObject();
      json.writeStringProperty("userPrincipalName", upn(i, domain, false));
      json.writeStringProperty("recipientTypeDetails", i == 0 ? "DiscoveryMailbox" : "UserMailbox");
      json.writeBooleanProperty("auditEnabled", random.nextDouble() < profile.auditEnabled);
      json.writeEndObject();
    }
    json.writeEndArray();
  }
}
