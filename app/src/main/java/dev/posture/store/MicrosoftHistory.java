package dev.posture.store;

import dev.posture.graph.ControlIds;
import dev.posture.graph.ControlProfile;
import dev.posture.graph.ControlScore;
import dev.posture.graph.DailyScore;
import dev.posture.graph.GraphAssessment;
import dev.posture.graph.GraphControl;
import dev.posture.graph.GraphExport;
import dev.posture.input.InputException;
import dev.posture.scoring.Source;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The days of a Graph secureScores export as runs to store, one a day, so that the history outlives
 * Microsoft's 90 days. Only the current view exists on those days: overall as Microsoft reported it,
 * per category as the sum of the controls. A control's max points are those the assessment of the
 * export gave it (profile, catalogue, Microsoft's published list or scoreInPercentage), else its
 * profile's; a control worth an unknown number of points is kept but left out of its category's
 * sums. Controls carry no status: the daily export records none.
 */
public final class MicrosoftHistory {
  private MicrosoftHistory() {}

  /**
   * @param assessed the export as assessed, for the max points it settled for each control
   * @param tenantId the tenant the export belongs to; a day of another tenant is refused
   * @param source what to name in an error, e.g. the export's folder
   */
  public static List<RunRecord> runs(
      GraphExport export, GraphAssessment assessed, String tenantId, String tenantName, String source) {
    Map<String, Double> settled = new HashMap<>();
    for (GraphControl c : assessed.controls()) {
      c.maxScore().ifPresent(max -> settled.put(c.id(), max));
    }
    List<RunRecord> runs = new ArrayList<>();
    for (DailyScore day : export.days()) {
      if (!day.tenantId().isEmpty() && !day.tenantId().equalsIgnoreCase(tenantId)) {
        throw new InputException(source, "the secureScores day " + day.date() + " is of tenant " + day.tenantId()
            + ", not " + tenantId);
      }
      Map<String, RunRecord.ActionOutcome> actions = new LinkedHashMap<>();
      Map<String, double[]> categories = new LinkedHashMap<>();
      double knownMax = 0;
      for (ControlScore c : day.controls()) {
        String id = ControlIds.bare(c.name());
        if (actions.containsKey(id)) {
          continue;
        }
        Optional<Double> max = Optional.ofNullable(settled.get(id))
            .or(() -> export.profile(c.name()).map(ControlProfile::maxScore));
        actions.put(id, new RunRecord.ActionOutcome(id, c.score(), max, Optional.empty(), Source.MICROSOFT));
        if (max.isPresent()) {
          double[] sums = categories.computeIfAbsent(category(c.category()), k -> new double[2]);
          sums[0] += c.score();
          sums[1] += max.get();
          knownMax += max.get();
        }
      }
      List<RunRecord.Score> scores = new ArrayList<>();
      boolean reported = !Double.isNaN(day.reportedCurrent()) && !Double.isNaN(day.reportedMax());
      scores.add(new RunRecord.Score("current", RunRecord.OVERALL, reported ? day.reportedCurrent() : day.points(),
          reported ? day.reportedMax() : knownMax));
      categories.forEach((category, sums) -> scores.add(new RunRecord.Score("current", category, sums[0], sums[1])));
      runs.add(new RunRecord(tenantId, tenantName, recordedAt(day, source), Source.MICROSOFT, List.copyOf(scores),
          List.copyOf(actions.values())));
    }
    return List.copyOf(runs);
  }

  /** Graph's category names in posture's spelling; Infrastructure counts under Device, as in assessments. */
  private static String category(String graph) {
    String lower = graph.toLowerCase(Locale.ROOT);
    return lower.equals("infrastructure") ? "Device" : Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
  }

  /** createdDateTime with or without an offset (UTC when it has none), else the start of its day. */
  private static Instant recordedAt(DailyScore day, String source) {
    String text = day.createdDateTime();
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException notOffset) {
      try {
        return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException notLocal) {
        try {
          return LocalDate.parse(day.date()).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException notDate) {
          throw new InputException(source, "createdDateTime '" + text + "' is not a date and time");
        }
      }
    }
  }
}
