package dev.posture.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class ImportGraphCommandTest {
  private static final Path TENANT = Path.of("src/test/resources/graph/tenant");
  private static final String CATALOG = "../catalog";

  @TempDir Path dir;
  Path exports;
  Path state;

  /**
   * The test tenant's exports, with two decisions added in the portal: the admin consent workflow
   * resolved through a third party (with who, when and why), and the Device action scid_2090 marked
   * ThirdParty with nothing else said. The PowerShell profiles already mark mail forwarding Ignored.
   */
  @BeforeEach
  void exportsWithPortalDecisions() throws Exception {
    exports = Files.createDirectory(dir.resolve("exports"));
    for (String file : new String[] {"secureScores.json", "controlProfiles-powershell.json"}) {
      Files.copy(TENANT.resolve(file), exports.resolve(file));
    }
    JsonMapper json = JsonMapper.builder().build();
    ObjectNode page = (ObjectNode) json.readTree(TENANT.resolve("controlProfiles-page1.json").toFile());
    page.withArray("value").forEach(profile -> {
      if (profile.path("id").stringValue().equals("aad_admin_consent_workflow")) {
        ((ObjectNode) profile).putArray("controlStateUpdates").addObject()
            .put("state", "ThirdParty").put("updatedBy", "nestor.wilke@example.org")
            .put("updatedDateTime", "2026-02-25T08:30:00Z").put("comment", "Consent requests go through the service desk tool");
      }
    });
    ObjectNode bitLocker = page.withArray("value").addObject();
    bitLocker.put("id", "scid_2090").put("title", "Encrypt all BitLocker-supported drives").put("controlCategory", "Device")
        .put("maxScore", 9).put("service", "MDATP");
    bitLocker.putArray("controlStateUpdates").addObject().put("state", "ThirdParty");
    json.writeValue(exports.resolve("controlProfiles-page1.json").toFile(), page);
    state = dir.resolve("posture-state.yaml");
  }

  private Cli.Result importGraph() {
    return Cli.run("import", "graph", exports.toString(), "--state", state.toString(), "--catalog", CATALOG);
  }

  @Test
  void recordsThePortalsDecisionsWithWhoWhenAndWhy() throws Exception {
    String out = importGraph().succeeded().out();

    assertThat(out).isEqualTo("""
        aad_admin_consent_workflow: Resolved through third party by nestor.wilke@example.org on 2026-02-25T08:30:00Z: recorded
        mdo_blockmailforward: Risk accepted: recorded
        scid_2090: Resolved through third party: recorded
        3 decisions from Microsoft Secure Score saved to %s
        """.formatted(state));
    assertThat(Files.readString(state)).isEqualTo("""
        actions:
          aad_admin_consent_workflow:
            status: third-party
            notes:
              - text: Consent requests go through the service desk tool
                by: nestor.wilke@example.org
                at: 2026-02-25T08:30:00Z
            history:
              - at: 2026-02-25T08:30:00Z
                by: nestor.wilke@example.org
                from: to-address
                to: third-party
                note: Consent requests go through the service desk tool
          mdo_blockmailforward:
            status: risk-accepted
            notes:
              - text: Marked Ignored in Microsoft Secure Score
                by: Microsoft Secure Score
                at: 2026-11-22T06:00:00Z
            history:
              - at: 2026-11-22T06:00:00Z
                by: Microsoft Secure Score
                from: to-address
                to: risk-accepted
                note: Marked Ignored in Microsoft Secure Score
          scid_2090:
            status: third-party
            notes:
              - text: Marked ThirdParty in Microsoft Secure Score
                by: Microsoft Secure Score
                at: 2026-11-22T06:00:00Z
            history:
              - at: 2026-11-22T06:00:00Z
                by: Microsoft Secure Score
                from: to-address
                to: third-party
                note: Marked ThirdParty in Microsoft Secure Score
        """);
  }

  @Test
  void importingAgainChangesNothing() throws Exception {
    importGraph().succeeded();
    byte[] first = Files.readAllBytes(state);

    String out = importGraph().succeeded().out();

    assertThat(out).contains("mdo_blockmailforward: Risk accepted: already recorded")
        .endsWith("nothing to record; " + state + " is as it was\n");
    assertThat(Files.readAllBytes(state)).isEqualTo(first);
  }

  @Test
  void theStateFileWinsWhereItAlreadyDecided() throws Exception {
    Files.writeString(state, """
        # decided with posture
        actions:
          mdo_blockmailforward:
            status: planned
        """);

    String out = importGraph().succeeded().out();

    assertThat(out).contains("mdo_blockmailforward: Risk accepted: left as the state file records it (Planned)");
    assertThat(Files.readString(state)).startsWith("# decided with posture\nactions:\n  aad_admin_consent_workflow:\n")
        .contains("  mdo_blockmailforward:\n    status: planned\n");
  }

  @Test
  void theImportedStateIsWhatAssessReads() {
    importGraph().succeeded();

    String json = Cli.run("assess", "--graph", exports.toString(), "--state", state.toString(), "--catalog", CATALOG,
        "--format", "json").succeeded().out();

    JsonNode actions = JsonMapper.builder().build().readTree(json).path("actions");
    JsonNode consent = StreamSupport.stream(actions.spliterator(), false)
        .filter(a -> a.path("id").stringValue().equals("aad_admin_consent_workflow")).findFirst().orElseThrow();
    assertThat(consent.path("status").stringValue()).isEqualTo("Resolved through third party");
    assertThat(consent.path("points").doubleValue()).isEqualTo(consent.path("maxScore").doubleValue());
  }

  @Test
  void printsNoFormatButItsLines() {
    Cli.run("import", "graph", exports.toString(), "--state", state.toString(), "--format", "json")
        .exited(ExitCode.USAGE).errContains("posture: Unknown option: '--format'");
    assertThat(state).doesNotExist();
  }

  @Test
  void aBrokenExportWritesNothing() throws Exception {
    Files.writeString(exports.resolve("broken.json"), "{\"value\": [");

    Cli.runIn(Map.of(), dir, "import", "graph", exports.toString(), "--state", state.toString())
        .exited(ExitCode.INVALID_INPUT).oneLineError().errContains("broken.json");
    assertThat(state).doesNotExist();
  }

  @Test
  void aStateFileThatDoesNotParseIsReportedAndLeftAsItIs() throws Exception {
    byte[] broken = "actions:\n  mdo_blockmailforward:\n    status: planned\n   tags: [x\n".getBytes();
    Files.write(state, broken);

    importGraph().exited(ExitCode.INVALID_INPUT).oneLineError().errContains(state + ":");

    assertThat(Files.readAllBytes(state)).isEqualTo(broken);
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"sqlite", "postgresql"})
  void recordsEachDayOfMicrosoftsHistoryOnce(String kind) {
    String store = AssessRecordTest.store(kind, dir);
    String shown = store.replaceFirst("^postgresql://postgres@", "postgresql://");

    String first = Cli.run("import", "graph", exports.toString(), "--state", state.toString(), "--catalog", CATALOG,
        "--record", "--store", store).succeeded().out();
    String again = Cli.run("import", "graph", exports.toString(), "--state", state.toString(), "--catalog", CATALOG,
        "--record", "--store", store).succeeded().out();

    assertThat(first).endsWith("\n3 days of Microsoft Secure Score recorded in " + shown + "\n");
    assertThat(again).endsWith("\n0 days of Microsoft Secure Score recorded in " + shown + " (3 were there already)\n");
  }
}
