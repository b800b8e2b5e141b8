package dev.posture.scoring;

import java.util.Locale;
import java.util.Optional;

/** The four views of a score, by the names reports and gates use for them. */
public enum View {
  CURRENT("current"),
  PLANNED("planned"),
  CURRENT_LICENSE("currentLicense"),
  ACHIEVABLE("achievable");

  private final String key;

  View(String key) {
    this.key = key;
  }

  /** The name in the JSON report, e.g. {@code currentLicense}. */
  public String key() {
    return key;
  }

  public ScoreView of(Scores scores) {
    return switch (this) {
      case CURRENT -> scores.current();
      case PLANNED -> scores.planned();
      case CURRENT_LICENSE -> scores.currentLicense();
      case ACHIEVABLE -> scores.achievable();
    };
  }

  /** Accepts the JSON key in any case, with or without hyphens: currentLicense, current-license. */
  public static Optional<View> parse(String text) {
    String wanted = text.replace("-", "").replace("_", "").toLowerCase(Locale.ROOT);
    for (View v : values()) {
      if (v.key.toLowerCase(Locale.ROOT).equals(wanted)) {
        return Optional.of(v);
      }
    }
    return Optional.empty();
  }
}
