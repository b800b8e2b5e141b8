package dev.posture.scoring;

import static dev.posture.scoring.Fixtures.action;
import static dev.posture.scoring.Fixtures.constant;
import static dev.posture.scoring.Fixtures.expr;
import static dev.posture.scoring.Fixtures.failing;
import static dev.posture.scoring.Fixtures.field;
import static dev.posture.scoring.Fixtures.state;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.posture.catalog.Action;
import dev.posture.catalog.Catalog;
import dev.posture.catalog.Category;
import dev.posture.catalog.Check;
import dev.posture.catalog.CheckFailedException;
import dev.posture.catalog.Collection;
import dev.posture.catalog.Expression;
import dev.posture.catalog.Level;
import dev.posture.catalog.Status;
import dev.posture.catalog.Tier;
import dev.posture.state.State;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScoringEngineTest {
  private final ScoringEngine engine = new ScoringEngine();

  private Assessment assess(List<Action> actions, Fixtures.TestSnapshot snapshot, State state) {
    return engine.assess(new Catalog(actions, List.of("test.yaml")), snapshot.build(), state, Map.of());
  }

  private Assessment assess(List<Action> actions) {
    return assess(actions, new Fixtures.TestSnapshot(), State.EMPTY);
  }

  private static Check.Coverage usersProtected() {
    return new Check.Coverage(Collection.USERS, Optional.empty(), field("user", "protected"), Optional.empty());
  }

  @Test
  void binaryCheckGivesAllPointsOrNone() {
    Assessment a = assess(List.of(action("on").max(7).passes(true).build(), action("off").max(3).passes(false).build()));

    assertThat(a.action("on").orElseThrow().points()).isEqualTo(7);
    assertThat(a.action("on").orElseThrow().status()).isEqualTo(Status.COMPLETED);
    assertThat(a.action("off").orElseThrow().points()).isZero();
    assertThat(a.action("off").orElseThrow().status()).isEqualTo(Status.TO_ADDRESS);
    assertThat(a.scores().current()).isEqualTo(new ScoreView(7, 10));
    assertThat(a.scores().current().percent()).isEqualTo(70);
  }

  @Test
  void coverageGivesPartialPoints_50of100usersOn10pointsIs5() {
    Fixtures.TestSnapshot snapshot = new Fixtures.TestSnapshot().users(100, i -> i < 50);

    Assessment a = assess(List.of(action("mfa").max(10).check(usersProtected()).build()), snapshot, State.EMPTY);

    ActionResult mfa = a.action("mfa").orElseThrow();
    assertThat(mfa.points()).isEqualTo(5.0);
    assertThat(mfa.coverage()).contains(new Coverage(50, 100));
    assertThat(mfa.status()).isEqualTo(Status.TO_ADDRESS);
  }

  @Test
  void coverageCountsOnlyEligibleElements() {
    // 9 points over the 8 users the where clause keeps (even indexes of 16), 6 of them covered.
    Fixtures.TestSnapshot snapshot = new Fixtures.TestSnapshot().users(16, i -> i < 12);
    Check.Coverage check = new Check.Coverage(Collection.USERS,
        Optional.of(Fixtures.expr("even", vars -> {
          String upn = (String) ((Map<?, ?>) vars.get("user")).get("userPrincipalName");
          return Integer.parseInt(upn.substring(4, upn.indexOf('@'))) % 2 == 0;
        })),
        field("user", "protected"), Optional.empty());

    ActionResult r = assess(List.of(action("reg").max(9).check(check).build()), snapshot, State.EMPTY).action("reg").orElseThrow();

    assertThat(r.coverage()).contains(new Coverage(6, 8));
    assertThat(r.points()).isEqualTo(6.75);
  }

  @Test
  void zeroEligibleScoresFullPoints() {
    Fixtures.TestSnapshot snapshot = new Fixtures.TestSnapshot().users(0, i -> false);

    ActionResult r = assess(List.of(action("mfa").max(10).check(usersProtected()).build()), snapshot, State.EMPTY)
        .action("mfa").orElseThrow();

    assertThat(r.points()).isEqualTo(10);
    assertThat(r.status()).isEqualTo(Status.COMPLETED);
    assertThat(r.coverage()).contains(new Coverage(0, 0));
  }

  @Test
  void satisfiedByAwardsFullPointsWithoutCounting() {
    Fixtures.TestSnapshot snapshot = new Fixtures.TestSnapshot().users(4, i -> false);
    Check.Coverage check = new Check.Coverage(Collection.USERS, Optional.empty(), field("user", "protected"),
        Optional.of(constant(true)));

    Assessment a = assess(List.of(action("mfa").max(9).check(check).build()), snapshot, State.EMPTY);

    ActionResult r = a.action("mfa").orElseThrow();
    assertThat(r.points()).isEqualTo(9);
    assertThat(r.satisfied()).isTrue();
    assertThat(r.coverage()).isEmpty();
    assertThat(snapshot.passes).isEmpty();
  }

  @Test
  void notScoredAndDeprecatedActionsAreShownButNeverCounted() {
    Assessment a = assess(List.of(
        action("scored").max(4).passes(true).build(),
        action("notScored").max(5).notScored().passes(true).build(),
        action("old").max(6).deprecated().passes(false).build()));

    assertThat(a.scores().current()).isEqualTo(new ScoreView(4, 4));
    assertThat(a.actions()).extracting(ActionResult::id).contains("notScored", "old");
    assertThat(a.action("notScored").orElseThrow().countedInOverall()).isFalse();
    // Outside the totals, they rank after every counted action.
    assertThat(a.actions().get(0).id()).isEqualTo("scored");
  }

  @Test
  void thirdPartyAndAlternateMitigationCountFullPoints() {
    State state = state(Map.of("av", Status.THIRD_PARTY, "sspr", Status.ALTERNATE_MITIGATION));

    Assessment a = assess(List.of(action("av").max(10).build(), action("sspr").max(1).build(), action("other").max(5).build()),
        new Fixtures.TestSnapshot(), state);

    assertThat(a.action("av").orElseThrow().points()).isEqualTo(10);
    assertThat(a.action("av").orElseThrow().status()).isEqualTo(Status.THIRD_PARTY);
    assertThat(a.action("sspr").orElseThrow().status()).isEqualTo(Status.ALTERNATE_MITIGATION);
    assertThat(a.scores().current()).isEqualTo(new ScoreView(11, 16));
  }

  @Test
  void riskAcceptedCountsTheDataPointsAndLeavesAchievable() {
    Fixtures.TestSnapshot snapshot = new Fixtures.TestSnapshot().users(10, i -> i < 4);
    State state = state(Map.of("fwd", Status.RISK_ACCEPTED));

    Assessment a = assess(List.of(action("fwd").max(5).check(usersProtected()).build(), action("x").max(5).build()), snapshot, state);

    // fwd: 4 of 10 -> 2 points counted; achievable keeps those 2, x adds its full 5.
    assertThat(a.action("fwd").orElseThrow().points()).isEqualTo(2);
    assertThat(a.action("fwd").orElseThrow().status()).isEqualTo(Status.RISK_ACCEPTED);
    assertThat(a.scores().current()).isEqualTo(new ScoreView(2, 10));
    assertThat(a.scores().achievable()).isEqualTo(new ScoreView(7, 10));
    assertThat(a.scores().currentLicense()).isEqualTo(new ScoreView(10, 10));
  }

  @Test
  void plannedViewAddsTheRemainingPointsOfPlannedActions() {
    Fixtures.TestSnapshot snapshot = new Fixtures.TestSnapshot().users(4, i -> i < 1);
    State state = state(Map.of("mfa", Status.PLANNED));

    Assessment a = assess(List.of(action("mfa").max(8).check(usersProtected()).build(), action("legacy").max(2).build()), snapshot, state);

    // current: 8 x 1/4 = 2; planned: 2 + the 6 remaining of mfa = 8; legacy (To address) adds nothing.
    assertThat(a.scores().current()).isEqualTo(new ScoreView(2, 10));
    assertThat(a.scores().planned()).isEqualTo(new ScoreView(8, 10));
    assertThat(a.action("mfa").orElseThrow().status()).isEqualTo(Status.PLANNED);
  }

  @Test
  void licencesSeparateCurrentLicenseFromAchievable() {
    Fixtures.TestSnapshot snapshot = new Fixtures.TestSnapshot();
    snapshot.servicePlans = Set.of("AAD_PREMIUM");
    List<Action> actions = List.of(
        action("p1").max(8).licenses("AAD_PREMIUM").build(),
        action("p2").max(7).licenses("AAD_PREMIUM", "AAD_PREMIUM_P2").build(),
        action("free").max(1).passes(true).build(),
        action("accepted").max(4).licenses("AAD_PREMIUM").build());

    Assessment a = assess(actions, snapshot, state(Map.of("accepted", Status.RISK_ACCEPTED)));

    assertThat(a.action("p1").orElseThrow().licensed()).isTrue();
    assertThat(a.action("p2").orElseThrow().licensed()).as("needs every plan it lists").isFalse();
    // current license: p1 8 + p2 0 (unlicensed, no points) + free 1 + accepted 4 = 13 of 20
    assertThat(a.scores().currentLicense()).isEqualTo(new ScoreView(13, 20));
    // achievable: as above but the accepted risk keeps its 0 points: 9 of 20
    assertThat(a.scores().achievable()).isEqualTo(new ScoreView(9, 20));
  }

  @Test
  void deviceActionsCountOverallLikeEveryOther() {
    Assessment a = assess(List.of(
        action("id").max(10).passes(true).build(),
        action("dev").category(Category.DEVICE).max(10).passes(false).build()), new Fixtures.TestSnapshot(), State.EMPTY);

    assertThat(a.scores().current()).isEqualTo(new ScoreView(10, 20));
    assertThat(a.deviceActionsCounted()).isTrue();
    assertThat(device(a).current()).isEqualTo(new ScoreView(0, 10));
  }

  private static Scores device(Assessment a) {
    return a.categories().stream().filter(c -> c.category() == Category.DEVICE).findFirst().orElseThrow().scores();
  }

  @Test
  void categoriesSumTheirOwnActions() {
    Assessment a = assess(List.of(
        action("i1").category(Category.IDENTITY).max(9).passes(true).build(),
        action("i2").category(Category.IDENTITY).max(1).build(),
        action("a1").category(Category.APPS).max(5).passes(true).build(),
        action("d1").category(Category.DATA).max(2).build()));

    assertThat(a.categories()).extracting(CategoryScores::category)
        .containsExactly(Category.IDENTITY, Category.DEVICE, Category.APPS, Category.DATA);
    assertThat(a.categories().get(0).scores().current()).isEqualTo(new ScoreView(9, 10));
    assertThat(a.categories().get(1).scores().current()).isEqualTo(ScoreView.ZERO);
    assertThat(a.categories().get(1).scores().current().percent()).isZero();
    assertThat(a.categories().get(2).scores().current()).isEqualTo(new ScoreView(5, 5));
    assertThat(a.categories().get(3).scores().current()).isEqualTo(new ScoreView(0, 2));
  }

  @Test
  void aCheckThatFailsAtRunTimeIsAnErrorAndTheRunGoesOn() {
    Fixtures.TestSnapshot snapshot = new Fixtures.TestSnapshot().users(3, i -> true);
    Check.Coverage broken = new Check.Coverage(Collection.USERS, Optional.empty(), failing("no such key: 'isMfaRegistered'"), Optional.empty());

    Assessment a = assess(List.of(
        action("broken").max(10).check(broken).build(),
        action("binaryBroken").max(4).check(new Check.Binary(failing("no such key: 'x'"), Optional.empty())).build(),
        action("fine").max(5).check(usersProtected()).build()), snapshot, State.EMPTY);

    ActionResult r = a.action("broken").orElseThrow();
    assertThat(r.status()).isEqualTo(Status.ERROR);
    assertThat(r.points()).isZero();
    assertThat(r.error()).contains("users[0] (user0@example.com): no such key: 'isMfaRegistered'");
    assertThat(a.action("binaryBroken").orElseThrow().error()).contains("no such key: 'x'");
    assertThat(a.action("fine").orElseThrow().points()).isEqualTo(5);
    assertThat(a.scores().current()).isEqualTo(new ScoreView(5, 19));
  }

  @Test
  void checksSharingAnEligibilityClauseEvaluateItOnceAnElementAndFailTogether() {
    Fixtures.TestSnapshot snapshot = new Fixtures.TestSnapshot().users(4, i -> i % 2 == 0);
    int[] evaluations = {0};
    Expression even = expr("user.even", vars -> {
      evaluations[0]++;
      return (Boolean) ((Map<?, ?>) vars.get("user")).get("protected");
    });
    Expression brokenClause = expr("user.missing", vars -> {
      throw new CheckFailedException("no such key: 'missing'");
    });

    Assessment a = assess(List.of(
        action("a").max(10).check(new Check.Coverage(Collection.USERS, Optional.of(even), constant(true), Optional.empty())).build(),
        action("b").max(10).check(new Check.Coverage(Collection.USERS, Optional.of(even), constant(false), Optional.empty())).build(),
        action("c").max(5).check(new Check.Coverage(Collection.USERS, Optional.of(brokenClause), constant(true), Optional.empty())).build(),
        action("d").max(5).check(new Check.Coverage(Collection.USERS, Optional.of(brokenClause), constant(true), Optional.empty())).build()),
        snapshot, State.EMPTY);

    assertThat(evaluations[0]).as("one evaluation of the shared clause per user").isEqualTo(4);
    assertThat(a.action("a").orElseThrow().coverage()).contains(new Coverage(2, 2));
    assertThat(a.action("b").orElseThrow().coverage()).contains(new Coverage(0, 2));
    for (String id : List.of("c", "d")) {
      assertThat(a.action(id).orElseThrow().status()).isEqualTo(Status.ERROR);
      assertThat(a.action(id).orElseThrow().error()).contains("users[0] (user0@example.com): no such key: 'missing'");
    }
  }

  @Test
  void anErrorResolvedElsewhereStillCountsFullPoints() {
    Check.Binary broken = new Check.Binary(failing("missing"), Optional.empty());

    Assessment a = assess(List.of(action("x").max(6).check(broken).build()), new Fixtures.TestSnapshot(),
        state(Map.of("x", Status.THIRD_PARTY)));

    assertThat(a.action("x").orElseThrow().status()).isEqualTo(Status.THIRD_PARTY);
    assertThat(a.action("x").orElseThrow().points()).isEqualTo(6);
  }

  @Test
  void completedComesFromTheDataAndOverridesWhatWasRecorded() {
    Assessment a = assess(List.of(action("done").max(3).passes(true).build()), new Fixtures.TestSnapshot(),
        state(Map.of("done", Status.RISK_ACCEPTED)));

    assertThat(a.action("done").orElseThrow().status()).isEqualTo(Status.COMPLETED);
    assertThat(a.action("done").orElseThrow().recordedStatus()).isEqualTo(Status.RISK_ACCEPTED);
    assertThat(a.scores().achievable()).isEqualTo(new ScoreView(3, 3));
  }

  @Test
  void fewerPointsThanTheBaselineIsRegressed() {
    Fixtures.TestSnapshot snapshot = new Fixtures.TestSnapshot().users(4, i -> i < 2);
    Catalog catalog = new Catalog(List.of(
        action("mfa").max(8).check(usersProtected()).build(),
        action("same").max(2).build(),
        action("accepted").max(2).build()), List.of());

    Assessment a = engine.assess(catalog, snapshot.build(), state(Map.of("accepted", Status.RISK_ACCEPTED)),
        Map.of("mfa", 6.0, "same", 0.0, "accepted", 2.0));

    assertThat(a.action("mfa").orElseThrow().status()).isEqualTo(Status.REGRESSED);
    assertThat(a.action("mfa").orElseThrow().points()).isEqualTo(4);
    assertThat(a.action("same").orElseThrow().status()).isEqualTo(Status.TO_ADDRESS);
    assertThat(a.action("accepted").orElseThrow().status()).as("an accepted risk stays accepted").isEqualTo(Status.RISK_ACCEPTED);
  }

  @Test
  void rankingFavoursRemainingPointsAndLowEffort() {
    Assessment a = assess(List.of(
        action("big-hard").max(10).effort(Level.HIGH, Level.HIGH, Tier.ADVANCED).build(),
        action("mid-easy").max(5).effort(Level.LOW, Level.LOW, Tier.CORE).build(),
        action("big-moderate").max(8).effort(Level.MODERATE, Level.LOW, Tier.DEFENSE_IN_DEPTH).build(),
        action("done").max(10).passes(true).build()));

    // big-hard: 10 x 0.5 x 0.5 x 0.7 = 1.75; mid-easy: 5 x 1 x 1 x 1 = 5; big-moderate: 8 x 0.75 x 1 x 0.85 = 5.1
    assertThat(a.actions()).extracting(ActionResult::id).containsExactly("big-moderate", "mid-easy", "big-hard", "done");
    assertThat(a.action("big-hard").orElseThrow().rankScore()).isCloseTo(1.75, within(1e-9));
    assertThat(a.action("big-moderate").orElseThrow().rankScore()).isCloseTo(5.1, within(1e-9));
    assertThat(a.actions()).extracting(ActionResult::rank).containsExactly(1, 2, 3, 4);
  }

  @Test
  void rankingTiesGoToTheLargerMaximumThenTheId() {
    Assessment a = assess(List.of(
        action("b").max(4).passes(true).build(),
        action("a").max(4).passes(true).build(),
        action("c").max(9).passes(true).build()));

    assertThat(a.actions()).extracting(ActionResult::id).containsExactly("c", "a", "b");
  }

  @Test
  void everyCoverageCheckSharesOnePassOverTheSnapshot() {
    Fixtures.TestSnapshot snapshot = new Fixtures.TestSnapshot().users(10, i -> i % 2 == 0).devices(List.of());
    Check.Coverage devices = new Check.Coverage(Collection.DEVICES, Optional.empty(), constant(true), Optional.empty());

    Assessment a = assess(List.of(
        action("one").check(usersProtected()).build(),
        action("two").check(usersProtected()).build(),
        action("three").check(devices).build()), snapshot, State.EMPTY);

    assertThat(snapshot.passes).containsExactly(Map.entry(Set.of(Collection.USERS, Collection.DEVICES), 1));
    assertThat(a.action("two").orElseThrow().coverage()).contains(new Coverage(5, 10));
  }

  @Test
  void suggestionsAppearOnlyWhenTheirConditionHoldsAndTheActionIsOpen() {
    Assessment a = assess(List.of(
        action("signin").suggest(constant(true), Status.ALTERNATE_MITIGATION).build(),
        action("quiet").suggest(constant(false), Status.ALTERNATE_MITIGATION).build(),
        action("done").passes(true).suggest(constant(true), Status.ALTERNATE_MITIGATION).build(),
        action("undecidable").suggest(failing("missing"), Status.ALTERNATE_MITIGATION).build()));

    assertThat(a.suggestions()).containsExactly(new Suggestion("signin", Status.ALTERNATE_MITIGATION, "because"));
  }

  @Test
  void percentagesKeepExactSums() {
    Fixtures.TestSnapshot snapshot = new Fixtures.TestSnapshot().users(3, i -> i == 0);

    Assessment a = assess(List.of(action("third").max(10).check(usersProtected()).build(), action("x").max(1).passes(true).build()),
        snapshot, State.EMPTY);

    // 10/3 + 1 = 4.333..., of 11 = 39.3939...%: kept exact, never rounded in the sums.
    assertThat(a.scores().current().points()).isCloseTo(10.0 / 3 + 1, within(1e-12));
    assertThat(a.scores().current().percent()).isCloseTo((10.0 / 3 + 1) / 11 * 100, within(1e-12));
  }
}
