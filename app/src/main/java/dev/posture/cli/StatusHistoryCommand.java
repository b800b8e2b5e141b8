package dev.posture.cli;

import dev.posture.report.HistoryReport;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "history", description = "Show every status change of an action: when, who, from, to and why.",
    footerHeading = "%nExample:%n", footer = "  posture status history samples/contoso mdo_blockmailforward")
final class StatusHistoryCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin TenantOptions tenant;
  @Mixin CatalogOption catalog;
  @Mixin TableFormats formats;

  @Parameters(index = "1", paramLabel = "ID", completionCandidates = ActionIds.class, description = "The action's id.")
  String id;

  @Override
  public Integer call() {
    tenant.warnIfTheNamedStateIsMissing(spec.commandLine().getErr());
    Workspace workspace = Workspace.load(tenant, catalog);
    workspace.action(id);
    formats.print(HistoryReport.RENDERERS, new HistoryReport(id, workspace.state().of(id).history()), spec.commandLine().getOut());
    return ExitCode.OK;
  }
}
