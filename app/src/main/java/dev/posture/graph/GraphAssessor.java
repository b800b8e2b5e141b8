package dev.posture.graph;

import dev.posture.catalog.Action;
import dev.posture.catalog.Catalog;
import dev.posture.catalog.Category;
import dev.posture.catalog.Check;
import dev.posture.catalog.Level;
import dev.posture.catalog.Status;
import dev.posture.catalog.Tier;
import dev.posture.input.Node;
import dev.posture.scoring.Assessment;
import dev.posture.scoring.Coverage;
import dev.posture.scoring.ScoringEngine;
import dev.posture.snapshot.TenantInfo;
import dev.posture.state.ActionState;
import dev.posture.state.State;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Turns a Graph export into an assessment. Pure: no files, no output.
 *
 * <p>The newest day's controlScores are the actions: their points are Microsoft's, their max points
 * come from the control's profile, else from the catalogue entry of the same id, else from
 * Microsoft's published max points ({@link KnownControls}), else from score x 100 / scoreInPercentage
 * when that is above zero (that day, or any other day of the export). Controls for which none works
 * are left out of the totals and listed. Statuses come from the profiles' latest controlStateUpdates, overridden by
 * the local state file wherever it records the control. A control with fewer points than on the day
 * before is Regressed.
 */
public final class GraphAssessor {
  /** Graph-scored controls have no check of their own: Microsoft measured them. */
  private static final Check MEASURED_BY_MICROSOFT = new Check.MicrosoftOnly("measured by Microsoft Secure Score");

  private final Catalog catalog;
  private final KnownControls published;

  /** @param published max points and titles of controls the catalogue does not hold */
  public GraphAssessor(Catalog catalog, KnownControls published) {
    this.catalog = catalog;
    this.published = published;
  }

  public GraphAssessment assess(GraphExport export, State local) {
    DailyScore today = export.newest().orElseThrow();
    Set<String> plans = Licences.servicePlans(today.enabledServices());
    Map<String, Double> fromPercentages = maxFromPercentages(export);
    List<ScoringEngine.Measurement> measured = new ArrayList<>();
    List<GraphControl> controls = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    double missingPoints = 0;
    Map<String, ActionState> states = new LinkedHashMap<>();
    List<String> reviewed = new ArrayList<>();
    for (ControlScore c : today.controls()) {
      String id = ControlIds.bare(c.name());
      Optional<ControlProfile> profile = export.profile(c.name());
      Optional<Action> known = catalog.find(id);
      Max max = max(c, export, fromPercentages);
      profile.flatMap(ControlProfile::state).map(StateUpdate::state).ifPresent(s -> {
        Status status = status(s);
        states.put(id, new ActionState(status, List.of(), List.of(), Optional.empty(), List.of()));
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
      Action action = action(id, c, profile, known, max.value().getAsDouble());
      measured.add(new ScoringEngine.Measurement(action, c.score(), coverage(c), licensed(c, known, profile, plans, today)));
    }
    states.putAll(local.actions());
    reviewed.removeIf(local.actions()::containsKey);
    State merged = new State(states, local.remediationRequests());

    TenantInfo tenant = new TenantInfo(today.tenantId(), "Microsoft Secure Score", "",
        today.licensedUserCount() > 0 ? today.licensedUserCount() : null, today.createdDateTime());
    Assessment assessment = new ScoringEngine().assess(tenant, measured, merged, yesterday(export));
    return new GraphAssessment(assessment, today.reportedCurrent(), today.reportedMax(), List.copyOf(controls),
        List.copyOf(missing), missingPoints, List.copyOf(reviewed), today.enabledServices(), today.comparisons(),
        history(export, fromPercentages));
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
        if (c.scoreInPercentage().isPresent() && c.scoreInPercentage().getAsDouble() > 0) {
          max.putIfAbsent(ControlIds.key(c.name()), c.score() * 100 / c.scoreInPercentage().getAsDouble());
        }
      }
    }
    return max;
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
        known.map(Action::check).orElse(MEASURED_BY_MICROSOFT),
        Optional.empty(),
        new Action.Origin(profile.map(ControlProfile::source).orElse("Microsoft Graph"), 0));
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
      double max = 0;
      for (ControlScore c : day.controls()) {
        max += max(c, export, fromPercentages).value().orElse(0);
      }
      series.add(new History.Day(day.date(), day.points(), max));
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
