package dev.posture.scoring;

import dev.posture.catalog.Status;
import dev.posture.state.ActionState;
import dev.posture.state.State;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A risk acceptance or resolution whose review date has passed: the decision is due to be looked at
 * again.
 *
 * @param deviceGroup set for a device group exception; empty for the action's own status
 */
public record ExpiredReview(String actionId, Optional<String> deviceGroup, Status status, LocalDate reviewBy) {

  /** The decisions of {@code state} whose review date is before {@code today}, by action id. */
  public static List<ExpiredReview> of(State state, LocalDate today) {
    List<ExpiredReview> out = new ArrayList<>();
    new TreeMap<>(state.actions()).forEach((id, action) -> {
      action.reviewBy()
          .filter(date -> date.isBefore(today) && reviewable(action.status()))
          .ifPresent(date -> out.add(new ExpiredReview(id, Optional.empty(), action.status(), date)));
      for (ActionState.DeviceGroupException e : action.deviceGroupExceptions()) {
        e.reviewBy()
            .filter(date -> date.isBefore(today))
            .ifPresent(date -> out.add(new ExpiredReview(id, Optional.of(e.group()), e.status(), date)));
      }
    });
    return out;
  }

  private static boolean reviewable(Status status) {
    return status == Status.RISK_ACCEPTED || status.resolvedElsewhere();
  }

  /** One line for people, e.g. {@code mdo_blockmailforward: Risk accepted, review was due 2027-03-31}. */
  public String describe() {
    return actionId + deviceGroup.map(g -> " (device group " + g + ")").orElse("") + ": " + status.label() + ", review was due " + reviewBy;
  }
}
