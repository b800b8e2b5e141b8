package dev.posture.cli;

import dev.posture.catalog.Action;
import dev.posture.report.Format;
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

  @Option(names = "--all", description = "Also the requests closed or withdrawn.")
  boolean all;

  @Override
  public Integer call() {
    Workspace workspace = Workspace.load(spec, tenant, catalog);
    PostureCommand root = workspace.root();
    Map<String, String> titles = workspace.catalog().actions().stream().collect(Collectors.toMap(Action::id, Action::title));
    List<RemediationRequest> requests = workspace.state().remediationRequests().stream().filter(r -> all || r.isOpen()).toList();
    RemediationReport report = new RemediationReport(requests, id -> titles.getOrDefault(id, ""),
        LocalDate.ofInstant(root.clock.instant(), ZoneOffset.UTC), !all);
    Format format = root.format(Format.TABLE);
    Output.write(root, spec.commandLine().getOut(), out -> {
      switch (format) {
        case TABLE -> report.table(out);
        case JSON -> report.json(out);
        case CSV -> report.csv(out);
        case MARKDOWN -> report.markdown(out);
        default -> throw new UnsupportedFormatException(format, "remediation list");
      }
    });
    return ExitCode.OK;
  }
}
