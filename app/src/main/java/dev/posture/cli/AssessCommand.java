package dev.posture.cli;

import dev.posture.catalog.Catalog;
import dev.posture.report.AssessmentTable;
import dev.posture.report.JsonReport;
import dev.posture.scoring.Assessment;
import dev.posture.scoring.ScoringEngine;
import dev.posture.snapshot.Snapshot;
import dev.posture.snapshot.SnapshotLoader;
import dev.posture.snapshot.SnapshotLocation;
import dev.posture.state.State;
import dev.posture.state.StateLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(
    name = "assess",
    description = "Score a tenant: current, planned, current license and achievable scores, per category, and the actions to take next.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  posture assess samples/contoso",
      "  posture assess samples/contoso --format json > report.json",
      "  posture assess snapshot.json --state decisions.yaml --top 20",
      "  posture assess --graph secureScores.json --graph controlProfiles/ --state posture-state.yaml",
    })
final class AssessCommand implements Callable<Integer> {
  @ParentCommand PostureCommand root;
  @Spec CommandSpec spec;
  @Mixin TenantOptions tenant;
  @Mixin CatalogOption catalog;

  @Option(names = "--top", paramLabel = "N", defaultValue = "10",
      description = "How many of the best ranked open actions the table lists (default: ${DEFAULT-VALUE}).")
  int top;

  @Option(names = "--graph", paramLabel = "FILE|FOLDER",
      description = "Read Microsoft Graph secureScores and secureScoreControlProfiles exports instead of a snapshot (repeatable; a folder means every *.json in it).")
  List<Path> graph = List.of();

  @Override
  public Integer call() {
    Catalog loaded = catalog.load();
    if (!graph.isEmpty()) {
      if (tenant.tenant != null) {
        throw new UsageException("give either TENANT or --graph, not both");
      }
      return GraphAssess.run(root, spec.commandLine().getOut(), spec.commandLine().getErr(), graph, tenant.state, loaded, top);
    }
    SnapshotLocation location = tenant.location();
    Snapshot snapshot = new SnapshotLoader().load(location, root.stdin);
    State state = new StateLoader().load(location.state());
    Assessment assessment = new ScoringEngine().assess(loaded, snapshot, state, Map.of());
    Output.write(root, spec.commandLine().getOut(), out -> {
      switch (root.format) {
        case JSON -> new JsonReport().render(assessment, out);
        case TABLE -> new AssessmentTable(top).render(assessment, out);
        default -> throw new UnsupportedFormatException(root.format, "assess");
      }
    });
    return ExitCode.OK;
  }
}
