package dev.posture.cli;

import dev.posture.catalog.Category;
import dev.posture.catalog.DeviceCategory;
import dev.posture.catalog.Status;
import dev.posture.report.ActionListReport;
import dev.posture.scoring.ActionQuery;
import dev.posture.scoring.ActionResult;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "list",
    description = {
      "List the improvement actions, best ranked first: search, filter, group and sort them.",
      "rank value = remaining points x cost factor x user impact factor x complexity factor (--explain shows them)."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  posture actions list samples/contoso --category identity --status to-address",
      "  posture actions list samples/contoso --search 'password spray' --explain",
      "  posture actions list samples/contoso --group-by tag --format json",
    })
final class ActionsListCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin TenantOptions tenant;
  @Mixin CatalogOption catalog;
  @Mixin TableFormats formats;

  @Option(names = "--search", paramLabel = "TEXT", description = "Text in the id, the title or a threat (any case).")
  String search;

  @Option(names = "--category", paramLabel = "CATEGORY", converter = LabelledConverter.ForCategory.class,
      completionCandidates = LabelledConverter.ForCategory.class,
      description = "Identity, Device, Apps or Data.")
  Category category;

  @Option(names = "--device-category", paramLabel = "CATEGORY", converter = LabelledConverter.ForDeviceCategory.class,
      completionCandidates = LabelledConverter.ForDeviceCategory.class,
      description = "Application, Operating system, Network, Accounts or Security controls.")
  DeviceCategory deviceCategory;

  @Option(names = "--status", paramLabel = "STATUS", converter = LabelledConverter.ForStatus.class,
      completionCandidates = LabelledConverter.ForStatus.class,
      description = "The status shown, e.g. to-address, planned, completed.")
  Status status;

  @Option(names = "--product", paramLabel = "TEXT", description = "Text in the product name, e.g. Entra.")
  String product;

  @Option(names = "--tag", paramLabel = "TAG", description = "Actions with this tag.")
  String tag;

  @Option(names = "--licensed", paramLabel = "true|false", arity = "0..1", fallbackValue = "true",
      description = "Only actions the tenant is (true) or is not (false) licensed for.")
  Boolean licensed;

  @Option(names = "--scored", paramLabel = "true|false", arity = "0..1", fallbackValue = "true",
      description = "Only scored (true) or not scored (false) actions.")
  Boolean scored;

  @Option(names = "--group-by", paramLabel = "KEY", completionCandidates = EnumConverter.GroupKeys.class, description = "Group by ${COMPLETION-CANDIDATES}.")
  ActionQuery.GroupBy groupBy;

  @Option(names = "--sort", paramLabel = "KEY", defaultValue = "rank", completionCandidates = EnumConverter.SortKeys.class,
      description = "Sort by ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  ActionQuery.Sort sort;

  @Option(names = "--explain", description = "Show each action's ranking inputs: remaining, cost, impact and complexity factors, value.")
  boolean explain;

  @Override
  public Integer call() {
    tenant.warnIfTheNamedStateIsMissing(spec.commandLine().getErr());
    Workspace workspace = Workspace.load(tenant, catalog);
    ActionQuery query = new ActionQuery(Optional.ofNullable(search), Optional.ofNullable(category), Optional.ofNullable(deviceCategory),
        Optional.ofNullable(status), Optional.ofNullable(product), Optional.ofNullable(tag), Optional.ofNullable(licensed),
        Optional.ofNullable(scored), sort);
    List<ActionResult> actions = workspace.assessment().actions();
    ActionListReport report = groupBy == null
        ? ActionListReport.of(workspace.state(), explain, query.apply(actions, workspace.state()))
        : ActionListReport.grouped(workspace.state(), explain, query.grouped(actions, workspace.state(), groupBy),
            groupBy.name().toLowerCase(Locale.ROOT));
    formats.print(ActionListReport.RENDERERS, report, spec.commandLine().getOut());
    return ExitCode.OK;
  }
}
