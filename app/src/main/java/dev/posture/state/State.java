package dev.posture.state;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The decisions recorded for a tenant: per-action state, remediation requests, goals (one a view, by
 * view) and the score zones. An action with nothing recorded (the default state) is not held, so two
 * states are equal when they record the same.
 */
public record State(Map<String, ActionState> actions, List<RemediationRequest> remediationRequests, List<Goal> goals,
    Optional<Zones> zones) {
  public static final State EMPTY = new State(Map.of(), List.of());

  public State {
    Map<String, ActionState> recorded = new HashMap<>(actions);
    recorded.values().removeIf(ActionState.DEFAULT::equals);
    actions = Map.copyOf(recorded);
    remediationRequests = List.copyOf(remediationRequests);
    goals = List.copyOf(goals);
  }

  /** Decisions and requests alone: no goal, no zones. */
  public State(Map<String, ActionState> actions, List<RemediationRequest> remediationRequests) {
    this(actions, remediationRequests, List.of(), Optional.empty());
  }

  public State withActions(Map<String, ActionState> changed) {
    return new State(changed, remediationRequests, goals, zones);
  }

  public State withRequests(List<RemediationRequest> changed) {
    return new State(actions, changed, goals, zones);
  }

  public State withGoals(List<Goal> changed) {
    return new State(actions, remediationRequests, changed, zones);
  }

  public State withZones(Optional<Zones> changed) {
    return new State(actions, remediationRequests, goals, changed);
  }

  /** The zones the tenant set, else the default ones. */
  public Zones zonesOrDefault() {
    return zones.orElse(Zones.DEFAULT);
  }

  public ActionState of(String actionId) {
    return actions.getOrDefault(actionId, ActionState.DEFAULT);
  }
}
