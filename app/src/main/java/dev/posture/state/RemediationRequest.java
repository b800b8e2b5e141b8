package dev.posture.state;

import dev.posture.input.Labelled;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A request to fix an action by a date, as sent to whoever does the work. It stays in the state file
 * once it is closed (the work is done) or withdrawn (it is no longer wanted), with who ended it and when.
 *
 * @param ending how the request ended; empty while it is open
 */
public record RemediationRequest(
    String action, LocalDate due, String owner, String note, String requestedBy, String requestedAt, Optional<Ending> ending) {

  /** An open request. */
  public RemediationRequest(String action, LocalDate due, String owner, String note, String requestedBy, String requestedAt) {
    this(action, due, owner, note, requestedBy, requestedAt, Optional.empty());
  }

  public boolean isOpen() {
    return ending.isEmpty();
  }

  /** Open, closed or withdrawn, as lists and the state file spell it. */
  public String state() {
    return ending.map(e -> e.kind().label()).orElse("open");
  }

  RemediationRequest ended(Ending how) {
    return new RemediationRequest(action, due, owner, note, requestedBy, requestedAt, Optional.of(how));
  }

  /** How a request ended: who closed or withdrew it, when, and why. */
  public record Ending(Kind kind, String by, String at, String note) {}

  /** Closed: the work is done. Withdrawn: the request is no longer wanted. */
  public enum Kind implements Labelled {
    CLOSED("closed"),
    WITHDRAWN("withdrawn");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    @Override
    public String label() {
      return label;
    }
  }
}
