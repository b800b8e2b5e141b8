package dev.posture.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Broken and hostile inputs for every reader, one file a case under {@code corpus/READER/}, each run
 * through the command that reads it. {@code corpus/expected.tsv} holds what each must give: the exit
 * code and the one line on standard error (3 and a line naming the file, line or JSON path and what
 * was expected; 0 for the odd but valid ones, whose name starts with {@code ok-}). No case may take
 * more than a few seconds, print a stack trace or count as an internal error.
 *
 * <p>Rewrite the expectations with {@code -Dposture.updateGolden=true}, then read the diff: each
 * line is a message a user will see.
 */
class BadInputCorpusTest {
  private static final Path CORPUS = Path.of("src/test/resources/corpus");
  private static final Path EXPECTED = CORPUS.resolve("expected.tsv");
  private static final String CONTOSO = Path.of("../samples/contoso/snapshot.json").toAbsolutePath().normalize().toString();
  private static final Map<String, String> ACTUAL = new LinkedHashMap<>();

  /** How each reader's files are read: the command line, with FILE for the case. */
  private static List<String> command(String reader, String file) {
    return switch (reader) {
      case "catalogue" -> List.of("catalog", "validate", file);
      case "snapshot" -> List.of("assess", file);
      case "state" -> List.of("assess", CONTOSO, "--state", file);
      case "graph" -> List.of("assess", "--graph", file);
      case "posture-yaml" -> List.of("assess", CONTOSO); // the case is the working folder's posture.yaml
      default -> throw new IllegalArgumentException("no command for the corpus folder " + reader);
    };
  }

  @TestFactory
  Stream<DynamicTest> everyCaseGivesItsExpectedExitCodeAndOneLine() throws IOException {
    Map<String, String> expected = expectations();
    return cases().stream().map(name -> DynamicTest.dynamicTest(name, () -> {
      String actual = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> run(name));
      ACTUAL.put(name, actual);
      String[] result = actual.split("\t", 2);
      assertThat(Integer.parseInt(result[0])).as(actual).isIn(0, 3);
      assertThat(result[1]).as("one line, no stack trace").doesNotContain("\n", "\tat ", "Exception", "internal error");
      assertThat(name.substring(name.indexOf('/') + 1).startsWith("ok-")).as("only ok- cases succeed: " + actual)
          .isEqualTo(result[0].equals("0"));
      if (!Cli.updatingGolden()) {
        assertThat(actual).as("%s (rewrite with -Dposture.updateGolden=true)", name).isEqualTo(expected.get(name));
      }
    }));
  }

  @Test
  void everyExpectationHasItsCase() throws IOException {
    assumeFalse(Cli.updatingGolden(), "the expectations are being rewritten");
    assertThat(cases()).containsExactlyInAnyOrderElementsOf(expectations().keySet());
  }

  /** A snapshot is checked the same way by snapshot validate as by assess. */
  @TestFactory
  Stream<DynamicTest> snapshotValidateAgreesWithAssess() throws IOException {
    return cases().stream().filter(name -> name.startsWith("snapshot/")).map(name -> DynamicTest.dynamicTest(name, () -> {
      Cli.Result validate = assertTimeoutPreemptively(Duration.ofSeconds(20),
          () -> Cli.run("snapshot", "validate", CORPUS.resolve(name).toString()));
      String assess = run(name);
      assertThat(validate.exitCode()).as(validate.toString()).isEqualTo(Integer.parseInt(assess.substring(0, 1)));
      if (validate.exitCode() != 0) {
        assertThat(validate.exitCode() + "\t" + normalise(validate.err(), null)).isEqualTo(assess);
      }
    }));
  }

  @AfterAll
  static void rewriteWhenUpdating() throws IOException {
    if (Cli.updatingGolden() && !ACTUAL.isEmpty()) {
      StringBuilder out = new StringBuilder("# case\texit code\tstandard error\n");
      ACTUAL.entrySet().stream().sorted(Map.Entry.comparingByKey())
          .forEach(e -> out.append(e.getKey()).append('\t').append(e.getValue()).append('\n'));
      Files.writeString(EXPECTED, out, StandardCharsets.UTF_8);
    }
  }

  /** Runs one case and gives "exit code TAB standard error", paths relative to the corpus. */
  private static String run(String name) {
    String reader = name.substring(0, name.indexOf('/'));
    Path file = CORPUS.resolve(name);
    Cli.Result result;
    if (reader.equals("posture-yaml")) {
      Path dir = workingFolderWith(file);
      result = Cli.runIn(Map.of(), dir, command(reader, null).toArray(String[]::new));
      return result.exitCode() + "\t" + normalise(result.err(), dir);
    }
    result = Cli.run(command(reader, file.toString()).toArray(String[]::new));
    return result.exitCode() + "\t" + normalise(result.err(), null);
  }

  private static Path workingFolderWith(Path postureYaml) {
    try {
      Path dir = Files.createTempDirectory("posture-corpus");
      Files.copy(postureYaml, dir.resolve("posture.yaml"));
      dir.toFile().deleteOnExit();
      dir.resolve("posture.yaml").toFile().deleteOnExit();
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String normalise(String err, Path workingDir) {
    String text = err.strip().replace(CORPUS + "/", "");
    if (workingDir != null) {
      text = text.replace(workingDir.toString(), "WORKDIR");
    }
    return text;
  }

  private static List<String> cases() throws IOException {
    List<String> names = new ArrayList<>();
    try (Stream<Path> files = Files.walk(CORPUS)) {
      files.filter(Files::isRegularFile).filter(f -> !f.equals(EXPECTED))
          .forEach(f -> names.add(CORPUS.relativize(f).toString().replace('\\', '/')));
    }
    names.sort(null);
    return names;
  }

  private static Map<String, String> expectations() throws IOException {
    Map<String, String> expected = new LinkedHashMap<>();
    if (Files.exists(EXPECTED)) {
      for (String line : Files.readAllLines(EXPECTED, StandardCharsets.UTF_8)) {
        if (!line.startsWith("#") && !line.isBlank()) {
          int tab = line.indexOf('\t');
          expected.put(line.substring(0, tab), line.substring(tab + 1));
        }
      }
    }
    return expected;
  }
}
