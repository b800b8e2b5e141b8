package dev.posture.state;

import java.time.LocalDate;

/** A request to fix an action by a date, as sent to whoever does the work. */
public record RemediationRequest(
    String action, LocalDate due, String owner, String note, String requestedBy, String requestedAt) {}
