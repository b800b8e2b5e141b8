package dev.posture.cli;

import dev.posture.snapshot.SnapshotLoader;
import dev.posture.snapshot.SnapshotLocation;
import dev.posture.snapshot.TenantInfo;
import dev.posture.input.InputException;
import dev.posture.store.HistoryStore;
import dev.posture.store.TenantSummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Parameters;

/** A tenant named on the command line as the store knows it: by its id or name there, or by its folder or snapshot. */
final class StoredTenant {
  @Parameters(index = "0", paramLabel = "TENANT", description = "A tenant folder or snapshot file, or the tenant's id or name in the store.")
  String tenant;

  TenantSummary resolve(HistoryStore store, Invocation invocation) {
    return resolve(store, tenant, invocation);
  }

  static TenantSummary resolve(HistoryStore store, String argument, Invocation invocation) {
    List<TenantSummary> known = store.tenants();
    Optional<TenantSummary> named = known.stream()
        .filter(t -> t.id().equalsIgnoreCase(argument) || t.displayName().equalsIgnoreCase(argument)).findFirst();
    if (named.isPresent()) {
      return named.get();
    }
    if (!Files.exists(Path.of(argument)) && !argument.equals("-")) {
      throw new InputException(argument, "no tenant of this id or name in " + store.name() + ", and no such folder or file"
          + (known.isEmpty() ? "; the store holds no tenant yet (assess --record stores one)"
              : "; it holds " + String.join(", ", known.stream().map(t -> t.id() + " (" + t.displayName() + ")").limit(5).toList())));
    }
    TenantInfo tenant = new SnapshotLoader().load(SnapshotLocation.resolve(argument, Optional.empty()), invocation.stdin()).tenant();
    return known.stream().filter(t -> t.id().toLowerCase(Locale.ROOT).equals(tenant.id().toLowerCase(Locale.ROOT))).findFirst()
        .orElse(new TenantSummary(tenant.id(), tenant.displayName(), 0, Optional.empty()));
  }
}
