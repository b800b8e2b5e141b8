package dev.posture.cli;

import dev.posture.report.GoalsReport;
import dev.posture.scoring.GoalProgress;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "list", description = "Show each goal and how far it is: the score now, what is still to go, the days left, "
    + "and, from the stored runs (--store), whether it is on track; and the score zones.",
    footerHeading = "%nExample:%n", footer = "  posture goals list samples/contoso")
final class GoalsListCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin TenantOptions tenant;
  @Mixin CatalogOption catalog;
  @Mixin StoreOption store;
  @Mixin TableFormats formats;

  @Override
  public Integer call() {
    tenant.warnIfTheNamedStateIsMissing(spec.commandLine().getErr());
    Workspace workspace = Workspace.load(tenant, catalog);
    LocalDate today = LocalDate.ofInstant(tenant.root.invocation.clock().instant(), ZoneOffset.UTC);
    try (RunMemory memory = RunMemory.of(store, false, tenant.root.invocation)) {
      String id = workspace.assessment().tenant().id();
      List<GoalProgress> goals = GoalProgress.of(workspace.state(), workspace.assessment().scores(), today, v -> memory.trend(id, v));
      formats.print(GoalsReport.RENDERERS, new GoalsReport(goals, workspace.state().zones(), workspace.assessment().scores().current()),
          spec.commandLine().getOut());
    }
    return ExitCode.OK;
  }
}
