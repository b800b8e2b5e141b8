package dev.posture.tenant;

import dev.posture.graph.GraphAssessment;
import dev.posture.scoring.ActionResult;
import dev.posture.scoring.Assessment;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A tenant scored from everything it holds.
 *
 * @param assessment every action, its points and who decided them
 * @param graph what only Microsoft's Secure Score knows (its reported numbers, comparisons, history,
 *     derived max points, resolutions it does not count yet), when the tenant has it
 */
public record TenantAssessment(Tenant tenant, Assessment assessment, Optional<GraphAssessment> graph) {

  /** Ids the state file records decisions for that are no action here: kept in the file, used nowhere. */
  public List<String> unknownStateIds() {
    Set<String> ids = assessment.actions().stream().map(ActionResult::id).collect(Collectors.toSet());
    return tenant.state().actions().keySet().stream().filter(id -> !ids.contains(id)).toList();
  }
}
