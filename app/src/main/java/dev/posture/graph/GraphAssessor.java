package dev.posture.graph;

import dev.posture.catalog.Action;
import dev.posture.catalog.Catalog;
import dev.posture.catalog.Category;
import dev.posture.catalog.Check;
import dev.posture.catalog.Level;
import dev.posture.catalog.Status;
import dev.posture.catalog.Tier;
import dev.posture.input.Node;
import dev.posture.scoring.ActionResult;
import dev.posture.scoring.Assessment;
import dev.posture.scoring.Coverage;
import dev.posture.scoring.ScoringEngine;
import dev.posture.scoring.SourcePoints;
import dev.posture.snapshot.Snapshot;
import dev.posture.snapshot.TenantInfo;
import dev.posture.state.ActionState;
import dev.posture.state.State;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a Graph export into an assessment, alone or with a snapshot. Pure: no files, no output.
 *
 * <p>The newest day's controlScores are the actions: their points are Microsoft's, their max points
 * come from the control's profile, else from the catalogue entry of the same id, else from
 * Microsoft's published max points ({@link KnownControls}), else from score x 100 / scoreInPercentage
 * when that is above zero (that day, or any other day of the export). When the only controls left
 * without max points have no points either, and the day's maxScore is known, they share what is left
 * of it ({@link DerivedMax}); otherwise they are left out of the totals and listed. Statuses come from
 * the profiles' latest controlStateUpdates, overridden by the local state file wherever it records
 * the control. A control with fewer points than on the day before is Regressed.
 *
 * <p>With a snapshot, posture's own check decides each control it can (the catalogue has one, the
 * snapshot holds what it reads), Microsoft's points decide the rest, and the catalogue's actions
 * Microsoft does not score are shown without counting: the total stays Microsoft's maxScore. A
 * Defender secure configuration Microsoft scores ({@code scid_2090}) is checked on the devices'
 * {@code secureConfigurations} even when the catalogue does not hold it.
 */
public final class GraphAssessor {
  /** Graph-scored controls without a catalogue entry have no check of their own: Microsoft measured them. */
  private static final Check MEASURED_BY_MICROSOFT = new Check.MicrosoftOnly("posture's catalogue has no check for it");
  private static final Pattern CONFIGURATION = Pattern.compile("scid_(\\d+)", Pattern.CASE_INSENSITIVE);
  /** No control is worth more than this in Secure Score, so a larger derived share is no share. */
  private static final double MAX_POINTS_PER_CONTROL = 10;

  private final Catalog catalog;
  private final KnownControls published;

  /** @param published max points and titles of controls the catalogue does not hold */
  public GraphAssessor(Catalog catalog, KnownControls published) {
    this.catalog = catalog;
    this.published = published;
  }

  public GraphAssessment assess(GraphExport export, State local) {
    return assess(export, Optional.empty(), local, Map.of());
  }

