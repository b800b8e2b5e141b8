package dev.posture.scubagear;

import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/** What a key of the export gives a snapshot section: its value, or why it gives none. */
sealed interface Mapped {
  /**
   * The section's value, as the Microsoft API returns it.
   *
   * @param warnings lines for the user about what of it the export could not give
   */
  record Found(JsonNode value, List<String> warnings) implements Mapped {
    Found(JsonNode value) {
      this(value, List.of());
    }
  }

  /**
   * @param warning a line for the user when the export records a failure (not when it merely lacks the data)
   */
  record Missing(String reason, Optional<String> warning) implements Mapped {
    static Missing because(String reason) {
      return new Missing(reason, Optional.empty());
    }
  }
}
