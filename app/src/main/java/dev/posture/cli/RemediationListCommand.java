package dev.posture.cli;

import dev.posture.catalog.Action;
import dev.posture.report.RemediationReport;
import dev.posture.state.RemediationRequest;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "list",
    description = "List a tenant's open remediation requests, soonest due first; with --all, the closed and withdrawn ones too.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  posture remediation list samples/contoso",
      "  posture remediation list samples/contoso --all --format csv --output requests.csv",
    })
final class RemediationListCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin TenantOptions tenant;
  @Mixin CatalogOption catalog;
  @Mixin TableFormats formats;

  @Option(names = "--all", description = "Also the requests closed or withdrawn.")
  boolean all;

  @Override
  public Integer call() {
    tenant.warnIfTheNamedStateIsMissing(spec.commandLine().getErr());
    Workspace workspace = Workspace.load(tenant, catalog);
    Map<String, String> titles = workspace.catalog().actions().stream().collect(Collectors.toMap(Action::id, Action::title));
    List<RemediationRequest> requests = workspace.state().remediationRequests().stream().filter(r -> all || r.isOpen()).toList();
    RemediationReport report = new RemediationReport(requests, id -> titles.getOrDefault(id, ""),
        LocalDate.ofInstant(workspace.root().invocation.clock().instant(), ZoneOffset.UTC), !all);
    formats.print(RemediationReport.RENDERERS, report, spec.commandLine().getOut());
    return ExitCode.OK;
  }
}
