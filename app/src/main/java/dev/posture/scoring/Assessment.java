package dev.posture.scoring;

import dev.posture.snapshot.TenantInfo;
import java.util.List;
import java.util.Optional;

/**
 * The result of scoring a catalogue against a snapshot and its state.
 *
 * @param actions every action, best ranked first
 * @param deviceActionsCounted false when the Defender for Endpoint connector is off, so Device
 *     actions are left out of the overall score (they still show in the Device category)
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
