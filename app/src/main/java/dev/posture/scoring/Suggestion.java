package dev.posture.scoring;

import dev.posture.catalog.Status;

/** A status the tool proposes for an action, and why. */
public record Suggestion(String actionId, Status status, String reason) {}
