package dev.posture.catalog;

import dev.posture.input.Labelled;
import java.util.List;

/** Implementation cost and user impact. */
public enum Level implements Labelled {
  LOW("Low", List.of()),
  MODERATE("Moderate", List.of("Medium")),
  HIGH("High", List.of());

  private final String label;
  private final List<String> aliases;

  Level(String label, List<String> aliases) {
    this.label = label;
    this.aliases = aliases;
  }

  @Override
  public String label() {
    return label;
  }

  @Override
  public List<String> aliases() {
    return aliases;
  }

  @Override
  public String toString() {
    return label;
  }
}
