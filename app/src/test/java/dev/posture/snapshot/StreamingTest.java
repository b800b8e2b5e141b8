package dev.posture.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.posture.catalog.Catalog;
import dev.posture.catalog.CatalogLoader;
import dev.posture.catalog.Collection;
import dev.posture.input.Document;
import dev.posture.input.DocumentReader;
import dev.posture.input.InputException;
import dev.posture.scoring.ActionResult;
import dev.posture.scoring.Assessment;
import dev.posture.scoring.ScoringEngine;
import dev.posture.state.State;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class StreamingTest {
  @TempDir Path dir;

  private Path generate(SyntheticTenant.Profile profile, int users, int devices, long seed) throws Exception {
    Path file = dir.resolve(profile + "-" + seed + ".json");
    try (OutputStream out = Files.newOutputStream(file)) {
      new SyntheticTenant(profile, users, devices, seed).write(out);
    }
    return file;
  }

  /** The same snapshot held whole in memory: what streaming must agree with. */
  private static Snapshot inMemory(Path file) {
    Document whole = DocumentReader.read(file);
    Map<Collection, List<Map<String, Object>>> collections = new EnumMap<>(Collection.class);
    Set<String> present = new HashSet<>();
    for (Collection c : Collection.values()) {
      JsonNode list = whole.root().get(c.section());
      if (list != null && list.isArray()) {
        present.add(c.section());
      }
      collections.put(c, list == null ? List.of() : list.valueStream().map(CelValues::map).toList());
      ((tools.jackson.databind.node.ObjectNode) whole.root()).remove(c.section());
    }
    return SnapshotLoader.build(whole, present, (wanted, visitor) -> {
      for (Collection c : wanted) {
        collections.get(c).forEach(e -> visitor.visit(c, e));
      }
    });
  }

  @Test
  void streamingGivesTheSameAssessmentAsHoldingEverything() throws Exception {
    Catalog catalog = new CatalogLoader().load(Path.of("../catalog"));
    for (SyntheticTenant.Profile profile : SyntheticTenant.Profile.values()) {
      Path file = generate(profile, 3000, 600, 11);

      Snapshot streamed = new SnapshotLoader().load(SnapshotLocation.resolve(file.toString(), Optional.empty()), null);
      Assessment a = new ScoringEngine().assess(catalog, streamed, State.EMPTY, Map.of());
      Assessment b = new ScoringEngine().assess(catalog, inMemory(file), State.EMPTY, Map.of());

      assertThat(a.scores()).as(profile.toString()).isEqualTo(b.scores());
      assertThat(a.actions()).extracting(ActionResult::id, ActionResult::points, ActionResult::coverage)
          .containsExactlyElementsOf(b.actions().stream().map(r -> org.assertj.core.groups.Tuple.tuple(r.id(), r.points(), r.coverage())).toList());
      assertThat(a.actions()).as("a synthetic tenant has every field the checks read").allMatch(r -> r.error().isEmpty());
    }
  }

  @Test
  void generationIsDeterministic() throws Exception {
    ByteArrayOutputStream one = new ByteArrayOutputStream();
    ByteArrayOutputStream two = new ByteArrayOutputStream();
    ByteArrayOutputStream other = new ByteArrayOutputStream();

    new SyntheticTenant(SyntheticTenant.Profile.SMB, 200, 50, 5).write(one);
    new SyntheticTenant(SyntheticTenant.Profile.SMB, 200, 50, 5).write(two);
    new SyntheticTenant(SyntheticTenant.Profile.SMB, 200, 50, 6).write(other);

    assertThat(one.toByteArray()).isEqualTo(two.toByteArray());
    assertThat(one.toByteArray()).isNotEqualTo(other.toByteArray());
  }

  @Test
  void aMalformedElementIsReportedWithItsLineAndPath() throws Exception {
    Path file = dir.resolve("s.json");
    Files.writeString(file, "{\n\"tenant\": {\"id\": \"t\", \"displayName\": \"T\"},\n\"devices\": [\n{\"osPlatform\": \"Windows11\"},\n[1, 2]\n]\n}\n");

    assertThatThrownBy(() -> new SnapshotLoader().load(SnapshotLocation.resolve(file.toString(), Optional.empty()), null))
        .isInstanceOf(InputException.class)
        .hasMessage(file + ":5: $.devices[1]: expected a mapping (an object with named fields), found a list");
  }

  @Test
  void collectionsAreReadAgainOnEachPassAndOnlyWhenAsked() throws Exception {
    Path file = generate(SyntheticTenant.Profile.ENTERPRISE, 10, 4, 2);
    Snapshot s = new SnapshotLoader().load(SnapshotLocation.resolve(file.toString(), Optional.empty()), null);
    Map<Collection, Integer> seen = new EnumMap<>(Collection.class);

    s.elements().forEach(Set.of(Collection.DEVICES), (c, e) -> seen.merge(c, 1, Integer::sum));
    s.elements().forEach(Set.of(Collection.USERS, Collection.MAILBOXES), (c, e) -> seen.merge(c, 1, Integer::sum));

    assertThat(seen).containsExactlyInAnyOrderEntriesOf(Map.of(Collection.DEVICES, 4, Collection.USERS, 10, Collection.MAILBOXES, 10));
  }
}
