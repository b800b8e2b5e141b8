package dev.posture.scoring;

import static dev.posture.scoring.Fixtures.action;
import static dev.posture.scoring.Fixtures.anyOn;
import static dev.posture.scoring.Fixtures.field;
import static dev.posture.scoring.Fixtures.state;
import static org.assertj.core.api.Assertions.assertThat;

import dev.posture.catalog.Action;
import dev.posture.catalog.Catalog;
import dev.posture.catalog.Category;
import dev.posture.catalog.Check;
import dev.posture.catalog.Collection;
import dev.posture.catalog.Status;
import dev.posture.state.State;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What was not seen is never scored as done; what was seen empty is. */
class NotAssessedTest {
  private final ScoringEngine engine = new ScoringEngine();

  private Assessment assess(Fixtures.TestSnapshot snapshot, State state, Action... actions) {
    return engine.assess(new Catalog(List.of(actions), List.of("test.yaml")), snapshot.build(), state, Map.of());
  }

  private static ActionResult result(Assessment a, String id) {
    return a.action(id).orElseThrow();
  }

  private static Action deviceCoverage(String id, double max) {
    return action(id).category(Category.DEVICE).max(max)
        .check(new Check.Coverage(Collection.DEVICES, Optional.empty(), field("device", "on"), Optional.empty())).build();
  }

  private static Action configuration(String id, double max) {
    return action(id).category(Category.DEVICE).max(max).check(new Check.Configuration(id, Optional.empty())).build();
  }

  private static Map<String, Object> device(String name, List<String> compliant, List<String> nonCompliant) {
    return Map.of("computerDnsName", name, "secureConfigurations", Map.of("compliant", compliant, "nonCompliant", nonCompliant));
  }

  @Test
  void aCollectionTheSnapshotLacksIsNotAssessed_0of9_butStillInTheTotal() {
    Assessment a = assess(new Fixtures.TestSnapshot(), State.EMPTY,
        deviceCoverage("bitlocker", 9), action("done").max(10).passes(true).build());

    ActionResult bitlocker = result(a, "bitlocker");
    assertThat(bitlocker.status()).isEqualTo(Status.NOT_ASSESSED);
    assertThat(bitlocker.points()).isZero();
    assertThat(bitlocker.notAssessed()).contains("the snapshot has no devices section");
    assertThat(bitlocker.error()).isEmpty();
    assertThat(a.scores().current()).isEqualTo(new ScoreView(10, 19));
    assertThat(a.scores().achievable()).isEqualTo(new ScoreView(19, 19));
  }

  @Test
  void anEmptyCollectionThatWasSeenHasZeroEligibleAndFullPoints() {
    Assessment a = assess(new Fixtures.TestSnapshot().devices(List.of()), State.EMPTY, deviceCoverage("bitlocker", 9));

    assertThat(result(a, "bitlocker").status()).isEqualTo(Status.COMPLETED);
    assertThat(result(a, "bitlocker").points()).isEqualTo(9);
  }

  @Test
  void aSectionACollectionCouldNotGetGivesItsReason() {
    Fixtures.TestSnapshot snapshot = new Fixtures.TestSnapshot();
    snapshot.notCollected.put("devices", "Defender for Endpoint answered 403 Forbidden");

    assertThat(result(assess(snapshot, State.EMPTY, deviceCoverage("bitlocker", 9)), "bitlocker").notAssessed())
        .contains("devices was not collected: Defender for Endpoint answered 403 Forbidden");
  }

  @Test
  void aBinaryCheckThatNeedsAnAbsentSectionIsNotAssessedNotAnError() {
    Action sharing = action("sharing").max(3).check(new Check.Binary(anyOn("sharepointSettings"), Optional.empty())).build();

    ActionResult r = result(assess(new Fixtures.TestSnapshot(), State.EMPTY, sharing), "sharing");

    assertThat(r.status()).isEqualTo(Status.NOT_ASSESSED);
    assertThat(r.notAssessed()).contains("the snapshot has no sharepointSettings section");
  }

  @Test
  void aCheckDecidedWithoutTheAbsentSectionStands() {
    // tenant.organization.on || tenant.onPremisesSynchronization.on: the first is enough
    Action sync = action("sync").max(5)
        .check(new Check.Binary(anyOn("organization", "onPremisesSynchronization"), Optional.empty())).build();

    ActionResult r = result(assess(new Fixtures.TestSnapshot().section("organization", true), State.EMPTY, sync), "sync");

    assertThat(r.status()).isEqualTo(Status.COMPLETED);
    assertThat(r.points()).isEqualTo(5);
  }

  @Test
  void aCoveragePredicateNeedingAnAbsentSectionIsNotAssessed() {
    Action mfa = action("mfa").max(10)
        .check(new Check.Coverage(Collection.USERS, Optional.empty(), anyOn("conditionalAccessPolicies"), Optional.empty())).build();

    ActionResult r = result(assess(new Fixtures.TestSnapshot().users(4, i -> true), State.EMPTY, mfa), "mfa");

    assertThat(r.status()).isEqualTo(Status.NOT_ASSESSED);
    assertThat(r.notAssessed()).contains("the snapshot has no conditionalAccessPolicies section");
  }

