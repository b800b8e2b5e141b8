package dev.posture.graph;

import dev.posture.catalog.Level;
import dev.posture.catalog.Tier;
import dev.posture.input.DocumentReader;
import dev.posture.input.InputException;
import dev.posture.input.Node;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
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

  public GraphExport read(List<Path> paths) {
    TreeMap<String, DailyScore> days = new TreeMap<>();
    Map<String, ControlProfile> profiles = new LinkedHashMap<>();
    for (Path file : files(paths)) {
      for (Node item : items(DocumentReader.read(file).rootNode())) {
        if (Fields.has(item, "controlScores")) {
          DailyScore day = day(item);
          days.putIfAbsent(day.date(), day);
        } else if (Fields.has(item, "maxScore") && Fields.has(item, "id")) {
          ControlProfile profile = profile(item, file.toString());
          profiles.putIfAbsent(ControlIds.key(profile.id()), profile);
        } else {
          throw item.error("expected a secureScore (with controlScores) or a secureScoreControlProfile (with id and maxScore)");
        }
      }
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

  /** The items of a page ({@code value}) or of a bare array; a single object counts as one item. */
  private static List<Node> items(Node root) {
    if (root.value().isArray()) {
      return root.items();
    }
    root.object();
    Node value = Fields.field(root, "value");
    return value.isMissing() ? List.of(root) : value.items();
  }

  private static DailyScore day(Node node) {
    String created = dateTime(Fields.text(node, "createdDateTime")
        .orElseThrow(() -> node.error("missing required field 'createdDateTime'")));
    List<ControlScore> controls = new ArrayList<>();
    for (Node c : Fields.field(node, "controlScores").items()) {
      controls.add(new ControlScore(
          Fields.text(c, "controlName").orElseThrow(() -> c.error("missing required field 'controlName'")),
          category(c),
          Fields.requiredNumber(c, "score"),
          Fields.number(c, "scoreInPercentage"),
          Fields.number(c, "count"),
          Fields.number(c, "total"),
          Fields.text(c, "implementationStatus").orElse("")));
    }
    List<Comparison> comparisons = new ArrayList<>();
    for (Node c : Fields.field(node, "averageComparativeScores").items()) {
      comparisons.add(comparison(c));
    }
    return new DailyScore(
        Fields.text(node, "azureTenantId").orElse(""),
        created.length() >= 10 ? created.substring(0, 10) : created,
        created,
        Fields.number(node, "currentScore").orElse(Double.NaN),
        Fields.number(node, "maxScore").orElse(Double.NaN),
        (int) Fields.number(node, "licensedUserCount").orElse(0),
        Fields.texts(node, "enabledServices"),
        List.copyOf(controls),
        List.copyOf(comparisons));
  }

  /** The control's category, one of Graph's five in any case. */
  private static String category(Node control) {
    Node field = Fields.field(control, "controlCategory");
    String text = Fields.text(control, "controlCategory")
        .orElseThrow(() -> control.error("missing required field 'controlCategory'"));
    for (String known : CATEGORIES) {
      if (known.equalsIgnoreCase(text)) {
        return text;
      }
    }
    throw field.error("expected one of Identity, Device, Apps, Data, Infrastructure, found '" + text + "'");
  }

  private static final Pattern MICROSOFT_DATE = Pattern.compile("/Date\\((-?\\d+)\\)/");

  /** ISO 8601 as Graph writes it, or Windows PowerShell's {@code /Date(1704067200000)/}. */
  private static String dateTime(String text) {
    Matcher m = MICROSOFT_DATE.matcher(text);
    return m.matches() ? Instant.ofEpochMilli(Long.parseLong(m.group(1))).toString() : text;
  }

  private static final String[] CATEGORIES = {"identity", "device", "apps", "data", "infrastructure"};

  private static Comparison comparison(Node node) {
    Map<String, Comparison.Average> categories = new LinkedHashMap<>();
    for (String category : CATEGORIES) {
      var score = Fields.number(node, category + "Score");
      if (score.isPresent()) {
        String label = Character.toUpperCase(category.charAt(0)) + category.substring(1);
        categories.put(label, new Comparison.Average(score.getAsDouble(), Fields.number(node, category + "ScoreMax").orElse(0)));
      }
    }
    Optional<String> lower = Fields.text(node, "SeatSizeRangeLowerValue");
    Optional<String> upper = Fields.text(node, "SeatSizeRangeUpperValue");
    Optional<String> range = lower.isPresent() || upper.isPresent()
        ? Optional.of(lower.orElse("?") + "-" + upper.orElse("?"))
        : Optional.empty();
    return new Comparison(
        Fields.text(node, "basis").orElse("Unknown"),
        Fields.number(node, "averageScore").orElse(0),
        range,
        Collections.unmodifiableMap(categories));
  }

  private static ControlProfile profile(Node node, String source) {
    String id = Fields.text(node, "id").orElseThrow(() -> node.error("missing required field 'id'"));
    return new ControlProfile(
        id,
        Fields.text(node, "title").orElse(id),
        Fields.text(node, "controlCategory").orElse(""),
        Fields.requiredNumber(node, "maxScore"),
        Fields.text(node, "service").orElse(""),
        Fields.text(node, "tier").flatMap(t -> Node.match(t, Tier.values())),
        level(node, "implementationCost"),
        level(node, "userImpact"),
        Fields.texts(node, "threats"),
        deprecated(node),
        Fields.text(node, "actionUrl").orElse(""),
        Fields.text(node, "remediation").orElse(""),
        state(node),
        source);
  }

  private static boolean deprecated(Node node) {
    Node field = Fields.field(node, "deprecated");
    return !field.isMissing() && field.value().asBoolean();
  }

  /** Low, Moderate (also Medium) or High in any case; Unknown, null or missing is empty. */
  private static Optional<Level> level(Node node, String name) {
    return Fields.text(node, name).flatMap(t -> Node.match(t, Level.values()));
  }

  /**
   * The latest of {@code controlStateUpdates} (by updatedDateTime; the last listed when dates are
   * missing), or the flat {@code State} field PowerShell exports carry.
   */
  private static Optional<StateUpdate> state(Node node) {
    StateUpdate latest = null;
    for (Node update : Fields.field(node, "controlStateUpdates").items()) {
      Optional<String> state = Fields.text(update, "state");
      String at = Fields.text(update, "updatedDateTime").orElse("");
      if (state.isPresent() && (latest == null || at.compareTo(latest.at()) >= 0)) {
        latest = new StateUpdate(state.get(), Fields.text(update, "updatedBy").orElse(""), at,
            Fields.text(update, "comment").orElse(""));
      }
    }
    return latest != null ? Optional.of(latest) : Fields.text(node, "state").map(s -> new StateUpdate(s, "", "", ""));
  }
}
