package dev.posture.catalog;

import dev.posture.input.Labelled;
import java.util.List;

/**
 * The status of an improvement action. Five are decisions a person records; the other four are
 * derived from the data and can never be set (Not assessed: the data the check reads was not seen).
 */
public enum Status implements Labelled {
  TO_ADDRESS("To address", "to-address", true),
  PLANNED("Planned", "planned", true),
  RISK_ACCEPTED("Risk accepted", "risk-accepted", true),
  THIRD_PARTY("Resolved through third party", "third-party", true),
  ALTERNATE_MITIGATION("Resolved through alternate mitigation", "alternate-mitigation", true),
  COMPLETED("Completed", "completed", false),
  REGRESSED("Regressed", "regressed", false),
  ERROR("Error", "error", false),
  NOT_ASSESSED("Not assessed", "not-assessed", false);

  private final String label;
  private final String key;
  private final boolean settable;

  Status(String label, String key, boolean settable) {
    this.label = label;
    this.key = key;
    this.settable = settable;
  }

  @Override
  public String label() {
    return label;
  }

  /** The spelling used in state files and on the command line, e.g. {@code risk-accepted}. */
  public String key() {
    return key;
  }

  @Override
  public List<String> aliases() {
    return List.of(key);
  }

  public boolean settable() {
    return settable;
  }

  /** Third party and alternate mitigation count the action's full points without evidence in the data. */
  public boolean resolvedElsewhere() {
    return this == THIRD_PARTY || this == ALTERNATE_MITIGATION;
  }

  @Override
  public String toString() {
    return label;
  }
}