  @Test
  void satisfiedByThatCannotBeReadLeavesTheCoverageToDecide_5of10usersOn10points() {
    Action mfa = action("mfa").max(10).check(new Check.Coverage(Collection.USERS, Optional.empty(), field("user", "protected"),
        Optional.of(anyOn("identitySecurityDefaultsEnforcementPolicy")))).build();

    ActionResult r = result(assess(new Fixtures.TestSnapshot().users(10, i -> i < 5), State.EMPTY, mfa), "mfa");

    assertThat(r.status()).isEqualTo(Status.TO_ADDRESS);
    assertThat(r.points()).isEqualTo(5);
  }

  @Test
  void satisfiedByStillAwardsFullPointsWhenTheCollectionWasNotSeen() {
    Action mfa = action("mfa").max(9).check(new Check.Coverage(Collection.USERS, Optional.empty(), field("user", "protected"),
        Optional.of(anyOn("identitySecurityDefaultsEnforcementPolicy")))).build();

    ActionResult r = result(assess(new Fixtures.TestSnapshot().section("identitySecurityDefaultsEnforcementPolicy", true),
        State.EMPTY, mfa), "mfa");

    assertThat(r.status()).isEqualTo(Status.COMPLETED);
    assertThat(r.points()).isEqualTo(9);
  }

  @Test
  void aResolutionAPersonRecordedStillCountsWhenTheDataWasNotSeen() {
    Assessment a = assess(new Fixtures.TestSnapshot(), state(Map.of("bitlocker", Status.THIRD_PARTY)), deviceCoverage("bitlocker", 9));

    assertThat(result(a, "bitlocker").status()).isEqualTo(Status.THIRD_PARTY);
    assertThat(result(a, "bitlocker").points()).isEqualTo(9);
  }

  @Test
  void aMicrosoftOnlyCheckIsNotAssessedFromASnapshot() {
    Action lockbox = action("lockbox").max(1).check(new Check.MicrosoftOnly("no API exposes it")).build();

    ActionResult r = result(assess(new Fixtures.TestSnapshot(), State.EMPTY, lockbox), "lockbox");

    assertThat(r.status()).isEqualTo(Status.NOT_ASSESSED);
    assertThat(r.notAssessed()).contains("only Microsoft's Secure Score decides this action: no API exposes it");
  }

  @Test
  void aConfigurationCountsTheDevicesItAppliesTo_2of3on9is6() {
    Fixtures.TestSnapshot snapshot = new Fixtures.TestSnapshot().devices(List.of(
        device("ws1", List.of("scid-2090", "scid-96"), List.of()),
        device("ws2", List.of("scid-2090"), List.of("scid-96")),
        device("ws3", List.of(), List.of("scid-2090", "scid-2090")),
        device("mac1", List.of("scid-5007"), List.of()),
        Map.of("computerDnsName", "unassessed")));

    Assessment a = assess(snapshot, State.EMPTY, configuration("scid-2090", 9), configuration("scid-96", 8),
        configuration("scid-5011", 7));

    assertThat(result(a, "scid-2090").coverage()).contains(new Coverage(2, 3));
    assertThat(result(a, "scid-2090").points()).isEqualTo(6);
    assertThat(result(a, "scid-96").coverage()).contains(new Coverage(1, 2));
    assertThat(result(a, "scid-96").points()).isEqualTo(4);
    assertThat(result(a, "scid-5011").status()).isEqualTo(Status.COMPLETED);
    assertThat(result(a, "scid-5011").coverage()).contains(new Coverage(0, 0));
  }

  @Test
  void theDevicesAConfigurationIsNotCompliedWithAreTheAffectedOnes() {
    Fixtures.TestSnapshot snapshot = new Fixtures.TestSnapshot().devices(List.of(
        device("ws1", List.of("scid-2090"), List.of()),
        device("ws2", List.of(), List.of("scid-2090"))));

    AffectedElements affected = AffectedElements.of(configuration("scid-2090", 9), snapshot.build()).orElseThrow();

    assertThat(affected.elements()).extracting(AffectedElements::name).containsExactly("ws2");
    assertThat(affected.eligible()).isEqualTo(2);
  }

  @Test
  void malformedSecureConfigurationsAreAnErrorNamingTheDevice() {
    Fixtures.TestSnapshot snapshot = new Fixtures.TestSnapshot().devices(List.of(
        device("ws1", List.of("scid-2090"), List.of()),
        Map.of("computerDnsName", "ws2", "secureConfigurations", List.of("scid-2090"))));

    ActionResult r = result(assess(snapshot, State.EMPTY, configuration("scid-2090", 9)), "scid-2090");

    assertThat(r.status()).isEqualTo(Status.ERROR);
    assertThat(r.error()).contains("devices[1] (ws2): secureConfigurations is not a mapping of compliant and nonCompliant configuration ids");
  }

  @Test
  void aConfigurationOverDevicesThatWereNotSeenIsNotAssessed() {
    assertThat(result(assess(new Fixtures.TestSnapshot(), State.EMPTY, configuration("scid-2090", 9)), "scid-2090").status())
        .isEqualTo(Status.NOT_ASSESSED);
  }
}
