package dev.posture.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import dev.posture.catalog.Catalog;
import dev.posture.catalog.CatalogLoader;
import dev.posture.catalog.Category;
import dev.posture.input.DocumentReader;
import dev.posture.input.Node;
import dev.posture.scoring.ActionResult;
import dev.posture.scoring.AffectedElements;
import dev.posture.scoring.Assessment;
import dev.posture.scoring.Coverage;
import dev.posture.scoring.ScoringEngine;
import dev.posture.scoring.Suggestion;
import dev.posture.snapshot.SyntheticTenant.Profile;
import dev.posture.state.State;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** Each profile, generated with 2,000 users, 400 devices and seed 1, scored by the bundled catalogue. */
class SyntheticTenantTest {
  private static final Catalog CATALOG = new CatalogLoader().load(Path.of("../catalog"));

  @TempDir Path dir;

  private Path generate(Profile profile) throws Exception {
    Path file = dir.resolve(profile + ".json");
    try (OutputStream out = Files.newOutputStream(file)) {
      new SyntheticTenant(profile, 2000, 400, 1).write(out);
    }
    return file;
  }

  private Assessment assess(Profile profile) throws Exception {
    Snapshot snapshot = new SnapshotLoader().load(SnapshotLocation.resolve(generate(profile).toString(), Optional.empty()), null);
    return new ScoringEngine().assess(CATALOG, snapshot, State.EMPTY, Map.of());
  }

  /** Counted actions that are not yet worth their full points. */
  private static TreeSet<String> gaps(Assessment a) {
    TreeSet<String> ids = new TreeSet<>();
    a.actions().stream().filter(r -> r.countedInOverall() && r.points() < r.action().maxScore()).forEach(r -> ids.add(r.id()));
    return ids;
  }

  private static double devicePercent(Assessment a) {
    return a.categories().stream().filter(c -> c.category() == Category.DEVICE).findFirst().orElseThrow().scores().current().percent();
  }

  @Test
  void theNeglectedTenantScoresLowestAndTheEnterpriseHighest() throws Exception {
    Assessment smb = assess(Profile.SMB);
    Assessment enterprise = assess(Profile.ENTERPRISE);
    Assessment neglected = assess(Profile.NEGLECTED);

    assertThat(smb.scores().current().percent()).isEqualTo(60.53, within(0.005));
    assertThat(enterprise.scores().current().percent()).isEqualTo(83.62, within(0.005));
    assertThat(neglected.scores().current().percent()).isEqualTo(21.46, within(0.005));
    // Devices, drawn one by one from each profile's rates, tell the same story.
    assertThat(devicePercent(smb)).isEqualTo(66.12, within(0.005));
    assertThat(devicePercent(enterprise)).isEqualTo(89.60, within(0.005));
    assertThat(devicePercent(neglected)).isEqualTo(33.73, within(0.005));
  }

  @Test
  void theSmallBusinessIsAwardedItsIdentityPointsThroughSecurityDefaults() throws Exception {
    Assessment a = assess(Profile.SMB);

    assertThat(a.actions()).filteredOn(ActionResult::satisfied).extracting(ActionResult::id, ActionResult::points)
        .containsExactlyInAnyOrder(
            tuple("MFARegistrationV2", 9.0), tuple("AdminMFAV2", 10.0), tuple("BlockLegacyAuthentication", 8.0));
    assertThat(a.suggestions()).extracting(Suggestion::actionId).containsExactlyInAnyOrder("SigninRiskPolicy", "UserRiskPolicy");
    assertThat(gaps(a)).hasSize(42).contains("mdo_blockmailforward", "spo_external_users_sharing", "dlp_datalossprevention");
  }

  @Test
  void theEnterpriseHasEveryLicenceButOnlyPartialMfaAndAFewGaps() throws Exception {
    Assessment a = assess(Profile.ENTERPRISE);

    assertThat(a.scores().currentLicense().percent()).isEqualTo(100.0);
    assertThat(a.action("MFARegistrationV2").flatMap(ActionResult::coverage)).contains(new Coverage(1415, 1750));
    assertThat(gaps(a).stream().filter(id -> a.action(id).orElseThrow().category() != Category.DEVICE)).containsExactly(
        "AdminMFAV2", "BlockLegacyAuthentication", "CustomerLockBoxEnabled", "MFARegistrationV2", "SigninRiskPolicy", "UserRiskPolicy",
        "aad_phishing_MFA_strength", "aad_sign_in_freq_session_timeout", "exo_individualsharing", "exo_mailboxaudit", "mcas_mda_enabled",
        "meeting_autoadmitusers_v1", "meeting_restrictanonymousjoin_v1", "mip_autosensitivitylabelspolicies", "mip_purviewlabelconsent",
        "spo_block_onedrive_sync_unmanaged_devices");
  }

  @Test
  void theEnterprisesAdminsOutsideItsPoliciesAreNotCovered() throws Exception {
    Snapshot snapshot = new SnapshotLoader().load(SnapshotLocation.resolve(generate(Profile.ENTERPRISE).toString(), Optional.empty()), null);
    Catalog catalog = CATALOG;

    // The emergency access accounts are excluded by id, the Global Reader's role is not among the
    // admin policy's roles, and two admins have not registered MFA.
    assertThat(uncovered(catalog, snapshot, "AdminMFAV2")).containsExactly(
        "breakglass1@tenant1.example", "breakglass2@tenant1.example", "ada.0@tenant1.example", "hana.7@tenant1.example",
        "jun.1809@tenant1.example");
    // The legacy block leaves out the emergency accounts only; the sign-in risk policy also the
    // service accounts group, some one in a hundred users.
    assertThat(uncovered(catalog, snapshot, "BlockLegacyAuthentication"))
        .containsExactly("breakglass1@tenant1.example", "breakglass2@tenant1.example");
    assertThat(uncovered(catalog, snapshot, "SigninRiskPolicy")).hasSize(22)
        .startsWith("breakglass1@tenant1.example", "breakglass2@tenant1.example");
    assertThat(uncovered(catalog, snapshot, "UserRiskPolicy")).as("the user risk policy is report-only").hasSize(1901);
  }

