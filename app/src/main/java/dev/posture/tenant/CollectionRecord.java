package dev.posture.tenant;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code collection.json}: what a collector (or an import) saw of a tenant. {@link CollectionReader}
 * reads it, {@link CollectionWriter} writes it.
 *
 * @param file the file it was read from, or is written to, as messages name it
 * @param tool the tool and its version that wrote it: {@code posture 0.2.0}
 * @param source where the data came from: {@code posture collect}, {@code ScubaGear 1.8.0 ProviderSettingsExport}, ...
 * @param tenantId the tenant's GUID, when recorded
 * @param cloud Microsoft's cloud the tenant is in ({@code global}, {@code usgov}, ...), when recorded
 * @param startedAt when the collection started, ISO 8601; empty when not recorded
 * @param finishedAt when it finished, ISO 8601; empty when not recorded
 * @param sections each section the collection tried, in its order
 */
public record CollectionRecord(String file, String tool, String source, Optional<String> tenantId, Optional<String> cloud,
    String startedAt, String finishedAt, List<Section> sections) {
  public static final int SCHEMA_VERSION = 1;

  /** The sections holding Microsoft's Secure Score, which are not snapshot sections. */
  static final List<String> SECURE_SCORE_SECTIONS = List.of("secureScores", "secureScoreControlProfiles");

  public CollectionRecord {
    sections = List.copyOf(sections);
  }

  /**
   * One section as the collection recorded it.
   *
   * @param count elements of a collection, or pages; empty for a single object
   * @param milliseconds how long it took to collect, when it was
   * @param reason why it was not collected; empty when it was, or when the record does not say
   * @param httpStatus, errorCode, permission why a request failed, when one did
   * @param endpoints the requests that read it
   */
  public record Section(String name, boolean collected, Optional<Long> count, Optional<Long> milliseconds, Optional<String> reason,
      Optional<Integer> httpStatus, Optional<String> errorCode, Optional<String> permission, List<String> endpoints) {

    public Section {
      endpoints = List.copyOf(endpoints);
    }

    /** A section that was read, with its count (empty for a single object). */
    public static Section collected(String name, Optional<Long> count) {
      return new Section(name, true, count, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
          Optional.empty(), List.of());
    }

    /** A section that was not, and why. */
    public static Section notCollected(String name, String reason) {
      return new Section(name, false, Optional.empty(), Optional.empty(), Optional.of(reason), Optional.empty(), Optional.empty(),
          Optional.empty(), List.of());
    }

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
