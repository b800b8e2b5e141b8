package dev.posture.catalog;

import dev.posture.input.Labelled;

/** How foundational an action is; the ranking reads it as the action's complexity. */
public enum Tier implements Labelled {
  CORE("Core"),
  DEFENSE_IN_DEPTH("Defense in depth"),
  ADVANCED("Advanced");

  private final String label;

  Tier(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }

  @Override
  public String toString() {
    return label;
  }
}
