package dev.posture.cli;

import dev.posture.catalog.ActionFilter;
import dev.posture.catalog.Category;
import dev.posture.catalog.DeviceCategory;
import dev.posture.input.Labelled;
import dev.posture.input.Node;
import dev.posture.report.Format;
import dev.posture.report.ActionList;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
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
      "  posture catalog list --licence AAD_PREMIUM_P2 --format json",
      "  posture catalog list --not-scored --format markdown",
    })
final class CatalogListCommand implements Callable<Integer> {
  private final PostureCommand root;
  @Spec CommandSpec spec;
  @Mixin CatalogOption catalog;

  @Option(names = "--category", paramLabel = "CATEGORY", description = "Identity, Device, Apps or Data.")
  String category;

  @Option(names = "--device-category", paramLabel = "AREA",
      description = "Application, Operating system, Network, Accounts or Security controls.")
  String deviceCategory;

  @Option(names = "--product", paramLabel = "TEXT", description = "Actions whose product name contains TEXT.")
  String product;

  @Option(names = {"--licence", "--license"}, paramLabel = "PLAN", description = "Actions that need this service plan.")
  String licence;

  @ArgGroup(exclusive = true)
  Scored scored;

  static final class Scored {
    @Option(names = "--scored", required = true, description = "Scored actions only.")
    boolean scored;

    @Option(names = "--not-scored", required = true, description = "\"Not scored\" actions only.")
    boolean notScored;
  }

  CatalogListCommand(PostureCommand root) {
    this.root = root;
  }

  @Override
  public Integer call() {
    ActionFilter filter = new ActionFilter(
        choice("--category", category, Category.values()),
        choice("--device-category", deviceCategory, DeviceCategory.values()),
        Optional.ofNullable(product),
        Optional.ofNullable(scored).map(s -> s.scored),
        Optional.ofNullable(licence));
    ActionList list = new ActionList(filter.apply(catalog.load()));
    Format format = root.format(Format.TABLE);
    Output.write(root, spec.commandLine().getOut(), out -> {
      switch (format) {
        case TABLE -> list.table(out);
        case JSON -> list.json(out);
        case CSV -> list.csv(out);
        case MARKDOWN -> list.markdown(out);
        default -> throw new UnsupportedFormatException(format, "catalog list");
      }
    });
    return ExitCode.OK;
  }

  private static <T extends Labelled> Optional<T> choice(String option, String text, T[] values) {
    if (text == null) {
      return Optional.empty();
    }
    return Optional.of(Node.match(text, values).orElseThrow(() -> new UsageException(
        "Invalid value for option '" + option + "': expected one of "
            + Arrays.stream(values).map(Labelled::label).collect(Collectors.joining(", ")) + ", found '" + text + "'")));
  }
}
