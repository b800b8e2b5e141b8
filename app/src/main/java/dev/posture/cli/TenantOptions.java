package dev.posture.cli;

import dev.posture.snapshot.SnapshotLocation;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

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

  /** The command these options are part of, whose other arguments tell a tenant and an id given the wrong way round. */
  @Spec(Spec.Target.MIXEE) CommandSpec command;

  TenantOptions(PostureCommand root) {
    this.root = root;
  }

  /**
   * For a command that only reads: a state file named with --state that does not exist is most
   * likely a typo, which would otherwise assess as if nothing had been decided. A command that
   * records a decision creates it.
   */
  void warnIfTheNamedStateIsMissing(PrintWriter err) {
    if (state != null && !Files.exists(state)) {
      Messages.warning(err, "the state file " + state + " does not exist; no decisions are applied (a command that records one creates it)");
    }
  }

  SnapshotLocation location() {
    if (tenant == null) {
      throw new UsageException("Missing required parameter: 'TENANT' (a tenant folder, a snapshot file or - for standard input)");
    }
    UsageHints.swapped(command).ifPresent(hint -> {
      throw new UsageException(hint);
    });
    return SnapshotLocation.resolve(tenant, Optional.ofNullable(state));
  }
}
