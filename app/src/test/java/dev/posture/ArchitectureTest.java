package dev.posture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the packages following the data: (collect ->) catalogue + snapshot + Microsoft's scores +
 * state -> scoring -> store / report, with the CLI on top. The scoring core stays pure, nothing
 * depends on the CLI, and only the entry point touches the process's streams and environment.
 */
class ArchitectureTest {
  private static final Path MAIN = Path.of("src/main/java/dev/posture");

  /** Every package of posture, by its folder name. */
  private static List<String> packages() throws IOException {
    try (Stream<Path> folders = Files.list(MAIN)) {
      return folders.filter(Files::isDirectory).map(f -> f.getFileName().toString()).sorted().toList();
    }
  }

  private static List<String> importsOf(String pkg) throws IOException {
    return linesOf(pkg).stream().filter(l -> l.contains(": import ")).toList();
  }

  /** Every line of the package's sources, each as "File.java: line". */
  private static List<String> linesOf(String pkg) throws IOException {
    Path folder = MAIN.resolve(pkg);
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(folder)) {
      return files.filter(f -> f.toString().endsWith(".java"))
          .flatMap(f -> {
            try {
              return Files.readAllLines(f).stream().map(l -> f.getFileName() + ": " + l.strip());
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          })
          .toList();
    }
  }

  @Test
  void scoringDoesNoIoAndKnowsNoParserTerminalOrSource() throws IOException {
    assertThat(importsOf("scoring")).noneMatch(l -> l.matches(
        ".*import (static )?(java\\.io|java\\.nio|java\\.sql|java\\.net|tools\\.jackson|picocli|org\\.jline|dev\\.cel|"
            + "dev\\.posture\\.(cli|report|input|graph|collect|store))\\..*"));
  }

  @Test
  void onlyTheCliKnowsPicocliAndTheTerminal() throws IOException {
    for (String pkg : packages()) {
      if (!pkg.equals("cli")) {
        assertThat(importsOf(pkg)).as(pkg).noneMatch(l -> l.contains("import picocli") || l.contains("import org.jline")
            || l.contains("dev.posture.cli."));
      }
    }
  }

  @Test
  void onlyTheCliTalksToCollect() throws IOException {
    for (String pkg : packages()) {
      if (!pkg.equals("cli") && !pkg.equals("collect")) {
        assertThat(importsOf(pkg)).as(pkg).noneMatch(l -> l.contains("dev.posture.collect."));
      }
    }
  }

  @Test
  void layersDependOnlyOnEarlierOnes() throws IOException {
    assertThat(importsOf("input")).noneMatch(l -> l.matches(".*dev\\.posture\\.(?!input\\.).*"));
    assertThat(importsOf("catalog")).noneMatch(l -> l.matches(".*dev\\.posture\\.(snapshot|graph|state|scoring|store|report)\\..*"));
    assertThat(importsOf("snapshot")).noneMatch(l -> l.matches(".*dev\\.posture\\.(graph|state|scoring|store|report)\\..*"));
    assertThat(importsOf("graph")).noneMatch(l -> l.matches(".*dev\\.posture\\.(store|report)\\..*"));
    assertThat(importsOf("state")).noneMatch(l -> l.matches(".*dev\\.posture\\.(graph|scoring|store|report)\\..*"));
    assertThat(importsOf("report")).noneMatch(l -> l.matches(".*dev\\.posture\\.(store|collect)\\..*"));
    assertThat(importsOf("scoring")).noneMatch(l -> l.matches(".*dev\\.posture\\.(store|fleet)\\..*"));
  }

  @Test
  void onlyTheEntryPointTouchesTheProcesssStreamsAndEnvironment() throws IOException {
    for (String pkg : packages()) {
      assertThat(linesOf(pkg)).as(pkg)
          .filteredOn(l -> !l.startsWith("Main.java: ") && !l.contains(": *") && !l.contains(": //"))
          .noneMatch(l -> l.matches(".*\\b(System\\.(out|err|in|getenv|console|exit)|FileDescriptor|Ansi\\.AUTO)\\b.*")
              || l.contains("System.getProperty(\"user.home\")"));
    }
  }

  @Test
  void onlyTheStoreSpeaksJdbc() throws IOException {
    for (String pkg : packages()) {
      if (!pkg.equals("store")) {
        assertThat(importsOf(pkg)).as(pkg).noneMatch(l -> l.matches(".*import (java\\.sql|org\\.sqlite|org\\.postgresql)\\..*"));
      }
    }
    assertThat(importsOf("store")).noneMatch(l -> l.matches(".*dev\\.posture\\.(report|fleet|collect)\\..*"));
  }

  @Test
  void onlyTheCollectorOpensConnections_andItKnowsNothingOfTheAssessment() throws IOException {
    for (String pkg : packages()) {
      if (!pkg.equals("collect") && !pkg.equals("cli")) {
        assertThat(importsOf(pkg)).as(pkg).noneMatch(l -> l.contains("com.azure") || l.contains("java.net.http"));
      }
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
    for (String pkg : packages()) {
      if (!pkg.equals("cli") && !pkg.equals("scubagear")) {
        assertThat(importsOf(pkg)).as(pkg).noneMatch(l -> l.contains("dev.posture.scubagear"));
      }
    }
    assertThat(importsOf("scubagear")).noneMatch(l -> l.matches(".*dev\\.posture\\.(catalog|snapshot|state|scoring|graph|report|store|fleet|collect|cli)\\..*")
        || l.contains("picocli") || l.contains("java.net"));
  }

  /**
   * A tenant folder is read and scored below the commands, so every command calls it and none repeats
   * it (a fleet assesses its tenants through it); the collector and the import use only the parts that write one.
   */
  @Test
  void onlyTheCliUsesTheTenantPackage_whichKnowsNoReport() throws IOException {
    for (String pkg : packages()) {
      if (!List.of("cli", "tenant", "collect", "scubagear", "fleet").contains(pkg)) {
        assertThat(importsOf(pkg)).as(pkg).noneMatch(l -> l.contains("dev.posture.tenant."));
      }
    }
    assertThat(importsOf("tenant")).noneMatch(l -> l.matches(".*dev\\.posture\\.(report|cli)\\..*"));
  }

  @Test
  void renderersAreGivenTheirOutputContextAndNeverInspectTheWriter() throws IOException {
    assertThat(linesOf("report")).noneMatch(l -> l.matches(".*instanceof \\w*(Writer|Screen)\\b.*"));
  }
}
