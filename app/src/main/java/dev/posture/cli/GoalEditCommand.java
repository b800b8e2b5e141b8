package dev.posture.cli;

import dev.posture.report.Printable;
import dev.posture.state.Stamp;
import dev.posture.state.State;
import dev.posture.state.StateStore;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What every command that changes goals or zones does: load the tenant, check the actor holds a
 * read-and-write role, apply the change to the state file under its lock (validated before it is
 * written), and confirm in one line.
 */
abstract class GoalEditCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin TenantOptions tenant;
  @Mixin CatalogOption catalog;
  @Mixin ActorOption actor;

  /** The change, applied to the state as read under the lock. */
  abstract State change(State state, Stamp stamp);

  /** What was done, for the confirmation. */
  abstract String done();

  @Override
  public final Integer call() {
    Workspace workspace = Workspace.load(tenant, catalog);
    Stamp stamp = workspace.editor(actor);
    StateStore.Update update = workspace.store().update(state -> change(state, stamp));
    String line = update.changed() ? done() + "; saved to " + workspace.stateFile() : "nothing changed";
    spec.commandLine().getOut().println(Printable.line(line));
    return ExitCode.OK;
  }
}
