package dev.posture.cli;

import dev.posture.catalog.Status;
import dev.posture.scoring.ActionResult;
import dev.posture.snapshot.DeviceGroups;
import dev.posture.state.Decisions;
import dev.posture.state.State;
import dev.posture.state.RefusedEditException;
import dev.posture.state.StateStore;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "set",
    description = {
      "Set an action's status and record the change in its history.",
      "risk-accepted, third-party and alternate-mitigation need a justification (--note) and may carry a review date.",
      "Completed comes from the data and cannot be set or changed. Device actions change only through a global exception."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  export POSTURE_ACTOR=megan.bowen@contoso.com",
      "  posture status set samples/contoso OneAdmin --status planned",
      "  posture status set samples/contoso mdo_blockmailforward \\",
      "      --status risk-accepted --note 'Partner CRMs' --review-by 2027-03-31",
      "  posture status set samples/contoso scid_2090 --global-exception \\",
      "      --status third-party --note 'Lab machines use vendor encryption'",
    })
final class StatusSetCommand extends ActionEditCommand {
  @Option(names = "--status", required = true, paramLabel = "STATUS", converter = LabelledConverter.ForSettableStatus.class,
      completionCandidates = LabelledConverter.ForSettableStatus.class,
      description = "to-address, planned, risk-accepted, third-party or alternate-mitigation.")
  Status status;

  @Option(names = "--note", paramLabel = "TEXT", defaultValue = "", description = "Why; required for risk-accepted, third-party and alternate-mitigation.")
  String note;

  @Option(names = "--review-by", paramLabel = "DATE", description = "When to look at the decision again (YYYY-MM-DD); assess warns once it has passed.")
  LocalDate reviewBy;

  @Option(names = "--global-exception", description = "Device actions: a global exception, which sets the status for every device.")
  boolean globalException;

  @Option(names = "--device-group", paramLabel = "NAME", description = "Device actions: an exception for one device group; recorded, the status stays as it is.")
  String deviceGroup;

  @Override
  State change(Decisions decisions, State state, Workspace workspace) {
    Optional<LocalDate> review = Optional.ofNullable(reviewBy);
    if (deviceGroup == null) {
      return decisions.setStatus(state, status, note.strip(), review, globalException);
    }
    if (globalException) {
      throw new UsageException("--global-exception and --device-group exclude each other: an exception is for every device or for one group");
    }
    Set<String> groups = DeviceGroups.of(workspace.snapshot());
    if (!groups.contains(deviceGroup)) {
      throw new RefusedEditException("no device group '" + deviceGroup + "' in the snapshot; its groups: " + String.join(", ", groups));
    }
    return decisions.exceptDeviceGroup(state, deviceGroup, status, note.strip(), review);
  }

  @Override
  String confirmation(StateStore.Update update, ActionResult action) {
    if (deviceGroup != null) {
      return id + ": exception for device group " + deviceGroup + " recorded as " + status.label() + "; the action's status stays "
          + update.after().of(id).status().label() + " (only a global exception changes it)";
    }
    if (update.before().of(id).status() == status) {
      return id + ": " + status.label() + ", reviewed" + update.after().of(id).reviewBy().map(d -> " (review by " + d + ")").orElse("");
    }
    return id + ": " + update.before().of(id).status().label() + " -> " + status.label();
  }
}
