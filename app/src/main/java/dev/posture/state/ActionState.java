package dev.posture.state;

import dev.posture.catalog.Status;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What people decided about one action.
 *
 * @param reviewBy when a risk acceptance or resolution should be looked at again
 * @param history every change of status, oldest first; never rewritten
 * @param deviceGroupExceptions exceptions for one device group of a Device action; recorded only,
 *     they leave the action's status as it is
 */
public record ActionState(
    Status status,
    List<Note> notes,
    List<String> tags,
    Optional<LocalDate> reviewBy,
    List<Change> history,
    List<DeviceGroupException> deviceGroupExceptions) {

  public static final ActionState DEFAULT = new ActionState(Status.TO_ADDRESS, List.of(), List.of(), Optional.empty(), List.of());

  public ActionState {
    notes = List.copyOf(notes);
    tags = List.copyOf(tags);
    history = List.copyOf(history);
    deviceGroupExceptions = List.copyOf(deviceGroupExceptions);
  }

  /** A state without device group exceptions, as most actions have. */
  public ActionState(Status status, List<Note> notes, List<String> tags, Optional<LocalDate> reviewBy, List<Change> history) {
    this(status, notes, tags, reviewBy, history, List.of());
  }

  ActionState withStatus(Status newStatus, Optional<LocalDate> newReviewBy, Change change) {
    return new ActionState(newStatus, notes, tags, newReviewBy, append(history, change), deviceGroupExceptions);
  }

  ActionState withNotes(List<Note> newNotes) {
    return new ActionState(status, newNotes, tags, reviewBy, history, deviceGroupExceptions);
  }

  ActionState withTags(List<String> newTags) {
    return new ActionState(status, notes, newTags, reviewBy, history, deviceGroupExceptions);
  }

  ActionState withDeviceGroupException(DeviceGroupException exception) {
    return new ActionState(status, notes, tags, reviewBy, history, append(deviceGroupExceptions, exception));
  }

  static <T> List<T> append(List<T> list, T item) {
    return Stream.concat(list.stream(), Stream.of(item)).toList();
  }

  /** A note and who wrote it when. */
  public record Note(String text, String by, String at) {}

  /**
   * One status change, or a review of the status it keeps ({@code from} is {@code to}: a new
   * justification, perhaps a new review date).
   *
   * @param reviewBy the review date the change set, if it set one
   */
  public record Change(String at, String by, Status from, Status to, String note, Optional<LocalDate> reviewBy) {
    public Change(String at, String by, Status from, Status to, String note) {
      this(at, by, from, to, note, Optional.empty());
    }

    /** Whether this is a review of the status rather than a change of it. */
    public boolean isReview() {
      return from == to;
    }
  }

  /**
   * An exception for the devices of one group, as Defender Vulnerability Management records them: a
   * justification for that group, not a change of the action's status.
   */
  public record DeviceGroupException(String group, Status status, String note, Optional<LocalDate> reviewBy, String by, String at) {}
}
