package dev.posture.store;

import java.util.List;
import java.util.Optional;

/** A stored run with its scores (views in order, overall first) and its actions (by id). */
public record RunDetail(Run run, List<RunRecord.Score> scores, List<RunRecord.ActionOutcome> actions) {

  public Optional<RunRecord.Score> score(String view, String scope) {
    return scores.stream().filter(s -> s.view().equals(view) && s.scope().equals(scope)).findFirst();
  }

  public Optional<RunRecord.ActionOutcome> action(String id) {
    return actions.stream().filter(a -> a.id().equals(id)).findFirst();
  }
}
