package dev.posture.cli;

import dev.posture.fleet.FleetAssessor;
import dev.posture.fleet.FleetMembers;
import dev.posture.fleet.Shard;
import dev.posture.report.FleetReport;
import dev.posture.store.HistoryStore;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

@Command(
    name = "assess",
    description = {
      "Assess many tenants in one run: one row each (current score, change since the last stored run, weakest category, "
          + "open points, reviews past their date, goals missed).",
      "A tenant that cannot be assessed is reported on its own row and on standard error; the others go on, and the exit code is 3."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  posture fleet assess tenants/",
      "  posture fleet assess tenants/ --record --store postgresql://posture@db.example.org/posture --shard 2/8",
    })
final class FleetAssessCommand implements Callable<Integer> {
  private final PostureCommand root;
  @Spec CommandSpec spec;
  @Mixin CatalogOption catalog;
  @Mixin RecordOption record;
  @Mixin StoreOption store;
  @Mixin TableFormats formats;

  @Parameters(arity = "1..*", paramLabel = "DIR", description = "Tenant folders, or folders of tenant folders.")
  List<Path> folders;

  @Option(names = "--shard", paramLabel = "I/N", converter = ShardConverter.class,
      description = "Only the tenants whose folder name hashes to shard I of N (1 to N), so N runs together assess each tenant once.")
  Shard shard = Shard.ALL;

  @Option(names = "--jobs", paramLabel = "N", converter = ValueConverters.Ordinal.class,
      description = "How many tenants to assess at once (default: the number of processors).")
  Integer jobs;

  FleetAssessCommand(PostureCommand root) {
    this.root = root;
  }

  @Override
  public Integer call() {
    List<Path> tenants = FleetMembers.find(folders, shard);
    catalog.load(); // a broken catalogue is one error, not one per tenant
    int workers = jobs != null ? jobs : Runtime.getRuntime().availableProcessors();
    Optional<HistoryStore> history = record.record || store.named() ? Optional.of(StoredRuns.open(store, root.invocation))
        : Optional.empty();
    FleetReport report;
    try {
      report = new FleetAssessor(catalog::load, workers, history, record.record, root.invocation.clock().instant()).assess(tenants);
    } finally {
      history.ifPresent(HistoryStore::close);
    }
    formats.print(FleetReport.RENDERERS, report, spec.commandLine().getOut());
    report.failed().forEach(r -> Messages.error(spec.commandLine().getErr(), r.error().orElseThrow()));
    return report.failed().isEmpty() ? ExitCode.OK : ExitCode.INVALID_INPUT;
  }

  /** {@code I/N}, e.g. {@code 2/8}. */
  static final class ShardConverter implements ITypeConverter<Shard> {
    @Override
    public Shard convert(String text) {
      try {
        return Shard.parse(text);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }
}
