package dev.posture.store;

import java.time.Instant;
import java.util.Optional;

/** A tenant the store knows, with how many runs it holds (posture's and Microsoft's) and the newest. */
public record TenantSummary(String id, String displayName, int runs, Optional<Instant> lastRecorded) {}
