package dev.posture.cli;

import dev.posture.input.InputException;
import dev.posture.report.CompareReport;
import dev.posture.scoring.Source;
import dev.posture.scoring.View;
import dev.posture.store.Averages;
import dev.posture.store.Group;
import dev.posture.store.HistoryStore;
import dev.posture.store.RunDetail;
import dev.posture.store.RunRecord;
import dev.posture.store.TenantSummary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "compare",
    description = "Compare a tenant with others from the history store: each view and category side by side, from each one's last"
        + " stored run, and the others' average. The others are named with --with, or are a group (--group, saved with --save-group).",
    footerHeading = "%nExamples:%n",
    footer = {
      "  posture compare samples/contoso --with samples/fabrikam --with samples/northwind",
      "  posture compare samples/contoso --with samples/fabrikam --with samples/litware --save-group pharma",
      "  posture compare samples/contoso --group pharma --format markdown",
    })
final class CompareCommand implements Callable<Integer> {
  private final PostureCommand root;
  @Spec CommandSpec spec;
  @Mixin StoredTenant tenant;
  @Mixin StoreOption store;
  @Mixin TableFormats formats;


  @Option(names = "--with", paramLabel = "TENANT", description = "A tenant to compare with; repeatable.")
  List<String> with = new ArrayList<>();

  @Option(names = "--group", paramLabel = "NAME", description = "Compare with the tenants of a group saved in the store.")
  String group;

  @Option(names = "--view", paramLabel = "VIEW", converter = HistoryCommand.ViewConverter.class,
      description = "Only this view: current, planned, current-license or achievable.")
  View view;

  @Option(names = "--save-group", paramLabel = "NAME", description = "Save the --with tenants in the store as a group of this name.")
  String saveGroup;

  CompareCommand(PostureCommand root) {
    this.root = root;
  }

  @Override
  public Integer call() {
    if (with.isEmpty() == (group == null)) {
      throw new UsageException("name the tenants to compare with: --with TENANT (repeatable) or --group NAME");
    }
    try (HistoryStore history = StoredRuns.open(store, root.invocation)) {
      TenantSummary subject = tenant.resolve(history, root.invocation);
      List<TenantSummary> others = others(history);
      if (saveGroup != null) {
        history.saveGroup(saveGroup, others.stream().map(TenantSummary::id).toList());
      }
      List<TenantSummary> all = new ArrayList<>(List.of(subject));
      all.addAll(others);
      formats.print(CompareReport.RENDERERS, report(history, all), spec.commandLine().getOut());
    }
    return ExitCode.OK;
  }

  private List<TenantSummary> others(HistoryStore history) {
    if (group == null) {
      return with.stream().map(t -> StoredTenant.resolve(history, t, root.invocation)).toList();
    }
    Group found = history.group(group).orElseThrow(() -> new InputException(group, "no group of this name in " + history.name()
        + "; save one with --with TENANT... --save-group NAME"));
    return found.members().stream().map(id -> StoredTenant.resolve(history, id, root.invocation)).toList();
  }

  private CompareReport report(HistoryStore history, List<TenantSummary> tenants) {
    List<RunDetail> runs = new ArrayList<>();
    for (TenantSummary t : tenants) {
      Optional<RunDetail> run = history.lastRun(t.id(), Source.POSTURE, Optional.empty())
          .or(() -> history.lastRun(t.id(), Source.MICROSOFT, Optional.empty())).flatMap(r -> history.run(r.id()));
      runs.add(run.orElseThrow(() -> new InputException(t.id(), "no stored run of " + t.displayName() + " to compare; "
          + "assess --record stores one")));
    }
    Averages averages = history.averages(tenants.stream().skip(1).map(TenantSummary::id).toList(), Source.POSTURE);
    Map<List<String>, Double> average = new LinkedHashMap<>();
    averages.averages().forEach(a -> average.put(List.of(a.view(), a.scope()), a.percent()));
    List<CompareReport.Row> rows = new ArrayList<>();
    for (RunRecord.Score s : runs.get(0).scores()) {
      if (view != null && !view.key().equals(s.view())) {
        continue;
      }
      List<Optional<Double>> percents = runs.stream()
          .map(r -> r.score(s.view(), s.scope()).filter(x -> x.max() > 0).map(RunRecord.Score::percent)).toList();
      rows.add(new CompareReport.Row(s.view(), s.scope(), percents, Optional.ofNullable(average.get(List.of(s.view(), s.scope())))));
    }
    return new CompareReport(tenants.stream().map(TenantSummary::displayName).toList(), rows);
  }
}