  private static java.util.List<String> uncovered(Catalog catalog, Snapshot snapshot, String id) {
    return AffectedElements.of(catalog.find(id).orElseThrow(), snapshot).orElseThrow().elements().stream()
        .map(AffectedElements::name).toList();
  }

  @Test
  void theNeglectedTenantAllowsLegacyAuthenticationAndLeavesMostToDo() throws Exception {
    Assessment a = assess(Profile.NEGLECTED);

    assertThat(a.action("BlockLegacyAuthentication").orElseThrow().points()).isZero();
    assertThat(a.action("spo_legacy_auth").orElseThrow().points()).isZero();
    assertThat(a.action("SigninRiskPolicy").orElseThrow().licensed()).as("E3 has no Entra ID P2").isFalse();
    assertThat(a.action("MFARegistrationV2").flatMap(ActionResult::coverage)).contains(new Coverage(524, 1554));
    assertThat(a.action("AdminMFAV2").flatMap(ActionResult::coverage)).as("no Conditional Access at all").contains(new Coverage(0, 47));
    assertThat(gaps(a)).hasSize(59);
    assertThat(a.actions().stream().filter(ActionResult::countedInOverall)).hasSize(63);
  }

  @Test
  void devicesFollowTheProfilesMixOfPlatformsWithTheConfigurationsOfTheirOwn() throws Exception {
    JsonNode devices = DocumentReader.read(generate(Profile.ENTERPRISE)).root().get("devices");
    Map<String, Integer> perPlatform = new TreeMap<>();
    for (JsonNode device : devices) {
      String platform = device.get("osPlatform").stringValue();
      perPlatform.merge(platform, 1, Integer::sum);
      TreeSet<String> configurations = new TreeSet<>();
      device.get("secureConfigurations").get("compliant").forEach(c -> configurations.add(c.stringValue()));
      device.get("secureConfigurations").get("nonCompliant").forEach(c -> configurations.add(c.stringValue()));
      switch (platform) {
        case "Windows10", "Windows11" -> assertThat(configurations).as("the catalogue's and Defender's others")
            .contains("scid-2090", "scid-2500", "scid-10000", "scid-39").hasSizeBetween(18, 20);
        case "macOS" -> assertThat(configurations).containsExactly("scid-5007", "scid-5009", "scid-5011", "scid-5094");
        case "Linux" -> assertThat(configurations).containsExactly("scid-6093");
        default -> assertThat(configurations).as(platform).isEmpty();
      }
    }

    assertThat(perPlatform).isEqualTo(Map.of("Windows11", 225, "Windows10", 52, "macOS", 61, "iOS", 32, "Android", 22, "Linux", 8));
  }

  @Test
  void usersAreListedInTheRolesTheyHold() throws Exception {
    JsonNode root = DocumentReader.read(generate(Profile.NEGLECTED)).root();
    Map<String, TreeSet<String>> holders = new TreeMap<>();
    for (JsonNode role : root.get("directoryRoles")) {
      TreeSet<String> members = new TreeSet<>();
      role.get("members").forEach(m -> members.add(m.get("userPrincipalName").stringValue()));
      holders.put(role.get("displayName").stringValue(), members);
    }
    Map<String, TreeSet<String>> held = new TreeMap<>();
    Map<String, String> names = new TreeMap<>();
    root.get("directoryRoles").forEach(r -> names.put(r.get("roleTemplateId").stringValue(), r.get("displayName").stringValue()));
    for (JsonNode user : root.get("users")) {
      for (JsonNode reference : user.get("transitiveMemberOf")) {
        held.computeIfAbsent(names.get(reference.get("roleTemplateId").stringValue()), k -> new TreeSet<>())
            .add(user.get("userPrincipalName").stringValue());
      }
    }

    assertThat(held).isEqualTo(holders);
    assertThat(holders.get("Global Administrator")).containsExactly("ada.0@tenant1.example");
    assertThat(holders.get("Exchange Administrator")).containsExactly("ada.0@tenant1.example", "ben.1@tenant1.example");
  }

  @Test
  void aProfileValueThatIsNeitherAShareNorWeightedValuesIsNamedWithItsLine() {
    Node root = DocumentReader.read("p.json", """
        {"a": 1.5,
         "b": [["Block", -1]],
         "c": [["Block", 0]],
         "d": "yes"}
        """.getBytes(StandardCharsets.UTF_8), false, true).rootNode();

    assertThatThrownBy(() -> Draw.read(root.field("a"))).hasMessage("p.json:1: $.a: expected a share from 0 to 1, found 1.5");
    assertThatThrownBy(() -> Draw.read(root.field("b")))
        .hasMessage("p.json:2: $.b[0]: expected a [value, weight] pair with a weight of zero or more, found [\"Block\",-1]");
    assertThatThrownBy(() -> Draw.read(root.field("c"))).hasMessage("p.json:3: $.c: expected at least one weight above zero");
    assertThatThrownBy(() -> Draw.read(root.field("d"))).hasMessage("p.json:4: $.d: expected a list, found 'yes'");
  }
}
