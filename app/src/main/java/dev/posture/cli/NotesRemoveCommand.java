package dev.posture.cli;

import dev.posture.scoring.ActionResult;
import dev.posture.state.Decisions;
import dev.posture.state.State;
import dev.posture.state.StateStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "remove", description = "Remove a note from an action, by the number 'actions show' gives it.", footerHeading = "%nExample:%n",
    footer = "  posture notes remove samples/contoso BlockLegacyAuthentication 1")
final class NotesRemoveCommand extends ActionEditCommand {
  @Parameters(index = "2", paramLabel = "NUMBER", converter = ValueConverters.Ordinal.class, description = "The note's number, from 1, as 'actions show' lists it.")
  int number;

  @Override
  State change(Decisions decisions, State state, Workspace workspace) {
    return decisions.removeNote(state, number);
  }

  @Override
  String confirmation(StateStore.Update update, ActionResult action) {
    return id + ": note " + number + " removed";
  }
}
