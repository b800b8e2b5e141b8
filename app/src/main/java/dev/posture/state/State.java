package dev.posture.state;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The decisions recorded for a tenant: per-action state and remediation requests. An action with
 * nothing recorded (the default state) is not held, so two states are equal when they record the same.
 */
public record State(Map<String, ActionState> actions, List<RemediationRequest> remediationRequests) {
  public static final State EMPTY = new State(Map.of(), List.of());

  public State {
    Map<String, ActionState> recorded = new HashMap<>(actions);
    recorded.values().removeIf(ActionState.DEFAULT::equals);
    actions = Map.copyOf(recorded);
    remediationRequests = List.copyOf(remediationRequests);
  }

  public ActionState of(String actionId) {
    return actions.getOrDefault(actionId, ActionState.DEFAULT);
  }
}