  /**
   * @param snapshot the tenant's configuration, for posture's checks
   * @param baseline points per action from an earlier run of posture's checks
   */
  public GraphAssessment assess(GraphExport export, Optional<Snapshot> snapshot, State local, Map<String, Double> baseline) {
    DailyScore today = export.newest().orElseThrow();
    Set<String> plans = Licences.servicePlans(today.enabledServices());
    Map<String, Double> fromPercentages = maxFromPercentages(export);
    Map<String, Max> maxes = maxes(today, export, fromPercentages);
    Optional<DerivedMax> derived = derivedMax(today, maxes);
    Map<String, Double> before = yesterday(export);
    List<Action> actions = new ArrayList<>();
    Map<String, ScoringEngine.Measurement> measured = new LinkedHashMap<>();
    List<GraphControl> controls = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    double missingPoints = 0;
    Map<String, ActionState> states = new LinkedHashMap<>();
    List<String> reviewed = new ArrayList<>();
    for (ControlScore c : today.controls()) {
      String id = ControlIds.bare(c.name());
      Optional<ControlProfile> profile = export.profile(c.name());
      Optional<Action> known = catalog.find(id);
      Max max = maxes.get(c.name());
      if (max.value().isEmpty() && derived.isPresent()) {
        max = new Max(OptionalDouble.of(derived.get().each()), "derived");
      }
      profile.flatMap(ControlProfile::state).map(StateUpdate::state).ifPresent(s -> {
        states.put(id, new ActionState(status(s), List.of(), List.of(), Optional.empty(), List.of()));
        if (s.equalsIgnoreCase("Reviewed")) {
          reviewed.add(id);
        }
      });
      controls.add(new GraphControl(id, c.name(), c.category(), c.score(),
          max.value().isPresent() ? Optional.of(max.value().getAsDouble()) : Optional.empty(), max.source(),
          levelLabel(profile.flatMap(ControlProfile::implementationCost), known.map(Action::implementationCost)),
          levelLabel(profile.flatMap(ControlProfile::userImpact), known.map(Action::userImpact)),
          profile.flatMap(ControlProfile::state).map(StateUpdate::state), c.implementationStatus()));
      if (max.value().isEmpty()) {
        missing.add(id);
        missingPoints += c.score();
        continue;
      }
      actions.add(action(id, c, profile, known, max.value().getAsDouble()));
      boolean inCategory = !max.source().equals("derived") || derived.get().category().isPresent();
      measured.put(id, new ScoringEngine.Measurement(c.score(), coverage(c), licensed(c, known, profile, plans, today),
          Optional.ofNullable(before.get(id)), inCategory));
    }
    if (snapshot.isPresent()) {
      catalog.actions().stream().filter(a -> !measured.containsKey(a.id())).forEach(actions::add);
    }
    Map<String, ActionState> portal = Map.copyOf(states);
    states.putAll(local.actions());
    reviewed.removeIf(local.actions()::containsKey);
    State merged = local.withActions(states);

    TenantInfo tenant = new TenantInfo(today.tenantId(), "Microsoft Secure Score", "",
        today.licensedUserCount() > 0 ? today.licensedUserCount() : null, today.createdDateTime());
    Assessment assessment = new ScoringEngine().assess(new Catalog(actions, catalog.sources()), snapshot,
        Optional.of(new ScoringEngine.MicrosoftScores(tenant, today.date(), measured)), merged, baseline);
    return new GraphAssessment(assessment, today.reportedCurrent(), today.reportedMax(), List.copyOf(controls),
        List.copyOf(missing), missingPoints, derived, unscoredResolutions(assessment, portal, local), List.copyOf(reviewed),
        today.enabledServices(), today.comparisons(), history(export, fromPercentages));
  }

  /** Each control's max points on one day, by its name as Graph writes it. */
  private Map<String, Max> maxes(DailyScore day, GraphExport export, Map<String, Double> fromPercentages) {
    Map<String, Max> maxes = new LinkedHashMap<>();
    for (ControlScore c : day.controls()) {
      maxes.put(c.name(), max(c, export, fromPercentages));
    }
    return maxes;
  }

  /**
   * The max points of the controls nobody says the worth of, when they can be told: every one of them
   * has no points, the day's maxScore is known, and what is left of it is no more than they could be worth.
   */
  private static Optional<DerivedMax> derivedMax(DailyScore today, Map<String, Max> maxes) {
    List<ControlScore> unknown = today.controls().stream().filter(c -> maxes.get(c.name()).value().isEmpty()).toList();
    if (unknown.isEmpty() || Double.isNaN(today.reportedMax()) || unknown.stream().anyMatch(c -> c.score() != 0)) {
      return Optional.empty();
    }
    double knownMax = maxes.values().stream().mapToDouble(m -> m.value().orElse(0)).sum();
    double left = today.reportedMax() - knownMax;
    if (left <= 0 || left > MAX_POINTS_PER_CONTROL * unknown.size()) {
      return Optional.empty();
    }
    Set<Category> categories = new HashSet<>();
    unknown.forEach(c -> categories.add(category(c.category())));
    return Optional.of(new DerivedMax(unknown.stream().map(c -> ControlIds.bare(c.name())).toList(), left, today.reportedMax(),
        categories.size() == 1 ? categories.stream().findFirst() : Optional.empty()));
  }

