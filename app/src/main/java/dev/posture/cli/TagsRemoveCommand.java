package dev.posture.cli;

import dev.posture.scoring.ActionResult;
import dev.posture.state.Decisions;
import dev.posture.state.State;
import dev.posture.state.StateStore;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "remove", description = "Remove tags from an action.", footerHeading = "%nExample:%n",
    footer = "  posture tags remove samples/contoso BlockLegacyAuthentication q4-2026")
final class TagsRemoveCommand extends ActionEditCommand {
  @Parameters(index = "2..*", arity = "1..*", paramLabel = "TAG", description = "The tags to remove.")
  List<String> tags;

  @Override
  State change(Decisions decisions, State state, Workspace workspace) {
    return decisions.removeTags(state, tags);
  }

  @Override
  String confirmation(StateStore.Update update, ActionResult action) {
    List<String> left = update.after().of(id).tags();
    return id + ": untagged " + String.join(", ", tags) + (left.isEmpty() ? "" : "; tags now " + String.join(", ", left));
  }
}
