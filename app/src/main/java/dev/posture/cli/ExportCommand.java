package dev.posture.cli;

import dev.posture.report.Format;
import dev.posture.report.Report;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

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
  /** Without which Excel reads UTF-8 as the local code page. */
  private static final String BYTE_ORDER_MARK = "\uFEFF";

  @Spec CommandSpec spec;
  @Mixin TenantOptions tenant;
  @Mixin CatalogOption catalog;
  @Mixin GraphOption graph;
  @Mixin Formats formats;

  @Option(names = "--excel", description = "Start CSV with a UTF-8 byte-order mark, so Excel reads accents and symbols right.")
  boolean excel;

  /** What the export prints as: the assessment's formats, CSV first. */
  static final class Formats extends FormatOptions {
    enum Choice { table, json, csv, markdown, junit, html }

    @Option(names = "--format", paramLabel = "FORMAT", description = HELP + " (default: csv).")
    Choice format;

    Formats(PostureCommand root) {
      super(root, Choice.values(), Format.CSV);
    }

    @Override
    Enum<?> choice() {
      return format;
    }
  }

  @Override
  public Integer call() {
    Report report = Assessments.load(catalog, tenant, graph, Optional.empty(), Report.DEFAULT_TOP, spec.commandLine().getErr());
    formats.print(Report.RENDERERS, report, spec.commandLine().getOut(), excel && formats.format() == Format.CSV ? BYTE_ORDER_MARK : "");
    return ExitCode.OK;
  }
}
