package dev.posture.cli;

import dev.posture.report.Format;
import dev.posture.report.Renderer;
import dev.posture.report.Renderers;
import dev.posture.report.Report;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(
    name = "export",
    description = "Export the remediation activity as CSV: one row per action, one per remediation request.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  posture export samples/contoso > remediation.csv",
      "  posture export samples/contoso --excel -o remediation.csv",
      "  posture export --graph secureScores.json --graph controlProfiles.json > remediation.csv",
    })
final class ExportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin TenantOptions tenant;
  @Mixin CatalogOption catalog;
  @Mixin GraphOption graph;

  @Option(names = "--excel", description = "Start the CSV with a UTF-8 byte-order mark, so Excel reads accents and symbols right.")
  boolean excel;

  @Override
  public Integer call() {
    PostureCommand root = tenant.root;
    Assessments assessed = Assessments.load(catalog, tenant, graph, Optional.empty(), spec.commandLine().getErr());
    Report report = assessed.report();
    Renderer renderer = assessed.renderer(root.format(Format.CSV), Renderers.DEFAULT_TOP, excel, Output.colour(root));
    Output.write(root, spec.commandLine().getOut(), out -> renderer.render(report, out));
    return ExitCode.OK;
  }
}
