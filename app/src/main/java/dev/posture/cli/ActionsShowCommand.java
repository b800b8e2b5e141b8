package dev.posture.cli;

import dev.posture.report.Format;
import dev.posture.report.ActionDetail;
import dev.posture.report.AffectedReport;
import dev.posture.scoring.ActionResult;
import dev.posture.scoring.AffectedElements;
import dev.posture.scoring.Suggestion;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "show",
    description = {
      "Show one action in full: at a glance, user impact, implementation (licenses,",
      "steps, how far the data is), where to manage it, and what was decided (status,",
      "notes, tags, review date, history). --affected lists the users, devices or",
      "mailboxes it does not cover yet."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  posture actions show samples/contoso MFARegistrationV2",
      "  posture actions show samples/contoso posture://actions/scid_2090",
      "  posture actions show samples/contoso scid_2090 --affected --format csv",
    })
final class ActionsShowCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin TenantOptions tenant;
  @Mixin CatalogOption catalog;
  @Mixin TableFormats formats;

  @Parameters(index = "1", paramLabel = "ID", completionCandidates = ActionIds.class, description = "The action's id, or its reference (posture://actions/ID).")
  String id;

  @Option(names = "--affected", description = "List the eligible elements the action does not cover.")
  boolean affected;

  @Override
  public Integer call() {
    if (!affected && !ActionDetail.RENDERERS.prints(formats.format())) {
      throw new UsageException("an action prints as " + keys(ActionDetail.RENDERERS.formats()) + "; "
          + formats.format().key() + " is for the elements of --affected");
    }
    tenant.warnIfTheNamedStateIsMissing(spec.commandLine().getErr());
    Workspace workspace = Workspace.load(tenant, catalog);
    ActionResult action = workspace.action(ActionDetail.idOf(id));
    if (affected) {
      AffectedElements elements = AffectedElements.of(action.action(), workspace.snapshot()).orElseThrow(() -> new UsageException(
          action.id() + " is decided by tenant settings, not element by element; --affected applies to coverage actions"));
      formats.print(AffectedReport.RENDERERS, new AffectedReport(action.id(), elements), spec.commandLine().getOut());
      return ExitCode.OK;
    }
    Optional<Suggestion> suggestion = workspace.assessment().suggestions().stream().filter(s -> s.actionId().equals(action.id())).findFirst();
    ActionDetail detail = new ActionDetail(action, workspace.state().of(action.id()),
        workspace.state().remediationRequests().stream().filter(r -> r.action().equals(action.id()) && r.isOpen()).toList(),
        workspace.snapshot().servicePlans(), ActionDetail.inactivePlans(workspace.snapshot().settings()), suggestion);
    formats.print(ActionDetail.RENDERERS, detail, spec.commandLine().getOut());
    return ExitCode.OK;
  }

  private static String keys(Set<Format> formats) {
    return formats.stream().map(Format::key).collect(Collectors.joining(", "));
  }
}
