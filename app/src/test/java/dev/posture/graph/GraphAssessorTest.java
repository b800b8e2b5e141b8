package dev.posture.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.posture.catalog.Catalog;
import dev.posture.catalog.CatalogLoader;
import dev.posture.catalog.Category;
import dev.posture.catalog.Status;
import dev.posture.scoring.ActionResult;
import dev.posture.scoring.Assessment;
import dev.posture.scoring.CategoryScores;
import dev.posture.scoring.Coverage;
import dev.posture.scoring.ScoreView;
import dev.posture.state.ActionState;
import dev.posture.state.State;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GraphAssessorTest {
  private static final Catalog CATALOG = new CatalogLoader().load(Path.of("../catalog"));
  private static final GraphExport TENANT = new GraphReader().read(List.of(GraphReaderTest.TENANT));

  private final GraphAssessor assessor = new GraphAssessor(CATALOG, KnownControls.none());

  @Test
  void reproducesMicrosoftsCurrentAndMaxExactly() {
    GraphAssessment graph = assessor.assess(TENANT, State.EMPTY);

    // 7.5 + 9 + 3 + 4.5 + 3 points; max 10+9+1+4+5+7 Identity, 3+8+5 Apps, 9 Device, 3 Data
    assertThat(graph.assessment().scores().current()).isEqualTo(new ScoreView(27, 64));
    assertThat(graph.reportedCurrent()).isEqualTo(27);
    assertThat(graph.reportedMax()).isEqualTo(64);
    assertThat(graph.differsFromReported()).isFalse();
    assertThat(graph.missingMax()).isEmpty();
  }

  @Test
  void theOtherViews() {
    Assessment a = assessor.assess(TENANT, State.EMPTY).assessment();

    assertThat(a.scores().planned()).isEqualTo(new ScoreView(27, 64));
    // unlicensed: mdo_safeattachments (8, no HasMDOP1), MDA_Google_EnableTwoFactorAuth (7, no HasMCAS)
    assertThat(a.scores().currentLicense()).isEqualTo(new ScoreView(49, 64));
    // and the accepted risk mdo_blockmailforward (5) stays at 0
    assertThat(a.scores().achievable()).isEqualTo(new ScoreView(44, 64));
  }

  @Test
  void categoriesUseTheNewestDaysCategory() {
    Assessment a = assessor.assess(TENANT, State.EMPTY).assessment();

    assertThat(a.action("aad_admin_consent_workflow").orElseThrow().category()).isEqualTo(Category.IDENTITY);
    assertThat(a.categories()).extracting(CategoryScores::category, c -> c.scores().current())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(Category.IDENTITY, new ScoreView(16.5, 36)),
            org.assertj.core.groups.Tuple.tuple(Category.DEVICE, new ScoreView(4.5, 9)),
            org.assertj.core.groups.Tuple.tuple(Category.APPS, new ScoreView(3, 16)),
            org.assertj.core.groups.Tuple.tuple(Category.DATA, new ScoreView(3, 3)));
  }

  @Test
  void maxPointsFromProfileCatalogueOrPercentage() {
    Map<String, GraphControl> controls = byId(assessor.assess(TENANT, State.EMPTY));

    assertThat(controls.get("AdminMFAV2").maxSource()).isEqualTo("profile");
    assertThat(controls.get("mdo_blockmailforward").maxSource()).isEqualTo("profile");
    assertThat(controls.get("MFARegistrationV2").maxSource()).isEqualTo("catalogue");
    assertThat(controls.get("OneAdmin").maxSource()).isEqualTo("catalogue");
    assertThat(controls.get("OneAdmin").graphName()).isEqualTo("4321.OneAdmin");
    assertThat(controls.get("mdo_zapphish").maxSource()).isEqualTo("percentage");
    assertThat(controls.get("mdo_zapphish").maxScore()).contains(3.0);
  }

  @Test
  void maxPointsFromAPercentageStayWithinAControlsTen() {
    assertThat(GraphAssessor.maxFromPercentage(3, 100)).hasValue(3);
    assertThat(GraphAssessor.maxFromPercentage(6.67, 66.67)).hasValue(10);
    assertThat(GraphAssessor.maxFromPercentage(2.5, 33.33)).hasValue(7.5);
    assertThat(GraphAssessor.maxFromPercentage(0, 40)).isEmpty();
    assertThat(GraphAssessor.maxFromPercentage(10, 50)).isEmpty();
    assertThat(GraphAssessor.maxFromPercentage(4, 0)).isEmpty();
  }

  @Test
  void statusesFromTheDataAndThePortal() {
    GraphAssessment graph = assessor.assess(TENANT, State.EMPTY);
    Assessment a = graph.assessment();

    assertThat(a.action("MFARegistrationV2").orElseThrow().status()).isEqualTo(Status.COMPLETED);
    assertThat(a.action("mdo_blockmailforward").orElseThrow().status()).isEqualTo(Status.RISK_ACCEPTED);
    assertThat(a.action("IntegratedApps").orElseThrow().status()).isEqualTo(Status.TO_ADDRESS);
    assertThat(graph.reviewed()).containsExactly("IntegratedApps");
    // 10 points the day before, 7.5 now
    assertThat(a.action("AdminMFAV2").orElseThrow().status()).isEqualTo(Status.REGRESSED);
    assertThat(a.action("AdminMFAV2").orElseThrow().coverage()).contains(new Coverage(3, 4));
  }

  @Test
  void theLocalStateWinsWhereItSpeaks() {
    State local = new State(Map.of(
        "mdo_blockmailforward", state(Status.PLANNED),
        "IntegratedApps", state(Status.THIRD_PARTY)), List.of());

    GraphAssessment graph = assessor.assess(TENANT, local);

    assertThat(graph.assessment().action("mdo_blockmailforward").orElseThrow().status()).isEqualTo(Status.PLANNED);
    assertThat(graph.assessment().action("IntegratedApps").orElseThrow().points()).isEqualTo(4);
    assertThat(graph.reviewed()).isEmpty();
    assertThat(graph.assessment().scores().current()).isEqualTo(new ScoreView(31, 64));
    assertThat(graph.assessment().scores().planned()).isEqualTo(new ScoreView(36, 64));
  }

  private static ActionState state(Status status) {
    return new ActionState(status, List.of(), List.of(), Optional.empty(), List.of());
  }

  @Test
  void unknownCostAndImpactComeFromTheCatalogueWhenItKnowsTheControl() {
    GraphAssessment graph = assessor.assess(TENANT, State.EMPTY);

    assertThat(byId(graph).get("aad_admin_consent_workflow").implementationCost()).isEqualTo("Low");
  }

  @Test
  void unknownCostAndImpactRankAsModerateAndShowAsUnknown() {
    GraphAssessment graph = new GraphAssessor(new Catalog(List.of(), List.of()), KnownControls.none()).assess(TENANT, State.EMPTY);
    ActionResult consent = graph.assessment().action("aad_admin_consent_workflow").orElseThrow();

    assertThat(byId(graph).get("aad_admin_consent_workflow").implementationCost()).isEqualTo("Unknown");
    assertThat(byId(graph).get("aad_admin_consent_workflow").userImpact()).isEqualTo("Unknown");
    assertThat(consent.rankScore()).isEqualTo(5 * 0.75 * 0.75 * 1.0);
  }

  @Test
  void licencesFromEnabledServices() {
    Assessment a = assessor.assess(TENANT, State.EMPTY).assessment();

    assertThat(a.action("mdo_safeattachments").orElseThrow().licensed()).isFalse(); // catalogue: ATP_ENTERPRISE
    assertThat(a.action("MDA_Google_EnableTwoFactorAuth").orElseThrow().licensed()).isFalse(); // service MDA_Google
    assertThat(a.action("scid_2090").orElseThrow().licensed()).isTrue(); // WINDEFATP from HasMDE
    assertThat(a.action("mdo_zapphish").orElseThrow().licensed()).isTrue(); // it scored, so it is licensed
  }

  @Test
  void controlsWithoutMaxPointsAreListedNotGuessed() {
    GraphExport export = new GraphReader().read(List.of(Path.of("src/test/resources/graph/missing")));

    GraphAssessment graph = assessor.assess(export, State.EMPTY);

    assertThat(graph.missingMax()).containsExactly("teams_external_access", "meeting_lobby_v1");
    assertThat(graph.missingPoints()).isEqualTo(3);
    assertThat(graph.assessment().scores().current()).isEqualTo(new ScoreView(9, 9));
    assertThat(graph.differsFromReported()).isTrue();
  }

  @Test
  void microsoftsPublishedMaxPointsServeWhenNeitherProfileNorCatalogueKnowsTheControl() {
    GraphExport export = new GraphReader().read(List.of(Path.of("src/test/resources/graph/missing")));

    GraphAssessment graph = new GraphAssessor(new Catalog(List.of(), List.of()), KnownControls.bundled()).assess(export, State.EMPTY);

    // MFARegistrationV2: 9 points of a published 9; the other two are not in Microsoft's list either
    assertThat(graph.controls()).filteredOn(c -> c.id().equals("MFARegistrationV2"))
        .extracting(GraphControl::maxSource).containsExactly("published");
    assertThat(graph.assessment().action("MFARegistrationV2").orElseThrow().action().title())
        .isEqualTo("Ensure multifactor authentication is enabled for all users");
    assertThat(graph.missingMax()).containsExactly("teams_external_access", "meeting_lobby_v1");
    assertThat(KnownControls.bundled().find("11770.mdo_safelinksforofficeapps").orElseThrow().maxScore()).isEqualTo(3);
  }

  @Test
  void powerShellSdkExportAddsUpToo() {
    GraphExport export = new GraphReader().read(List.of(Path.of("src/test/resources/graph/powershell-sdk")));

    GraphAssessment graph = assessor.assess(export, State.EMPTY);

    // AdminMFAV2 5 of 10 (catalogue), mdo_zapphish 3 of 3 (percentage)
    assertThat(graph.assessment().scores().current()).isEqualTo(new ScoreView(8, 13));
    assertThat(graph.differsFromReported()).isFalse();
    assertThat(graph.assessment().action("mdo_zapphish").orElseThrow().category()).isEqualTo(Category.APPS);
  }

  @Test
  void historyOverTheDays() {
    History history = assessor.assess(TENANT, State.EMPTY).history();

    assertThat(history.series()).containsExactly(
        new History.Day("2026-03-01", 14, 64), new History.Day("2026-03-02", 26.5, 64), new History.Day("2026-03-03", 27, 64));
    assertThat(history.fallen()).containsExactly(new History.Change("AdminMFAV2", 10, 7.5));
    assertThat(history.risen()).containsExactly(new History.Change("mdo_zapphish", 0, 3));
  }

  @Test
  void comparisonsBesideTheTenant() {
    List<Comparison> comparisons = assessor.assess(TENANT, State.EMPTY).comparisons();

    assertThat(comparisons).extracting(Comparison::basis).containsExactly("AllTenants", "TotalSeats", "IndustryTypes");
    assertThat(comparisons.get(0).categories().keySet()).containsExactly("Identity", "Device", "Apps", "Data", "Infrastructure");
    assertThat(comparisons.get(0).categories().get("Identity").percent()).isEqualTo(60.0);
    assertThat(comparisons.get(2).categories()).isEmpty();
    assertThat(comparisons.get(2).averageScore()).isEqualTo(51.2);
  }

  private static Map<String, GraphControl> byId(GraphAssessment graph) {
    return graph.controls().stream().collect(java.util.stream.Collectors.toMap(GraphControl::id, c -> c));
  }
}
