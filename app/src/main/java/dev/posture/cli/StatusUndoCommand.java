package dev.posture.cli;

import dev.posture.scoring.ActionResult;
import dev.posture.state.Decisions;
import dev.posture.state.State;
import dev.posture.state.StateStore;
import picocli.CommandLine.Command;

@Command(
    name = "undo",
    description = {
      "Restore the status an action had before its last change. The undo is itself recorded in the history,",
      "so undoing twice brings the change back."
    },
    footerHeading = "%nExample:%n",
    footer = "  posture status undo samples/contoso BlockLegacyAuthentication")
final class StatusUndoCommand extends ActionEditCommand {
  @Override
  State change(Decisions decisions, State state, Workspace workspace) {
    return decisions.undo(state);
  }

  @Override
  String confirmation(StateStore.Update update, ActionResult action) {
    return id + ": " + update.before().of(id).status().label() + " -> " + update.after().of(id).status().label() + " (undone)";
  }
}
