package dev.posture.scoring;

import static dev.posture.scoring.Fixtures.action;
import static dev.posture.scoring.Fixtures.anyOn;
import static dev.posture.scoring.Fixtures.field;
import static dev.posture.scoring.Fixtures.state;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.posture.catalog.Action;
import dev.posture.catalog.Catalog;
import dev.posture.catalog.Category;
import dev.posture.catalog.Check;
import dev.posture.catalog.Collection;
import dev.posture.catalog.Status;
import dev.posture.snapshot.TenantInfo;
import dev.posture.state.State;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Posture's checks and Microsoft's Secure Score in one assessment: who decides, and what each said. */
class BothSourcesTest {
  private static final TenantInfo MICROSOFT_TENANT = new TenantInfo("t-1", "Microsoft Secure Score", "", null, "2026-11-19T00:00:00Z");

  private final ScoringEngine engine = new ScoringEngine();
  private final Map<String, ScoringEngine.Measurement> microsoft = new HashMap<>();

  /** 4 admins, 3 of them covered: posture says 7.5 of 10. */
  private static final Action ADMIN_MFA = action("AdminMFAV2").max(10)
      .check(new Check.Coverage(Collection.USERS, Optional.empty(), field("user", "protected"), Optional.empty())).build();
  private static final Action BITLOCKER = action("scid_2090").category(Category.DEVICE).max(9)
      .check(new Check.Configuration("scid-2090", Optional.empty())).build();

  private void microsoftGives(String id, double points) {
    microsoft.put(id, new ScoringEngine.Measurement(points, Optional.empty(), true, Optional.empty(), true));
  }

  private Assessment assess(Optional<Fixtures.TestSnapshot> snapshot, State state, Action... actions) {
    return engine.assess(new Catalog(List.of(actions), List.of("test.yaml")), snapshot.map(Fixtures.TestSnapshot::build),
        Optional.of(new ScoringEngine.MicrosoftScores(MICROSOFT_TENANT, "2026-11-19", microsoft)), state, Map.of());
  }

  private Assessment assess(Fixtures.TestSnapshot snapshot, Action... actions) {
    return assess(Optional.of(snapshot), State.EMPTY, actions);
  }

  private static Fixtures.TestSnapshot fourAdminsThreeCovered() {
    return new Fixtures.TestSnapshot().users(4, i -> i < 3);
  }

  @Test
  void postureDecidesWhereItCanAndKeepsMicrosoftsPointsBeside_7point5Against10() {
    microsoftGives("AdminMFAV2", 10);

    ActionResult r = assess(fourAdminsThreeCovered(), ADMIN_MFA).action("AdminMFAV2").orElseThrow();

    assertThat(r.sources().decidedBy()).isEqualTo(Source.POSTURE);
    assertThat(r.points()).isEqualTo(7.5);
    assertThat(r.status()).isEqualTo(Status.TO_ADDRESS);
    assertThat(r.sources().posture()).contains(new SourcePoints(7.5, Optional.of(new Coverage(3, 4)), Optional.empty()));
    assertThat(r.sources().microsoft()).contains(new SourcePoints(10, Optional.empty(), Optional.of("2026-11-19")));
    assertThat(r.sources().disagree()).isTrue();
  }

  @Test
  void theDisagreementsAreTheActionsBothDecidedDifferently() {
    microsoftGives("AdminMFAV2", 10);
    microsoftGives("agreed", 5);
    Action agreed = action("agreed").max(5).passes(true).build();

    Assessment a = assess(fourAdminsThreeCovered(), ADMIN_MFA, agreed);

    assertThat(a.disagreements()).extracting(ActionResult::id).containsExactly("AdminMFAV2");
    assertThat(a.sources()).containsExactly(Source.POSTURE, Source.MICROSOFT);
  }

  @Test
  void microsoftDecidesWhatTheSnapshotDidNotSee_andPostureSaysWhy() {
    microsoftGives("scid_2090", 6);

    ActionResult r = assess(new Fixtures.TestSnapshot(), BITLOCKER).action("scid_2090").orElseThrow();

    assertThat(r.sources().decidedBy()).isEqualTo(Source.MICROSOFT);
    assertThat(r.status()).isEqualTo(Status.TO_ADDRESS);
    assertThat(r.points()).isEqualTo(6);
    assertThat(r.notAssessed()).isEmpty();
    assertThat(r.sources().posture()).isEmpty();
    assertThat(r.sources().postureUndecided()).contains("the snapshot has no devices section");
    assertThat(r.sources().disagree()).isFalse();
  }

  @Test
  void microsoftDecidesWhenPostureCheckFailsOnTheData() {
    microsoftGives("broken", 3);
    Action broken = action("broken").max(3).check(new Check.Binary(Fixtures.failing("the snapshot has no a.b"), Optional.empty())).build();

    ActionResult r = assess(new Fixtures.TestSnapshot(), broken).action("broken").orElseThrow();

    assertThat(r.status()).isEqualTo(Status.COMPLETED);
    assertThat(r.sources().decidedBy()).isEqualTo(Source.MICROSOFT);
    assertThat(r.sources().postureUndecided()).contains("the snapshot has no a.b");
  }

  @Test
  void withoutMicrosoftsPointsPostureStillSaysNotAssessed() {
    ActionResult r = assess(new Fixtures.TestSnapshot(), BITLOCKER).action("scid_2090").orElseThrow();

    assertThat(r.status()).isEqualTo(Status.NOT_ASSESSED);
    assertThat(r.sources().decidedBy()).isEqualTo(Source.POSTURE);
    assertThat(r.sources().outsideMicrosoft()).isTrue();
  }

