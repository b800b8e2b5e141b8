package dev.posture.cli;

import dev.posture.report.Format;
import dev.posture.report.Report;
import dev.posture.scoring.Gate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "assess",
    description = "Score a tenant: current, planned, current license and achievable scores, per category, and the actions to take next.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  posture assess samples/contoso",
      "  posture assess samples/contoso --format json > report.json",
      "  posture assess snapshot.json --state decisions.yaml --top 20",
      "  posture assess samples/contoso --format junit -o posture.xml --fail-under 60",
      "  posture assess samples/contoso --baseline last.json --fail-on-regression",
      "  posture assess samples/contoso --record --fail-on-regression",
      "  posture assess --graph secureScores.json --graph controlProfiles/ --state posture-state.yaml",
    })
final class AssessCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin TenantOptions tenant;
  @Mixin CatalogOption catalog;
  @Mixin GraphOption graph;
  @Mixin GateOptions gates;
  @Mixin Formats formats;
  @Mixin RecordOption record;
  @Mixin StoreOption store;

  @Option(names = "--top", paramLabel = "N", defaultValue = "" + Report.DEFAULT_TOP, converter = ValueConverters.Count.class,
      description = "How many of the best ranked open actions the table and Markdown list (default: ${DEFAULT-VALUE}).")
  int top;

  /** What an assessment prints as. */
  static final class Formats extends FormatOptions {
    enum Choice { table, json, csv, markdown, junit, html }

    @Option(names = "--format", paramLabel = "FORMAT", description = HELP + " (default: table).")
    Choice format;

    Formats(PostureCommand root) {
      super(root, Choice.values(), Format.TABLE);
    }

    @Override
    Enum<?> choice() {
      return format;
    }
  }

  @Override
  public Integer call() {
    try (RunMemory memory = RunMemory.of(store, record.record, tenant.root.invocation)) {
      return assess(memory);
    }
  }

  private int assess(RunMemory memory) {
    List<Gate> checks = gates.gates(graph.given() ? Optional.of("the previous day of the export") : memory.history());
    Report report = Assessments.load(catalog, tenant, graph, gates.baseline(), memory, top, spec.commandLine().getErr());
    formats.print(Report.RENDERERS, report, spec.commandLine().getOut());
    report.expired().forEach(e -> Messages.warning(spec.commandLine().getErr(), "review overdue: " + e.describe()));
    memory.record(report.assessment(), spec.commandLine().getErr());
    List<String> failures = new ArrayList<>(Gate.failures(checks, report.assessment(), report.comparison(), report.expired()));
    failures.addAll(gates.goalFailures(report.goals()));
    if (!failures.isEmpty()) {
      throw new GateFailedException(String.join("; ", failures));
    }
    return ExitCode.OK;
  }
}
