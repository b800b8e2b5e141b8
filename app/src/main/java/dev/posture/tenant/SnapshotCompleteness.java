package dev.posture.tenant;

import dev.posture.catalog.Catalog;
import dev.posture.catalog.Check;
import dev.posture.catalog.Status;
import dev.posture.input.InputException;
import dev.posture.scoring.ActionResult;
import dev.posture.scoring.Assessment;
import dev.posture.scoring.ScoringEngine;
import dev.posture.snapshot.Snapshot;
import dev.posture.state.State;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a valid snapshot leaves unassessed: the sections the catalogue's checks read that it does not
 * hold (or that a collection could not get), and the actions that are Not assessed for want of them.
 *
 * @param snapshot the snapshot as it is named in messages
 * @param absent each section not seen, by name
 * @param notAssessed how many actions are Not assessed for want of a section
 * @param microsoftOnly how many actions only Microsoft's Secure Score decides, whatever the snapshot holds
 */
public record SnapshotCompleteness(String snapshot, List<Absent> absent, int notAssessed, int microsoftOnly) {

  /**
   * One section the checks read that was not seen.
   *
   * @param notCollected why a collection could not get it, when one tried; empty when the snapshot
   *     simply does not have it
   * @param actions the actions Not assessed because of it
   */
  public record Absent(String section, Optional<String> notCollected, List<String> actions) {
    /** {@code absent}, or {@code not collected: REASON}. */
    public String state() {
      return notCollected.map(reason -> "not collected: " + reason).orElse("absent");
    }
  }

  public static SnapshotCompleteness of(Catalog catalog, Snapshot snapshot) {
    Assessment assessment = new ScoringEngine().assess(catalog, snapshot, State.EMPTY, Map.of());
    Map<String, List<String>> bySection = new TreeMap<>();
    int notAssessed = 0;
    int microsoftOnly = 0;
    for (ActionResult r : assessment.actions()) {
      Check check = r.action().check();
      if (check instanceof Check.MicrosoftOnly) {
        microsoftOnly++;
      } else if (r.status() == Status.NOT_ASSESSED) {
        notAssessed++;
        check.sections().stream().filter(s -> snapshot.notSeen(s).isPresent())
            .forEach(s -> bySection.computeIfAbsent(s, k -> new ArrayList<>()).add(r.id()));
      }
    }
    List<Absent> absent = new ArrayList<>();
    bySection.forEach((section, actions) ->
        absent.add(new Absent(section, Optional.ofNullable(snapshot.notCollected().get(section)), List.copyOf(actions))));
    return new SnapshotCompleteness(snapshot.source(), List.copyOf(absent), notAssessed, microsoftOnly);
  }

  /** True when every section the checks read was seen. */
  public boolean complete() {
    return absent.isEmpty();
  }

  /** For a strict check: absence is an error, naming each section, why, and how many actions it leaves unassessed. */
  public void requireComplete() {
    problem().ifPresent(p -> {
      throw new InputException(snapshot, p);
    });
  }

  private Optional<String> problem() {
    if (complete()) {
      return Optional.empty();
    }
    List<String> sections = absent.stream()
        .map(a -> a.section() + " (" + a.state() + ", " + count(a.actions().size()) + ")")
        .toList();
    return Optional.of(count(notAssessed) + " not assessed for want of " + (absent.size() == 1 ? "a section" : absent.size() + " sections")
        + " the catalogue reads: " + String.join(", ", sections));
  }

  private static String count(int actions) {
    return actions + (actions == 1 ? " action" : " actions");
  }
}
