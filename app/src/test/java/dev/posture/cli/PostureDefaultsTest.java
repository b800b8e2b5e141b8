package dev.posture.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Precedence: command line > POSTURE_COMMAND_OPTION > POSTURE_OPTION > posture.yaml (command section, then top level) > built-in. */
class PostureDefaultsTest {
  private static final String CONTOSO = "../samples/contoso";
  private static final String CATALOG = "../catalog";

  @Test
  void builtInDefaultsWithoutFileOrEnvironment(@TempDir Path dir) {
    Cli.Result r = Cli.runIn(Map.of(), dir, "assess", CONTOSO, "--catalog", CATALOG).succeeded();

    assertThat(r.out()).isEqualTo(Cli.run("assess", CONTOSO, "--catalog", CATALOG).out()).contains("Top 10 open actions");
  }

  @Test
  void fileBeatsBuiltIn(@TempDir Path dir) throws Exception {
    file(dir, "format: json\ncatalog: " + Path.of(CATALOG).toAbsolutePath() + "\n");

    Cli.Result r = Cli.runIn(Map.of(), dir, "assess", CONTOSO).succeeded();

    assertThat(r.out()).isEqualTo(Cli.run("assess", CONTOSO, "--catalog", CATALOG, "--format", "json").out());
  }

  @Test
  void commandSectionBeatsTopLevelOfTheFile(@TempDir Path dir) throws Exception {
    file(dir, "top: 5\nassess:\n  top: 3\n");

    assertThat(Cli.runIn(Map.of(), dir, "assess", CONTOSO, "--catalog", CATALOG).succeeded().out()).contains("Top 3 open actions");
  }

  @Test
  void environmentBeatsFile(@TempDir Path dir) throws Exception {
    file(dir, "format: json\nassess:\n  top: 3\n");

    Cli.Result r = Cli.runIn(Map.of("POSTURE_FORMAT", "markdown", "POSTURE_TOP", "2"), dir, "assess", CONTOSO, "--catalog", CATALOG)
        .succeeded();

    assertThat(r.out()).startsWith("## Security posture: Contoso Pharmaceuticals").contains("### Top 2 open actions");
  }

  @Test
  void commandVariableBeatsGlobalVariable(@TempDir Path dir) {
    Cli.Result r = Cli.runIn(Map.of("POSTURE_TOP", "5", "POSTURE_ASSESS_TOP", "1"), dir, "assess", CONTOSO, "--catalog", CATALOG)
        .succeeded();

    assertThat(r.out()).contains("Top 1 open action by rank");
  }

  @Test
  void commandLineBeatsEverything(@TempDir Path dir) throws Exception {
    file(dir, "format: json\n");

    Cli.Result r = Cli.runIn(Map.of("POSTURE_FORMAT", "markdown"), dir, "assess", CONTOSO, "--catalog", CATALOG, "--format", "csv")
        .succeeded();

    assertThat(r.out()).startsWith("record,id,title");
  }

  @Test
  void inheritedOptionsTakeTheRunningCommandsSection(@TempDir Path dir) throws Exception {
    file(dir, "format: markdown\nassess:\n  format: json\n");

    assertThat(Cli.runIn(Map.of(), dir, "assess", CONTOSO, "--catalog", CATALOG).succeeded().out()).startsWith("{");
    assertThat(Cli.runIn(Map.of(), dir, "export", CONTOSO, "--catalog", CATALOG).succeeded().out()).startsWith("## Security posture");
    assertThat(Cli.runIn(Map.of("POSTURE_EXPORT_FORMAT", "csv"), dir, "export", CONTOSO, "--catalog", CATALOG).succeeded().out())
        .startsWith("record,");
  }

  @Test
  void aGlobalFormatAppliesOnlyToTheCommandsThatPrintIt(@TempDir Path dir) throws Exception {
    file(dir, "format: junit\n");
    Map<String, String> json = Map.of("POSTURE_FORMAT", "json");

    assertThat(Cli.runIn(Map.of(), dir, "assess", CONTOSO, "--catalog", CATALOG).succeeded().out()).startsWith("<?xml");
    assertThat(Cli.runIn(Map.of(), dir, "actions", "list", CONTOSO).succeeded().out()).startsWith("RANK  ACTION");
    assertThat(Cli.runIn(json, dir, "actions", "show", CONTOSO, "OneAdmin").succeeded().out()).startsWith("{");
    assertThat(Cli.runIn(json, dir, "status", "history", CONTOSO, "OneAdmin").succeeded().out()).startsWith("{");
    Cli.runIn(Map.of("POSTURE_FORMAT", "pdf"), dir, "actions", "list", CONTOSO).exited(ExitCode.USAGE)
        .errContains("expected one of table, json, csv, markdown, found 'pdf' (from POSTURE_FORMAT)");
  }

