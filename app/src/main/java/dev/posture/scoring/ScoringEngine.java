package dev.posture.scoring;

import dev.posture.catalog.Action;
import dev.posture.catalog.Catalog;
import dev.posture.catalog.Category;
import dev.posture.catalog.Check;
import dev.posture.catalog.CheckFailedException;
import dev.posture.catalog.Expression;
import dev.posture.catalog.Status;
import dev.posture.snapshot.Snapshot;
import dev.posture.snapshot.TenantInfo;
import dev.posture.state.State;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Scores a catalogue against a snapshot, Microsoft's Secure Score, or both, and the recorded state.
 * Pure: no files, no output.
 *
 * <p>Per action, the data gives points in [0, maxScore]: all or none for a binary check, maxScore x
 * covered / eligible for a coverage check, full points when {@code satisfiedBy} holds. With
 * Microsoft's scores, posture's check decides when it could (the snapshot holds what it reads);
 * otherwise Microsoft's points do, and an action Microsoft does not score counts in no total. The
 * status then decides what counts:
 *
 * <ol>
 *   <li>full points in the data: Completed, whatever was recorded;
 *   <li>recorded third party or alternate mitigation: full points;
 *   <li>a check that failed on the data: Error, no points;
 *   <li>a check whose data was not seen (a section the snapshot lacks, or one a collection could not
 *       get): Not assessed, no points, still in the totals;
 *   <li>fewer points than in the baseline: Regressed (unless the risk was accepted);
 *   <li>otherwise the recorded status (To address by default) with the data's points.
 * </ol>
 *
 * Coverage checks over the same collection are evaluated together in one pass over its elements, so
 * a collection is read once however many checks count over it.
 */
public final class ScoringEngine {

  /**
   * Scores a snapshot alone.
   *
   * @param baseline points per action id from an earlier run; actions with fewer points now are
   *     Regressed
   */
  public Assessment assess(Catalog catalog, Snapshot snapshot, State state, Map<String, Double> baseline) {
    return assess(catalog, Optional.of(snapshot), Optional.empty(), state, baseline);
  }

  /**
   * Scores every action of {@code catalog} from the snapshot, Microsoft's scores, or both; at least
   * one must be given.
   *
   * @param baseline points per action id from an earlier run of posture's checks; an action
   *     Microsoft decides is compared with Microsoft's own day before instead
   */
  public Assessment assess(Catalog catalog, Optional<Snapshot> snapshot, Optional<MicrosoftScores> microsoft, State state,
      Map<String, Double> baseline) {
    if (snapshot.isEmpty() && microsoft.isEmpty()) {
      throw new IllegalArgumentException("nothing to assess: neither a snapshot nor Microsoft's scores");
    }
    Map<Action, Outcome> posture = snapshot.map(s -> outcomes(catalog, s)).orElse(Map.of());
    List<ActionResult> results = new ArrayList<>();
    for (Action action : catalog.actions()) {
      results.add(result(action, posture.get(action), snapshot, microsoft, state, baseline));
    }
    rank(results);
    List<Source> sources = new ArrayList<>();
    snapshot.ifPresent(s -> sources.add(Source.POSTURE));
    microsoft.ifPresent(m -> sources.add(Source.MICROSOFT));
    TenantInfo tenant = snapshot.map(Snapshot::tenant).orElseGet(() -> microsoft.get().tenant());
    List<Suggestion> suggestions = snapshot.map(s -> suggestions(results, Map.of("tenant", s.settings()))).orElse(List.of());
    return new Assessment(tenant, overall(results), byCategory(results), List.copyOf(results), suggestions,
        true, List.copyOf(sources));
  }

  /**
   * Microsoft's Secure Score for one day.
   *
   * @param tenant who the scores describe, used when there is no snapshot
   * @param asOf the day, {@code yyyy-MM-dd}
   * @param controls Microsoft's measurement of each action it scores, by action id
   */
  public record MicrosoftScores(TenantInfo tenant, String asOf, Map<String, Measurement> controls) {}

  /**
   * Microsoft's measurement of one action.
   *
   * @param licensed whether Microsoft's licence flags give the tenant what the action needs
   * @param before Microsoft's points on the day before, when it scored the action then
   * @param countedInCategory false when the action's max points are known only as part of a total
   *     spread over several categories
   */
  public record Measurement(double points, Optional<Coverage> coverage, boolean licensed, Optional<Double> before,
      boolean countedInCategory) {}

