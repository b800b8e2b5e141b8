package dev.posture.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The inputs too large, too many or too odd to keep as files in the corpus: folders where files were
 * expected, missing and unreadable files, megabyte strings, a billion laughs, endless devices and
 * gigabyte files read by a JVM with a 64 MB heap, named pipes, process substitutions and UTF-16. Each
 * bad one is invalid input (3) told in one line, in bounded time and memory.
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
   * hundred thousand deep, a number of a million digits, a ten-megabyte string, and YAML lines of 40
   * megabytes of spaces or of one value. Any of them, read naively, would exhaust the heap or the stack.
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
        Files.writeString(dir.resolve("string.json"), "{\"tenant\": {\"id\": \"" + "x".repeat(10 << 20) + "\"}}"),
        Files.writeString(dir.resolve("spaces.yaml"), " ".repeat(40 << 20) + "tenant: {id: a, displayName: b}\n"),
        Files.writeString(dir.resolve("value.yaml"), "tenant: {id: a, displayName: " + "x".repeat(40 << 20) + "}\n"));

    for (Path input : inputs) {
      Process process = java("-Xmx64m", "-Xss512k", Main.class.getName(), "assess", input.toString());
      assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("%s finished", input).isTrue();
      String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(process.exitValue()).as("%s: %s", input, err).isEqualTo(ExitCode.INVALID_INPUT);
      assertThat(err.strip()).as(input.toString()).startsWith("posture: " + input).doesNotContain("\n", "Exception", "\tat ");
    }
  }

  /**
   * In a JVM of its own with a 64 MB heap: inputs that never end or are gigabytes long, given every
   * way posture takes input. Each is refused in one line, quickly, before it is read whole: a device
   * or a huge file by what it is, standard input once past a bad first character.
   */
  @Test
  void endlessAndHugeInputsInASmallHeapAreRefusedWithOneLine() throws Exception {
    Path sparse = dir.resolve("sparse.json");
    try (FileChannel channel = FileChannel.open(sparse, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      channel.write(ByteBuffer.wrap(new byte[] {'}'}), 3L << 30); // 3 GB of zeros, on no disk
    }
    Path linkedYaml = Files.createDirectory(dir.resolve("linked"));
    Files.createSymbolicLink(linkedYaml.resolve("posture.yaml"), Path.of("/dev/zero"));
    Path sparseYaml = Files.createDirectory(dir.resolve("sparse"));
    Files.createSymbolicLink(sparseYaml.resolve("posture.yaml"), sparse);
    Path numbers = dir.resolve("numbers.json");
    try (var out = new java.io.BufferedWriter(Files.newBufferedWriter(numbers))) {
      out.write("{\"tenant\": {\"id\": \"a\", \"displayName\": \"b\"}, \"unknownSection\": [1");
      for (int i = 0; i < 2_000_000; i++) {
        out.write(",1");
      }
      out.write("]}");
    }
    String tooLarge = ": is too large (3.0 GiB); at most ";
    record Case(Path workingDir, Map<String, String> env, boolean zeroIn, String expected, List<String> args) {}
    List<Case> cases = List.of(
        new Case(dir, Map.of(), true, "posture: <stdin>:1: not valid YAML: the character U+0000 is not allowed (column 1)", List.of("assess", "-")),
        new Case(dir, Map.of("POSTURE_CATALOG", "/dev/zero"), false, "posture: /dev/zero: is a device, not a regular file", List.of("assess", CONTOSO)),
        new Case(dir, Map.of(), false, "posture: /dev/zero: is a device, not a regular file", List.of("assess", CONTOSO, "--state", "/dev/zero")),
        new Case(dir, Map.of(), false, "posture: /dev/zero: is a device, not a regular file", List.of("assess", CONTOSO, "--baseline", "/dev/zero")),
        new Case(dir, Map.of(), false, "posture: /dev/zero: is a device, not a regular file", List.of("assess", "--graph", "/dev/zero")),
        new Case(dir, Map.of(), false, "posture: " + sparse + tooLarge + "1 GiB is read", List.of("assess", sparse.toString())),
        new Case(dir, Map.of(), false, "posture: " + sparse + tooLarge + "64 MiB is read", List.of("assess", CONTOSO, "--state", sparse.toString())),
        new Case(dir, Map.of(), false, "posture: " + sparse + tooLarge + "1 GiB is read", List.of("assess", "--graph", sparse.toString())),
        new Case(linkedYaml, Map.of(), false, "posture: " + linkedYaml.resolve("posture.yaml") + ": is a device, not a regular file", List.of("--version")),
        new Case(sparseYaml, Map.of(), false, "posture: " + sparseYaml.resolve("posture.yaml") + tooLarge + "64 MiB is read", List.of("--version")),
        new Case(dir, Map.of(), false, "posture: " + numbers + ":1: $.unknownSection[249996]: more than 250000 values in the settings (the sections "
            + "but users, devices and mailboxes); at most 250000 are read", List.of("assess", numbers.toString())));

    for (Case c : cases) {
      List<String> command = new ArrayList<>(List.of("-Xmx64m", "-Xss512k", "-XX:TieredStopAtLevel=1", Main.class.getName()));
      command.addAll(c.args());
      ProcessBuilder builder = javaBuilder(command.toArray(String[]::new)).directory(c.workingDir().toFile());
      builder.environment().put("POSTURE_CACHE_DIR", "off");
      builder.environment().putAll(c.env());
      builder.redirectInput(c.zeroIn() ? ProcessBuilder.Redirect.from(new java.io.File("/dev/zero")) : ProcessBuilder.Redirect.PIPE);
      long start = System.nanoTime();
      Process process = builder.start();
      assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("%s finished", c.args()).isTrue();
      String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(process.exitValue()).as("%s: %s", c.args(), err).isEqualTo(ExitCode.INVALID_INPUT);
      assertThat(err.strip()).as(c.args().toString()).isEqualTo(c.expected());
      assertThat(Duration.ofNanos(System.nanoTime() - start)).as(c.args().toString()).isLessThan(Duration.ofSeconds(40));
    }
  }

  /**
   * In a JVM of its own with a 64 MB heap: pipes larger than the heap, given as standard input and as
   * process substitutions, are kept in a temporary file rather than in memory. A snapshot behind 80 MB
   * of white space is assessed; a state file that never ends is refused at its bound, in one line.
   */
  @Test
  void pipesLargerThanTheHeapAreSpooledNotHeld() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String posture = "\"$0\" -Xmx64m -XX:TieredStopAtLevel=1 -cp \"$1\" " + Main.class.getName();
    String padded = "{ printf '{'; head -c 80000000 /dev/zero | tr '\\0' ' '; tail -c +2 \"$2\"; }";
    record Case(String script, int exit, String err) {}
    List<Case> cases = List.of(
        new Case(padded + " | exec " + posture + " assess - --format json", ExitCode.OK, ""),
        new Case("exec " + posture + " assess \"$2\" --state <(yes '# a comment')", ExitCode.INVALID_INPUT,
            "posture: /dev/fd/63: is too large; at most 64 MiB is read"));

    for (Case c : cases) {
      Process process = new ProcessBuilder("bash", "-c", c.script(), java, System.getProperty("java.class.path"), CONTOSO)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      process.getOutputStream().close();
      assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("%s finished", c.script()).isTrue();
      String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(process.exitValue()).as("%s: %s", c.script(), err).isEqualTo(c.exit());
      assertThat(err.strip()).as(c.script()).isEqualTo(c.err());
    }
  }

  /** A named pipe would hang a reader until someone wrote to it: it is refused without being opened. */
  @Test
  void aNamedPipeIsRefusedAtOnceWhereverItIs() throws Exception {
    Path tenant = Tenants.contoso(dir);
    Path fifoState = tenant.resolve("posture-state.yaml");
    Files.delete(fifoState);
    mkfifo(fifoState);
    Path graph = Files.createDirectory(dir.resolve("graph"));
    Files.copy(Path.of("src/test/resources/graph/tenant/secureScores.json"), graph.resolve("secureScores.json"));
    mkfifo(graph.resolve("profiles.json"));
    Path work = Files.createDirectory(dir.resolve("work"));
    mkfifo(work.resolve("posture.yaml"));
    Path fifoTenant = Files.createDirectory(dir.resolve("fifo-tenant"));
    mkfifo(fifoTenant.resolve("snapshot.json"));

    assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
      Cli.run("assess", tenant.toString()).exited(ExitCode.INVALID_INPUT).oneLineError()
          .errContains("posture: " + fifoState + ": is a named pipe, not a regular file; to read from a pipe, give - for standard input");
      Cli.run("tags", "add", tenant.toString(), "OneAdmin", "x", "--actor", "megan.bowen@contoso.com").exited(ExitCode.INVALID_INPUT)
          .oneLineError().errContains("posture: " + fifoState + ": is a named pipe");
      Cli.run("assess", "--graph", graph.toString()).exited(ExitCode.INVALID_INPUT).oneLineError()
          .errContains("posture: " + graph.resolve("profiles.json") + ": is a named pipe");
      Cli.runIn(Map.of(), work, "--version").exited(ExitCode.INVALID_INPUT).oneLineError()
          .errContains("posture: " + work.resolve("posture.yaml") + ": is a named pipe");
      Cli.run("assess", fifoTenant.toString()).exited(ExitCode.INVALID_INPUT).oneLineError()
          .errContains("posture: " + fifoTenant.resolve("snapshot.json") + ": is a named pipe");
    });
  }

  /** What the shell passes for {@code <(...)} is a pipe too, read as a stream, as standard input is. */
  @Test
  void aProcessSubstitutionIsReadAsAStream() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String script = "exec \"$0\" -cp \"$1\" " + Main.class.getName() + " assess <(cat \"$2\") --state <(printf 'actions: {}\\n') --format json";
    Process process = new ProcessBuilder("bash", "-c", script, java, System.getProperty("java.class.path"), CONTOSO)
        .redirectOutput(dir.resolve("out.json").toFile()).redirectError(dir.resolve("err.txt").toFile()).start();
    process.getOutputStream().close();

    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(Files.readString(dir.resolve("err.txt"))).isZero();
    assertThat(Files.readString(dir.resolve("out.json"))).contains("\"displayName\" : \"Contoso Pharmaceuticals\"");
  }

  /** One rule: UTF-8, or UTF-16 by its byte-order mark or its zero bytes, from a file or from standard input alike. */
  @Test
  void utf16IsReadTheSameFromAFileAndFromStandardInput() throws Exception {
    String state = Path.of("../samples/contoso/posture-state.yaml").toString();
    String expected = Cli.run("assess", CONTOSO, "--state", state, "--format", "json").succeeded().out();
    byte[] utf8 = Files.readAllBytes(Path.of(CONTOSO));
    for (java.nio.charset.Charset charset : List.of(StandardCharsets.UTF_16, StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE)) {
      byte[] utf16 = new String(utf8, StandardCharsets.UTF_8).getBytes(charset);
      Path file = Files.write(dir.resolve("snapshot-" + charset.name() + ".json"), utf16);

      assertThat(Cli.run("assess", file.toString(), "--state", state, "--format", "json").succeeded().out())
          .as(charset.name()).isEqualTo(expected.replace(CONTOSO, file.toString()));
      assertThat(Cli.runWithInput(new java.io.ByteArrayInputStream(utf16), "assess", "-", "--state", state, "--format", "json").succeeded().out())
          .as(charset.name()).isEqualTo(expected.replace(CONTOSO, "<stdin>"));
    }
    Path utf16State = Files.write(dir.resolve("state.yaml"), "actions:\n  OneAdmin:\n    tags: [x]\n".getBytes(StandardCharsets.UTF_16));
    assertThat(Cli.run("actions", "show", CONTOSO, "OneAdmin", "--state", utf16State.toString()).succeeded().out()).contains("Tags: x");
  }

  /** The same size bound for JSON and YAML: a YAML snapshot larger than YAML's own 3 MB default reads as JSON does. */
  @Test
  void aLargeYamlSnapshotReadsAsTheSameJsonDoes() throws Exception {
    StringBuilder yaml = new StringBuilder("tenant: {id: b3f2c1de-4a5b-4c6d-8e9f-0a1b2c3d4e5f, displayName: Big, capturedAt: 2026-11-20T07:30:00Z}\nusers:\n");
    StringBuilder json = new StringBuilder("{\"tenant\": {\"id\": \"b3f2c1de-4a5b-4c6d-8e9f-0a1b2c3d4e5f\", \"displayName\": \"Big\", "
        + "\"capturedAt\": \"2026-11-20T07:30:00Z\"}, \"users\": [");
    for (int i = 0; i < 40_000; i++) {
      yaml.append("  - {id: u").append(i).append(", userPrincipalName: user").append(i).append("@big.example.com, accountEnabled: true}\n");
      json.append(i == 0 ? "" : ",").append("{\"id\": \"u").append(i).append("\", \"userPrincipalName\": \"user").append(i)
          .append("@big.example.com\", \"accountEnabled\": true}");
    }
    Path yamlFile = Files.writeString(dir.resolve("big.yaml"), yaml);
    Path jsonFile = Files.writeString(dir.resolve("big.json"), json.append("]}"));
    assertThat(Files.size(yamlFile)).isGreaterThan(3L << 20);

    String fromYaml = Cli.run("assess", yamlFile.toString(), "--format", "json").succeeded().out();
    String fromJson = Cli.run("assess", jsonFile.toString(), "--format", "json").succeeded().out();
    assertThat(fromYaml.replace(yamlFile.toString(), "FILE")).isEqualTo(fromJson.replace(jsonFile.toString(), "FILE"));
  }

  private static void mkfifo(Path path) throws Exception {
    assertThat(new ProcessBuilder("mkfifo", path.toString()).start().waitFor()).isZero();
  }

  private static ProcessBuilder javaBuilder(String... args) {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path")));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD);
  }

  private static Process java(String... args) throws IOException {
    return javaBuilder(args).start();
  }
}
