package dev.posture.tenant;

import dev.posture.graph.GraphExport;
import dev.posture.graph.GraphReader;
import dev.posture.input.InputException;
import dev.posture.snapshot.Snapshot;
import dev.posture.snapshot.SnapshotLoader;
import dev.posture.state.State;
import dev.posture.state.StateLoader;
import java.io.InputStream;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads what a tenant folder holds. Each part is checked as its own reader checks it (exit code 3
 * with file, line and path); and the parts must describe one tenant.
 */
public final class TenantLoader {

  /** @param stdin where a snapshot named {@code -} is read from */
  public Tenant load(TenantFolder folder, InputStream stdin) {
    Optional<CollectionRecord> collection = folder.collection().map(new CollectionReader()::read);
    Optional<Snapshot> snapshot = folder.snapshot()
        .map(location -> new SnapshotLoader().load(location, stdin))
        .map(s -> collection.map(c -> s.withNotCollected(c.notCollected())).orElse(s));
    Optional<GraphExport> secureScore = folder.hasSecureScore()
        ? Optional.of(new GraphReader().read(folder.secureScore()))
        : Optional.empty();
    State state = new StateLoader().load(folder.state());
    Tenant tenant = new Tenant(folder, snapshot, secureScore, collection, state);
    requireOneTenant(tenant);
    return tenant;
  }

  /** A snapshot of one tenant scored with another's Secure Score would be wrong without a word. */
  private static void requireOneTenant(Tenant tenant) {
    Optional<String> snapshotId = tenant.snapshot().map(s -> s.tenant().id());
    Optional<String> secureScoreId = tenant.secureScore().flatMap(GraphExport::newest).map(d -> d.tenantId()).filter(id -> !id.isBlank());
    if (snapshotId.isPresent() && secureScoreId.isPresent() && !same(snapshotId.get(), secureScoreId.get())) {
      throw new InputException(String.join(", ", tenant.folder().secureScore().stream().map(Object::toString).toList()),
          "Microsoft's Secure Score is of tenant " + secureScoreId.get() + ", but the snapshot describes tenant " + snapshotId.get()
              + "; a tenant folder holds one tenant");
    }
    Optional<String> recorded = tenant.collection().flatMap(CollectionRecord::tenantId);
    Optional<String> described = snapshotId.or(() -> secureScoreId);
    if (recorded.isPresent() && described.isPresent() && !same(recorded.get(), described.get())) {
      throw new InputException(tenant.collection().get().file(), "the collection is of tenant " + recorded.get() + ", but "
          + (snapshotId.isPresent() ? "the snapshot describes" : "Microsoft's Secure Score is of") + " tenant " + described.get()
          + "; a tenant folder holds one tenant");
    }
  }

  /** Tenant ids are GUIDs, whose case does not matter. */
  private static boolean same(String a, String b) {
    return a.toLowerCase(Locale.ROOT).equals(b.toLowerCase(Locale.ROOT));
  }
}
