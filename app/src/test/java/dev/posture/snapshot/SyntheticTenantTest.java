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

    assertThat(smb.scores().current().percent()).isEqualTo(55.75, within(0.005));
    assertThat(enterprise.scores().current().percent()).isEqualTo(86.46, within(0.005));
    assertThat(neglected.scores().current().percent()).isEqualTo(10.85, within(0.005));
    // Devices, drawn one by one from each profile's rates, tell the same story.
    assertThat(devicePercent(smb)).isEqualTo(65.54, within(0.005));
    assertThat(devicePercent(enterprise)).isEqualTo(89.22, within(0.005));
    assertThat(devicePercent(neglected)).isEqualTo(30.10, within(0.005));
  }

  @Test
  void theSmallBusinessIsAwardedItsIdentityPointsThroughSecurityDefaults() throws Exception {
    Assessment a = assess(Profile.SMB);

    assertThat(a.actions()).filteredOn(ActionResult::satisfied).extracting(ActionResult::id, ActionResult::points)
        .containsExactlyInAnyOrder(
            tuple("MFARegistrationV2", 9.0), tuple("AdminMFAV2", 10.0), tuple("BlockLegacyAuthentication", 8.0));
    assertThat(a.suggestions()).extracting(Suggestion::actionId).containsExactlyInAnyOrder("SigninRiskPolicy", "UserRiskPolicy");
    assertThat(a.deviceActionsCounted()).isFalse();
    assertThat(gaps(a)).hasSize(22).contains("mdo_blockmailforward", "spo_external_users_sharing", "dlp_datalossprevention");
  }

  @Test
  void theEnterpriseHasEveryLicenceButOnlyPartialMfaAndAFewGaps() throws Exception {
    Assessment a = assess(Profile.ENTERPRISE);

    assertThat(a.scores().currentLicense().percent()).isEqualTo(100.0);
    assertThat(a.action("MFARegistrationV2").flatMap(ActionResult::coverage)).contains(new Coverage(1411, 1755));
    assertThat(a.action("AdminMFAV2").flatMap(ActionResult::coverage)).contains(new Coverage(11, 11));
    assertThat(gaps(a).stream().filter(id -> a.action(id).orElseThrow().category() != Category.DEVICE)).containsExactly(
        "CustomerLockBoxEnabled", "MFARegistrationV2", "UserRiskPolicy", "aad_phishing_MFA_strength",
        "exo_individualsharing", "exo_mailboxaudit", "meeting_autoadmitusers_v1", "meeting_restrictanonymousjoin_v1",
        "mip_autosensitivitylabelspolicies", "spo_block_onedrive_sync_unmanaged_devices");
  }

  @Test
  void theNeglectedTenantAllowsLegacyAuthenticationAndLeavesMostToDo() throws Exception {
    Assessment a = assess(Profile.NEGLECTED);

    assertThat(a.action("BlockLegacyAuthentication").orElseThrow().points()).isZero();
    assertThat(a.action("spo_legacy_auth").orElseThrow().points()).isZero();
    assertThat(a.action("SigninRiskPolicy").orElseThrow().licensed()).as("E3 has no Entra ID P2").isFalse();
    assertThat(a.action("MFARegistrationV2").flatMap(ActionResult::coverage)).contains(new Coverage(492, 1583));
    assertThat(gaps(a)).hasSize(39);
    assertThat(a.actions().stream().filter(ActionResult::countedInOverall)).hasSize(43);
  }

  @Test
  void devicesFollowTheProfilesMixOfSystemsWithTheSettingsOfTheirOwn() throws Exception {
    JsonNode devices = DocumentReader.read(generate(Profile.ENTERPRISE)).root().get("devices");
    Map<String, Integer> perSystem = new TreeMap<>();
    for (JsonNode device : devices) {
      String os = device.get("os").stringValue();
      perSystem.merge(os, 1, Integer::sum);
      JsonNode settings = device.get("settings");
      switch (os) {
        case "Windows" -> assertThat(settings.propertyNames()).hasSize(17)
            .contains("asrBlockExecutableEmailContent", "networkProtectionMode", "minimumPasswordLength");
        case "macOS" -> assertThat(settings.propertyNames()).containsExactly("firewallEnabled", "fileVaultEnabled", "gatekeeperEnabled");
        default -> assertThat(settings.isEmpty()).as(os).isTrue();
      }
    }

    assertThat(perSystem).isEqualTo(Map.of("Windows", 279, "macOS", 54, "iOS", 32, "Android", 31, "Linux", 4));
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
