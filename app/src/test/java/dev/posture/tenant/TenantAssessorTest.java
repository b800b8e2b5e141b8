package dev.posture.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.posture.catalog.Catalog;
import dev.posture.catalog.CatalogLoader;
import dev.posture.catalog.Category;
import dev.posture.catalog.Status;
import dev.posture.graph.GraphAssessment;
import dev.posture.graph.KnownControls;
import dev.posture.graph.UnscoredResolution;
import dev.posture.input.InputException;
import dev.posture.scoring.ActionResult;
import dev.posture.scoring.Assessment;
import dev.posture.scoring.CategoryScores;
import dev.posture.scoring.Coverage;
import dev.posture.scoring.ScoreView;
import dev.posture.scoring.Source;
import dev.posture.scoring.SourcePoints;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tailspin Toys, every combination of what a tenant folder holds. The folder has a snapshot (six users,
 * four of them admins with three registered for MFA; two devices), Microsoft's Secure Score for two
 * days (nine controls, 42 of 50), a collection that could not get the mailboxes, and a state file.
 */
class TenantAssessorTest {
  private static final Path TAILSPIN = Path.of("src/test/resources/tenant/tailspin");
  private static final Catalog CATALOG = new CatalogLoader().load(Path.of("src/test/resources/tenant/catalogue/checks.yaml"));
  private static final String MAILBOXES_NOT_COLLECTED =
      "mailboxes was not collected: Exchange Online answered 403 Forbidden: the app lacks Exchange.ManageAsApp";

  @TempDir Path dir;

  private static TenantAssessment assess(TenantFolder folder) {
    return assess(folder, InputStream.nullInputStream());
  }

  private static TenantAssessment assess(TenantFolder folder, InputStream stdin) {
    Tenant tenant = new TenantLoader().load(folder, stdin);
    return new TenantAssessor(CATALOG, KnownControls.none()).assess(tenant, Map.of());
  }

  private static TenantFolder folder(Path path, Path... graph) {
    return TenantFolder.resolve(Optional.of(path.toString()), List.of(graph), Optional.empty());
  }

  private Path copy(String... names) throws IOException {
    for (String name : names) {
      Path from = TAILSPIN.resolve(name);
      if (Files.isDirectory(from)) {
        Files.createDirectories(dir.resolve(name));
        try (Stream<Path> files = Files.list(from)) {
          for (Path f : files.toList()) {
            Files.copy(f, dir.resolve(name).resolve(f.getFileName()));
          }
        }
      } else {
        Files.copy(from, dir.resolve(name));
      }
    }
    return dir;
  }

  private static ActionResult action(Assessment a, String id) {
    return a.action(id).orElseThrow();
  }

  @Test
  void bothSources_theTotalIsMicrosoftsMaxScoreExactly() {
    TenantAssessment t = assess(folder(TAILSPIN));
    GraphAssessment graph = t.graph().orElseThrow();

    assertThat(t.assessment().sources()).containsExactly(Source.POSTURE, Source.MICROSOFT);
    assertThat(graph.reportedMax()).isEqualTo(50);
    // Microsoft's 42, less AdminMFAV2's 2.5 posture does not see, plus the 1 of mdo_zapspam's portal decision
    assertThat(t.assessment().scores().current()).isEqualTo(new ScoreView(40.5, 50));
    assertThat(t.assessment().scores().achievable()).isEqualTo(new ScoreView(49, 50)); // CustomerLockBoxEnabled's risk accepted
    assertThat(graph.differsFromReported()).isFalse();
    assertThat(t.assessment().tenant().displayName()).isEqualTo("Tailspin Toys");
  }

  @Test
  void bothSources_theDisagreement_adminMfaPosture7point5From3of4_Microsoft10() {
    Assessment a = assess(folder(TAILSPIN)).assessment();

    assertThat(a.disagreements()).extracting(ActionResult::id).containsExactly("AdminMFAV2");
    ActionResult mfa = action(a, "AdminMFAV2");
    assertThat(mfa.sources().decidedBy()).isEqualTo(Source.POSTURE);
    assertThat(mfa.sources().posture()).contains(new SourcePoints(7.5, Optional.of(new Coverage(3, 4)), Optional.empty()));
    assertThat(mfa.sources().microsoft()).contains(new SourcePoints(10, Optional.of(new Coverage(4, 4)), Optional.of("2026-11-19")));
    assertThat(mfa.points()).isEqualTo(7.5);
  }