  /** What posture's checks say about every action, before any status: each collection is read in one pass. */
  private static Map<Action, Outcome> outcomes(Catalog catalog, Snapshot snapshot) {
    Map<String, Object> tenantVars = Map.of("tenant", snapshot.settings());
    Map<Action, Outcome> outcomes = new LinkedHashMap<>();
    Map<Action, CoverageRun> runs = new LinkedHashMap<>();
    Map<Action, ConfigurationRun> configurationRuns = new LinkedHashMap<>();
    for (Action action : catalog.actions()) {
      Check check = action.check();
      Outcome satisfied = satisfiedBy(check, tenantVars, snapshot);
      Optional<String> unreadable = unreadable(check, snapshot);
      if (satisfied != null) {
        outcomes.put(action, satisfied);
      } else if (unreadable.isPresent()) {
        outcomes.put(action, Outcome.notAssessed(unreadable.get()));
      } else if (check instanceof Check.Binary binary) {
        outcomes.put(action, explained(binary(binary, tenantVars), check, snapshot));
      } else if (check instanceof Check.Configuration configuration) {
        configurationRuns.put(action, new ConfigurationRun(configuration));
      } else {
        runs.put(action, new CoverageRun((Check.Coverage) check));
      }
    }
    CoverageRun.count(snapshot, List.copyOf(runs.values()), List.copyOf(configurationRuns.values()));
    runs.forEach((action, run) -> outcomes.put(action, explained(
        run.error().map(Outcome::failed).orElseGet(() -> Outcome.counted(run.coverage())), action.check(), snapshot)));
    configurationRuns.forEach((action, run) ->
        outcomes.put(action, run.error().map(Outcome::failed).orElseGet(() -> Outcome.counted(run.coverage()))));
    return outcomes;
  }

  /**
   * Full points when the check's {@code satisfiedBy} holds. It can only add points, so when it cannot
   * be decided for want of a section that was not seen, the rest of the check decides.
   */
  private static Outcome satisfiedBy(Check check, Map<String, Object> vars, Snapshot snapshot) {
    Optional<Expression> condition = check.satisfiedBy();
    if (condition.isEmpty()) {
      return null;
    }
    try {
      return condition.get().test(vars) ? Outcome.SATISFIED : null;
    } catch (CheckFailedException e) {
      return firstNotSeen(condition.get().sections(), snapshot).isPresent() ? null : Outcome.failed("satisfiedBy: " + e.getMessage());
    }
  }

  /** Why nothing can be decided before the check runs: no data of its own, or its collection not seen. */
  private static Optional<String> unreadable(Check check, Snapshot snapshot) {
    if (check instanceof Check.MicrosoftOnly microsoftOnly) {
      return Optional.of("only Microsoft's Secure Score decides this action: " + microsoftOnly.reason());
    }
    return check.collection().flatMap(c -> snapshot.notSeen(c.section()));
  }

  /** A check that failed while a section it reads was not seen was not assessed, rather than in error. */
  private static Outcome explained(Outcome outcome, Check check, Snapshot snapshot) {
    if (outcome.error == null) {
      return outcome;
    }
    return firstNotSeen(check.sections(), snapshot).map(Outcome::notAssessed).orElse(outcome);
  }

  private static Optional<String> firstNotSeen(Set<String> sections, Snapshot snapshot) {
    for (String section : sections) {
      Optional<String> reason = snapshot.notSeen(section);
      if (reason.isPresent()) {
        return reason;
      }
    }
    return Optional.empty();
  }

  private static Outcome binary(Check.Binary check, Map<String, Object> vars) {
    try {
      return check.passes().test(vars) ? Outcome.PASSED : Outcome.NOT_PASSED;
    } catch (CheckFailedException e) {
      return Outcome.failed(e.getMessage());
    }
  }

