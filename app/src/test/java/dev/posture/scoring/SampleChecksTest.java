package dev.posture.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.posture.catalog.Action;
import dev.posture.catalog.Catalog;
import dev.posture.catalog.CatalogLoader;
import dev.posture.catalog.Check;
import dev.posture.snapshot.SnapshotLoader;
import dev.posture.snapshot.SnapshotLocation;
import dev.posture.state.State;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every check of the shipped catalogue, run on the four sample tenants, against what
 * {@code checks/samples.csv} says each finds: pass / fail, covered/eligible, satisfied, or not
 * assessed (the sample lacks the section, or only Microsoft decides the action). Each check must
 * find something on one sample and miss something on another (a pass and a fail, or covered and
 * uncovered elements), so none can pass or fail by accident.
 */
class SampleChecksTest {
  private static final Catalog CATALOG = new CatalogLoader().load(Path.of("../catalog"));
  private static final List<String> TENANTS = List.of("contoso", "northwind", "fabrikam", "litware");
  private static final Map<String, Map<String, ActionResult>> RESULTS = assessSamples();

  @ParameterizedTest(name = "{0}")
  @MethodSource("expectations")
  void checkFindsWhatTheTableSays(String id, CSVRecord expected) {
    Action action = CATALOG.find(id).orElseThrow(() -> new AssertionError("no action " + id + " in the catalogue"));
    boolean found = false;
    boolean missed = false;
    for (String tenant : TENANTS) {
      ActionResult result = RESULTS.get(tenant).get(id);
      String cell = expected.get(tenant);
      assertThat(result.error()).as("%s on %s", id, tenant).isEmpty();
      if (cell.equals("not assessed")) {
        assertThat(result.notAssessed()).as("%s on %s", id, tenant).isPresent();
        continue;
      }
      assertThat(result.notAssessed()).as("%s on %s", id, tenant).isEmpty();
      assertThat(result.dataPoints()).as("%s on %s (%s)", id, tenant, cell).isCloseTo(points(action, cell), within(1e-9));
      if (cell.contains("/")) {
        assertThat(result.coverage()).as("%s on %s", id, tenant).contains(coverage(cell));
      }
      assertThat(result.satisfied()).as("%s on %s satisfied", id, tenant).isEqualTo(cell.equals("satisfied"));
      found |= result.dataPoints() > 0 || result.coverage().filter(c -> c.covered() > 0).isPresent();
      missed |= result.dataPoints() < action.maxScore();
    }
    if (action.check() instanceof Check.MicrosoftOnly) {
      assertThat(found || missed).as("%s is decided by Microsoft alone, on every sample", id).isFalse();
      return;
    }
    assertThat(found).as("%s finds something on some sample", id).isTrue();
    assertThat(missed).as("%s misses something on some sample", id).isTrue();
  }

  @Test
  void tableCoversEveryAction() {
    List<String> listed = expectations().map(a -> (String) a.get()[0]).collect(Collectors.toList());

    assertThat(listed).containsExactlyInAnyOrderElementsOf(CATALOG.actions().stream().map(Action::id).toList());
  }

  private static double points(Action action, String cell) {
    return switch (cell) {
      case "pass", "satisfied" -> action.maxScore();
      case "fail" -> 0;
      default -> action.maxScore() * coverage(cell).covered() / coverage(cell).eligible();
    };
  }

  private static Coverage coverage(String cell) {
    String[] parts = cell.split("/");
    return new Coverage(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
  }

  static Stream<Arguments> expectations() {
    try (Reader in = new InputStreamReader(SampleChecksTest.class.getResourceAsStream("/checks/samples.csv"), StandardCharsets.UTF_8)) {
      return CSVFormat.DEFAULT.builder().setCommentMarker('#').setHeader().setSkipHeaderRecord(true).get().parse(in)
          .getRecords().stream().map(r -> Arguments.of(r.get("action"), r)).toList().stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Data alone: an empty state, so recorded statuses do not hide what the checks found. */
  private static Map<String, Map<String, ActionResult>> assessSamples() {
    Map<String, Map<String, ActionResult>> results = new LinkedHashMap<>();
    for (String tenant : TENANTS) {
      SnapshotLocation location = SnapshotLocation.resolve("../samples/" + tenant, Optional.empty());
      Assessment assessment = new ScoringEngine()
          .assess(CATALOG, new SnapshotLoader().load(location, InputStream.nullInputStream()), State.EMPTY, Map.of());
      results.put(tenant, assessment.actions().stream().collect(Collectors.toMap(r -> r.action().id(), r -> r)));
    }
    return results;
  }
}
