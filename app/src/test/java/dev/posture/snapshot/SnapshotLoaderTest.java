package dev.posture.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cel.common.values.NullValue;
import dev.posture.catalog.Collection;
import dev.posture.input.InputException;
import dev.posture.input.SchemaValidator;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotLoaderTest {
  @TempDir Path dir;

  private Snapshot load(String name, String content) throws Exception {
    Path file = dir.resolve(name);
    Files.writeString(file, content);
    return new SnapshotLoader().load(SnapshotLocation.resolve(file.toString(), Optional.empty()), java.io.InputStream.nullInputStream());
  }

  /** A few batches of elements are held at once, so one element holds a bounded number of values. */
  @Test
  void anElementHoldsAtMostItsBudgetOfValues() throws Exception {
    String values = "1" + ",1".repeat(ElementShape.MAX_VALUES);
    Snapshot s = load("s.json", "{\"tenant\": {\"id\": \"t\", \"displayName\": \"T\"}, \"users\": [{\"id\": \"u1\"}, "
        + "{\"id\": \"u2\", \"extra\": [" + values + "]}]}");

    assertThatThrownBy(() -> s.elements().forEach(Set.of(Collection.USERS), (c, e) -> { }))
        .isInstanceOf(InputException.class)
        .hasMessage(dir.resolve("s.json") + ":1: $.users[1].extra: more than 100000 values in one element of users; at most 100000 are read");
  }

  @Test
  void aSnapshotFromStandardInputIsReadOnceAndStreamedFromMemory() throws Exception {
    String json = "{\"tenant\": {\"id\": \"t\", \"displayName\": \"T\"}, \"users\": [{\"id\": \"u1\"}, {\"id\": \"u2\"}]}";
    Snapshot s = new SnapshotLoader().load(SnapshotLocation.resolve("-", Optional.empty()),
        new java.io.ByteArrayInputStream(json.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    List<Object> users = new java.util.ArrayList<>();

    s.elements().forEach(Set.of(Collection.USERS), (c, e) -> users.add(e.get("id")));
    s.elements().forEach(Set.of(Collection.USERS), (c, e) -> users.add(e.get("id")));

    assertThat(users).containsExactly("u1", "u2", "u1", "u2");
  }

  @Test
  void readsTenantSettingsLicencesAndCollections() throws Exception {
    Snapshot s = load("snapshot.yaml", """
        tenant: {id: t-1, displayName: Tailspin, industry: Retail, seats: 12, capturedAt: '2026-11-01T00:00:00Z'}
        identitySecurityDefaultsEnforcementPolicy: {isEnabled: true}
        subscribedSkus:
          - skuPartNumber: SPE_E3
            servicePlans:
              - {servicePlanName: AAD_PREMIUM, provisioningStatus: Success}
              - {servicePlanName: MIP_S_CLP1, provisioningStatus: Disabled}
          - skuPartNumber: EMSPREMIUM
            capabilityStatus: Suspended
            servicePlans: [{servicePlanName: AAD_PREMIUM_P2}]
        managedDevices:
          - {id: m-1, deviceName: LAPTOP-1}
        users:
          - {userPrincipalName: a@t.com, isMfaRegistered: true, note: null, count: 3, ratio: 0.5}
          - {userPrincipalName: b@t.com, isMfaRegistered: false}
        """);

    assertThat(s.tenant()).isEqualTo(new TenantInfo("t-1", "Tailspin", "Retail", 12, "2026-11-01T00:00:00Z"));
    assertThat(s.servicePlans()).containsExactly("AAD_PREMIUM");
    assertThat(s.settings()).containsKeys("tenant", "identitySecurityDefaultsEnforcementPolicy", "subscribedSkus")
        .doesNotContainKeys("users", "managedDevices");
    assertThat(s.sections()).as("Intune's devices are not held, but were seen").contains("managedDevices", "users");
    List<Map<String, Object>> users = new ArrayList<>();
    s.elements().forEach(Set.of(Collection.USERS), (c, e) -> users.add(e));
    assertThat(users).hasSize(2);
    assertThat(users.get(0)).containsEntry("note", NullValue.NULL_VALUE).containsEntry("count", 3L).containsEntry("ratio", 0.5);
  }

  @Test
  void theTenantSectionIsRequired() {
    assertThatThrownBy(() -> load("s.json", "{\"users\": []}"))
        .isInstanceOf(InputException.class)
        .hasMessageEndingWith("s.json:1: $: missing required field 'tenant'");
  }

  @Test
  void wrongTypesNameThePathAndLine() {
    assertThatThrownBy(() -> load("s.yaml", "tenant: {id: t, displayName: T, seats: many}\n"))
        .hasMessageEndingWith("s.yaml:1: $.tenant.seats: expected a whole number, found 'many'");
    assertThatThrownBy(() -> load("s.yaml", "tenant: {id: t, displayName: T}\ndevices: {a: 1}\n"))
        .hasMessageEndingWith("s.yaml:2: $.devices: expected a list, found a mapping");
    assertThatThrownBy(() -> load("s.yaml", "tenant: {id: t, displayName: T}\nsubscribedSkus:\n  - skuPartNumber: SPE_E3\n    servicePlans: [{provisioningStatus: Success}]\n"))
        .hasMessageEndingWith("$.subscribedSkus[0].servicePlans[0]: missing required field 'servicePlanName'");
  }

  @Test
  void unknownSectionsAreKeptForChecks() throws Exception {
    Snapshot s = load("s.yaml", "tenant: {id: t, displayName: T}\nfutureThing: {enabled: true}\n");

    assertThat(s.settings()).containsEntry("futureThing", Map.of("enabled", true));
  }

  @Test
  void standardInputIsReadWhenTheTenantIsADash() {
    byte[] json = "{\"tenant\": {\"id\": \"t\", \"displayName\": \"From stdin\"}}".getBytes(StandardCharsets.UTF_8);

    Snapshot s = new SnapshotLoader().load(SnapshotLocation.resolve("-", Optional.empty()), new ByteArrayInputStream(json));

    assertThat(s.tenant().displayName()).isEqualTo("From stdin");
    assertThat(s.source()).isEqualTo("<stdin>");
  }

  @Test
  void aTenantFolderPrefersSnapshotJsonAndFindsTheStateBesideIt() throws Exception {
    Files.writeString(dir.resolve("snapshot.yaml"), "x: 1");
    Files.writeString(dir.resolve("snapshot.json"), "{}");

    SnapshotLocation location = SnapshotLocation.resolve(dir.toString(), Optional.empty());

    assertThat(location.snapshot()).contains(dir.resolve("snapshot.json"));
    assertThat(location.state()).isEqualTo(dir.resolve("posture-state.yaml"));
    assertThat(SnapshotLocation.resolve(dir.toString(), Optional.of(Path.of("other.yaml"))).state()).isEqualTo(Path.of("other.yaml"));
  }

  @Test
  void theElementSchemasUseOnlyWhatTheStreamingCheckChecks() {
    for (Collection collection : Collection.values()) {
      var fields = SchemaValidator.SNAPSHOT.part("/properties/" + collection.section() + "/items/properties");
      assertThat(fields.propertyNames()).as(collection.section()).isNotEmpty();
      for (String field : fields.propertyNames()) {
        var schema = fields.get(field);
        if (schema.has("$ref")) {
          schema = SchemaValidator.SNAPSHOT.part(schema.get("$ref").stringValue().substring(1));
        }
        assertThat(schema.propertyNames()).as("%s.%s", collection.section(), field).isSubsetOf(ElementShape.CHECKED_KEYWORDS);
        assertThat(schema.path("items").propertyNames()).as("%s.%s items", collection.section(), field).isSubsetOf(Set.of("type"));
      }
    }
  }
}
