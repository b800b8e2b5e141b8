package dev.posture.report;

import dev.posture.catalog.Category;
import dev.posture.graph.Comparison;
import dev.posture.graph.DerivedMax;
import dev.posture.graph.GraphAssessment;
import dev.posture.graph.History;
import dev.posture.graph.UnscoredResolution;
import dev.posture.scoring.ActionResult;
import dev.posture.scoring.CategoryScores;
import dev.posture.scoring.SourcePoints;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a Graph assessment adds to the usual report, in words and rows that every format shares:
 * Microsoft's own numbers, the comparisons with other tenants and the history.
 */
public final class GraphMessages {
  private GraphMessages() {}

  /** Which controls have no known max points, and what that does to the totals. */
  public static String missingMax(GraphAssessment graph) {
    int n = graph.missingMax().size();
    String points = graph.missingPoints() > 0
        ? "; their " + Numbers.points(graph.missingPoints()) + " points are left out of current too"
        : "";
    return n + (n == 1 ? " control has" : " controls have")
        + " no known max points (no profile, no catalogue entry, no points to derive them from): "
        + String.join(", ", graph.missingMax())
        + ". The max score leaves them out, so it is lower than Microsoft's" + points
        + ". Add their profiles (GET /security/secureScoreControlProfiles, every page) to count them.";
  }

  /** How the max points of controls nobody prices were found: what is left of Microsoft's maxScore. */
  public static String derivedMax(DerivedMax derived) {
    int n = derived.controls().size();
    return String.join(", ", derived.controls()) + (n == 1 ? " has" : " have")
        + " no profile, catalogue entry or published max points: their " + Numbers.points(derived.points())
        + " points are Microsoft's maxScore " + Numbers.points(derived.reportedMax()) + " less the other controls' "
        + Numbers.points(derived.others()) + (n == 1 ? "" : ", " + Numbers.points(derived.each()) + " each") + ", counted in "
        + derived.category().map(Category::label).orElse("the total but in no category, as they share none") + ".";
  }

  /** Why current is above Microsoft's number: resolutions its last daily score does not count yet. */
  public static Optional<String> unscoredResolutions(GraphAssessment graph) {
    List<UnscoredResolution> resolutions = graph.unscoredResolutions();
    if (resolutions.isEmpty()) {
      return Optional.empty();
    }
    double added = resolutions.stream().mapToDouble(UnscoredResolution::added).sum();
    List<String> each = resolutions.stream()
        .map(r -> r.id() + " " + Numbers.points(r.points()) + " (" + r.status().label() + (r.inPortal() ? " in the portal" : " in the state file")
            + "; Microsoft " + Numbers.points(r.microsoftPoints()) + ")")
        .toList();
    return Optional.of("Current counts " + Numbers.points(added) + (added == 1 ? " point" : " points")
        + " Microsoft's score of " + graph.history().latest().map(History.Day::date).orElse("the newest day")
        + " does not give yet: " + String.join("; ", each) + ".");
  }

  /** One action both sources decided differently: {@code AdminMFAV2: posture 7.5 (3 of 4 users), Microsoft 10 as of 2026-11-19}. */
  public static String disagreement(ActionResult action) {
    SourcePoints posture = action.sources().posture().orElseThrow();
    SourcePoints microsoft = action.sources().microsoft().orElseThrow();
    String elements = action.action().check().collection().map(c -> " " + c.section()).orElse("");
    return action.id() + ": posture " + Numbers.points(posture.points()) + coverage(posture, elements)
        + ", Microsoft " + Numbers.points(microsoft.points()) + coverage(microsoft, "") + microsoft.asOf().map(d -> " as of " + d).orElse("");
  }

  private static String coverage(SourcePoints points, String elements) {
    return points.coverage().map(c -> " (" + c.covered() + " of " + c.eligible() + elements + ")").orElse("");
  }

  /** Microsoft's score beside what the export adds up to, when they differ. */
  public static String reported(GraphAssessment graph) {
    return "Microsoft reported " + Numbers.points(graph.reportedCurrent()) + " of " + Numbers.points(graph.reportedMax())
        + (graph.differsFromReported() ? "; " + exportTotal(graph) : "") + ".";
  }

  /** "the controls in the export add up to 30 of 30": the export's own points, before any status. */
  public static String exportTotal(GraphAssessment graph) {
    return "the controls in the export add up to " + Numbers.points(graph.exportedPoints()) + " of "
        + Numbers.points(graph.assessment().scores().current().max());
  }

  static String enabledServices(GraphAssessment graph) {
    return "Enabled services: " + (graph.enabledServices().isEmpty() ? "none listed" : String.join(", ", graph.enabledServices()));
  }

  static String reviewed(GraphAssessment graph) {
    return "Reviewed in the portal, kept as To address: " + String.join(", ", graph.reviewed());
  }

