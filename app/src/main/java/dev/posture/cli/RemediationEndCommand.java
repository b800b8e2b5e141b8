package dev.posture.cli;

import dev.posture.scoring.ActionResult;
import dev.posture.state.Decisions;
import dev.posture.state.RemediationRequest;
import dev.posture.state.State;
import dev.posture.state.StateStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Ends an action's open remediation request, recording who ended it, when and why; the request stays in the file. */
abstract class RemediationEndCommand extends ActionEditCommand {
  @Option(names = "--note", paramLabel = "TEXT", defaultValue = "", description = "Why, or what was done.")
  String note;

  private final RemediationRequest.Kind kind;

  RemediationEndCommand(RemediationRequest.Kind kind) {
    this.kind = kind;
  }

  @Override
  State change(Decisions decisions, State state, Workspace workspace) {
    return decisions.endRemediation(state, kind, note.strip());
  }

  @Override
  String confirmation(StateStore.Update update, ActionResult action) {
    return id + ": remediation request " + kind.label();
  }

  @Command(name = "close", description = "Close an action's open remediation request: the work is done.",
      footerHeading = "%nExample:%n",
      footer = "  posture remediation close samples/contoso scid_2090 --note 'The last three laptops are encrypted'")
  static final class Close extends RemediationEndCommand {
    Close() {
      super(RemediationRequest.Kind.CLOSED);
    }
  }

  @Command(name = "withdraw", description = "Withdraw an action's open remediation request: it is no longer wanted.",
      footerHeading = "%nExample:%n",
      footer = "  posture remediation withdraw samples/contoso scid_2090 --note 'The laptops are being replaced'")
  static final class Withdraw extends RemediationEndCommand {
    Withdraw() {
      super(RemediationRequest.Kind.WITHDRAWN);
    }
  }
}
