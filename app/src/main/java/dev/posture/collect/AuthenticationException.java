package dev.posture.collect;

/** A service refused the token it was given (401): the whole collection stops, and nothing is written. */
public final class AuthenticationException extends RuntimeException {
  public AuthenticationException(String message) {
    super(message);
  }
}