  /**
   * Resolutions (third party, alternate mitigation) counting points Microsoft's score does not give,
   * as recorded in the portal ({@code portal}) or in the state file ({@code local}).
   */
  private static List<UnscoredResolution> unscoredResolutions(Assessment assessment, Map<String, ActionState> portal, State local) {
    List<UnscoredResolution> out = new ArrayList<>();
    for (ActionResult r : assessment.actions()) {
      Optional<SourcePoints> microsoft = r.sources().microsoft();
      if (r.status().resolvedElsewhere() && microsoft.isPresent() && microsoft.get().points() < r.points()) {
        boolean inPortal = !local.actions().containsKey(r.id()) && portal.containsKey(r.id());
        out.add(new UnscoredResolution(r.id(), r.status(), inPortal, microsoft.get().points(), r.points()));
      }
    }
    return List.copyOf(out);
  }

  /**
   * A control with points is licensed; else its catalogue entry's service plans decide, else its
   * profile's service, else it is taken as licensed (Microsoft listed it for this tenant).
   */
  private static boolean licensed(
      ControlScore c, Optional<Action> known, Optional<ControlProfile> profile, Set<String> plans, DailyScore today) {
    if (c.score() > 0) {
      return true;
    }
    if (known.isPresent()) {
      return plans.containsAll(known.get().licenses());
    }
    return profile.map(p -> Licences.serviceEnabled(p.service(), today.enabledServices())).orElse(true);
  }

  private static Optional<Coverage> coverage(ControlScore c) {
    return c.count().isPresent() && c.total().isPresent()
        ? Optional.of(new Coverage((long) c.count().getAsDouble(), (long) c.total().getAsDouble()))
        : Optional.empty();
  }

  /** A control's max points, and where they came from. */
  private record Max(OptionalDouble value, String source) {}

  private Max max(ControlScore c, GraphExport export, Map<String, Double> fromPercentages) {
    Optional<ControlProfile> profile = export.profile(c.name());
    if (profile.isPresent()) {
      return new Max(OptionalDouble.of(profile.get().maxScore()), "profile");
    }
    Optional<Action> known = catalog.find(ControlIds.bare(c.name()));
    if (known.isPresent()) {
      return new Max(OptionalDouble.of(known.get().maxScore()), "catalogue");
    }
    Optional<KnownControls.Control> listed = published.find(c.name());
    if (listed.isPresent()) {
      return new Max(OptionalDouble.of(listed.get().maxScore()), "published");
    }
    Double derived = fromPercentages.get(ControlIds.key(c.name()));
    return derived != null ? new Max(OptionalDouble.of(derived), "percentage") : new Max(OptionalDouble.empty(), "unknown");
  }

  /**
   * Max points as score x 100 / scoreInPercentage, per control key, from the newest day on which the
   * control had points: a control at zero today may have scored before.
   */
  private static Map<String, Double> maxFromPercentages(GraphExport export) {
    Map<String, Double> max = new HashMap<>();
    for (int i = export.days().size() - 1; i >= 0; i--) {
      for (ControlScore c : export.days().get(i).controls()) {
        if (c.scoreInPercentage().isPresent()) {
          maxFromPercentage(c.score(), c.scoreInPercentage().getAsDouble())
              .ifPresent(value -> max.putIfAbsent(ControlIds.key(c.name()), value));
        }
      }
    }
    return max;
  }

  /**
   * A control's max points from one day's score and its share of them: only from points earned (0 of
   * any share says nothing), rounded to hundredths as Microsoft's points are, and only when they come
   * out within a control's 10 (6.67 at 66.67 % is 10.004: rounding; 10 at 50 % is no real control).
   */
  static OptionalDouble maxFromPercentage(double score, double percent) {
    if (score <= 0 || percent <= 0) {
      return OptionalDouble.empty();
    }
    double max = Math.round(score * 100 / percent * 100) / 100.0;
    return max <= 10.05 ? OptionalDouble.of(Math.min(max, 10)) : OptionalDouble.empty();
  }