  /**
   * One action from what posture's check said ({@code posture}, null without a snapshot) and what
   * Microsoft measured: posture decides when its check could; otherwise Microsoft, when it scores the action.
   */
  private static ActionResult result(Action action, Outcome posture, Optional<Snapshot> snapshot,
      Optional<MicrosoftScores> microsoft, State state, Map<String, Double> baseline) {
    Measurement measured = microsoft.map(m -> m.controls().get(action.id())).orElse(null);
    if (posture == null && measured == null) {
      throw new IllegalArgumentException(action.id() + " has neither a snapshot to check nor Microsoft's points");
    }
    boolean postureDecides = measured == null || posture != null && posture.decided();
    Sources sources = new Sources(
        postureDecides ? Source.POSTURE : Source.MICROSOFT,
        Optional.ofNullable(posture).filter(Outcome::decided)
            .map(o -> new SourcePoints(action.maxScore() * o.fraction, Optional.ofNullable(o.coverage), Optional.empty())),
        Optional.ofNullable(measured).map(m -> new SourcePoints(m.points(), m.coverage(), Optional.of(microsoft.get().asOf()))),
        Optional.ofNullable(posture).filter(o -> !o.decided()).map(o -> o.error != null ? o.error : o.notSeen),
        microsoft.isPresent() && measured == null);
    boolean inOverall = action.counted() && (microsoft.isEmpty() || measured != null);
    boolean inCategory = action.counted() && (microsoft.isEmpty() || measured != null && measured.countedInCategory());
    if (!postureDecides) {
      Outcome byMicrosoft = new Outcome(0, false, false, measured.coverage().orElse(null), null, null);
      return decide(action, measured.points(), measured.points() >= action.maxScore(), byMicrosoft, state, measured.before(),
          measured.licensed(), inOverall, inCategory, sources);
    }
    double dataPoints = posture.decided() ? action.maxScore() * posture.fraction : 0;
    boolean licensed = measured != null ? measured.licensed() : snapshot.get().servicePlans().containsAll(action.licenses());
    return decide(action, dataPoints, posture.decided() && posture.complete, posture, state,
        Optional.ofNullable(baseline.get(action.id())), licensed, inOverall, inCategory, sources);
  }

  /** @param before the points of an earlier run, to tell a regression */
  private static ActionResult decide(Action action, double dataPoints, boolean complete, Outcome outcome, State state,
      Optional<Double> before, boolean licensed, boolean inOverall, boolean inCategory, Sources sources) {
    double max = action.maxScore();
    Status recorded = state.of(action.id()).status();
    Status status;
    double points;
    if (complete) {
      status = Status.COMPLETED;
      points = max;
    } else if (recorded.resolvedElsewhere()) {
      status = recorded;
      points = max;
    } else if (outcome.error != null) {
      status = Status.ERROR;
      points = 0;
    } else if (outcome.notSeen != null) {
      status = Status.NOT_ASSESSED;
      points = 0;
    } else {
      boolean regressed = before.isPresent() && dataPoints < before.get() && recorded != Status.RISK_ACCEPTED;
      status = regressed ? Status.REGRESSED : recorded;
      points = dataPoints;
    }
    return new ActionResult(
        action,
        points,
        dataPoints,
        Optional.ofNullable(outcome.coverage),
        outcome.satisfied,
        status,
        recorded,
        Optional.ofNullable(outcome.error),
        Optional.ofNullable(outcome.notSeen),
        licensed,
        inOverall,
        inCategory,
        sources,
        inOverall || inCategory ? Ranking.value(action, max - points) : 0,
        0);
  }

  private static void rank(List<ActionResult> results) {
    results.sort(Ranking.ORDER);
    for (int i = 0; i < results.size(); i++) {
      results.set(i, results.get(i).withRank(i + 1));
    }
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
      if (r.countedInCategory()) {
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

  /**
   * What the data says about one action before its status is applied.
   *
   * @param error why the check failed on the data
   * @param notSeen why the data the check reads was not seen
   */
  private record Outcome(double fraction, boolean complete, boolean satisfied, Coverage coverage, String error, String notSeen) {
    static final Outcome SATISFIED = new Outcome(1, true, true, null, null, null);
    static final Outcome PASSED = new Outcome(1, true, false, null, null, null);
    static final Outcome NOT_PASSED = new Outcome(0, false, false, null, null, null);

    static Outcome failed(String error) {
      return new Outcome(0, false, false, null, error, null);
    }

    static Outcome notAssessed(String reason) {
      return new Outcome(0, false, false, null, null, reason);
    }

    static Outcome counted(Coverage coverage) {
      return new Outcome(coverage.fraction(), coverage.complete(), false, coverage, null, null);
    }

    boolean decided() {
      return error == null && notSeen == null;
    }
  }
}
