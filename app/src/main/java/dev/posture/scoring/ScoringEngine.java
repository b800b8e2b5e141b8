package dev.posture.scoring;

import dev.posture.catalog.Action;
import dev.posture.catalog.Catalog;
import dev.posture.catalog.Category;
import dev.posture.catalog.Check;
import dev.posture.catalog.CheckFailedException;
import dev.posture.catalog.Collection;
import dev.posture.catalog.Expression;
import dev.posture.catalog.Status;
import dev.posture.snapshot.Snapshot;
import dev.posture.state.State;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Scores a catalogue against a snapshot and the recorded state. Pure: no files, no output.
 *
 * <p>Per action, the data gives points in [0, maxScore]: all or none for a binary check, maxScore x
 * covered / eligible for a coverage check, full points when {@code satisfiedBy} holds. The status then
 * decides what counts:
 *
 * <ol>
 *   <li>full points in the data: Completed, whatever was recorded;
 *   <li>recorded third party or alternate mitigation: full points;
 *   <li>a check that failed on the data: Error, no points;
 *   <li>fewer points than in the baseline: Regressed (unless the risk was accepted);
 *   <li>otherwise the recorded status (To address by default) with the data's points.
 * </ol>
 *
 * Coverage checks over the same collection are evaluated together in one pass over its elements, so
 * a collection is read once however many checks count over it.
 */
public final class ScoringEngine {

  /**
   * @param baseline points per action id from an earlier run; actions with fewer points now are
   *     Regressed
   */
  public Assessment assess(Catalog catalog, Snapshot snapshot, State state, Map<String, Double> baseline) {
    Map<String, Object> tenantVars = Map.of("tenant", snapshot.settings());
    Map<Action, Outcome> outcomes = new LinkedHashMap<>();
    Map<Collection, List<CoverageRun>> pending = new EnumMap<>(Collection.class);
    for (Action action : catalog.actions()) {
      Outcome satisfied = satisfiedBy(action.check(), tenantVars);
      if (satisfied != null) {
        outcomes.put(action, satisfied);
      } else if (action.check() instanceof Check.Binary binary) {
        outcomes.put(action, binary(binary, tenantVars));
      } else {
        Check.Coverage coverage = (Check.Coverage) action.check();
        CoverageRun run = new CoverageRun(action, coverage);
        pending.computeIfAbsent(coverage.of(), c -> new ArrayList<>()).add(run);
        outcomes.put(action, null);
      }
    }
    for (Map.Entry<Collection, List<CoverageRun>> entry : pending.entrySet()) {
      count(snapshot, entry.getKey(), entry.getValue());
    }
    for (List<CoverageRun> runs : pending.values()) {
      for (CoverageRun run : runs) {
        outcomes.replace(run.action, run.outcome());
      }
    }

    List<ActionResult> results = new ArrayList<>();
    for (Map.Entry<Action, Outcome> entry : outcomes.entrySet()) {
      results.add(result(entry.getKey(), entry.getValue(), snapshot, state, baseline));
    }
    results.sort(Ranking.ORDER);
    for (int i = 0; i < results.size(); i++) {
      results.set(i, results.get(i).withRank(i + 1));
    }
    return new Assessment(
        snapshot.tenant(),
        overall(results),
        byCategory(results),
        List.copyOf(results),
        suggestions(results, tenantVars),
        snapshot.secureScoreConnector());
  }

  private static Outcome satisfiedBy(Check check, Map<String, Object> vars) {
    Optional<Expression> condition = check.satisfiedBy();
    if (condition.isEmpty()) {
      return null;
    }
    try {
      return condition.get().test(vars) ? Outcome.SATISFIED : null;
    } catch (CheckFailedException e) {
      return Outcome.failed("satisfiedBy: " + e.getMessage());
    }
  }

  private static Outcome binary(Check.Binary check, Map<String, Object> vars) {
    try {
      return check.passes().test(vars) ? Outcome.PASSED : Outcome.NOT_PASSED;
    } catch (CheckFailedException e) {
      return Outcome.failed(e.getMessage());
    }
  }

  /** One pass over a collection, feeding each element to every coverage check that counts over it. */
  private static void count(Snapshot snapshot, Collection collection, List<CoverageRun> runs) {
    Map<String, Object> vars = new HashMap<>();
    vars.put("tenant", snapshot.settings());
    long[] index = {0};
    snapshot.elements().forEach(collection, element -> {
      vars.put(collection.element(), element);
      for (CoverageRun run : runs) {
        run.accept(vars, element, collection, index[0]);
      }
      index[0]++;
    });
  }

