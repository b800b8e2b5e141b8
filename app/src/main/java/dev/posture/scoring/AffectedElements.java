package dev.posture.scoring;

import dev.posture.catalog.Action;
import dev.posture.catalog.Check;
import dev.posture.catalog.Collection;
import dev.posture.snapshot.Snapshot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The elements one coverage check counts as eligible but not covered: the users, devices or mailboxes
 * someone has to follow up. It holds them, which is fine for one action; scoring never does.
 *
 * @param elements the uncovered eligible elements, in snapshot order
 * @param error set when the check could not be decided on an element; the walk stops there
 */
public record AffectedElements(Collection collection, List<Map<String, Object>> elements, long eligible, Optional<String> error) {

  /** The uncovered elements of {@code action}'s coverage or configuration check; empty for any other check. */
  public static Optional<AffectedElements> of(Action action, Snapshot snapshot) {
    return Optional.ofNullable(of(List.of(action), snapshot).get(action.id()));
  }

  /**
   * The uncovered elements of each coverage or configuration check among {@code actions}, by action
   * id, from one walk over the snapshot's elements; the other actions are left out.
   */
  public static Map<String, AffectedElements> of(List<Action> actions, Snapshot snapshot) {
    List<CoverageRun> coverage = new ArrayList<>();
    List<ConfigurationRun> configuration = new ArrayList<>();
    Map<String, Supplier<AffectedElements>> results = new LinkedHashMap<>();
    for (Action action : actions) {
      List<Map<String, Object>> uncovered = new ArrayList<>();
      if (action.check() instanceof Check.Coverage check) {
        CoverageRun run = new CoverageRun(check, uncovered::add);
        coverage.add(run);
        results.put(action.id(), () -> new AffectedElements(check.of(), List.copyOf(uncovered), run.eligible(), run.error()));
      } else if (action.check() instanceof Check.Configuration check) {
        ConfigurationRun run = new ConfigurationRun(check, uncovered::add);
        configuration.add(run);
        results.put(action.id(), () -> new AffectedElements(Collection.DEVICES, List.copyOf(uncovered), run.eligible(), run.error()));
      }
    }
    if (!results.isEmpty()) {
      CoverageRun.count(snapshot, coverage, configuration);
    }
    Map<String, AffectedElements> affected = new LinkedHashMap<>();
    results.forEach((id, result) -> affected.put(id, result.get()));
    return affected;
  }

  /** How people know an element: its sign-in name, device name, display name or id; empty if none. */
  public static String name(Map<String, Object> element) {
    for (String key : new String[] {"userPrincipalName", "UserPrincipalName", "computerDnsName", "deviceName", "displayName", "DisplayName", "id"}) {
      if (element.get(key) instanceof String s) {
        return s;
      }
    }
    return "";
  }
}
