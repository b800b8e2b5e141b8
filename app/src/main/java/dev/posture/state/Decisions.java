package dev.posture.state;

import dev.posture.catalog.Action;
import dev.posture.catalog.Category;
import dev.posture.catalog.Status;
import dev.posture.input.InputException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

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
 *   <li>Every status change, undo included, appends to the action's history. The same status set
 *       again with a note is a review of the decision: it is recorded in the history too, and keeps
 *       the review date unless a new one is given.
 *   <li>A note given with a status is one of the action's notes, as well as the change's reason.
 *   <li>A remediation request is for an action that is not Completed, one open request an action; a
 *       request is closed or withdrawn, never removed.
 *   <li>Every value must be one the state file can hold: a note or tag with some text, a date up
 *       to 9999-12-31, an owner's email address. A malformed value is an {@link InputException}.
 * </ul>
 */
public final class Decisions {
  /** The statuses an exception in Defender Vulnerability Management can give a Device action. */
  public static final Set<Status> EXCEPTION_STATUSES = Set.of(Status.THIRD_PARTY, Status.ALTERNATE_MITIGATION, Status.RISK_ACCEPTED);
  /** The latest year a date in the state file may have. */
  private static final int MAX_YEAR = 9999;
  /** An email address, as user principal names are: something, an at sign, a domain with a dot. */
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");

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
    boolean review = current.status() == to;
    if (review && note.isEmpty() && reviewBy.map(d -> d.equals(current.reviewBy().orElse(null))).orElse(true)) {
      return state; // nothing new to record
    }
    Optional<LocalDate> keptReviewBy = review ? reviewBy.or(current::reviewBy) : reviewBy;
    ActionState.Change change = new ActionState.Change(stamp.atText(), stamp.by(), current.status(), to, note, reviewBy);
    ActionState changed = current.withStatus(to, keptReviewBy, change);
    return with(state, note.isEmpty() ? changed : changed.withNotes(ActionState.append(changed.notes(), note(note))));
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
    return with(state, current.withNotes(ActionState.append(current.notes(), note(text))));
  }

  private ActionState.Note note(String text) {
    if (text.isBlank()) {
      throw new InputException(id(), "the note is empty; expected some text");
    }
    return new ActionState.Note(text, stamp.by(), stamp.atText());
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
    for (String tag : tags) {
      if (tag.isBlank()) {
        throw new InputException(id(), "a tag is empty; expected a word such as q1-2027");
      }
    }
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

  /**
   * Records a request to fix the action by {@code due}.
   *
   * @param owner who should do it, by email address (user principal name); may be empty
   */
  public State requestRemediation(State state, LocalDate due, String owner, String note) {
    if (completed) {
      throw new RefusedEditException(id() + " is Completed: the data gives it full points, so there is nothing to remediate");
    }
    if (!owner.isEmpty() && !EMAIL.matcher(owner).matches()) {
      throw new InputException(id(), "the owner '" + owner + "' is no email address; expected a sign-in name such as lee.gu@contoso.com");
    }
    storable("due date", due);
    if (due.isBefore(stamp.today())) {
      throw new RefusedEditException("the due date " + due + " is in the past");
    }
    List<RemediationRequest> open = openRequests(state);
    if (!open.isEmpty()) {
      RemediationRequest earlier = open.get(0);
      throw new RefusedEditException(id() + " already has an open remediation request, due " + earlier.due()
          + (earlier.owner().isEmpty() ? "" : " from " + earlier.owner()) + "; close or withdraw it first");
    }
    RemediationRequest request = new RemediationRequest(id(), due, owner, note, stamp.by(), stamp.atText());
    return state.withRequests(ActionState.append(state.remediationRequests(), request));
  }

  /**
   * Ends the action's open remediation requests (an action has one, or several in a file written by
   * hand): closed when the work is done, withdrawn when it is no longer wanted. They stay in the file.
   */
  public State endRemediation(State state, RemediationRequest.Kind how, String note) {
    if (openRequests(state).isEmpty()) {
      long ended = state.remediationRequests().stream().filter(r -> r.action().equals(id())).count();
      throw new RefusedEditException(id() + " has no open remediation request"
          + (ended == 0 ? "" : "; " + (ended == 1 ? "its request was" : "its " + ended + " requests were") + " closed or withdrawn already"));
    }
    RemediationRequest.Ending ending = new RemediationRequest.Ending(how, stamp.by(), stamp.atText(), note);
    List<RemediationRequest> requests = state.remediationRequests().stream()
        .map(r -> r.action().equals(id()) && r.isOpen() ? r.ended(ending) : r)
        .toList();
    return state.withRequests(requests);
  }

  private List<RemediationRequest> openRequests(State state) {
    return state.remediationRequests().stream().filter(r -> r.action().equals(id()) && r.isOpen()).toList();
  }

  /** A date the state file can hold: four digits of year, as ISO 8601 writes most dates. */
  private void storable(String what, LocalDate date) {
    if (date.getYear() > MAX_YEAR) {
      throw new InputException(id(), "the " + what + " " + date + " is too far ahead; expected a date up to " + MAX_YEAR + "-12-31");
    }
  }

  private void refuseIfCompleted() {
    if (completed) {
      throw new RefusedEditException(id() + " is Completed: the data gives it full points, so its status cannot be set or changed");
    }
  }

  private void justification(Status to, String note, Optional<LocalDate> reviewBy) {
    reviewBy.ifPresent(date -> storable("review date", date));
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
    return state.withActions(actions);
  }
}
