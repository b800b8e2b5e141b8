package dev.posture.cli;

import dev.posture.scoring.ActionResult;
import dev.posture.state.Decisions;
import dev.posture.state.State;
import dev.posture.state.StateStore;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "add", description = "Tag an action, e.g. with the quarter it is planned for.", footerHeading = "%nExample:%n",
    footer = "  posture tags add samples/contoso scid_2090 q1-2027 laptops")
final class TagsAddCommand extends ActionEditCommand {
  @Parameters(index = "2..*", arity = "1..*", paramLabel = "TAG", description = "The tags to add.")
  List<String> tags;

  @Override
  State change(Decisions decisions, State state, Workspace workspace) {
    return decisions.addTags(state, tags);
  }

  @Override
  String confirmation(StateStore.Update update, ActionResult action) {
    return id + ": tags now " + String.join(", ", update.after().of(id).tags());
  }
}
