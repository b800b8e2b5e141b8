package dev.posture.tenant;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code collection.json}: what a collector (or an import) saw of a tenant.
 *
 * @param source where the data came from: {@code posture collect}, {@code sample}, ...
 * @param tenantId the tenant's GUID, when recorded
 * @param sections each section the collection tried, in its order
 */
public record CollectionRecord(String file, String tool, String source, Optional<String> tenantId, String startedAt,
    String finishedAt, List<Section> sections) {

  /** The sections holding Microsoft's Secure Score, which are not snapshot sections. */
  static final List<String> SECURE_SCORE_SECTIONS = List.of("secureScores", "secureScoreControlProfiles");

  /**
   * One section as the collection recorded it.
   *
   * @param count elements of a collection, or pages; empty for a single object
   * @param reason why it was not collected; empty when it was, or when the record does not say
   */
  public record Section(String name, boolean collected, Optional<Long> count, Optional<String> reason) {
    String why() {
      return reason.orElse("collection.json gives no reason");
    }
  }

  /** The snapshot sections that were not collected, with the reason: what the snapshot could not see. */
  public Map<String, String> notCollected() {
    Map<String, String> out = new LinkedHashMap<>();
    for (Section s : sections) {
      if (!s.collected() && !SECURE_SCORE_SECTIONS.contains(s.name())) {
        out.put(s.name(), s.why());
      }
    }
    return out;
  }

  /** Why Microsoft's Secure Score was not collected, when the record says it was not. */
  public Optional<String> secureScoreNotCollected() {
    return sections.stream()
        .filter(s -> !s.collected() && SECURE_SCORE_SECTIONS.contains(s.name()))
        .findFirst()
        .map(s -> s.name() + " was not collected: " + s.why());
  }
}
