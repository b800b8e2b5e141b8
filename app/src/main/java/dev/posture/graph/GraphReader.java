package dev.posture.graph;

import dev.posture.catalog.Level;
import dev.posture.catalog.Tier;
import dev.posture.graph.Fields.Bounds;
import dev.posture.input.InputException;
import dev.posture.input.Labelled;
import dev.posture.input.Node;
import dev.posture.input.Source;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads responses of {@code GET /security/secureScores} and {@code GET /security/secureScoreControlProfiles}
 * as saved by a script or by PowerShell: files or folders of them (every {@code *.json} inside, in
 * name order), each a {@code {"value": [...]}} page or a bare array. Whether an item is a day's score
 * or a control profile is told from its content, so pages may be mixed freely.
 *
 * <p>When two files hold the same day, or the same control profile, the first one read is kept.
 */
public final class GraphReader {
  /** A control's points on one day: no control is worth more than 10. */
  static final Bounds CONTROL_POINTS = Bounds.between(0, 10);
  /** A control's max points. */
  static final Bounds MAX_POINTS = Bounds.aboveZeroUpTo(10);
  static final Bounds PERCENT = Bounds.between(0, 100);
  /** A day's or an average's points: up to 100,000 controls of 10 points. */
  static final Bounds TOTAL_POINTS = Bounds.between(0, 1_000_000);
  /** Users, seats and protected items. */
  static final Bounds COUNT = Bounds.wholeUpTo(Integer.MAX_VALUE);
  /** Dates are read from 1970 to 9999, so that every day is ten characters and sorts as text. */
  private static final Instant EARLIEST = Instant.EPOCH;
  private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");

  public GraphExport read(List<Path> paths) {
    TreeMap<String, DailyScore> days = new TreeMap<>();
    Map<String, ControlProfile> profiles = new LinkedHashMap<>();
    for (Path file : files(paths)) {
      ExportItems.read(Source.of(file), GraphReader::control, item -> {
        Node node = item.node();
        if (item.controls().isPresent() || Fields.has(node, "controlScores")) {
          DailyScore day = day(item);
          days.putIfAbsent(day.date(), day);
        } else if (Fields.has(node, "maxScore") && Fields.has(node, "id")) {
          ControlProfile profile = profile(node, file.toString());
          profiles.putIfAbsent(ControlIds.key(profile.id()), profile);
        } else {
          throw node.error("expected a secureScore (with controlScores) or a secureScoreControlProfile (with id and maxScore)");
        }
      });
    }
    if (days.isEmpty()) {
      throw new InputException(String.join(", ", paths.stream().map(Path::toString).toList()),
          "no secureScores found; expected the response of GET /security/secureScores among the files");
    }
    return new GraphExport(List.copyOf(days.values()), profiles);
  }

