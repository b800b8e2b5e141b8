package dev.posture.tenant;

import dev.posture.graph.GraphExport;
import dev.posture.snapshot.Snapshot;
import dev.posture.state.State;
import java.util.Optional;

/**
 * A tenant's files, read: whatever was gathered about it.
 *
 * @param snapshot the configuration, with the sections {@code collection.json} records as not collected
 * @param secureScore Microsoft's Secure Score: the days and the control profiles
 * @param collection what the collection saw, when the folder records it
 * @param state what people decided (empty when there is no state file yet)
 */
public record Tenant(TenantFolder folder, Optional<Snapshot> snapshot, Optional<GraphExport> secureScore,
    Optional<CollectionRecord> collection, State state) {}
