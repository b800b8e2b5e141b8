package dev.posture.scoring;

import java.util.Optional;

/**
 * Who decides an action's points (and who produced a stored run): posture's own check on the
 * snapshot, or Microsoft's Secure Score.
 */
public enum Source {
  POSTURE("posture"),
  MICROSOFT("microsoft");

  private final String key;

  Source(String key) {
    this.key = key;
  }

  /** The spelling in reports and in the history store. */
  public String key() {
    return key;
  }

  public static Optional<Source> parse(String text) {
    for (Source s : values()) {
      if (s.key.equalsIgnoreCase(text)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return key;
  }
}