  private static List<Path> files(List<Path> paths) {
    List<Path> out = new ArrayList<>();
    for (Path path : paths) {
      if (!Files.isDirectory(path)) {
        out.add(path);
        continue;
      }
      try (Stream<Path> listing = Files.list(path)) {
        List<Path> json = listing
            .filter(p -> p.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".json"))
            .sorted(Comparator.comparing(Path::toString))
            .toList();
        if (json.isEmpty()) {
          throw new InputException(path.toString(), "the folder holds no *.json Graph exports");
        }
        out.addAll(json);
      } catch (IOException e) {
        throw new UncheckedIOException(path + ": cannot be listed", e);
      }
    }
    return out;
  }

  private static DailyScore day(ExportItems.Item item) {
    Node node = item.node();
    Node createdField = Fields.field(node, "createdDateTime");
    if (createdField.isMissing()) {
      throw node.error("missing required field 'createdDateTime'");
    }
    OffsetDateTime created = dateTime(createdField);
    List<ControlScore> controls = item.controls().orElseGet(
        () -> Fields.field(node, "controlScores").items().stream().map(GraphReader::control).toList());
    List<Comparison> comparisons = new ArrayList<>();
    for (Node c : Fields.field(node, "averageComparativeScores").items()) {
      comparisons.add(comparison(c));
    }
    return new DailyScore(
        tenantId(node),
        created.toLocalDate().toString(),
        DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(created),
        Fields.number(node, "currentScore", TOTAL_POINTS).orElse(Double.NaN),
        Fields.number(node, "maxScore", TOTAL_POINTS).orElse(Double.NaN),
        (int) Fields.wholeNumber(node, "licensedUserCount", COUNT).orElse(0),
        Fields.names(node, "enabledServices"),
        List.copyOf(controls),
        List.copyOf(comparisons));
  }

  private static final Pattern TENANT_ID = Pattern.compile("[A-Za-z0-9-]{1,100}");

  /** The tenant's id: a GUID in real exports, though the documentation's examples bend the form. */
  private static String tenantId(Node node) {
    String id = Fields.text(node, "azureTenantId").orElse("");
    if (!id.isEmpty() && !TENANT_ID.matcher(id).matches()) {
      throw Fields.field(node, "azureTenantId").error("expected a tenant id (letters, digits and '-'), found "
          + Node.quoted(Fields.visible(id)));
    }
    return id;
  }

  /** One of a day's controlScores. */
  private static ControlScore control(Node c) {
    double score = Fields.requiredNumber(c, "score", CONTROL_POINTS);
    OptionalDouble percent = Fields.number(c, "scoreInPercentage", PERCENT);
    // score is that share of the control's max points, which are at most 10 (allowing for rounding to 2 decimals)
    if (percent.isPresent() && percent.getAsDouble() < score * 10 - 0.055) {
      throw Fields.field(c, "scoreInPercentage").error("expected at least " + Fields.plain(Math.round(score * 1000) / 100.0)
          + " (a score of " + Fields.plain(score) + " is that share of a control's 10 points at most), found "
          + Fields.field(c, "scoreInPercentage").describe());
    }
    OptionalLong count = Fields.wholeNumber(c, "count", COUNT);
    OptionalLong total = Fields.wholeNumber(c, "total", COUNT);
    if (count.isPresent() && total.isPresent() && count.getAsLong() > total.getAsLong()) {
      throw Fields.field(c, "count").error("expected at most the total (" + total.getAsLong() + "), found " + count.getAsLong());
    }
    return new ControlScore(
        Fields.requiredName(c, "controlName"),
        category(c),
        score,
        percent,
        count.isPresent() ? OptionalDouble.of(count.getAsLong()) : OptionalDouble.empty(),
        total.isPresent() ? OptionalDouble.of(total.getAsLong()) : OptionalDouble.empty(),
        Fields.text(c, "implementationStatus").orElse(""));
  }

  /** The control's category, one of Graph's five in any case. */
  private static String category(Node control) {
    return categoryOf(control).orElseThrow(() -> control.error("missing required field 'controlCategory'"));
  }

  private static Optional<String> categoryOf(Node node) {
    Optional<String> text = Fields.text(node, "controlCategory");
    if (text.isEmpty()) {
      return text;
    }
    for (String known : CATEGORIES) {
      if (known.equalsIgnoreCase(text.get())) {
        return text;
      }
    }
    throw Fields.field(node, "controlCategory").error("expected one of Identity, Device, Apps, Data, Infrastructure, found "
        + Node.quoted(Fields.visible(text.get())));
  }

  private static final Pattern MICROSOFT_DATE = Pattern.compile("/Date\\((-?\\d{1,19})\\)/");

  /**
   * ISO 8601 as Graph writes it (a time without an offset is UTC), or Windows PowerShell's
   * {@code /Date(1704067200000)/}; from 1970 to 9999.
   */
  private static OffsetDateTime dateTime(Node field) {
    String text = field.value().isString() ? field.value().stringValue().strip() : "";
    OffsetDateTime parsed = parseDateTime(text);
    if (parsed == null || parsed.toInstant().isBefore(EARLIEST) || parsed.toInstant().isAfter(LATEST)) {
      throw field.error("expected a date and time from 1970 to 9999 (2026-03-01T00:00:00Z), found "
          + (field.value().isString() ? Node.quoted(Fields.visible(text)) : field.describe()));
    }
    return parsed;
  }

  private static OffsetDateTime parseDateTime(String text) {
    Matcher m = MICROSOFT_DATE.matcher(text);
    if (m.matches()) {
      BigInteger millis = new BigInteger(m.group(1));
      return millis.bitLength() < 63 ? Instant.ofEpochMilli(millis.longValue()).atOffset(ZoneOffset.UTC) : null;
    }
    try {
      TemporalAccessor t = DateTimeFormatter.ISO_DATE_TIME.parseBest(text, OffsetDateTime::from, LocalDateTime::from);
      return t instanceof OffsetDateTime o ? o : ((LocalDateTime) t).atOffset(ZoneOffset.UTC);
    } catch (DateTimeException e) {
      return null;
    }
  }

  private static final String[] CATEGORIES = {"identity", "device", "apps", "data", "infrastructure"};

  private static Comparison comparison(Node node) {
    Map<String, Comparison.Average> categories = new LinkedHashMap<>();
    for (String category : CATEGORIES) {
      var score = Fields.number(node, category + "Score", TOTAL_POINTS);
      if (score.isPresent()) {
        String label = Character.toUpperCase(category.charAt(0)) + category.substring(1);
        categories.put(label, new Comparison.Average(score.getAsDouble(), Fields.number(node, category + "ScoreMax", TOTAL_POINTS).orElse(0)));
      }
    }
    OptionalLong lower = Fields.wholeNumber(node, "SeatSizeRangeLowerValue", COUNT);
    OptionalLong upper = Fields.wholeNumber(node, "SeatSizeRangeUpperValue", COUNT);
    Optional<String> range = lower.isPresent() || upper.isPresent()
        ? Optional.of(seats(lower) + "-" + seats(upper))
        : Optional.empty();
    return new Comparison(
        Fields.text(node, "basis").orElse("Unknown"),
        Fields.number(node, "averageScore", TOTAL_POINTS).orElse(0),
        range,
        Collections.unmodifiableMap(categories));
  }

  private static String seats(OptionalLong bound) {
    return bound.isPresent() ? Long.toString(bound.getAsLong()) : "?";
  }

  private static ControlProfile profile(Node node, String source) {
    String id = Fields.requiredName(node, "id");
    return new ControlProfile(
        id,
        Fields.text(node, "title").orElse(id),
        categoryOf(node).orElse(""),
        Fields.requiredNumber(node, "maxScore", MAX_POINTS),
        Fields.text(node, "service").orElse(""),
        Fields.text(node, "tier").flatMap(t -> choice(TIERS, t, Tier.values())),
        level(node, "implementationCost"),
        level(node, "userImpact"),
        Fields.texts(node, "threats"),
        Fields.bool(node, "deprecated", false),
        Fields.text(node, "actionUrl").orElse(""),
        Fields.text(node, "remediation").orElse(""),
        state(node),
        source);
  }

  /** Low, Moderate (also Medium) or High in any case; Unknown, null or missing is empty. */
  private static Optional<Level> level(Node node, String name) {
    return Fields.text(node, name).flatMap(t -> choice(LEVELS, t, Level.values()));
  }

  /** The spellings seen so far, each matched once: every profile has a tier and two levels. */
  private static final Map<String, Optional<Tier>> TIERS = new ConcurrentHashMap<>();
  private static final Map<String, Optional<Level>> LEVELS = new ConcurrentHashMap<>();
  private static final int SPELLINGS_KEPT = 256;

  private static <T extends Labelled> Optional<T> choice(Map<String, Optional<T>> seen, String text, T[] values) {
    Optional<T> known = seen.get(text);
    if (known != null) {
      return known;
    }
    Optional<T> matched = Node.match(text, values);
    if (seen.size() < SPELLINGS_KEPT) {
      seen.put(text, matched);
    }
    return matched;
  }

  /** What a control's state may be in the portal. */
  private static final List<String> STATES = List.of("Default", "Ignored", "ThirdParty", "Reviewed");

  /**
   * The latest of {@code controlStateUpdates} (by updatedDateTime; the last listed when dates are
   * missing), or the flat {@code State} field PowerShell exports carry.
   */
  private static Optional<StateUpdate> state(Node node) {
    StateUpdate latest = null;
    Instant latestAt = Instant.MIN;
    for (Node update : Fields.field(node, "controlStateUpdates").items()) {
      Optional<String> state = stateOf(update);
      Node updated = Fields.field(update, "updatedDateTime");
      Instant at = updated.isMissing() ? Instant.MIN : dateTime(updated).toInstant();
      if (state.isPresent() && (latest == null || !at.isBefore(latestAt))) {
        latest = new StateUpdate(state.get(), Fields.text(update, "updatedBy").orElse(""), updated.isMissing() ? "" : at.toString(),
            Fields.text(update, "comment").orElse(""));
        latestAt = at;
      }
    }
    return latest != null ? Optional.of(latest) : stateOf(node).map(s -> new StateUpdate(s, "", "", ""));
  }

  private static Optional<String> stateOf(Node node) {
    Optional<String> state = Fields.text(node, "state");
    if (state.isPresent() && STATES.stream().noneMatch(state.get()::equalsIgnoreCase)) {
      throw Fields.field(node, "state").error("expected one of " + String.join(", ", STATES) + ", found "
          + Node.quoted(Fields.visible(state.get())));
    }
    return state;
  }
}
