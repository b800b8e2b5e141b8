package dev.posture.scoring;

/** Who decides an action's points: posture's own check on the snapshot, or Microsoft's Secure Score. */
public enum Source {
  POSTURE("posture"),
  MICROSOFT("microsoft");

  private final String label;

  Source(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  @Override
  public String toString() {
    return label;
  }
}
