package dev.posture.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.posture.catalog.Catalog;
import dev.posture.catalog.CatalogLoader;
import dev.posture.graph.GraphAssessor;
import dev.posture.graph.GraphReader;
import dev.posture.graph.KnownControls;
import dev.posture.input.InputException;
import dev.posture.scoring.ScoringEngine;
import dev.posture.snapshot.Snapshot;
import dev.posture.snapshot.SnapshotLoader;
import dev.posture.snapshot.SnapshotLocation;
import dev.posture.state.State;
import dev.posture.state.StateLoader;
import dev.posture.tenant.CollectionReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every reader, fed arbitrary bytes, either reads them or fails with an {@link InputException}: no
 * other exception, no hang, whatever the input. A fuzzed snapshot is also scored with the bundled
 * catalogue, so values of any shape reach the checks (which make such an action Error, never throw).
 *
 * <p>In the normal test run each target runs on its seeds (the {@code ReadersFuzzTestInputs}
 * folder beside this class in the test resources) and on the inputs of earlier findings; with
 * {@code JAZZER_FUZZ=1} Jazzer mutates them for the time {@code maxDuration} gives.
 */
class ReadersFuzzTest {
  private static final Catalog CATALOG = new CatalogLoader().loadBundled();
  private static final Path DIR = temporaryFolder();

  private static Path temporaryFolder() {
    try {
      Path dir = Files.createTempDirectory("posture-fuzz");
      dir.toFile().deleteOnExit();
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path write(String name, byte[] data) {
    try {
      return Files.write(DIR.resolve(name), data);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs {@code read}, letting only the documented input error through. */
  private static void expectReadOrInputError(Runnable read) {
    try {
      read.run();
    } catch (InputException expected) {
      // one clear line for the user: what the CLI prints with exit code 3
    }
  }

  @FuzzTest(maxDuration = "60s")
  void catalogue(byte[] data) {
    Path file = write("catalogue.yaml", data);
    expectReadOrInputError(() -> new CatalogLoader(Optional.empty()).load(file));
  }

  @FuzzTest(maxDuration = "60s")
  void snapshot(byte[] data) {
    Path file = write("snapshot.json", data);
    expectReadOrInputError(() -> {
      Snapshot snapshot = new SnapshotLoader().load(SnapshotLocation.resolve(file.toString(), Optional.empty()), InputStream.nullInputStream());
      new ScoringEngine().assess(CATALOG, snapshot, State.EMPTY, Map.of());
    });
  }

  @FuzzTest(maxDuration = "60s")
  void state(byte[] data) {
    expectReadOrInputError(() -> new StateLoader().parse("posture-state.yaml", data));
  }

  @FuzzTest(maxDuration = "60s")
  void collection(byte[] data) {
    Path file = write("collection.json", data);
    expectReadOrInputError(() -> new CollectionReader().read(file).notCollected());
  }

  @FuzzTest(maxDuration = "60s")
  void graphExport(byte[] data) {
    Path file = write("secureScores.json", data);
    expectReadOrInputError(() -> new GraphAssessor(CATALOG, KnownControls.bundled())
        .assess(new GraphReader().read(List.of(file)), State.EMPTY));
  }
}
