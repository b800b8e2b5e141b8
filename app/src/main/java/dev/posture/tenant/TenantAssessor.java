package dev.posture.tenant;

import dev.posture.catalog.Catalog;
import dev.posture.graph.GraphAssessment;
import dev.posture.graph.GraphAssessor;
import dev.posture.graph.KnownControls;
import dev.posture.scoring.ScoringEngine;
import java.util.Map;
import java.util.Optional;

/**
 * Scores a tenant from what it holds: posture's checks on the snapshot, Microsoft's Secure Score, or
 * both in one assessment whose total is Microsoft's maxScore (see {@link GraphAssessor}).
 */
public final class TenantAssessor {
  private final Catalog catalog;
  private final KnownControls published;

  /** @param published Microsoft's published max points, for controls neither a profile nor the catalogue prices */
  public TenantAssessor(Catalog catalog, KnownControls published) {
    this.catalog = catalog;
    this.published = published;
  }

  /** @param baseline points per action from an earlier report, for posture's checks to tell regressions */
  public TenantAssessment assess(Tenant tenant, Map<String, Double> baseline) {
    if (tenant.secureScore().isEmpty()) {
      return new TenantAssessment(tenant,
          new ScoringEngine().assess(catalog, tenant.snapshot().orElseThrow(), tenant.state(), baseline), Optional.empty());
    }
    GraphAssessment graph = new GraphAssessor(catalog, published).assess(tenant.secureScore().get(), tenant.snapshot(), tenant.state(),
        baseline);
    return new TenantAssessment(tenant, graph.assessment(), Optional.of(graph));
  }
}