  @Test
  void bothSources_whoDecidesEachControl() {
    Assessment a = assess(folder(TAILSPIN)).assessment();

    assertThat(a.actions()).filteredOn(r -> r.sources().decidedBy() == Source.POSTURE).extracting(ActionResult::id)
        .containsExactlyInAnyOrder("AdminMFAV2", "MFARegistrationV2", "scid_2090", "scid_2091", "mip_search_auditlog");
    assertThat(action(a, "exo_mailboxaudit").sources().postureUndecided()).contains(MAILBOXES_NOT_COLLECTED);
    assertThat(action(a, "exo_mailboxaudit").status()).isEqualTo(Status.COMPLETED);
    assertThat(action(a, "aad_third_party_apps").sources().postureUndecided())
        .contains("the snapshot has no authorizationPolicy.defaultUserRolePermissions");
    assertThat(action(a, "CustomerLockBoxEnabled").sources().postureUndecided())
        .contains("only Microsoft's Secure Score decides this action: no Microsoft API reports whether Customer Lockbox is on");
    assertThat(action(a, "CustomerLockBoxEnabled").status()).isEqualTo(Status.RISK_ACCEPTED);
    assertThat(action(a, "IntegratedApps").sources().decidedBy()).isEqualTo(Source.MICROSOFT);
  }

  @Test
  void bothSources_aDefenderConfigurationOutsideTheCatalogueIsCheckedOnTheDevices_withTheProfilesTitleAndPoints() {
    ActionResult resume = action(assess(folder(TAILSPIN)).assessment(), "scid_2091");

    assertThat(resume.sources().decidedBy()).isEqualTo(Source.POSTURE);
    assertThat(resume.coverage()).contains(new Coverage(2, 2));
    assertThat(resume.action().title()).isEqualTo("Resume BitLocker protection on all drives");
    assertThat(resume.action().maxScore()).isEqualTo(9);
    assertThat(resume.status()).isEqualTo(Status.COMPLETED);
  }

  @Test
  void bothSources_microsoftsDayBeforeIsNoBaselineForPosturesPoints() {
    // Microsoft gave scid_2090 9 on 2026-11-18 and 4.5 on 2026-11-19; posture decides it, with no baseline of its own
    assertThat(action(assess(folder(TAILSPIN)).assessment(), "scid_2090").status()).isEqualTo(Status.TO_ADDRESS);
  }

  @Test
  void bothSources_aCatalogueActionMicrosoftDoesNotScoreIsShownNotCounted() {
    Assessment a = assess(folder(TAILSPIN)).assessment();
    ActionResult audit = action(a, "mip_search_auditlog");

    assertThat(audit.status()).isEqualTo(Status.COMPLETED);
    assertThat(audit.points()).isEqualTo(3);
    assertThat(audit.sources().outsideMicrosoft()).isTrue();
    assertThat(audit.countedInOverall()).isFalse();
    assertThat(audit.rank()).isEqualTo(a.actions().size());
    assertThat(a.categories()).filteredOn(c -> c.category() == Category.APPS).extracting(CategoryScores::scores)
        .extracting(s -> s.current()).containsExactly(new ScoreView(8, 9));
  }

  @Test
  void bothSources_thePortalsThirdPartyDecisionLiftsCurrentAboveMicrosoftsNumber() {
    GraphAssessment graph = assess(folder(TAILSPIN)).graph().orElseThrow();

    assertThat(graph.unscoredResolutions())
        .containsExactly(new UnscoredResolution("mdo_zapspam", Status.THIRD_PARTY, true, 0, 1));
  }

  @Test
  void aStateFileResolutionIsNamedAsTheStateFiles() throws Exception {
    Path folder = copy("secure-score");
    Files.writeString(folder.resolve("posture-state.yaml"), "actions:\n  CustomerLockBoxEnabled:\n    status: third-party\n");

    GraphAssessment graph = assess(folder(folder)).graph().orElseThrow();

    assertThat(graph.unscoredResolutions()).containsExactly(
        new UnscoredResolution("CustomerLockBoxEnabled", Status.THIRD_PARTY, false, 0, 1),
        new UnscoredResolution("mdo_zapspam", Status.THIRD_PARTY, true, 0, 1));
  }

  @Test
  void onlyMicrosoftsData_everyControlOfTheNewestDay() throws Exception {
    TenantAssessment t = assess(folder(copy("secure-score")));

    assertThat(t.tenant().snapshot()).isEmpty();
    assertThat(t.assessment().sources()).containsExactly(Source.MICROSOFT);
    assertThat(t.assessment().actions()).hasSize(9);
    assertThat(t.assessment().scores().current()).isEqualTo(new ScoreView(43, 50));
    assertThat(t.assessment().disagreements()).isEmpty();
    assertThat(action(t.assessment(), "scid_2090").status()).isEqualTo(Status.REGRESSED);
    assertThat(action(t.assessment(), "AdminMFAV2").sources().postureUndecided()).isEmpty();
  }

