package dev.posture.cli;

import dev.posture.catalog.Category;
import dev.posture.report.RunChangesReport;
import dev.posture.report.TrendReport;
import dev.posture.scoring.Source;
import dev.posture.scoring.View;
import dev.posture.store.HistoryStore;
import dev.posture.store.Run;
import dev.posture.store.RunDetail;
import dev.posture.store.RunDiff;
import dev.posture.store.RunRecord;
import dev.posture.store.Series;
import dev.posture.store.TenantSummary;
import dev.posture.store.TrendQuery;
import dev.posture.input.InputException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

@Command(
    name = "history",
    description = "Show a tenant's score over its stored runs (assess --record) and Microsoft's stored days (import graph --record),"
        + " per view and category; or, with --diff, which actions gained or lost points between two days.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  posture history samples/contoso",
      "  posture history samples/contoso --view current --since 2026-09-01 --format csv",
      "  posture history samples/contoso --diff 2026-10-01 2026-11-01",
    })
final class HistoryCommand implements Callable<Integer> {
  private final PostureCommand root;
  @Spec CommandSpec spec;
  @Mixin StoredTenant tenant;
  @Mixin StoreOption store;
  @Mixin TableFormats formats;


  @Option(names = "--since", paramLabel = "DATE", description = "Only runs on or after this day (YYYY-MM-DD, UTC).")
  LocalDate since;

  @Option(names = "--view", paramLabel = "VIEW", converter = ViewConverter.class,
      description = "Only this view: current, planned, current-license or achievable.")
  View view;

  @Option(names = "--category", paramLabel = "NAME", converter = ScopeConverter.class,
      description = "Only this category (Identity, Device, Apps, Data), or overall for the whole tenant.")
  String category;

  @Option(names = "--diff", arity = "2", paramLabel = "DATE", hideParamSyntax = true,
      description = "Compare the last run on or before DATE1 with the last on or before DATE2: the actions that gained or lost points.")
  List<LocalDate> diff;

  HistoryCommand(PostureCommand root) {
    this.root = root;
  }

  @Override
  public Integer call() {
    try (HistoryStore history = StoredRuns.open(store, root.invocation)) {
      TenantSummary known = tenant.resolve(history, root.invocation);
      if (diff != null) {
        formats.print(RunChangesReport.RENDERERS, changes(history, known), spec.commandLine().getOut());
      } else {
        TrendQuery query = new TrendQuery(Optional.ofNullable(since), Optional.ofNullable(view).map(View::key),
            Optional.ofNullable(category), Optional.empty());
        List<TrendReport.Line> lines = history.trend(known.id(), query).stream().map(HistoryCommand::line).toList();
        formats.print(TrendReport.RENDERERS, new TrendReport(known.id(), known.displayName(), history.name(), lines),
            spec.commandLine().getOut());
      }
    }
    return ExitCode.OK;
  }

  private RunChangesReport changes(HistoryStore history, TenantSummary known) {
    RunDiff d = history.diff(runOn(history, known, diff.get(0)), runOn(history, known, diff.get(1)));
    // a change too small to show (2.6667 and 2.6666 points) is no change
    List<RunChangesReport.Change> changes = d.changes().stream().filter(c -> Math.abs(c.change()) >= 0.005)
        .map(c -> new RunChangesReport.Change(c.actionId(), c.before(), c.after(), c.statusBefore(), c.statusAfter())).toList();
    return new RunChangesReport(known.id(), known.displayName(), run(d.before()), run(d.after()), changes);
  }

  /** The tenant's last assessment on or before the day, else Microsoft's day. */
  private static Run runOn(HistoryStore history, TenantSummary known, LocalDate day) {
    return history.lastRun(known.id(), Source.POSTURE, Optional.of(day))
        .or(() -> history.lastRun(known.id(), Source.MICROSOFT, Optional.of(day)))
        .orElseThrow(() -> new InputException(day.toString(), "no stored run of " + known.displayName() + " on or before this day"));
  }

  private static RunChangesReport.Run run(RunDetail detail) {
    RunRecord.Score current = detail.score(View.CURRENT.key(), RunRecord.OVERALL)
        .orElse(new RunRecord.Score(View.CURRENT.key(), RunRecord.OVERALL, 0, 0));
    return new RunChangesReport.Run(detail.run().recordedAt(), current.points(), current.max());
  }

  private static TrendReport.Line line(Series s) {
    return new TrendReport.Line(s.source().key(), s.view(), s.scope(),
        s.points().stream().map(p -> new TrendReport.Point(p.recordedAt(), p.points(), p.max())).toList());
  }

  /** A view by its report name, in any case, with or without hyphens. */
  static final class ViewConverter implements ITypeConverter<View> {
    @Override
    public View convert(String text) {
      return View.parse(text.strip()).orElseThrow(() -> new TypeConversionException(
          "unknown view '" + text + "'; expected current, planned, current-license or achievable"));
    }
  }

  /** A category as the store names it (Identity), or overall. */
  static final class ScopeConverter implements ITypeConverter<String> {
    @Override
    public String convert(String text) {
      if (text.strip().equalsIgnoreCase(RunRecord.OVERALL)) {
        return RunRecord.OVERALL;
      }
      return Arrays.stream(Category.values()).map(Category::label).filter(l -> l.equalsIgnoreCase(text.strip())).findFirst()
          .orElseThrow(() -> new TypeConversionException("unknown category '" + text + "'; expected Identity, Device, Apps, Data or overall"));
    }
  }
}
