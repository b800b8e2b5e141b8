package dev.posture.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.posture.catalog.Catalog;
import dev.posture.catalog.CatalogLoader;
import dev.posture.graph.GraphAssessment;
import dev.posture.graph.GraphAssessor;
import dev.posture.graph.GraphReader;
import dev.posture.graph.KnownControls;
import dev.posture.state.State;
import dev.posture.tenant.TenantAssessment;
import dev.posture.tenant.TenantAssessor;
import dev.posture.tenant.TenantFolder;
import dev.posture.tenant.TenantLoader;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The lines every format prints about the two sources: disagreements, derived max points, uncounted resolutions. */
class SourcesMessagesTest {
  private static final Catalog CATALOG = new CatalogLoader().load(Path.of("src/test/resources/tenant/catalogue/checks.yaml"));

  private static TenantAssessment tailspin() {
    TenantFolder folder = TenantFolder.resolve(Optional.of("src/test/resources/tenant/tailspin"), List.of(), Optional.empty());
    return new TenantAssessor(CATALOG, KnownControls.none()).assess(new TenantLoader().load(folder, InputStream.nullInputStream()), Map.of());
  }

  @Test
  void theDisagreementNamesBothSourcesAndWhatTheyCounted() {
    assertThat(tailspin().assessment().disagreements()).extracting(GraphMessages::disagreement)
        .containsExactly("AdminMFAV2: posture 7.5 (3 of 4 users), Microsoft 10 (4 of 4) as of 2026-11-19");
  }

  @Test
  void theResolutionsMicrosoftsScoreDoesNotCountYet() {
    GraphAssessment graph = tailspin().graph().orElseThrow();

    assertThat(GraphMessages.unscoredResolutions(graph)).contains("Current counts 1 point Microsoft's score of 2026-11-19 does not give yet: "
        + "mdo_zapspam 1 (Resolved through third party in the portal; Microsoft 0).");
  }

  @Test
  void noResolutionsNoLine() {
    GraphAssessment graph = new GraphAssessor(CATALOG, KnownControls.none())
        .assess(new GraphReader().read(List.of(Path.of("src/test/resources/graph/derived-max"))), State.EMPTY);

    assertThat(GraphMessages.unscoredResolutions(graph)).isEmpty();
  }

  @Test
  void theDerivedMaxPointsSayWhereTheyComeFrom() {
    GraphAssessment graph = new GraphAssessor(CATALOG, KnownControls.none())
        .assess(new GraphReader().read(List.of(Path.of("src/test/resources/graph/derived-max"))), State.EMPTY);

    assertThat(GraphMessages.derivedMax(graph.derivedMax().orElseThrow())).isEqualTo("scid_6003, scid_6004, scid_6005, scid_6006 have "
        + "no profile, catalogue entry or published max points: their 32 points are Microsoft's maxScore 1127 less the other controls' "
        + "1095, 8 each, counted in Device.");
  }
}