  /**
   * The tenant's percentages beside the averages of other tenants, overall and for each category
   * some average has points in: a header row, then "This tenant", then one row a basis. Empty when
   * the export has no comparisons.
   */
  public static List<List<String>> comparisons(GraphAssessment graph) {
    if (graph.comparisons().isEmpty()) {
      return List.of();
    }
    Set<String> categories = new LinkedHashSet<>();
    graph.comparisons().forEach(c -> c.categories().forEach((name, avg) -> {
      if (avg.max() > 0) {
        categories.add(name);
      }
    }));
    List<List<String>> rows = new ArrayList<>();
    List<String> header = new ArrayList<>(List.of("Compared with", "Overall"));
    header.addAll(categories);
    rows.add(header);
    List<String> own = new ArrayList<>(List.of("This tenant", Numbers.percent(graph.assessment().scores().current().percent())));
    categories.forEach(name -> own.add(ownCategory(graph, name).map(Numbers::percent).orElse("-")));
    rows.add(own);
    for (Comparison c : graph.comparisons()) {
      List<String> row = new ArrayList<>(List.of(basis(c), Numbers.percent(c.averageScore())));
      for (String name : categories) {
        Comparison.Average avg = c.categories().get(name);
        row.add(avg == null || avg.max() == 0 ? "-" : Numbers.percent(avg.percent()));
      }
      rows.add(row);
    }
    return rows;
  }

  /**
   * Properties for a category's JUnit test suite: Microsoft's score, the history's span and changes,
   * and the category's percentage beside the other tenants' averages.
   */
  public static Map<String, String> properties(GraphAssessment graph, Category category) {
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("microsoft.currentScore", Numbers.points(graph.reportedCurrent()));
    properties.put("microsoft.maxScore", Numbers.points(graph.reportedMax()));
    History history = graph.history();
    properties.put("history", span(history));
    if (history.series().size() >= 2) {
      History.Day latest = history.latest().orElseThrow();
      properties.put("history.sinceFirst", signed(latest.points() - history.first().orElseThrow().points()));
      properties.put("history.sincePrevious", signed(latest.points() - history.previous().orElseThrow().points()));
    }
    List<List<String>> rows = comparisons(graph);
    if (!rows.isEmpty()) {
      int column = rows.get(0).stream().map(h -> h.toLowerCase(Locale.ROOT)).toList().indexOf(category.label().toLowerCase(Locale.ROOT));
      for (List<String> row : rows.subList(1, rows.size())) {
        if (column > 0 && !row.get(column).equals("-")) {
          properties.put("compared." + row.get(0), row.get(column));
        }
      }
    }
    return properties;
  }

  /** {@link #comparisons} as a table, text first and numbers right-aligned; empty without comparisons. */
  static Optional<TextTable> comparisonTable(GraphAssessment graph) {
    List<List<String>> rows = comparisons(graph);
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    List<String> header = rows.get(0);
    TextTable table = new TextTable().column(header.get(0));
    header.subList(1, header.size()).forEach(table::numberColumn);
    rows.subList(1, rows.size()).forEach(row -> table.row(row.toArray(String[]::new)));
    return Optional.of(table);
  }

  static String basis(Comparison c) {
    return switch (c.basis().toLowerCase(Locale.ROOT)) {
      case "alltenants" -> "All tenants";
      case "totalseats" -> "Similar seat count" + c.seatRange().map(r -> " (" + r + ")").orElse("");
      case "industrytypes" -> "Same industry";
      default -> c.basis();
    };
  }

  private static Optional<Double> ownCategory(GraphAssessment graph, String name) {
    return graph.assessment().categories().stream()
        .filter(c -> c.category().label().equalsIgnoreCase(name) && c.scores().current().max() > 0)
        .map(CategoryScores::scores)
        .map(s -> s.current().percent())
        .findFirst();
  }

  /** "3 days, 2026-03-01 to 2026-03-03", or "one day (2026-03-03)". */
  public static String span(History history) {
    History.Day latest = history.latest().orElseThrow();
    History.Day first = history.first().orElseThrow();
    return history.series().size() < 2 ? "one day (" + latest.date() + ")"
        : history.series().size() + " days, " + first.date() + " to " + latest.date();
  }

  /** The change since the first and since the previous day, one sentence each; none for one day. */
  public static List<String> changes(History history) {
    if (history.series().size() < 2) {
      return List.of();
    }
    History.Day latest = history.latest().orElseThrow();
    History.Day first = history.first().orElseThrow();
    History.Day previous = history.previous().orElseThrow();
    return List.of("Change since " + first.date() + ": " + change(first, latest),
        "Change since " + previous.date() + ": " + change(previous, latest));
  }

  private static String change(History.Day from, History.Day to) {
    return signed(to.points() - from.points()) + " points (" + signed(to.percent() - from.percent()) + " percentage points)";
  }

  static String signed(double value) {
    String text = Numbers.points(value);
    return value > 0 && !text.equals("0") ? "+" + text : text;
  }
}