  @Test
  void listInTheFileIsARepeatedOption(@TempDir Path dir) throws Exception {
    file(dir, "assess:\n  fail-under: [50, achievable=90]\n");

    Cli.runIn(Map.of(), dir, "assess", CONTOSO, "--catalog", CATALOG)
        .exited(ExitCode.GATE_FAILED).oneLineError().errContains("achievable score 85.71% is under 90%");
  }

  @Test
  void flagsTakeTrueOrFalse(@TempDir Path dir) throws Exception {
    file(dir, "export:\n  excel: true\n");
    Path csv = dir.resolve("out.csv");

    Cli.runIn(Map.of(), dir, "export", CONTOSO, "--catalog", CATALOG, "-o", csv.toString()).succeeded();

    assertThat(Files.readAllBytes(csv)).startsWith(0xEF, 0xBB, 0xBF);
  }

  @Test
  void unrelatedVariablesAreIgnored(@TempDir Path dir) {
    Cli.runIn(Map.of("POSTURE_JAVA_OPTS", "-Xmx1g", "FORMAT", "json"), dir, "assess", CONTOSO, "--catalog", CATALOG)
        .succeeded();
  }

  @Test
  void brokenFileIsInvalidInputWithItsLine(@TempDir Path dir) throws Exception {
    Path yaml = file(dir, "format: json\nassess:\n  top: [3\n");

    Cli.runIn(Map.of(), dir, "assess", CONTOSO, "--catalog", CATALOG)
        .exited(ExitCode.INVALID_INPUT).oneLineError().errContains(yaml + ":").errContains("not valid YAML");
  }

  @Test
  void unknownKeyIsInvalidInputWithItsLine(@TempDir Path dir) throws Exception {
    Path yaml = file(dir, "format: json\nassess:\n  fail-undr: 70\n");

    Cli.runIn(Map.of(), dir, "assess", CONTOSO, "--catalog", CATALOG)
        .exited(ExitCode.INVALID_INPUT).oneLineError()
        .errContains(yaml + ":3: $.assess.fail-undr: unknown key 'fail-undr'; expected an option name without its dashes");
  }

  @Test
  void sectionValueMustBeAValue(@TempDir Path dir) throws Exception {
    Path yaml = file(dir, "top: {n: 3}\n");

    Cli.runIn(Map.of(), dir, "assess", CONTOSO, "--catalog", CATALOG)
        .exited(ExitCode.INVALID_INPUT).oneLineError().errContains(yaml + ":1: $.top: expected a value (text, number, true or false), found a mapping");
  }

  @Test
  void badValueInTheFileIsInvalidInputWithItsLine(@TempDir Path dir) throws Exception {
    Path yaml = file(dir, "assess:\n  top: 3\n  format: pdf\n");

    Cli.runIn(Map.of(), dir, "assess", CONTOSO, "--catalog", CATALOG)
        .exited(ExitCode.INVALID_INPUT).oneLineError()
        .errContains(yaml + ":3: $.assess.format: Invalid value for option '--format': expected one of");
  }

  @Test
  void badValueInAVariableIsAUsageErrorNamingIt(@TempDir Path dir) {
    Cli.runIn(Map.of("POSTURE_ASSESS_TOP", "many"), dir, "assess", CONTOSO, "--catalog", CATALOG)
        .exited(ExitCode.USAGE).errContains("posture: Invalid value for option '--top': expected a whole number of 0 or more, found 'many' (from POSTURE_ASSESS_TOP)");
  }

  @Test
  void badValueOnTheCommandLineIsNotBlamedOnTheDefault(@TempDir Path dir) {
    Cli.runIn(Map.of("POSTURE_TOP", "3"), dir, "assess", CONTOSO, "--catalog", CATALOG, "--top=many")
        .exited(ExitCode.USAGE).errContains("expected a whole number of 0 or more, found 'many'\n");
  }

