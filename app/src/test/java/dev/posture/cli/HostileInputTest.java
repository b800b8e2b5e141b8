package dev.posture.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The inputs too large, too many or too odd to keep as files in the corpus: folders where files were
 * expected, missing and unreadable files, megabyte strings, and a billion laughs read by a JVM with a
 * 64 MB heap. Each is invalid input (3) told in one line, in bounded time and memory.
 */
class HostileInputTest {
  private static final String CONTOSO = Path.of("../samples/contoso/snapshot.json").toAbsolutePath().normalize().toString();
  private static final String MEGABYTES = "x".repeat(2 * 1024 * 1024);

  @TempDir Path dir;

  @Test
  void aFolderWhereAFileWasExpected() throws IOException {
    Path empty = Files.createDirectory(dir.resolve("empty"));

    Cli.run("catalog", "validate", empty.toString()).exited(ExitCode.INVALID_INPUT).oneLineError()
        .errContains(empty + ": the folder holds no catalogue files; expected *.yaml files of improvement actions");
    Cli.run("assess", empty.toString()).exited(ExitCode.INVALID_INPUT).oneLineError()
        .errContains(empty + ": the folder holds no snapshot.json or snapshot.yaml");
    Cli.run("assess", CONTOSO, "--state", empty.toString()).exited(ExitCode.INVALID_INPUT).oneLineError()
        .errContains(empty + ": is a folder; expected a file");
    Cli.run("assess", "--graph", empty.toString()).exited(ExitCode.INVALID_INPUT).oneLineError()
        .errContains(empty + ": the folder holds no *.json Graph exports");
    Files.createDirectory(empty.resolve("posture.yaml"));
    Cli.runIn(Map.of(), empty, "assess", CONTOSO).exited(ExitCode.INVALID_INPUT).oneLineError()
        .errContains(empty.resolve("posture.yaml") + ": is a folder; expected a file");
  }

  @Test
  void aMissingFile() {
    Path missing = dir.resolve("missing.yaml");

    Cli.run("catalog", "validate", missing.toString()).exited(ExitCode.INVALID_INPUT).oneLineError()
        .errContains(missing + ": no such catalogue file or folder");
    Cli.run("assess", missing.toString()).exited(ExitCode.INVALID_INPUT).oneLineError()
        .errContains(missing + ": no such snapshot file or tenant folder");
    Cli.run("assess", "--graph", missing.toString()).exited(ExitCode.INVALID_INPUT).oneLineError()
        .errContains(missing + ": no such file");
    Cli.run("assess", CONTOSO, "--baseline", missing.toString()).exited(ExitCode.INVALID_INPUT).oneLineError()
        .errContains(missing + ": no such file");
  }

  /** Root reads any file, so this runs only for other users. */
  @Test
  void anUnreadableFile() throws IOException {
    Path snapshot = Files.copy(Path.of(CONTOSO), dir.resolve("snapshot.json"));
    Path state = Files.writeString(dir.resolve("decisions.yaml"), "actions: {}\n");
    Files.setPosixFilePermissions(snapshot, PosixFilePermissions.fromString("---------"));
    Files.setPosixFilePermissions(state, PosixFilePermissions.fromString("---------"));
    assumeFalse(Files.isReadable(snapshot), "this user can read any file");

    Cli.run("assess", snapshot.toString()).exited(ExitCode.INVALID_INPUT).oneLineError()
        .errContains(snapshot + ": cannot be read (permission denied)");
    Cli.run("assess", CONTOSO, "--state", state.toString()).exited(ExitCode.INVALID_INPUT).oneLineError()
        .errContains(state + ": cannot be read (permission denied)");
  }

  @Test
  void megabyteStringsInEveryReader() throws IOException {
    String tooLong = "not valid %s: a string longer than 1048576 characters";
    Path catalogue = Files.writeString(dir.resolve("catalogue.yaml"), "actions:\n  - id: A\n    title: " + MEGABYTES + "\n");
    Cli.run("catalog", "validate", catalogue.toString()).exited(ExitCode.INVALID_INPUT).oneLineError()
        .errContains(catalogue + ":3: " + tooLong.formatted("YAML"));

    Path settings = Files.writeString(dir.resolve("settings.json"), "{\"tenant\": {\"id\": \"" + MEGABYTES + "\"}}");
    Cli.run("assess", settings.toString()).exited(ExitCode.INVALID_INPUT).oneLineError()
        .errContains(settings + ":1: " + tooLong.formatted("JSON"));

    Path users = Files.writeString(dir.resolve("users.json"), Files.readString(Path.of(CONTOSO))
        .replaceFirst("\"users\": \\[", "\"users\": [{\"userPrincipalName\": \"" + MEGABYTES + "\"},"));
    Cli.run("assess", users.toString()).exited(ExitCode.INVALID_INPUT).oneLineError()
        .errContains(tooLong.formatted("JSON"));

    Path state = Files.writeString(dir.resolve("state.yaml"), "actions:\n  AdminMFAV2:\n    notes: [\"" + MEGABYTES + "\"]\n");
    Cli.run("assess", CONTOSO, "--state", state.toString()).exited(ExitCode.INVALID_INPUT).oneLineError()
        .errContains(state + ":3: " + tooLong.formatted("YAML"));

    Path graph = Files.writeString(dir.resolve("scores.json"), "{\"value\": [{\"controlScores\": [], \"id\": \"" + MEGABYTES + "\"}]}");
    Cli.run("assess", "--graph", graph.toString()).exited(ExitCode.INVALID_INPUT).oneLineError()
        .errContains(graph + ":1: " + tooLong.formatted("JSON"));
  }

  /**
   * In a JVM of its own with a 64 MB heap: a billion laughs (nine levels of nine aliases), nesting a
   * hundred thousand deep, a number of a million digits and a ten-megabyte string. Any of them, read
   * naively, would exhaust the heap or the stack.
   */
  @Test
  void hostileInputsInASmallHeapFailFastWithOneLine() throws Exception {
    StringBuilder laughs = new StringBuilder("tenant: {id: a, displayName: b}\nl0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for (int level = 1; level < 9; level++) {
      laughs.append("l").append(level).append(": &l").append(level).append(" [")
          .append(String.join(", ", java.util.Collections.nCopies(9, "*l" + (level - 1)))).append("]\n");
    }
    List<Path> inputs = List.of(
        Files.writeString(dir.resolve("laughs.yaml"), laughs),
        Files.writeString(dir.resolve("deep.json"), "{\"tenant\": " + "[".repeat(100_000) + "]".repeat(100_000) + "}"),
        Files.writeString(dir.resolve("digits.json"), "{\"tenant\": {\"seats\": " + "9".repeat(1_000_000) + "}}"),
        Files.writeString(dir.resolve("string.json"), "{\"tenant\": {\"id\": \"" + "x".repeat(10 << 20) + "\"}}"));

    for (Path input : inputs) {
      Process process = java("-Xmx64m", "-Xss512k", Main.class.getName(), "assess", input.toString());
      assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("%s finished", input).isTrue();
      String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(process.exitValue()).as("%s: %s", input, err).isEqualTo(ExitCode.INVALID_INPUT);
      assertThat(err.strip()).as(input.toString()).startsWith("posture: " + input).doesNotContain("\n", "Exception", "\tat ");
    }
  }

  private static Process java(String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path")));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
  }
}
