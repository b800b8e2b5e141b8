package dev.posture.state;

import java.time.LocalDate;

/**
 * A score to reach by a day, for one view: a key performance indicator, reviewed in git with the
 * decisions.
 *
 * @param view current, planned, currentLicense or achievable (one goal a view)
 * @param target the percentage to reach, 0 to 100
 * @param setBy who set it; {@code setAt} when (ISO date and time)
 */
public record Goal(String view, double target, LocalDate by, String setBy, String setAt) {}
