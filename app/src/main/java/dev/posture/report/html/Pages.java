package dev.posture.report.html;

import dev.posture.catalog.Category;
import dev.posture.catalog.DeviceCategory;
import dev.posture.graph.GraphAssessment;
import dev.posture.graph.History;
import dev.posture.report.Changes;
import dev.posture.report.GraphMessages;
import dev.posture.report.Numbers;
import dev.posture.report.Printable;
import dev.posture.report.Report;
import dev.posture.scoring.ActionResult;
import dev.posture.scoring.Assessment;
import dev.posture.scoring.CategoryScores;
import dev.posture.scoring.Comparison;
import dev.posture.scoring.ScoreView;
import dev.posture.scoring.Scores;
import dev.posture.scoring.Source;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Works out the page of a report: the overview from the scores, the table and details from the actions. */
final class Pages {
  /** The chart's drawing area, in SVG units. */
  static final int CHART_WIDTH = 600;
  static final int CHART_HEIGHT = 200;

  private Pages() {}

  static Page of(Report report, Page.Head head) {
    Assessment a = report.assessment();
    List<ActionResult> actions = a.actions();
    List<Page.Row> rows = Rows.of(report);
    String captured = a.tenant().capturedAt().isEmpty() ? "" : text(a.tenant().capturedAt());
    Optional<String> deviceNote = a.deviceActionsCounted() ? Optional.empty()
        : Optional.of("Device actions are not counted in the overall score: the Defender for Endpoint Secure Score connector is off.");
    return new Page(head, text(a.tenant().displayName()), text(a.tenant().id()), captured,
        a.sources().stream().map(Source::key).collect(Collectors.joining(" and ")), tiles(a.scores()), categories(a.categories()),
        deviceCategories(actions), deviceNote, report.comparison().map(Pages::baseline), report.graph().map(Pages::graph), rows,
        filters(rows), report.expired().stream().map(e -> text(e.describe())).toList(), Rows.data(rows));
  }

  private static List<Page.Tile> tiles(Scores s) {
    return List.of(
        tile("Current", s.current(), "the points achieved now"),
        tile("Planned", s.planned(), "with the Planned actions done"),
        tile("Current license", s.currentLicense(), "what the licences held allow"),
        tile("Achievable", s.achievable(), "what the licences allow, accepted risks left out"));
  }

  private static Page.Tile tile(String name, ScoreView view, String description) {
    return new Page.Tile(name, Numbers.points(view.points()), Numbers.points(view.max()), Numbers.percent(view.percent()),
        width(view.percent()), description);
  }

  /** Identity, Device, Apps and Data on one scale, so the bars compare totals as well as shares. */
  private static List<Page.Bar> categories(List<CategoryScores> categories) {
    double scale = categories.stream().mapToDouble(c -> c.scores().current().max()).max().orElse(0);
    return categories.stream().map(c -> bar(c.category().label(), c.scores().current(), scale)).toList();
  }

  /** The five areas of Secure Score for Devices that the device actions fall in, where there are any. */
  private static List<Page.Bar> deviceCategories(List<ActionResult> actions) {
    Map<DeviceCategory, ScoreView> sums = new EnumMap<>(DeviceCategory.class);
    for (ActionResult r : actions) {
      if (r.category() == Category.DEVICE && r.countedInCategory() && r.action().deviceCategory().isPresent()) {
        sums.merge(r.action().deviceCategory().get(), new ScoreView(r.points(), r.action().maxScore()),
            (x, y) -> new ScoreView(x.points() + y.points(), x.max() + y.max()));
      }
    }
    double scale = sums.values().stream().mapToDouble(ScoreView::max).max().orElse(0);
    return sums.entrySet().stream().map(e -> bar(e.getKey().label(), e.getValue(), scale)).toList();
  }

  private static Page.Bar bar(String label, ScoreView view, double scale) {
    return new Page.Bar(label, Numbers.points(view.points()), Numbers.points(view.max()),
        view.max() == 0 ? "-" : Numbers.percent(view.percent()),
        width(scale == 0 ? 0 : view.max() / scale * 100), width(scale == 0 ? 0 : view.points() / scale * 100));
  }

  private static Page.Baseline baseline(Comparison c) {
    List<List<String>> rows = c.changes().stream().map(change -> List.of(text(change.action().id()),
        change.action().status().label(), Numbers.points(change.before()), Numbers.points(change.action().points()),
        Changes.signed(change.delta()))).toList();
    return new Page.Baseline(text(c.baseline().source()), text(Changes.summary(c)), rows);
  }

  private static Page.Graph graph(GraphAssessment graph) {
    List<List<String>> comparisons = GraphMessages.comparisons(graph).stream()
        .map(row -> row.stream().map(Pages::text).toList()).toList();
    History history = graph.history();
    List<String> sentences = new ArrayList<>(List.of(GraphMessages.span(history)));
    sentences.addAll(GraphMessages.changes(history));
    String span = text(String.join(". ", sentences) + ".");
    return new Page.Graph(text(GraphMessages.reported(graph)), comparisons, span, chart(history));
  }

  /** The percentage a day, left to right, 0% at the bottom and 100% at the top; none for a single day. */
  private static Optional<Page.Chart> chart(History history) {
    List<History.Day> days = history.series();
    if (days.size() < 2) {
      return Optional.empty();
    }
    List<Page.Point> dots = new ArrayList<>();
    for (int i = 0; i < days.size(); i++) {
      History.Day d = days.get(i);
      dots.add(new Page.Point(number((double) i / (days.size() - 1) * CHART_WIDTH), number(CHART_HEIGHT - d.percent() / 100 * CHART_HEIGHT),
          text(d.date()) + ": " + Numbers.points(d.points()) + " of " + Numbers.points(d.max()) + " (" + Numbers.percent(d.percent()) + ")"));
    }
    String line = dots.stream().map(p -> p.x() + "," + p.y()).collect(Collectors.joining(" "));
    History.Day first = days.get(0);
    History.Day last = days.get(days.size() - 1);
    String summary = "Secure Score from " + Numbers.percent(first.percent()) + " on " + first.date() + " to "
        + Numbers.percent(last.percent()) + " on " + last.date() + ", " + days.size() + " days";
    return Optional.of(new Page.Chart(line, dots, text(first.date()), text(last.date()), text(summary)));
  }

  private static Page.Filters filters(List<Page.Row> rows) {
    return new Page.Filters(distinct(rows, Page.Row::category), distinct(rows, Page.Row::status),
        distinct(rows, Page.Row::deviceCategory).stream().filter(d -> !d.isEmpty()).toList(),
        rows.stream().flatMap(r -> r.tags().stream()).collect(Collectors.toCollection(TreeSet::new)).stream().toList());
  }

  private static List<String> distinct(List<Page.Row> rows, Function<Page.Row, String> field) {
    return rows.stream().map(field).distinct().toList();
  }

  /** A width on a 0 to 100 scale, as the SVG bars take it. */
  private static String width(double percent) {
    return number(Math.max(0, Math.min(100, percent)));
  }

  static String number(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }

  /** Text from the inputs, without the characters no page should carry (controls, bidirectional overrides). */
  static String text(String value) {
    return Printable.inert(value);
  }
}
