package dev.posture.cli;

import dev.posture.snapshot.SnapshotLocation;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The tenant to work on: a tenant folder, a snapshot file or {@code -}, and its state file. */
final class TenantOptions {
  final PostureCommand root;

  /** Optional for picocli so that a command may offer another source (assess --graph); required by {@link #location}. */
  @Parameters(index = "0", arity = "0..1", paramLabel = "TENANT",
      description = "Tenant folder (snapshot.json or .yaml, and posture-state.yaml), a snapshot file, or - for standard input.")
  String tenant;

  @Option(names = "--state", paramLabel = "FILE",
      description = "State file (default: posture-state.yaml beside the snapshot).")
  Path state;

  TenantOptions(PostureCommand root) {
    this.root = root;
  }

  SnapshotLocation location() {
    if (tenant == null) {
      throw new UsageException("Missing required parameter: 'TENANT' (a tenant folder, a snapshot file or - for standard input)");
    }
    return SnapshotLocation.resolve(tenant, Optional.ofNullable(state));
  }
}
