package dev.posture.cli;

import dev.posture.catalog.Catalog;
import dev.posture.graph.GraphAssessment;
import dev.posture.graph.GraphAssessor;
import dev.posture.graph.GraphExport;
import dev.posture.graph.GraphReader;
import dev.posture.report.GraphJsonReport;
import dev.posture.report.GraphMessages;
import dev.posture.report.GraphTable;
import dev.posture.report.Numbers;
import dev.posture.state.State;
import dev.posture.state.StateLoader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/** {@code posture assess --graph}: the assessment of Microsoft Graph Secure Score exports. */
final class GraphAssess {
  private GraphAssess() {}

  /** @param stateFile the local state file, or null for none */
  static int run(PostureCommand root, PrintWriter out, PrintWriter err, List<Path> exports, Path stateFile,
      Catalog catalog, int top) {
    GraphExport export = new GraphReader().read(exports);
    State state = stateFile == null ? State.EMPTY : new StateLoader().load(stateFile);
    GraphAssessment graph = new GraphAssessor(catalog).assess(export, state);
    if (!graph.missingMax().isEmpty()) {
      err.println("posture: warning: " + GraphMessages.missingMax(graph));
    } else if (graph.differsFromReported()) {
      err.println("posture: warning: Microsoft reported " + Numbers.points(graph.reportedCurrent()) + " of "
          + Numbers.points(graph.reportedMax()) + ", but the controls in the export add up to "
          + Numbers.points(graph.assessment().scores().current().points()) + " of "
          + Numbers.points(graph.assessment().scores().current().max()) + " (an abridged or edited export?)");
    }
    err.flush();
    Output.write(root, out, writer -> {
      switch (root.format) {
        case JSON -> new GraphJsonReport().render(graph, writer);
        case TABLE -> new GraphTable(top).render(graph, writer);
        default -> throw new UnsupportedFormatException(root.format, "assess --graph");
      }
    });
    return ExitCode.OK;
  }
}