  @Test
  void actionsMicrosoftDoesNotScoreAreShownButCountNowhere_soTheTotalStaysMicrosofts() {
    microsoftGives("AdminMFAV2", 10);
    Action retired = action("retired").max(8).passes(true).build();

    Assessment a = assess(fourAdminsThreeCovered(), ADMIN_MFA, retired);

    ActionResult r = a.action("retired").orElseThrow();
    assertThat(r.status()).isEqualTo(Status.COMPLETED);
    assertThat(r.points()).isEqualTo(8);
    assertThat(r.countedInOverall()).isFalse();
    assertThat(r.countedInCategory()).isFalse();
    assertThat(r.sources().outsideMicrosoft()).isTrue();
    assertThat(r.rank()).isEqualTo(2);
    assertThat(r.rankScore()).isZero();
    assertThat(a.scores().current()).isEqualTo(new ScoreView(7.5, 10));
    assertThat(a.categories().get(0).scores().current()).isEqualTo(new ScoreView(7.5, 10));
  }

  @Test
  void withMicrosoftsScoresDeviceControlsCountLikeEveryOther() {
    microsoftGives("scid_2090", 9);
    Fixtures.TestSnapshot snapshot = new Fixtures.TestSnapshot().devices(List.of());

    Assessment a = assess(snapshot, BITLOCKER);

    assertThat(a.deviceActionsCounted()).isTrue();
    assertThat(a.scores().current()).isEqualTo(new ScoreView(9, 9));
  }

  @Test
  void aShareOfMaxPointsSpreadOverCategoriesCountsOverallButInNoCategory() {
    microsoft.put("unprofiled", new ScoringEngine.Measurement(0, Optional.empty(), true, Optional.empty(), false));
    Action unprofiled = action("unprofiled").max(4).check(new Check.MicrosoftOnly("no check")).build();

    Assessment a = assess(Optional.empty(), State.EMPTY, unprofiled);

    assertThat(a.scores().current()).isEqualTo(new ScoreView(0, 4));
    assertThat(a.categories()).allSatisfy(c -> assertThat(c.scores().current().max()).isZero());
  }

  @Test
  void microsoftsDayBeforeTellsARegressionOnlyWhereMicrosoftDecides() {
    microsoft.put("AdminMFAV2", new ScoringEngine.Measurement(10, Optional.empty(), true, Optional.of(10.0), true));
    microsoft.put("scid_2090", new ScoringEngine.Measurement(4, Optional.empty(), true, Optional.of(6.0), true));

    Assessment a = assess(fourAdminsThreeCovered(), ADMIN_MFA, BITLOCKER);

    // posture's 7.5 is not Microsoft's yesterday: no regression; Microsoft's own 6 -> 4 is one
    assertThat(a.action("AdminMFAV2").orElseThrow().status()).isEqualTo(Status.TO_ADDRESS);
    assertThat(a.action("scid_2090").orElseThrow().status()).isEqualTo(Status.REGRESSED);
  }

  @Test
  void microsoftsLicenceFlagsDecideForTheActionsItScores() {
    microsoft.put("AdminMFAV2", new ScoringEngine.Measurement(10, Optional.empty(), false, Optional.empty(), true));
    Action needsPlan = action("needsPlan").max(2).licenses("AAD_PREMIUM_P2").passes(false).build();

    Assessment a = assess(fourAdminsThreeCovered(), ADMIN_MFA, needsPlan);

    assertThat(a.action("AdminMFAV2").orElseThrow().licensed()).isFalse();
    assertThat(a.action("needsPlan").orElseThrow().licensed()).isFalse(); // the snapshot has no such plan
  }

  @Test
  void aResolutionRecordedCountsFullPointsWhoeverDecided() {
    microsoftGives("scid_2090", 0);

    ActionResult r = assess(Optional.of(new Fixtures.TestSnapshot()), state(Map.of("scid_2090", Status.THIRD_PARTY)), BITLOCKER)
        .action("scid_2090").orElseThrow();

    assertThat(r.status()).isEqualTo(Status.THIRD_PARTY);
    assertThat(r.points()).isEqualTo(9);
    assertThat(r.sources().microsoft().orElseThrow().points()).isZero();
  }

  @Test
  void microsoftAloneDecidesEverything_withNothingFromPosture() {
    microsoftGives("AdminMFAV2", 10);

    Assessment a = assess(Optional.empty(), State.EMPTY, ADMIN_MFA);

    ActionResult r = a.action("AdminMFAV2").orElseThrow();
    assertThat(r.sources().decidedBy()).isEqualTo(Source.MICROSOFT);
    assertThat(r.sources().posture()).isEmpty();
    assertThat(r.sources().postureUndecided()).isEmpty();
    assertThat(a.tenant()).isEqualTo(MICROSOFT_TENANT);
    assertThat(a.sources()).containsExactly(Source.MICROSOFT);
  }

  @Test
  void aSnapshotAloneIsPosturesEverywhere() {
    Assessment a = engine.assess(new Catalog(List.of(ADMIN_MFA), List.of()), fourAdminsThreeCovered().build(), State.EMPTY, Map.of());

    ActionResult r = a.action("AdminMFAV2").orElseThrow();
    assertThat(r.sources().decidedBy()).isEqualTo(Source.POSTURE);
    assertThat(r.sources().microsoft()).isEmpty();
    assertThat(r.sources().outsideMicrosoft()).isFalse();
    assertThat(a.sources()).containsExactly(Source.POSTURE);
  }

  @Test
  void anActionNeitherSourceCanScoreIsABug() {
    Action orphan = action("orphan").check(new Check.Binary(anyOn("x"), Optional.empty())).build();

    assertThatThrownBy(() -> assess(Optional.empty(), State.EMPTY, orphan))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("orphan has neither a snapshot to check nor Microsoft's points");
  }
}
