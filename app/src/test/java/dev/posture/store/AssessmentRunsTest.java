package dev.posture.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.posture.catalog.CatalogLoader;
import dev.posture.graph.KnownControls;
import dev.posture.scoring.Source;
import dev.posture.tenant.TenantAssessment;
import dev.posture.tenant.TenantAssessor;
import dev.posture.tenant.TenantFolder;
import dev.posture.tenant.TenantLoader;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** A run of both sources records, for each action, who decided its points. */
class AssessmentRunsTest {
  @Test
  void eachActionKeepsItsSource() {
    TenantFolder folder = TenantFolder.resolve(Optional.of("src/test/resources/tenant/tailspin"), List.of(), Optional.empty());
    TenantAssessment t = new TenantAssessor(new CatalogLoader().load(Path.of("src/test/resources/tenant/catalogue/checks.yaml")),
        KnownControls.none()).assess(new TenantLoader().load(folder, InputStream.nullInputStream()), Map.of());

    RunRecord run = AssessmentRuns.of(t.assessment(), Instant.parse("2026-11-20T07:00:00Z"));

    Map<String, Source> sources = run.actions().stream().collect(Collectors.toMap(RunRecord.ActionOutcome::id, RunRecord.ActionOutcome::source));
    assertThat(sources).containsEntry("AdminMFAV2", Source.POSTURE).containsEntry("exo_mailboxaudit", Source.MICROSOFT);
    assertThat(run.source()).isEqualTo(Source.POSTURE);
  }
}
