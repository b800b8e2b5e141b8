package dev.posture.store;

import dev.posture.scoring.Source;
import java.time.Instant;

/** A stored run: its id in the store, whose it is, when, and what produced it. */
public record Run(long id, String tenantId, Instant recordedAt, Source source) {}
