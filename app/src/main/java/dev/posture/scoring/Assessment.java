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
 * @param sources the sources the assessment was made from: posture's checks on a snapshot,
 *     Microsoft's Secure Score, or both
 */
public record Assessment(
    TenantInfo tenant,
    Scores scores,
    List<CategoryScores> categories,
    List<ActionResult> actions,
    List<Suggestion> suggestions,
    boolean deviceActionsCounted,
    List<Source> sources) {

  public Optional<ActionResult> action(String id) {
    return actions.stream().filter(a -> a.id().equals(id)).findFirst();
  }

  /** The actions both sources decided with different points, best ranked first. */
  public List<ActionResult> disagreements() {
    return actions.stream().filter(a -> a.sources().disagree()).toList();
  }
}
