package dev.posture.scoring;

import dev.posture.catalog.Check;
import dev.posture.catalog.CheckFailedException;
import dev.posture.catalog.Collection;
import dev.posture.snapshot.Snapshot;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The running count of one coverage check during a pass over its collection: eligible elements,
 * covered ones, and the first element the check could not decide (after which it stops counting).
 */
final class CoverageRun {
  private final Check.Coverage check;
  private final Consumer<Map<String, Object>> uncovered;
  private long eligible;
  private long covered;
  private String error;

  /** @param uncovered told of each eligible element that is not covered */
  CoverageRun(Check.Coverage check, Consumer<Map<String, Object>> uncovered) {
    this.check = check;
    this.uncovered = uncovered;
  }

  CoverageRun(Check.Coverage check) {
    this(check, element -> { });
  }

  /** One pass over the snapshot feeds each element to every run counting over its collection. */
  static void count(Snapshot snapshot, List<CoverageRun> runs) {
    if (runs.isEmpty()) {
      return;
    }
    Map<Collection, List<CoverageRun>> byCollection = new EnumMap<>(Collection.class);
    for (CoverageRun run : runs) {
      byCollection.computeIfAbsent(run.check.of(), c -> new java.util.ArrayList<>()).add(run);
    }
    Map<String, Object> vars = new HashMap<>();
    vars.put("tenant", snapshot.settings());
    Map<Collection, long[]> indexes = new EnumMap<>(Collection.class);
    snapshot.elements().forEach(byCollection.keySet(), (collection, element) -> {
      vars.put(collection.element(), element);
      long[] index = indexes.computeIfAbsent(collection, c -> new long[1]);
      for (CoverageRun run : byCollection.get(collection)) {
        run.accept(vars, element, index[0]);
      }
      index[0]++;
    });
  }

  private void accept(Map<String, Object> vars, Map<String, Object> element, long index) {
    if (error != null) {
      return;
    }
    try {
      if (check.where().isPresent() && !check.where().get().test(vars)) {
        return;
      }
      eligible++;
      if (check.covered().test(vars)) {
        covered++;
      } else {
        uncovered.accept(element);
      }
    } catch (CheckFailedException e) {
      String name = AffectedElements.name(element);
      error = check.of().section() + "[" + index + "]" + (name.isEmpty() ? "" : " (" + name + ")") + ": " + e.getMessage();
    }
  }

  Coverage coverage() {
    return new Coverage(covered, eligible);
  }

  long eligible() {
    return eligible;
  }

  /** Why the check could not be decided, naming the element; empty when it was. */
  Optional<String> error() {
    return Optional.ofNullable(error);
  }
}