  @Test
  void onlyTheSnapshot_withTheCollectionsReasons() throws Exception {
    TenantAssessment t = assess(folder(copy("snapshot.json", "collection.json", "posture-state.yaml")));
    Assessment a = t.assessment();

    assertThat(t.graph()).isEmpty();
    assertThat(a.sources()).containsExactly(Source.POSTURE);
    assertThat(a.actions()).hasSize(7);
    assertThat(action(a, "exo_mailboxaudit").status()).isEqualTo(Status.NOT_ASSESSED);
    assertThat(action(a, "exo_mailboxaudit").notAssessed()).contains(MAILBOXES_NOT_COLLECTED);
    assertThat(action(a, "aad_third_party_apps").status()).isEqualTo(Status.ERROR);
    assertThat(action(a, "aad_third_party_apps").error()).contains("the snapshot has no authorizationPolicy.defaultUserRolePermissions");
    // the Device action counts like every other: scid_2090's 4.5 of 9, one of its two devices complying
    assertThat(a.scores().current()).isEqualTo(new ScoreView(22.5, 39));
  }

  @Test
  void withoutTheCollectionAnAbsentSectionIsSimplyAbsent() throws Exception {
    Assessment a = assess(folder(copy("snapshot.json"))).assessment();

    assertThat(action(a, "exo_mailboxaudit").notAssessed()).contains("the snapshot has no mailboxes section");
  }

  @Test
  void aSnapshotFileWithExportsKeptElsewhere() {
    TenantAssessment t = assess(folder(TAILSPIN.resolve("snapshot.json"), TAILSPIN.resolve("secure-score")));

    assertThat(t.assessment().scores().current()).isEqualTo(new ScoreView(40.5, 50));
    assertThat(t.tenant().collection()).isEmpty();
    assertThat(action(t.assessment(), "exo_mailboxaudit").sources().postureUndecided()).contains("the snapshot has no mailboxes section");
  }

  @Test
  void aSnapshotOnStandardInputWithExports() throws Exception {
    InputStream stdin = new ByteArrayInputStream(Files.readAllBytes(TAILSPIN.resolve("snapshot.json")));
    TenantFolder folder = TenantFolder.resolve(Optional.of("-"), List.of(TAILSPIN.resolve("secure-score")), Optional.empty());

    assertThat(assess(folder, stdin).assessment().disagreements()).extracting(ActionResult::id).containsExactly("AdminMFAV2");
  }

  @Test
  void aSnapshotAndAnExportOfAnotherTenantAreRefused() throws Exception {
    Path folder = copy("secure-score");
    Files.writeString(folder.resolve("snapshot.json"), "{\"tenant\": {\"id\": \"0f0f0f0f-0000-4000-8000-000000000000\", \"displayName\": \"Other\"}}");

    assertThatThrownBy(() -> assess(folder(folder)))
        .isInstanceOf(InputException.class)
        .hasMessage(folder.resolve("secure-score") + ": Microsoft's Secure Score is of tenant 5e1d2c3b-7a8f-4b6c-9d0e-1f2a3b4c5d6e, "
            + "but the snapshot describes tenant 0f0f0f0f-0000-4000-8000-000000000000; a tenant folder holds one tenant");
  }

  @Test
  void aCollectionOfAnotherTenantIsRefused() throws Exception {
    Path folder = copy("snapshot.json");
    Files.writeString(folder.resolve("collection.json"), "{\"schemaVersion\": 1, \"tenantId\": \"0F0F\", \"sections\": []}",
        StandardCharsets.UTF_8);

    assertThatThrownBy(() -> assess(folder(folder)))
        .isInstanceOf(InputException.class)
        .hasMessage(folder.resolve("collection.json") + ": the collection is of tenant 0F0F, but the snapshot describes tenant "
            + "5e1d2c3b-7a8f-4b6c-9d0e-1f2a3b4c5d6e; a tenant folder holds one tenant");
  }

  @Test
  void tenantIdsAreComparedIgnoringCase() throws Exception {
    Path folder = copy("secure-score");
    Files.writeString(folder.resolve("snapshot.json"), "{\"tenant\": {\"id\": \"5E1D2C3B-7A8F-4B6C-9D0E-1F2A3B4C5D6E\", \"displayName\": \"T\"}}");

    assertThat(assess(folder(folder)).assessment().sources()).hasSize(2);
  }

  @Test
  void decisionsForIdsThatAreNoActionHereAreListed() throws Exception {
    Path folder = copy("snapshot.json");
    Files.writeString(folder.resolve("posture-state.yaml"), "actions:\n  AdminMFAV3:\n    status: planned\n");

    assertThat(assess(folder(folder)).unknownStateIds()).containsExactly("AdminMFAV3");
  }
}
