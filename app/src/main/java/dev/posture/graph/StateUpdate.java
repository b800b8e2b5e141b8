package dev.posture.graph;

/**
 * The latest of a control profile's {@code controlStateUpdates}: what someone decided about the
 * control in the portal, who, when and why.
 *
 * @param state Default, Ignored, ThirdParty or Reviewed
 * @param by the {@code updatedBy} UPN, or empty
 * @param at the {@code updatedDateTime}, or empty
 * @param comment the {@code comment}, or empty
 */
public record StateUpdate(String state, String by, String at, String comment) {}
