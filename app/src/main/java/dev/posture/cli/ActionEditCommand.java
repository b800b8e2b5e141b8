package dev.posture.cli;

import dev.posture.report.Printable;
import dev.posture.scoring.ActionResult;
import dev.posture.state.Decisions;
import dev.posture.state.State;
import dev.posture.state.StateStore;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * What every command that changes an action's state does: load and assess the tenant, check the
 * actor may edit, apply the change to the state file under its lock, and confirm in one line (a
 * plain line: there is no JSON of an edit).
 */
abstract class ActionEditCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin TenantOptions tenant;
  @Mixin CatalogOption catalog;
  @Mixin ActorOption actor;

  @Parameters(index = "1", paramLabel = "ID", completionCandidates = ActionIds.class, description = "The action's id.")
  String id;

  /** The change, applied to the state as read under the lock. */
  abstract State change(Decisions decisions, State state, Workspace workspace);

  /** The confirmation printed once the change is written (or found to change nothing). */
  abstract String confirmation(StateStore.Update update, ActionResult action);

  @Override
  public final Integer call() {
    Workspace workspace = Workspace.load(tenant, catalog);
    ActionResult action = workspace.action(id);
    Decisions decisions = workspace.decisions(action, actor);
    StateStore.Update update = workspace.store().update(state -> change(decisions, state, workspace));
    String line = update.changed() ? confirmation(update, action) + "; saved to " + workspace.stateFile() : id + ": nothing changed";
    spec.commandLine().getOut().println(Printable.line(line));
    return ExitCode.OK;
  }
}
