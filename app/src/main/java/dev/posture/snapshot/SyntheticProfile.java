package dev.posture.snapshot;

import dev.posture.input.DocumentReader;
import dev.posture.input.Node;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.SerializedString;
import tools.jackson.databind.JsonNode;

/**
 * What a synthetic tenant of one kind looks like, read from {@code profiles/KEY.json}: the settings
 * sections, written as they are, and the rates from which users, devices and mailboxes are drawn.
 * {@code ${domain}} anywhere in the file stands for the tenant's domain, so role members and domains
 * name the generated users.
 */
record SyntheticProfile(JsonNode settings, Users users, Weighted<DeviceKind> devices, double mailboxAudit) {

  /**
   * How users are drawn: the first {@code firstAdmins} members hold the roles the profile names,
   * others are admins at rate {@code admin}; registered users get one of {@code methods}.
   */
  record Users(int firstAdmins, double admin, double guest, double enabled, double mfaRegistered,
      double adminMfaRegistered, double ssprRegistered, Weighted<String> methods) {}

  /** The devices of one operating system: name prefix, descriptive fields, software and settings. */
  record DeviceKind(String os, String prefix, Fields fields, List<Installed> software, Fields settings) {}

  record Installed(String name, double share) {}

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
    return new SyntheticProfile(root.field("settings").object().value(), users(root.field("users")),
        devices(root.field("devices")), Draw.share(root.field("mailboxes").onlyFields(Set.of("auditEnabled")).field("auditEnabled")));
  }

  private static Users users(Node users) {
    users.onlyFields(Set.of("firstAdmins", "admin", "guest", "enabled", "mfaRegistered", "adminMfaRegistered", "ssprRegistered", "methods"));
    return new Users(users.wholeNumber("firstAdmins", 0, Integer.MAX_VALUE), share(users, "admin"), share(users, "guest"), share(users, "enabled"),
        share(users, "mfaRegistered"), share(users, "adminMfaRegistered"), share(users, "ssprRegistered"),
        Weighted.read(users.field("methods"), Node::asText));
  }

  private static Weighted<DeviceKind> devices(Node devices) {
    List<DeviceKind> kinds = new ArrayList<>();
    List<String> systems = List.copyOf(devices.object().value().propertyNames());
    double[] shares = new double[systems.size()];
    for (int i = 0; i < systems.size(); i++) {
      String os = systems.get(i);
      Node kind = devices.field(os).onlyFields(Set.of("share", "fields", "installedSoftware", "settings"));
      shares[i] = share(kind, "share");
      List<Installed> software = new ArrayList<>();
      Node installed = kind.field("installedSoftware").object();
      for (String name : installed.value().propertyNames()) {
        software.add(new Installed(name, Draw.share(installed.field(name))));
      }
      String prefix = os.substring(0, Math.min(3, os.length())).toUpperCase(java.util.Locale.ROOT);
      kinds.add(new DeviceKind(os, prefix, Fields.read(kind.field("fields")), List.copyOf(software), Fields.read(kind.field("settings"))));
    }
    return new Weighted<>(kinds, shares, devices);
  }

  private static double share(Node parent, String name) {
    return Draw.share(parent.field(name));
  }
}
