package dev.posture.state;

import dev.posture.catalog.Action;
import dev.posture.catalog.Category;
import dev.posture.catalog.Status;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The changes people make to the state, and the rules they follow. Each method returns the new state
 * or throws {@link RefusedEditException}; none touches a file, so a refused change writes nothing.
 *
 * <ul>
 *   <li>Completed comes from the data: an action the data gives full points cannot have its status
 *       set or changed.
 *   <li>Risk accepted, third party and alternate mitigation need a justification note and may carry
 *       a review date; the other statuses take none.
 *   <li>Device actions get their status from Defender Vulnerability Management: it changes only
 *       through a global exception (third party, alternate mitigation, risk accepted). An exception
 *       for one device group is recorded but leaves the status as it is.
 *   <li>Every status change, undo included, appends to the action's history.
 * </ul>
 */
public final class Decisions {
  /** The statuses an exception in Defender Vulnerability Management can give a Device action. */
  public static final Set<Status> EXCEPTION_STATUSES = Set.of(Status.THIRD_PARTY, Status.ALTERNATE_MITIGATION, Status.RISK_ACCEPTED);

  private final Action action;
  private final boolean completed;
  private final Stamp stamp;

  /**
   * @param completed whether the data gives the action full points (its status is then Completed)
   * @param stamp who makes the change, and when
   */
  public Decisions(Action action, boolean completed, Stamp stamp) {
    this.action = action;
    this.completed = completed;
    this.stamp = stamp;
  }

  private String id() {
    return action.id();
  }

  private boolean isDevice() {
    return action.category() == Category.DEVICE;
  }

  /**
   * Sets the status.
   *
   * @param globalException the change is a global exception of a Device action
   */
  public State setStatus(State state, Status to, String note, Optional<LocalDate> reviewBy, boolean globalException) {
    refuseIfCompleted();
    if (!to.settable()) {
      throw new RefusedEditException(to.label() + " is derived from the data and cannot be set; expected to-address, planned, risk-accepted, third-party or alternate-mitigation");
    }
    if (isDevice() && !globalException) {
      throw new RefusedEditException(id() + " is a Device action: its status comes from Defender Vulnerability Management and cannot be set directly."
          + " Create a global exception there, or record it here with --global-exception --status third-party|alternate-mitigation|risk-accepted --note TEXT"
          + " (or --device-group NAME for one device group)");
    }
    if (globalException && !isDevice()) {
      throw new RefusedEditException("--global-exception applies to Device actions only; " + id() + " is in " + action.category().label());
    }
    if (globalException && !EXCEPTION_STATUSES.contains(to)) {
      throw new RefusedEditException("a global exception is third-party, alternate-mitigation or risk-accepted, not " + to.key());
    }
    justification(to, note, reviewBy);
    ActionState current = state.of(id());
    if (current.status() == to && current.reviewBy().equals(reviewBy)) {
      return state;
    }
    ActionState.Change change = new ActionState.Change(stamp.atText(), stamp.by(), current.status(), to, note);
    return with(state, current.withStatus(to, reviewBy, change));
  }

  /** Restores the status before the last change, and records that as a change too. */
  public State undo(State state) {
    refuseIfCompleted();
    ActionState current = state.of(id());
    if (current.history().isEmpty()) {
      throw new RefusedEditException(id() + " has no status change to undo");
    }
    ActionState.Change last = current.history().get(current.history().size() - 1);
    Status restored = last.from();
    Optional<LocalDate> reviewBy = takesJustification(restored) ? current.reviewBy() : Optional.empty();
    ActionState.Change change = new ActionState.Change(stamp.atText(), stamp.by(), current.status(), restored,
        "undo of the change of " + last.at());
    return with(state, current.withStatus(restored, reviewBy, change));
  }

  /** Records an exception for one device group; the action's status stays as it is. */
  public State exceptDeviceGroup(State state, String group, Status status, String note, Optional<LocalDate> reviewBy) {
    if (!isDevice()) {
      throw new RefusedEditException("--device-group applies to Device actions only; " + id() + " is in " + action.category().label());
    }
    if (!EXCEPTION_STATUSES.contains(status)) {
      throw new RefusedEditException("a device group exception is third-party, alternate-mitigation or risk-accepted, not " + status.key());
    }
    justification(status, note, reviewBy);
    ActionState current = state.of(id());
    return with(state, current.withDeviceGroupException(
        new ActionState.DeviceGroupException(group, status, note, reviewBy, stamp.by(), stamp.atText())));
  }

  public State addNote(State state, String text) {
    ActionState current = state.of(id());
    return with(state, current.withNotes(ActionState.append(current.notes(), new ActionState.Note(text, stamp.by(), stamp.atText()))));
  }

  /** @param number the note's number as {@code actions show} lists them, from 1 */
  public State removeNote(State state, int number) {
    ActionState current = state.of(id());
    if (number < 1 || number > current.notes().size()) {
      throw new RefusedEditException(id() + " has " + current.notes().size() + (current.notes().size() == 1 ? " note" : " notes") + "; there is no note " + number);
    }
    List<ActionState.Note> notes = new ArrayList<>(current.notes());
    notes.remove(number - 1);
    return with(state, current.withNotes(notes));
  }

  /** Adds the tags it does not have yet, keeping their order. */
  public State addTags(State state, List<String> tags) {
    ActionState current = state.of(id());
    Set<String> all = new LinkedHashSet<>(current.tags());
    all.addAll(tags);
    return with(state, current.withTags(List.copyOf(all)));
  }

  public State removeTags(State state, List<String> tags) {
    ActionState current = state.of(id());
    for (String tag : tags) {
      if (!current.tags().contains(tag)) {
        throw new RefusedEditException(id() + " has no tag '" + tag + "'" + (current.tags().isEmpty() ? "" : "; its tags: " + String.join(", ", current.tags())));
      }
    }
    return with(state, current.withTags(current.tags().stream().filter(t -> !tags.contains(t)).toList()));
  }

  public State requestRemediation(State state, LocalDate due, String owner, String note) {
    if (due.isBefore(stamp.today())) {
      throw new RefusedEditException("the due date " + due + " is in the past");
    }
    RemediationRequest request = new RemediationRequest(id(), due, owner, note, stamp.by(), stamp.atText());
    return new State(state.actions(), ActionState.append(state.remediationRequests(), request));
  }

  private void refuseIfCompleted() {
    if (completed) {
      throw new RefusedEditException(id() + " is Completed: the data gives it full points, so its status cannot be set or changed");
    }
  }

  private void justification(Status to, String note, Optional<LocalDate> reviewBy) {
    if (takesJustification(to) && note.isBlank()) {
      throw new RefusedEditException(to.key() + " needs a justification: give it with --note TEXT");
    }
    if (reviewBy.isPresent() && !takesJustification(to)) {
      throw new RefusedEditException("--review-by goes with risk-accepted, third-party or alternate-mitigation, not " + to.key());
    }
    if (reviewBy.isPresent() && reviewBy.get().isBefore(stamp.today())) {
      throw new RefusedEditException("the review date " + reviewBy.get() + " is in the past");
    }
  }

  private static boolean takesJustification(Status status) {
    return EXCEPTION_STATUSES.contains(status);
  }

  private State with(State state, ActionState actionState) {
    Map<String, ActionState> actions = new HashMap<>(state.actions());
    actions.put(id(), actionState);
    return new State(actions, state.remediationRequests());
  }
}
