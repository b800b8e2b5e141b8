package dev.posture.cli;

import dev.posture.catalog.ActionFilter;
import dev.posture.catalog.Category;
import dev.posture.catalog.DeviceCategory;
import dev.posture.report.ActionList;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(
    name = "list",
    description = "List the improvement actions of the catalogue, optionally filtered.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  posture catalog list --category device --device-category network",
      "  posture catalog list --license AAD_PREMIUM_P2 --format json",
      "  posture catalog list --not-scored --format markdown",
    })
final class CatalogListCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin CatalogOption catalog;
  @Mixin TableFormats formats;

  @Option(names = "--category", paramLabel = "CATEGORY", converter = LabelledConverter.ForCategory.class,
      completionCandidates = LabelledConverter.ForCategory.class, description = "Identity, Device, Apps or Data.")
  Category category;

  @Option(names = "--device-category", paramLabel = "AREA", converter = LabelledConverter.ForDeviceCategory.class,
      completionCandidates = LabelledConverter.ForDeviceCategory.class,
      description = "Application, Operating system, Network, Accounts or Security controls.")
  DeviceCategory deviceCategory;

  @Option(names = "--product", paramLabel = "TEXT", description = "Actions whose product name contains TEXT.")
  String product;

  @Option(names = "--license", paramLabel = "PLAN", description = "Actions that need this service plan.")
  String license;

  /** The British spelling, still accepted; help shows Microsoft's. */
  @Option(names = "--licence", paramLabel = "PLAN", hidden = true)
  String licence;

  @ArgGroup(exclusive = true)
  Scored scored;

  static final class Scored {
    @Option(names = "--scored", required = true, description = "Scored actions only.")
    boolean scored;

    @Option(names = "--not-scored", required = true, description = "\"Not scored\" actions only.")
    boolean notScored;
  }

  @Override
  public Integer call() {
    ActionFilter filter = new ActionFilter(
        Optional.ofNullable(category),
        Optional.ofNullable(deviceCategory),
        Optional.ofNullable(product),
        Optional.ofNullable(scored).map(s -> s.scored),
        Optional.ofNullable(license).or(() -> Optional.ofNullable(licence)));
    formats.print(ActionList.RENDERERS, new ActionList(filter.apply(catalog.load())), spec.commandLine().getOut());
    return ExitCode.OK;
  }
}
