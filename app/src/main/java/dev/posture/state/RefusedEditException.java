package dev.posture.state;

/** A change the rules do not allow (a derived status, a missing justification...); nothing is written. */
public final class RefusedEditException extends RuntimeException {
  public RefusedEditException(String reason) {
    super(reason);
  }
}
