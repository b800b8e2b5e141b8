package dev.posture.catalog;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which actions to list. Every criterion that is set must hold.
 *
 * @param product matched as a case-insensitive part of the product name
 * @param scored true for scored actions only, false for "Not scored" only
 * @param licence actions that need this service plan
 */
public record ActionFilter(
    Optional<Category> category,
    Optional<DeviceCategory> deviceCategory,
    Optional<String> product,
    Optional<Boolean> scored,
    Optional<String> licence) {

  public List<Action> apply(Catalog catalog) {
    return catalog.actions().stream().filter(this::test).toList();
  }

  public boolean test(Action action) {
    return category.map(c -> action.category() == c).orElse(true)
        && deviceCategory.map(d -> action.deviceCategory().equals(Optional.of(d))).orElse(true)
        && product.map(p -> lower(action.product()).contains(lower(p))).orElse(true)
        && scored.map(s -> action.scored() == s).orElse(true)
        && licence.map(l -> action.licenses().stream().anyMatch(l::equalsIgnoreCase)).orElse(true);
  }

  private static String lower(String text) {
    return text.toLowerCase(Locale.ROOT);
  }
}
