package dev.posture.catalog;

import java.util.List;
import java.util.Optional;

/**
 * One improvement action of the catalogue.
 *
 * @param id stable id; Microsoft's control name where one exists, so Graph exports line up
 * @param deviceCategory set for Device actions only
 * @param scored false for "Not scored" actions: shown, never counted
 * @param licenses service plans the action needs (all of them); empty means any tenant
 * @param origin where the action is defined, for messages
 */
public record Action(
    String id,
    String title,
    Category category,
    Optional<DeviceCategory> deviceCategory,
    String product,
    double maxScore,
    boolean scored,
    boolean deprecated,
    Tier tier,
    Level implementationCost,
    Level userImpact,
    List<String> threats,
    List<String> licenses,
    String usersAffected,
    List<String> prerequisites,
    List<String> remediation,
    String actionUrl,
    List<String> learnMore,
    Check check,
    Optional<Suggestion> suggestion,
    Origin origin) {

  /**
   * The id's hash: actions are the keys of the scoring's maps, and a record's own hash would walk every
   * field (titles, steps, links, checks) at each lookup. Equal actions have equal ids, so it agrees with equals.
   */
  @Override
  public int hashCode() {
    return id.hashCode();
  }

  /** Scored and not deprecated: part of the totals. */
  public boolean counted() {
    return scored && !deprecated;
  }

  /** Where in the catalogue an action is written. */
  public record Origin(String file, int line) {
    @Override
    public String toString() {
      return line > 0 ? file + ":" + line : file;
    }
  }

  /**
   * A status the tool proposes when a condition holds, e.g. alternate mitigation for the risk policies
   * when security defaults are on.
   */
  public record Suggestion(Expression when, Status status, String reason) {}
}
