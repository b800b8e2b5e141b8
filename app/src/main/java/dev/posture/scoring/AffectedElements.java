package dev.posture.scoring;

import dev.posture.catalog.Action;
import dev.posture.catalog.Check;
import dev.posture.catalog.Collection;
import dev.posture.snapshot.Snapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
    List<Map<String, Object>> uncovered = new ArrayList<>();
    if (action.check() instanceof Check.Coverage check) {
      CoverageRun run = new CoverageRun(check, uncovered::add);
      CoverageRun.count(snapshot, List.of(run));
      return Optional.of(new AffectedElements(check.of(), List.copyOf(uncovered), run.eligible(), run.error()));
    }
    if (action.check() instanceof Check.Configuration check) {
      ConfigurationRun run = new ConfigurationRun(check, uncovered::add);
      CoverageRun.count(snapshot, List.of(), List.of(run));
      return Optional.of(new AffectedElements(Collection.DEVICES, List.copyOf(uncovered), run.eligible(), run.error()));
    }
    return Optional.empty();
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
