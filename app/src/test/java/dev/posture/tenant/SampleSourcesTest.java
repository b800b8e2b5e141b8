package dev.posture.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import dev.posture.catalog.CatalogLoader;
import dev.posture.catalog.Status;
import dev.posture.graph.GraphAssessment;
import dev.posture.graph.KnownControls;
import dev.posture.graph.UnscoredResolution;
import dev.posture.scoring.ActionResult;
import dev.posture.scoring.Source;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Contoso's sample holds both sources, kept consistent with each other: Microsoft's Secure Score
 * agrees with posture's checks except where Microsoft's last sync is behind the snapshot.
 */
class SampleSourcesTest {
  private static final TenantAssessment CONTOSO = new TenantAssessor(new CatalogLoader().load(Path.of("../catalog")), KnownControls.bundled())
      .assess(new TenantLoader().load(TenantFolder.resolve(Optional.of("../samples/contoso"), List.of(), Optional.empty()),
          InputStream.nullInputStream()), Map.of());

  @Test
  void theTotalIsMicrosoftsMaxScore() {
    GraphAssessment graph = CONTOSO.graph().orElseThrow();

    assertThat(CONTOSO.assessment().scores().current().max()).isEqualTo(graph.reportedMax());
    assertThat(graph.differsFromReported()).isFalse();
    assertThat(graph.missingMax()).isEmpty();
  }

  @Test
  void theOneDisagreementIsTheAdministratorPostureSeesWithoutMfa() {
    assertThat(CONTOSO.assessment().disagreements()).extracting(ActionResult::id).containsExactly("AdminMFAV2");
  }

  @Test
  void resolutionsMicrosoftsScoreDoesNotCountYet_oneInThePortalOneInTheStateFile() {
    assertThat(CONTOSO.graph().orElseThrow().unscoredResolutions()).extracting(UnscoredResolution::id, UnscoredResolution::inPortal)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("scid_2010", false), org.assertj.core.groups.Tuple.tuple("mdo_zapspam", true));
  }

  @Test
  void microsoftScoresControlsTheCatalogueDoesNotHold_andNotOneItDoes() {
    // 15 controls the catalogue does not hold, and the one posture leaves to Microsoft (labels in the Purview data map)
    assertThat(CONTOSO.assessment().actions()).filteredOn(a -> a.sources().decidedBy() == Source.MICROSOFT).hasSize(16)
        .extracting(ActionResult::id).contains("mip_purviewlabelconsent");
    ActionResult mda = CONTOSO.assessment().action("mcas_mda_enabled").orElseThrow();
    assertThat(mda.sources().outsideMicrosoft()).isTrue();
    assertThat(mda.countedInOverall()).isFalse();
    assertThat(CONTOSO.assessment().action("mdo_zapspam").orElseThrow().status()).isEqualTo(Status.THIRD_PARTY);
  }
}
