package dev.posture.cli;

import dev.posture.catalog.Collection;
import dev.posture.report.Printable;
import dev.posture.snapshot.Snapshot;
import dev.posture.snapshot.SnapshotLoader;
import dev.posture.snapshot.SnapshotLocation;
import dev.posture.state.StateLoader;
import java.nio.file.Files;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(
    name = "validate",
    description = {
      "Check a snapshot against the snapshot schema, and the state file beside it when there is one.",
      "Prints a one-line summary, or the first problem with its file, line and JSON path (exit code 3)."
    },
    footerHeading = "%nExamples:%n",
    footer = {"  posture snapshot validate samples/fabrikam", "  posture snapshot validate export/snapshot.json"})
final class SnapshotValidateCommand implements Callable<Integer> {
  private final PostureCommand root;
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "FILE|FOLDER",
      description = "Snapshot file, tenant folder (snapshot.json or .yaml, and posture-state.yaml), or - for standard input.")
  String tenant;

  SnapshotValidateCommand(PostureCommand root) {
    this.root = root;
  }

  @Override
  public Integer call() {
    SnapshotLocation location = SnapshotLocation.resolve(tenant, Optional.empty());
    Snapshot snapshot = new SnapshotLoader().load(location, root.invocation.stdin());
    new StateLoader().load(location.state());
    String state = Files.exists(location.state()) ? "; " + location.state() + " is valid too" : "";
    Map<Collection, Long> counts = snapshot.counts();
    spec.commandLine().getOut().println(Printable.line(String.format("%s: valid, %s, %d users, %d devices, %d mailboxes, %d service plans%s",
        location.describe(), snapshot.tenant().displayName(), counts.get(Collection.USERS),
        counts.get(Collection.DEVICES), counts.get(Collection.MAILBOXES), snapshot.servicePlans().size(), state)));
    spec.commandLine().getOut().flush();
    return ExitCode.OK;
  }
}
