package dev.posture.cli;

import dev.posture.report.Format;
import dev.posture.report.HistoryReport;
import dev.posture.state.ActionState;
import java.util.List;
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

  @Parameters(index = "1", paramLabel = "ID", description = "The action's id.")
  String id;

  @Override
  public Integer call() {
    Workspace workspace = Workspace.load(tenant, catalog);
    workspace.action(id);
    List<ActionState.Change> history = workspace.state().of(id).history();
    PostureCommand root = workspace.root();
    Output.write(root, spec.commandLine().getOut(), out -> {
      switch (root.format(Format.TABLE)) {
        case TABLE -> HistoryReport.table(history, out);
        case JSON -> HistoryReport.json(id, history, out);
        case CSV -> HistoryReport.csv(history, out);
        case MARKDOWN -> HistoryReport.markdown(history, out);
        default -> throw new UnsupportedFormatException(root.format(Format.TABLE), "status history");
      }
    });
    return ExitCode.OK;
  }
}
