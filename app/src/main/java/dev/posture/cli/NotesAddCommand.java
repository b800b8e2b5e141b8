package dev.posture.cli;

import dev.posture.scoring.ActionResult;
import dev.posture.state.Decisions;
import dev.posture.state.State;
import dev.posture.state.StateStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "add", description = "Add a note to an action.", footerHeading = "%nExample:%n",
    footer = "  posture notes add samples/contoso scid_69 'Kiosks need Autoplay for badges'")
final class NotesAddCommand extends ActionEditCommand {
  @Parameters(index = "2", paramLabel = "TEXT", description = "The note.")
  String text;

  @Override
  State change(Decisions decisions, State state, Workspace workspace) {
    return decisions.addNote(state, text.strip());
  }

  @Override
  String confirmation(StateStore.Update update, ActionResult action) {
    return id + ": note " + update.after().of(id).notes().size() + " added";
  }
}
