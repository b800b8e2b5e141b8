package dev.posture.scoring;

import dev.posture.snapshot.TenantInfo;
import java.util.List;
import java.util.Optional;

/**
 * The result of scoring a catalogue against a snapshot and its state.
 *
 * @param actions every action, best ranked first
 * @param deviceActionsCounted whether Device actions count in the overall score; they always do,
 *     like every other action (without a devices section they are Not assessed)
 */
public record Assessment(
    TenantInfo tenant,
    Scores scores,
    List<CategoryScores> categories,
    List<ActionResult> actions,
    List<Suggestion> suggestions,
    boolean deviceActionsCounted) {

  public Optional<ActionResult> action(String id) {
    return actions.stream().filter(a -> a.id().equals(id)).findFirst();
  }
}