  private static ActionResult result(
      Action action, Outcome outcome, Snapshot snapshot, State state, Map<String, Double> baseline) {
    double max = action.maxScore();
    double dataPoints = outcome.error == null ? max * outcome.fraction : 0;
    Status recorded = state.of(action.id()).status();
    Status status;
    double points;
    if (outcome.error == null && outcome.complete) {
      status = Status.COMPLETED;
      points = max;
    } else if (recorded.resolvedElsewhere()) {
      status = recorded;
      points = max;
    } else if (outcome.error != null) {
      status = Status.ERROR;
      points = 0;
    } else {
      Double before = baseline.get(action.id());
      boolean regressed = before != null && dataPoints < before && recorded != Status.RISK_ACCEPTED;
      status = regressed ? Status.REGRESSED : recorded;
      points = dataPoints;
    }
    boolean licensed = snapshot.servicePlans().containsAll(action.licenses());
    boolean inOverall = action.counted() && (action.category() != Category.DEVICE || snapshot.secureScoreConnector());
    return new ActionResult(
        action,
        points,
        dataPoints,
        Optional.ofNullable(outcome.coverage),
        outcome.satisfied,
        status,
        recorded,
        Optional.ofNullable(outcome.error),
        licensed,
        inOverall,
        Ranking.value(action, max - points),
        0);
  }

  private static Scores overall(List<ActionResult> results) {
    Scores scores = Scores.ZERO;
    for (ActionResult r : results) {
      if (r.countedInOverall()) {
        scores = scores.plus(r);
      }
    }
    return scores;
  }

  private static List<CategoryScores> byCategory(List<ActionResult> results) {
    Map<Category, Scores> map = new EnumMap<>(Category.class);
    for (Category c : Category.values()) {
      map.put(c, Scores.ZERO);
    }
    for (ActionResult r : results) {
      if (r.action().counted()) {
        map.merge(r.category(), Scores.ZERO, (s, unused) -> s.plus(r));
      }
    }
    List<CategoryScores> out = new ArrayList<>();
    map.forEach((c, s) -> out.add(new CategoryScores(c, s)));
    return out;
  }

  private static List<Suggestion> suggestions(List<ActionResult> results, Map<String, Object> vars) {
    List<Suggestion> out = new ArrayList<>();
    for (ActionResult r : results) {
      Optional<Action.Suggestion> s = r.action().suggestion();
      if (s.isEmpty() || r.status() != Status.TO_ADDRESS) {
        continue;
      }
      try {
        if (s.get().when().test(vars)) {
          out.add(new Suggestion(r.id(), s.get().status(), s.get().reason()));
        }
      } catch (CheckFailedException e) {
        // A suggestion is advice: when its condition cannot be decided, there is simply none.
      }
    }
    return out;
  }

  /** What the data says about one action before its status is applied. */
  private record Outcome(double fraction, boolean complete, boolean satisfied, Coverage coverage, String error) {
    static final Outcome SATISFIED = new Outcome(1, true, true, null, null);
    static final Outcome PASSED = new Outcome(1, true, false, null, null);
    static final Outcome NOT_PASSED = new Outcome(0, false, false, null, null);

    static Outcome failed(String error) {
      return new Outcome(0, false, false, null, error);
    }

    static Outcome counted(Coverage coverage) {
      return new Outcome(coverage.fraction(), coverage.complete(), false, coverage, null);
    }
  }

  /** The running count of one coverage check during a pass over its collection. */
  private static final class CoverageRun {
    final Action action;
    final Check.Coverage check;
    long eligible;
    long covered;
    String error;

    CoverageRun(Action action, Check.Coverage check) {
      this.action = action;
      this.check = check;
    }

    void accept(Map<String, Object> vars, Map<String, Object> element, Collection collection, long index) {
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
        }
      } catch (CheckFailedException e) {
        error = collection.section() + "[" + index + "]" + name(element) + ": " + e.getMessage();
      }
    }

    Outcome outcome() {
      return error != null ? Outcome.failed(error) : Outcome.counted(new Coverage(covered, eligible));
    }

    private static String name(Map<String, Object> element) {
      String name = AffectedElements.name(element);
      return name.isEmpty() ? "" : " (" + name + ")";
    }
  }
}