  private Action action(
      String id, ControlScore c, Optional<ControlProfile> profile, Optional<Action> known, double max) {
    Category category = category(c.category());
    return new Action(
        id,
        profile.map(ControlProfile::title).or(() -> known.map(Action::title))
            .or(() -> published.find(id).map(KnownControls.Control::title)).orElse(id),
        category,
        known.filter(a -> a.category() == category).flatMap(Action::deviceCategory),
        profile.map(ControlProfile::service).filter(s -> !s.isEmpty()).or(() -> known.map(Action::product)).orElse(""),
        max,
        true,
        false,
        profile.flatMap(ControlProfile::tier).or(() -> known.map(Action::tier)).orElse(Tier.CORE),
        level(profile.flatMap(ControlProfile::implementationCost), known.map(Action::implementationCost)),
        level(profile.flatMap(ControlProfile::userImpact), known.map(Action::userImpact)),
        profile.map(ControlProfile::threats).or(() -> known.map(Action::threats)).orElse(List.of()),
        known.map(Action::licenses).orElse(List.of()),
        known.map(Action::usersAffected).orElse(""),
        known.map(Action::prerequisites).orElse(List.of()),
        profile.map(ControlProfile::remediation).filter(r -> !r.isEmpty()).map(List::of)
            .or(() -> known.map(Action::remediation)).orElse(List.of()),
        profile.map(ControlProfile::actionUrl).filter(u -> !u.isEmpty()).or(() -> known.map(Action::actionUrl)).orElse(""),
        known.map(Action::learnMore).orElse(List.of()),
        known.map(Action::check).orElseGet(() -> check(id)),
        Optional.empty(),
        new Action.Origin(profile.map(ControlProfile::source).orElse("Microsoft Graph"), 0));
  }

  /** A Defender secure configuration is checked on the devices; any other control only Microsoft measures. */
  private static Check check(String id) {
    Matcher configuration = CONFIGURATION.matcher(id);
    return configuration.matches()
        ? new Check.Configuration("scid-" + configuration.group(1), Optional.empty())
        : MEASURED_BY_MICROSOFT;
  }

  /**
   * Graph's category; Infrastructure (which no control has used in the exports seen so far) counts under
   * Device, where server and network hardening is scored. The reader has checked the spelling.
   */
  private static Category category(String text) {
    return text.equalsIgnoreCase("Infrastructure") ? Category.DEVICE : Node.match(text, Category.values()).orElseThrow();
  }

  /** Unknown cost or impact ranks as Moderate, the middle of the scale. */
  private static Level level(Optional<Level> fromProfile, Optional<Level> fromCatalogue) {
    return fromProfile.or(() -> fromCatalogue).orElse(Level.MODERATE);
  }

  private static String levelLabel(Optional<Level> fromProfile, Optional<Level> fromCatalogue) {
    return fromProfile.or(() -> fromCatalogue).map(Level::label).orElse("Unknown");
  }

  /**
   * Portal states: Ignored = risk accepted, ThirdParty = resolved through third party; Default and
   * Reviewed (looked at, nothing decided) = to address.
   */
  static Status status(String state) {
    return switch (Node.normalize(state)) {
      case "ignored" -> Status.RISK_ACCEPTED;
      case "thirdparty" -> Status.THIRD_PARTY;
      default -> Status.TO_ADDRESS;
    };
  }

  /** Each control's points on the day before the newest; empty when there is only one day. */
  private static Map<String, Double> yesterday(GraphExport export) {
    Map<String, Double> points = new HashMap<>();
    if (export.days().size() > 1) {
      for (ControlScore c : export.days().get(export.days().size() - 2).controls()) {
        points.put(ControlIds.bare(c.name()), c.score());
      }
    }
    return points;
  }

  private History history(GraphExport export, Map<String, Double> fromPercentages) {
    List<History.Day> series = new ArrayList<>();
    for (DailyScore day : export.days()) {
      Map<String, Max> maxes = maxes(day, export, fromPercentages);
      double max = maxes.values().stream().mapToDouble(m -> m.value().orElse(0)).sum();
      series.add(new History.Day(day.date(), day.points(), max + derivedMax(day, maxes).map(DerivedMax::points).orElse(0.0)));
    }
    List<History.Change> risen = new ArrayList<>();
    List<History.Change> fallen = new ArrayList<>();
    Map<String, Double> before = yesterday(export);
    if (!before.isEmpty()) {
      for (ControlScore c : export.newest().orElseThrow().controls()) {
        String id = ControlIds.bare(c.name());
        double was = before.getOrDefault(id, 0.0);
        if (c.score() > was) {
          risen.add(new History.Change(id, was, c.score()));
        } else if (c.score() < was) {
          fallen.add(new History.Change(id, was, c.score()));
        }
      }
    }
    return new History(List.copyOf(series), List.copyOf(risen), List.copyOf(fallen));
  }
}
