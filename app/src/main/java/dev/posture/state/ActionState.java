package dev.posture.state;

import dev.posture.catalog.Status;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What people decided about one action.
 *
 * @param reviewBy when a risk acceptance or resolution should be looked at again
 * @param history every change of status, oldest first; never rewritten
 */
public record ActionState(
    Status status, List<Note> notes, List<String> tags, Optional<LocalDate> reviewBy, List<Change> history) {

  public static final ActionState DEFAULT = new ActionState(Status.TO_ADDRESS, List.of(), List.of(), Optional.empty(), List.of());

  public ActionState {
    notes = List.copyOf(notes);
    tags = List.copyOf(tags);
    history = List.copyOf(history);
  }

  /** A note and who wrote it when. */
  public record Note(String text, String by, String at) {}

  /** One status change. */
  public record Change(String at, String by, Status from, Status to, String note) {}
}
