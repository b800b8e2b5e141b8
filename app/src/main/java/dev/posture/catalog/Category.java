package dev.posture.catalog;

import dev.posture.input.Labelled;

/** The four groups Secure Score splits its points into. */
public enum Category implements Labelled {
  IDENTITY("Identity"),
  DEVICE("Device"),
  APPS("Apps"),
  DATA("Data");

  private final String label;

  Category(String label) {
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
