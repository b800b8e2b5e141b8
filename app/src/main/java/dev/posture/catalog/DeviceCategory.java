package dev.posture.catalog;

import dev.posture.input.Labelled;

/** The five areas Secure Score for Devices groups its recommendations into. */
public enum DeviceCategory implements Labelled {
  APPLICATION("Application"),
  OPERATING_SYSTEM("Operating system"),
  NETWORK("Network"),
  ACCOUNTS("Accounts"),
  SECURITY_CONTROLS("Security controls");

  private final String label;

  DeviceCategory(String label) {
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
