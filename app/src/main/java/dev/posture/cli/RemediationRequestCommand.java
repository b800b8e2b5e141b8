package dev.posture.cli;

import dev.posture.scoring.ActionResult;
import dev.posture.state.Decisions;
import dev.posture.state.State;
import dev.posture.state.StateStore;
import java.time.LocalDate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "request",
    description = "Record a request to fix an action by a due date, for whoever does the work.",
    footerHeading = "%nExample:%n",
    footer = {
      "  posture remediation request samples/contoso scid_2090 --due 2026-12-15 \\",
      "      --owner lee.gu@contoso.com --note 'Encrypt the last three laptops'",
    })
final class RemediationRequestCommand extends ActionEditCommand {
  @Option(names = "--due", required = true, paramLabel = "DATE", description = "When it should be done (YYYY-MM-DD; today or later).")
  LocalDate due;

  @Option(names = "--owner", paramLabel = "UPN", defaultValue = "", description = "Who should do it, by sign-in name (an email address).")
  String owner;

  @Option(names = "--note", paramLabel = "TEXT", defaultValue = "", description = "What to do, or why.")
  String note;

  @Override
  State change(Decisions decisions, State state, Workspace workspace) {
    return decisions.requestRemediation(state, due, owner.strip(), note.strip());
  }

  @Override
  String confirmation(StateStore.Update update, ActionResult action) {
    return id + ": remediation requested by " + due + (owner.isBlank() ? "" : " from " + owner.strip());
  }
}
