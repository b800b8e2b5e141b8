package dev.posture.snapshot;

import dev.posture.catalog.Collection;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A tenant's configuration at one moment, ready for checks: the small settings part held whole (what
 * checks see as {@code tenant}), and the large collections offered one element at a time.
 *
 * @param settings the snapshot without its large collections, as CEL values (maps, lists, strings,
 *     longs, doubles, booleans, null)
 * @param servicePlans service plans that are enabled in the tenant's subscriptions
 * @param secureScoreConnector whether Defender for Endpoint feeds Secure Score (Device actions count
 *     in the overall score only then)
 */
public record Snapshot(
    String source,
    TenantInfo tenant,
    Map<String, Object> settings,
    Set<String> servicePlans,
    boolean secureScoreConnector,
    Elements elements) {

  /** How many elements a collection holds. */
  public int count(Collection collection) {
    int[] count = {0};
    elements.forEach(collection, element -> count[0]++);
    return count[0];
  }

  /** The large collections, visited element by element so they need not be held in memory. */
  public interface Elements {
    void forEach(Collection collection, Consumer<Map<String, Object>> visitor);
  }
}
