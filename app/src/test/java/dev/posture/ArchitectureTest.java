package dev.posture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Keeps the packages following the data: the scoring core stays pure, nothing depends on the CLI. */
class ArchitectureTest {
  private static final Path MAIN = Path.of("src/main/java/dev/posture");

  private static List<String> importsOf(String pkg) throws IOException {
    try (Stream<Path> files = Files.walk(MAIN.resolve(pkg))) {
      return files.filter(f -> f.toString().endsWith(".java"))
          .flatMap(f -> {
            try {
              return Files.readAllLines(f).stream().filter(l -> l.startsWith("import ")).map(l -> f.getFileName() + ": " + l);
            } catch (IOException e) {
              throw new java.io.UncheckedIOException(e);
            }
          })
          .toList();
    }
  }

  @Test
  void scoringDoesNoIoAndKnowsNoParserOrCli() throws IOException {
    assertThat(importsOf("scoring")).noneMatch(l -> l.matches(".*import (static )?(java\\.io|java\\.nio|tools\\.jackson|picocli|dev\\.cel|dev\\.posture\\.(cli|report|input))\\..*"));
  }

  @Test
  void onlyTheCliKnowsPicocli() throws IOException {
    for (String pkg : new String[] {"input", "collect", "catalog", "snapshot", "state", "scoring", "graph", "report", "store", "fleet", "tenant", "scubagear"}) {
      assertThat(importsOf(pkg)).as(pkg).noneMatch(l -> l.contains("import picocli") || l.contains("dev.posture.cli"));
    }
  }

  @Test
  void layersDependOnlyOnEarlierOnes() throws IOException {
    assertThat(importsOf("catalog")).noneMatch(l -> l.matches(".*dev\\.posture\\.(snapshot|state|scoring|report)\\..*"));
    assertThat(importsOf("snapshot")).noneMatch(l -> l.matches(".*dev\\.posture\\.(state|scoring|report)\\..*"));
    assertThat(importsOf("state")).noneMatch(l -> l.matches(".*dev\\.posture\\.(scoring|report)\\..*"));
    assertThat(importsOf("scoring")).noneMatch(l -> l.matches(".*dev\\.posture\\.(store|fleet)\\..*"));
    assertThat(importsOf("store")).noneMatch(l -> l.matches(".*dev\\.posture\\.(report|fleet|collect)\\..*"));
  }

  @Test
  void onlyTheStoreSpeaksJdbc() throws IOException {
    for (String pkg : new String[] {"input", "collect", "catalog", "snapshot", "graph", "state", "scoring", "report", "cli", "fleet", "tenant", "scubagear"}) {
      assertThat(importsOf(pkg)).as(pkg).noneMatch(l -> l.matches(".*import (java\\.sql|org\\.sqlite|org\\.postgresql)\\..*"));
    }
  }

  @Test
  void onlyTheCliKnowsTheCollector() throws IOException {
    for (String pkg : new String[] {"input", "catalog", "snapshot", "state", "scoring", "graph", "report", "store", "fleet", "tenant", "scubagear"}) {
      assertThat(importsOf(pkg)).as(pkg).noneMatch(l -> l.contains("dev.posture.collect") || l.contains("com.azure")
          || l.contains("java.net.http"));
    }
    assertThat(importsOf("collect")).noneMatch(l -> l.matches(".*dev\\.posture\\.(catalog|snapshot|state|scoring|graph|report|store|fleet|cli)\\..*"));
  }

  /** A collection and an import write a tenant folder the same way, and read nothing of it. */
  @Test
  void writersOfATenantFolderUseOnlyItsWritingParts() throws IOException {
    for (String pkg : new String[] {"collect", "scubagear"}) {
      assertThat(importsOf(pkg)).as(pkg).filteredOn(l -> l.contains("dev.posture.tenant."))
          .allMatch(l -> l.matches(".*dev\\.posture\\.tenant\\.(Staging|SnapshotWriter|CollectionRecord|CollectionWriter|TenantFolder);"));
    }
  }

  /** The ScubaGear import reads its file with posture's readers and writes a tenant folder; only the CLI calls it. */
  @Test
  void onlyTheCliKnowsTheScubaGearImport() throws IOException {
    for (String pkg : new String[] {"input", "collect", "catalog", "snapshot", "state", "scoring", "graph", "report", "store", "fleet", "tenant"}) {
      assertThat(importsOf(pkg)).as(pkg).noneMatch(l -> l.contains("dev.posture.scubagear"));
    }
    assertThat(importsOf("scubagear")).noneMatch(l -> l.matches(".*dev\\.posture\\.(catalog|snapshot|state|scoring|graph|report|store|fleet|collect|cli)\\..*")
        || l.contains("picocli") || l.contains("java.net"));
  }

  /**
   * A tenant folder is read and scored below the commands, so every command calls it and none repeats
   * it; the collector and the import use only the parts that write one.
   */
  @Test
  void onlyTheCliUsesTheTenantPackage_whichKnowsNoReport() throws IOException {
    for (String pkg : new String[] {"input", "catalog", "snapshot", "state", "scoring", "graph", "report", "store", "fleet"}) {
      assertThat(importsOf(pkg)).as(pkg).noneMatch(l -> l.contains("dev.posture.tenant."));
    }
    assertThat(importsOf("tenant")).noneMatch(l -> l.matches(".*dev\\.posture\\.(report|cli)\\..*"));
  }
}
