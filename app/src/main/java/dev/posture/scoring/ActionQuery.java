package dev.posture.scoring;

import dev.posture.catalog.Category;
import dev.posture.catalog.DeviceCategory;
import dev.posture.catalog.Status;
import dev.posture.state.State;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Which actions to list and in what order: the filters of the portal's recommended actions list.
 * Every filter that is set must match; text filters ignore case.
 *
 * @param search text found in the id, the title or one of the threats
 * @param product text found in the product name
 * @param status the status shown (so Completed and Regressed can be filtered too)
 */
public record ActionQuery(
    Optional<String> search,
    Optional<Category> category,
    Optional<DeviceCategory> deviceCategory,
    Optional<Status> status,
    Optional<String> product,
    Optional<String> tag,
    Optional<Boolean> licensed,
    Optional<Boolean> scored,
    Sort sort) {

  /** How to order the list; ties keep the rank order. */
  public enum Sort {
    RANK(Comparator.comparingInt(ActionResult::rank)),
    REMAINING(Comparator.comparingDouble(ActionResult::remaining).reversed()),
    MAX(Comparator.comparingDouble((ActionResult r) -> r.action().maxScore()).reversed()),
    TITLE(Comparator.comparing((ActionResult r) -> r.action().title().toLowerCase(Locale.ROOT)));

    private final Comparator<ActionResult> order;

    Sort(Comparator<ActionResult> order) {
      this.order = order.thenComparingInt(ActionResult::rank);
    }
  }

  /** What to group the list by; an action with several tags is listed under each. */
  public enum GroupBy {
    CATEGORY,
    STATUS,
    PRODUCT,
    TAG;

    public List<String> keys(ActionResult r, State state) {
      return switch (this) {
        case CATEGORY -> List.of(r.category().label());
        case STATUS -> List.of(r.status().label());
        case PRODUCT -> List.of(r.action().product());
        case TAG -> state.of(r.id()).tags().isEmpty() ? List.of("(no tag)") : state.of(r.id()).tags();
      };
    }
  }

  public List<ActionResult> apply(List<ActionResult> results, State state) {
    return results.stream().filter(r -> matches(r, state)).sorted(sort.order).toList();
  }

  /** The selected actions in groups, groups in order of first appearance. */
  public Map<String, List<ActionResult>> grouped(List<ActionResult> results, State state, GroupBy groupBy) {
    Map<String, List<ActionResult>> groups = new LinkedHashMap<>();
    for (ActionResult r : apply(results, state)) {
      for (String key : groupBy.keys(r, state)) {
        groups.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
      }
    }
    return groups;
  }

  private boolean matches(ActionResult r, State state) {
    return search.map(text -> contains(r.id(), text) || contains(r.action().title(), text)
            || r.action().threats().stream().anyMatch(t -> contains(t, text))).orElse(true)
        && category.map(c -> r.category() == c).orElse(true)
        && deviceCategory.map(d -> r.action().deviceCategory().equals(Optional.of(d))).orElse(true)
        && status.map(s -> r.status() == s).orElse(true)
        && product.map(p -> contains(r.action().product(), p)).orElse(true)
        && tag.map(t -> state.of(r.id()).tags().stream().anyMatch(t::equalsIgnoreCase)).orElse(true)
        && licensed.map(l -> r.licensed() == l).orElse(true)
        && scored.map(s -> r.action().scored() == s).orElse(true);
  }

  private static boolean contains(String haystack, String needle) {
    return haystack.toLowerCase(Locale.ROOT).contains(needle.toLowerCase(Locale.ROOT));
  }
}
