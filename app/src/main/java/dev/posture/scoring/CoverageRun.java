package dev.posture.scoring;

import dev.posture.catalog.Check;
import dev.posture.catalog.CheckBudget;
import dev.posture.catalog.CheckFailedException;
import dev.posture.catalog.Collection;
import dev.posture.catalog.Expression;
import dev.posture.snapshot.Snapshot;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The running count of one coverage check during a pass over its collection: eligible elements,
 * covered ones, and the first element the check could not decide (after which it stops counting).
 * Each predicate spends from a budget of its own for the whole pass, so one that is too costly or
 * too slow fails its check alone.
 */
final class CoverageRun {
  private final Check.Coverage check;
  private final CheckBudget budget = new CheckBudget();
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

  static void count(Snapshot snapshot, List<CoverageRun> runs) {
    count(snapshot, runs, List.of());
  }

  /**
   * One pass over the snapshot feeds each element to every run counting over its collection, and
   * each device to the configuration runs. Many checks share an eligibility clause (device checks
   * often ask for one operating system), so each distinct clause is evaluated once an element.
   */
  static void count(Snapshot snapshot, List<CoverageRun> runs, List<ConfigurationRun> configurationRuns) {
    ConfigurationRun.Pass configurations = new ConfigurationRun.Pass(configurationRuns);
    if (runs.isEmpty() && configurations.isEmpty()) {
      return;
    }
    Map<Collection, Pass> passes = new EnumMap<>(Collection.class);
    for (CoverageRun run : runs) {
      passes.computeIfAbsent(run.check.of(), Pass::new).add(run);
    }
    if (!configurations.isEmpty()) {
      passes.computeIfAbsent(Collection.DEVICES, Pass::new);
    }
    Map<String, Object> vars = new HashMap<>();
    vars.put("tenant", snapshot.settings());
    long[] devices = {0};
    snapshot.elements().forEach(passes.keySet(), (collection, element) -> {
      vars.put(collection.element(), element);
      passes.get(collection).accept(vars, element);
      if (collection == Collection.DEVICES && !configurations.isEmpty()) {
        configurations.accept(element, devices[0]++);
      }
    });
  }

  /** The runs over one collection, grouped by their eligibility clause. */
  private static final class Pass {
    private final Collection collection;
    private final Map<String, Clause> clauses = new LinkedHashMap<>();
    private final List<CoverageRun> everyElement = new ArrayList<>();
    private long index;

    Pass(Collection collection) {
      this.collection = collection;
    }

    void add(CoverageRun run) {
      run.check.where().ifPresentOrElse(
          where -> clauses.computeIfAbsent(where.text(), text -> new Clause(where)).runs.add(run),
          () -> everyElement.add(run));
    }

    void accept(Map<String, Object> vars, Map<String, Object> element) {
      for (CoverageRun run : everyElement) {
        run.eligible(vars, element, index);
      }
      for (Clause clause : clauses.values()) {
        clause.accept(vars, element, index);
      }
      index++;
    }

    /** One eligibility clause and the runs that share it. */
    private final class Clause {
      private final Expression where;
      private final CheckBudget budget = new CheckBudget();
      private final List<CoverageRun> runs = new ArrayList<>();
      private boolean failed;

      Clause(Expression where) {
        this.where = where;
      }

      void accept(Map<String, Object> vars, Map<String, Object> element, long index) {
        if (failed) {
          return;
        }
        boolean eligible;
        try {
          eligible = where.test(vars, budget);
        } catch (CheckFailedException e) {
          String failure = at(collection, index, element) + ": " + e.getMessage();
          runs.forEach(run -> run.fail(failure));
          failed = true;
          return;
        }
        if (eligible) {
          for (CoverageRun run : runs) {
            run.eligible(vars, element, index);
          }
        }
      }
    }
  }

  /** Counts an element the clause found eligible (or every element, without a clause). */
  private void eligible(Map<String, Object> vars, Map<String, Object> element, long index) {
    if (error != null) {
      return;
    }
    eligible++;
    try {
      if (check.covered().test(vars, budget)) {
        covered++;
      } else {
        uncovered.accept(element);
      }
    } catch (CheckFailedException e) {
      fail(at(check.of(), index, element) + ": " + e.getMessage());
    }
  }

  /** Where an element stands, for messages: {@code devices[17] (MAC-17)}. */
  static String at(Collection collection, long index, Map<String, Object> element) {
    String name = AffectedElements.name(element);
    return collection.section() + "[" + index + "]" + (name.isEmpty() ? "" : " (" + name + ")");
  }

  private void fail(String failure) {
    if (error == null) {
      error = failure;
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
