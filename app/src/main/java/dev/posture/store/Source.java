package dev.posture.store;

import java.util.Optional;

/** Who produced a run, or decided an action's points: posture's own check or Microsoft's Secure Score. */
public enum Source {
  POSTURE("posture"),
  MICROSOFT("microsoft");

  private final String key;

  Source(String key) {
    this.key = key;
  }

  /** The spelling in the store and in reports. */
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
