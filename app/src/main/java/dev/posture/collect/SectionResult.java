package dev.posture.collect;

import java.util.List;

/**
 * What became of one section, as {@code collection.json} records it.
 *
 * @param count elements of a collection or pages of Secure Score data; null for a single object
 * @param httpStatus, errorCode, permission why a request failed, when one did
 */
public record SectionResult(Section section, Outcome outcome, Long count, long milliseconds, List<String> endpoints,
    String reason, Integer httpStatus, String errorCode, String permission) {

  public enum Outcome {
    COLLECTED,
    /** A request failed: a warning, and exit code 1 with {@code --strict}. */
    FAILED,
    /** Refused (403), or no token for its service: like {@link #FAILED}; when every section is, the sign-in is wrong. */
    DENIED,
    /** No API gives it, the cloud lacks the service, or the sign-in cannot read it: said once, not a failure. */
    UNAVAILABLE,
    /** Left out with {@code --only} or {@code --skip}. */
    SKIPPED
  }

  public boolean collected() {
    return outcome == Outcome.COLLECTED;
  }

  /** Not collected, though asked for and available: worth a warning. */
  public boolean failed() {
    return outcome == Outcome.FAILED || outcome == Outcome.DENIED;
  }
}
