package dev.posture.catalog;

/** A check could not be decided from the data; the action is reported as Error with this reason. */
public class CheckFailedException extends RuntimeException {
  public CheckFailedException(String reason) {
    super(reason);
  }
}
