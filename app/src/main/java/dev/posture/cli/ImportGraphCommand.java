package dev.posture.cli;

import dev.posture.graph.GraphAssessment;
import dev.posture.graph.GraphAssessor;
import dev.posture.graph.GraphExport;
import dev.posture.graph.GraphReader;
import dev.posture.graph.KnownControls;
import dev.posture.graph.PortalDecisions;
import dev.posture.report.Printable;
import dev.posture.state.StateStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "graph",
    description = "Record the decisions made in Microsoft Secure Score (controls marked Ignored or ThirdParty) in a state file,"
        + " with who made them, when and why. The state file wins where it already records a decision.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  posture import graph exports/",
      "  posture import graph secureScores.json controlProfiles.json --state tenants/contoso/posture-state.yaml",
      "  posture import graph exports/ --record --store postgresql://posture@db.example.org/posture",
    })
final class ImportGraphCommand implements Callable<Integer> {
  private final PostureCommand root;
  @Spec CommandSpec spec;
  @Mixin CatalogOption catalog;
  @Mixin RecordOption record;
  @Mixin StoreOption store;

  @Parameters(arity = "1..*", paramLabel = "EXPORT",
      description = "secureScores and secureScoreControlProfiles exports: files, or folders of *.json.")
  List<Path> exports;

  private static final String DEFAULT_STATE = "posture-state.yaml";

  @Option(names = "--state", paramLabel = "FILE",
      description = "The state file to record the decisions in (default: " + DEFAULT_STATE + " in the working folder).")
  Path state;

  ImportGraphCommand(PostureCommand root) {
    this.root = root;
  }

  @Override
  public Integer call() {
    GraphExport export = new GraphReader().read(exports);
    GraphAssessor assessor = new GraphAssessor(catalog.load(), KnownControls.bundled());
    AtomicReference<PortalDecisions.Result> imported = new AtomicReference<>();
    AtomicReference<GraphAssessment> assessed = new AtomicReference<>();
    Path file = state != null ? state : root.invocation.workingDir().resolve(DEFAULT_STATE);
    Path named = state != null ? state : Path.of(DEFAULT_STATE);
    StateStore.Update update = new StateStore(file).update(current -> {
      GraphAssessment assessment = assessor.assess(export, current);
      assessed.set(assessment);
      Instant now = root.invocation.clock().instant().truncatedTo(ChronoUnit.SECONDS);
      imported.set(PortalDecisions.apply(export, assessment, current, now));
      return imported.get().state();
    });
    PortalDecisions.Result result = imported.get();
    PrintWriter out = spec.commandLine().getOut();
    for (PortalDecisions.Decision d : result.decisions()) {
      // who, when and why come from the export: one line each, inert
      out.println(Printable.line(d.id() + ": " + d.portal().label() + byline(d) + ": " + d.outcome().words()
          + (d.outcome() == PortalDecisions.Outcome.KEPT_LOCAL ? " (" + d.local().status().label() + ")" : "")));
    }
    long recorded = result.imported();
    out.println(Printable.line(update.changed()
        ? recorded + (recorded == 1 ? " decision" : " decisions") + " from Microsoft Secure Score saved to " + named
        : "nothing to record; " + named + " is as it was"));
    if (record.record) {
      out.println(Printable.line(StoredRuns.recordMicrosoftDays(store, root.invocation, export, assessed.get(), String.join(", ",
          exports.stream().map(Path::toString).toList()))));
    }
    return ExitCode.OK;
  }

  private static String byline(PortalDecisions.Decision d) {
    String by = d.update().by().isBlank() ? "" : " by " + d.update().by();
    String at = d.update().at().isBlank() ? "" : " on " + d.update().at();
    return by + at;
  }
}
