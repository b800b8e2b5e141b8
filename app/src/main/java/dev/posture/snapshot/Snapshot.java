package dev.posture.snapshot;

import dev.posture.catalog.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A tenant's configuration at one moment, ready for checks: the small settings part held whole (what
 * checks see as {@code tenant}), and the large collections offered one element at a time.
 *
 * @param settings the snapshot without its large collections, as CEL values (maps, lists, strings,
 *     longs, doubles, booleans, null)
 * @param servicePlans service plans that are enabled in the tenant's subscriptions
 * @param sections the sections the snapshot holds, large collections included (a {@code null} section
 *     holds nothing)
 * @param notCollected sections a collection tried and could not get, with the reason
 */
public record Snapshot(
    String source,
    TenantInfo tenant,
    Map<String, Object> settings,
    Set<String> servicePlans,
    Elements elements,
    Set<String> sections,
    Map<String, String> notCollected) {

  /** Why a section's data was not seen, or empty when the snapshot holds it. */
  public Optional<String> notSeen(String section) {
    String reason = notCollected.get(section);
    if (reason != null) {
      return Optional.of(section + " was not collected: " + reason);
    }
    return sections.contains(section) ? Optional.empty() : Optional.of("the snapshot has no " + section + " section");
  }

  /** This snapshot, with sections a collection recorded as not collected (and why) added to {@link #notCollected}. */
  public Snapshot withNotCollected(Map<String, String> reasons) {
    Map<String, String> merged = new LinkedHashMap<>(notCollected);
    merged.putAll(reasons);
    return new Snapshot(source, tenant, settings, servicePlans, elements, sections, Map.copyOf(merged));
  }

  /** How many elements each collection holds, counted in one pass. */
  public Map<Collection, Long> counts() {
    Map<Collection, Long> counts = new EnumMap<>(Collection.class);
    for (Collection c : Collection.values()) {
      counts.put(c, 0L);
    }
    elements.forEach(EnumSet.allOf(Collection.class), (collection, element) -> counts.merge(collection, 1L, Long::sum));
    return counts;
  }

  /** The large collections, visited element by element so they need not be held in memory. */
  public interface Elements {
    /** Visits every element of the given collections, in one pass over the snapshot. */
    void forEach(Set<Collection> collections, Visitor visitor);
  }

  /** Receives one element at a time, as CEL values. */
  public interface Visitor {
    void visit(Collection collection, Map<String, Object> element);
  }
}
