package dev.posture.graph;

import dev.posture.catalog.Category;
import dev.posture.catalog.Status;
import dev.posture.scoring.ActionResult;
import dev.posture.state.ActionState;
import dev.posture.state.Decisions;
import dev.posture.state.Stamp;
import dev.posture.state.State;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The decisions people recorded in Microsoft Secure Score (a control marked Ignored or ThirdParty),
 * written into a state file with who made them, when and why, so they live in git beside the
 * decisions made with posture. The state file wins where it already records a decision; a control
 * with full points is Completed and takes none.
 */
public final class PortalDecisions {
  private PortalDecisions() {}

  /** What became of one control's portal decision. */
  public enum Outcome {
    IMPORTED("recorded"),
    ALREADY_RECORDED("already recorded"),
    KEPT_LOCAL("left as the state file records it"),
    COMPLETED("left out: full points in the data"),
    NOT_SCORED("left out: not in the newest day's scores");

    private final String words;

    Outcome(String words) {
      this.words = words;
    }

    public String words() {
      return words;
    }
  }

  /** @param local what the state file records for the control before the import */
  public record Decision(String id, Status portal, StateUpdate update, Outcome outcome, ActionState local) {}

  /** @param state the state file's content after the import */
  public record Result(State state, List<Decision> decisions) {
    public long imported() {
      return decisions.stream().filter(d -> d.outcome() == Outcome.IMPORTED).count();
    }
  }

  /**
   * @param assessment the export assessed with {@code state}, for each control's action and points
   * @param fallback when a portal update has no time of its own
   */
  public static Result apply(GraphExport export, GraphAssessment assessment, State state, Instant fallback) {
    List<Decision> decisions = new ArrayList<>();
    State result = state;
    for (ControlProfile profile : export.profiles().values()) {
      Optional<StateUpdate> update = profile.state();
      Status portal = update.map(u -> GraphAssessor.status(u.state())).orElse(Status.TO_ADDRESS);
      if (portal == Status.TO_ADDRESS) {
        continue; // Default and Reviewed decide nothing
      }
      String id = ControlIds.bare(profile.id());
      ActionState local = state.of(id);
      Optional<ActionResult> action = assessment.assessment().action(id);
      Outcome outcome = outcome(action, local, portal);
      if (outcome == Outcome.IMPORTED) {
        result = record(result, action.get(), portal, update.get(), fallback);
      }
      decisions.add(new Decision(id, portal, update.get(), outcome, local));
    }
    decisions.sort(Comparator.comparing(Decision::id));
    return new Result(result, decisions);
  }

  private static Outcome outcome(Optional<ActionResult> action, ActionState local, Status portal) {
    if (action.isEmpty()) {
      return Outcome.NOT_SCORED;
    }
    if (action.get().dataPoints() >= action.get().action().maxScore()) {
      return Outcome.COMPLETED;
    }
    if (local.status() == portal) {
      return Outcome.ALREADY_RECORDED;
    }
    boolean decidedLocally = local.status() != Status.TO_ADDRESS || !local.history().isEmpty();
    return decidedLocally ? Outcome.KEPT_LOCAL : Outcome.IMPORTED;
  }

  /** A Device control marked in the portal is a global exception, which is what the portal records. */
  private static State record(State state, ActionResult action, Status status, StateUpdate update, Instant fallback) {
    Stamp stamp = new Stamp(update.by().isBlank() ? "Microsoft Secure Score" : update.by(), instant(update.at(), fallback));
    String note = update.comment().isBlank() ? "Marked " + update.state() + " in Microsoft Secure Score" : update.comment();
    return new Decisions(action.action(), false, stamp)
        .setStatus(state, status, note, Optional.empty(), action.action().category() == Category.DEVICE);
  }

  private static Instant instant(String text, Instant fallback) {
    try {
      return text.isBlank() ? fallback : Instant.parse(text);
    } catch (DateTimeParseException e) {
      return fallback;
    }
  }
}
