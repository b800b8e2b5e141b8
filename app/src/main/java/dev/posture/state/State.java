package dev.posture.state;

import java.util.List;
import java.util.Map;

/** The decisions recorded for a tenant: per-action state and remediation requests. */
public record State(Map<String, ActionState> actions, List<RemediationRequest> remediationRequests) {
  public static final State EMPTY = new State(Map.of(), List.of());

  public State {
    actions = Map.copyOf(actions);
    remediationRequests = List.copyOf(remediationRequests);
  }

  public ActionState of(String actionId) {
    return actions.getOrDefault(actionId, ActionState.DEFAULT);
  }
}