  @Test
  void aFileToWriteMayBeNamedOnlyInsideTheFolderOfPostureYaml(@TempDir Path dir) throws Exception {
    for (String outside : new String[] {"/tmp/elsewhere.json", "../elsewhere.json", "reports/../../elsewhere.json"}) {
      Path yaml = file(dir, "assess:\n  output: " + outside + "\n");

      Cli.runIn(Map.of(), dir, "assess", CONTOSO, "--catalog", CATALOG)
          .exited(ExitCode.INVALID_INPUT).oneLineError()
          .errContains(yaml + ":2: $.assess.output: a file posture writes may be named in posture.yaml only inside its folder, found '"
              + outside + "'");
    }
    file(dir, "shell:\n  history: /root/.bashrc\n");
    Cli.runIn(Map.of(), dir, "assess", CONTOSO, "--catalog", CATALOG).exited(ExitCode.INVALID_INPUT).errContains("$.shell.history");
    file(dir, "state: ../other/posture-state.yaml\n");
    Cli.runIn(Map.of(), dir, "assess", CONTOSO, "--catalog", CATALOG).exited(ExitCode.INVALID_INPUT).errContains("$.state");
  }

  /** The check holds once links are followed: a linked folder, a linked file, a link to a file not yet written. */
  @Test
  void aFileToWriteCannotLeaveTheFolderThroughALink(@TempDir Path dir) throws Exception {
    Path work = Files.createDirectory(dir.resolve("checkout"));
    Path outside = Files.createDirectory(dir.resolve("outside"));
    Path precious = Files.writeString(outside.resolve("report.txt"), "keep");
    Files.createSymbolicLink(work.resolve("link"), outside);
    Files.createSymbolicLink(work.resolve("report.txt"), precious);
    Files.createSymbolicLink(work.resolve("new.txt"), outside.resolve("new.txt"));
    Files.createDirectory(work.resolve("reports"));

    for (String named : List.of("link/x.txt", "report.txt", "new.txt", "link/posture-state.yaml", "reports/../link/x.txt")) {
      String option = named.endsWith(".yaml") ? "state" : "output";
      Path yaml = file(work, option + ": " + named + "\n");
      Cli.runIn(Map.of(), work, "assess", CONTOSO, "--catalog", CATALOG).exited(ExitCode.INVALID_INPUT).oneLineError()
          .errContains(yaml + ":1: $." + option + ": a file posture writes may be named in posture.yaml only inside its folder, found '"
              + named + "' (through a symbolic link it leads to " + outside.toRealPath());
    }
    assertThat(Files.readString(precious)).isEqualTo("keep");
    assertThat(outside.resolve("new.txt")).doesNotExist();
  }

  /** posture.yaml is read at every start: one that is a device, a pipe or huge is refused in one line, at once. */
  @Test
  void aPostureYamlThatIsNoRegularFileIsRefusedAtOnce(@TempDir Path dir) throws Exception {
    Files.createSymbolicLink(dir.resolve("posture.yaml"), Path.of("/dev/zero"));
    Cli.runIn(Map.of(), dir, "--version").exited(ExitCode.INVALID_INPUT).oneLineError()
        .errContains(dir.resolve("posture.yaml") + ": is a device, not a regular file");

    Files.delete(dir.resolve("posture.yaml"));
    try (var channel = java.nio.channels.FileChannel.open(dir.resolve("posture.yaml"), java.nio.file.StandardOpenOption.CREATE_NEW,
        java.nio.file.StandardOpenOption.WRITE)) {
      channel.write(java.nio.ByteBuffer.wrap(new byte[] {'\n'}), 3L << 30); // 3 GB, sparse
    }
    Cli.runIn(Map.of(), dir, "--version").exited(ExitCode.INVALID_INPUT).oneLineError()
        .errContains(dir.resolve("posture.yaml") + ": is too large (3.0 GiB); at most 64 MiB is read");
  }

  @Test
  void aFileToWriteInsideTheFolderOrFromTheEnvironmentIsFine(@TempDir Path dir) throws Exception {
    file(dir, "assess:\n  output: reports/posture.json\n");
    Cli.runIn(Map.of(), dir, "assess", CONTOSO, "--catalog", CATALOG, "--format", "json", "--output", dir.resolve("r.json").toString())
        .succeeded();

    Cli.runIn(Map.of("POSTURE_OUTPUT", dir.resolve("from-env.json").toString()), dir.resolve("none"), "assess", CONTOSO,
        "--catalog", CATALOG).succeeded();
    assertThat(dir.resolve("from-env.json")).exists();
  }

  private static Path file(Path dir, String yaml) throws Exception {
    Path file = dir.resolve("posture.yaml");
    Files.writeString(file, yaml, StandardCharsets.UTF_8);
    return file;
  }
}
