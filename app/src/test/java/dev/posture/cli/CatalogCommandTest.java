package dev.posture.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class CatalogCommandTest {
  private static final String CATALOG = "../catalog";
  private static final String ACTION = """
      actions:
        - id: A1
          title: An action
          category: Apps
          product: Exchange Online
          maxScore: 3
          tier: Core
          implementationCost: Low
          userImpact: Low
          licenses: [EXCHANGE_S_ENTERPRISE]
          check: {passes: 'tenant.exchange.organizationConfig.mailTipsAllTipsEnabled'}
      """;

  @Test
  void bundledCatalogueIsValid() {
    Cli.Result r = Cli.run("catalog", "validate").succeeded();

    assertThat(r.out()).isEqualTo(
        "bundled catalogue: valid, 66 actions (63 scored, 3 not scored) in 4 files: Identity 14, Device 20, Apps 28, Data 4\n");
  }

  @Test
  void aDeprecatedActionIsCountedAsDeprecatedNotAsScored(@TempDir Path dir) throws Exception {
    Path file = write(dir, "a.yaml", ACTION + ACTION.replace("actions:\n", "").replace("A1", "A2").replace("maxScore: 3", "maxScore: 3\n    deprecated: true"));

    assertThat(Cli.run("catalog", "validate", file.toString()).succeeded().out())
        .isEqualTo(file + ": valid, 2 actions (1 scored, 0 not scored, 1 deprecated) in 1 file: Apps 2\n");
  }

  @Test
  void licenseIsTheOptionAndLicenceItsAlias() {
    String license = Cli.run("catalog", "list", "--license", "AAD_PREMIUM_P2").succeeded().out();

    assertThat(Cli.run("catalog", "list", "--licence", "AAD_PREMIUM_P2").succeeded().out()).isEqualTo(license);
    assertThat(Cli.run("catalog", "list", "--help").succeeded().out()).contains("--license=PLAN").doesNotContain("--licence");
  }

  @Test
  void catalogueFolderIsValid() {
    Cli.run("catalog", "validate", CATALOG).succeeded();
  }

  @Test
  void unknownServicePlanIsInvalid(@TempDir Path dir) throws Exception {
    Path file = write(dir, "a.yaml", ACTION.replace("EXCHANGE_S_ENTERPRISE", "EXCHANGE_S_ENTREPRISE"));

    Cli.run("catalog", "validate", file.toString()).exited(ExitCode.INVALID_INPUT).oneLineError()
        .errContains(file + ":2: action A1: unknown service plan 'EXCHANGE_S_ENTREPRISE' in licenses");
  }

  @Test
  void duplicateIdsAcrossFilesAreInvalid(@TempDir Path dir) throws Exception {
    write(dir, "a.yaml", ACTION);
    Path second = write(dir, "b.yaml", ACTION);

    Cli.run("catalog", "validate", dir.toString()).exited(ExitCode.INVALID_INPUT).oneLineError()
        .errContains(second + ":2: $.actions[0].id: duplicate action id 'A1'; first defined at " + dir.resolve("a.yaml") + ":2");
  }

  @Test
  void zeroMaxScoreIsInvalid(@TempDir Path dir) throws Exception {
    Path file = write(dir, "a.yaml", ACTION.replace("maxScore: 3", "maxScore: 0"));

    Cli.run("catalog", "validate", file.toString()).exited(ExitCode.INVALID_INPUT).oneLineError()
        .errContains(file + ":6: $.actions[0].maxScore: expected a number greater than 0 and at most 10, found 0");
  }

  @Test
  void checkThatDoesNotCompileIsInvalid(@TempDir Path dir) throws Exception {
    Path file = write(dir, "a.yaml", ACTION.replace("mailTipsAllTipsEnabled'", "mailTipsAllTipsEnabled &&'"));

    Cli.run("catalog", "validate", file.toString()).exited(ExitCode.INVALID_INPUT).oneLineError()
        .errContains(file + ":11: $.actions[0].check.passes: action A1: check does not compile");
  }

  @Test
  void missingCatalogueIsInvalid() {
    Cli.run("catalog", "validate", "no/such/catalog").exited(ExitCode.INVALID_INPUT).oneLineError()
        .errContains("no/such/catalog: no such catalogue file or folder");
  }

  @Test
  void listTable() {
    Cli.assertGolden("catalog-list.txt", Cli.run("catalog", "list", "--catalog", CATALOG).succeeded().out());
  }

  @Test
  void listNotScoredAsMarkdown() {
    Cli.assertGolden("catalog-list-not-scored.md",
        Cli.run("catalog", "list", "--not-scored", "--format", "markdown").succeeded().out());
  }

  @Test
  void listFiltersCombine() {
    Cli.Result r = Cli.run("catalog", "list", "--category", "device", "--device-category", "network", "--format", "csv").succeeded();

    assertThat(r.out().lines()).containsExactly(
        "action,category,device category,max,scored,tier,licenses,title",
        "scid_5007,Device,Network,10,yes,Core,WINDEFATP,Turn on Firewall in macOS",
        "scid_2070,Device,Network,10,yes,Core,WINDEFATP,Turn on Microsoft Defender Firewall",
        "scid_53,Device,Network,8,yes,Core,WINDEFATP,Disable SMBv1 client driver",
        "scid_96,Device,Network,8,yes,Core,WINDEFATP,Enable Network Protection");
  }

  @Test
  void listJsonCarriesTheWholeActionUnderTheSchemaVersion() {
    JsonNode root = JsonMapper.builder().build().readTree(
        Cli.run("catalog", "list", "--licence", "aad_premium_p2", "--format", "json").succeeded().out());
    JsonNode list = root.get("actions");

    assertThat(root.get("schemaVersion").intValue()).isEqualTo(1);
    assertThat(list).hasSize(2);
    assertThat(list.get(0).get("id").stringValue()).isEqualTo("SigninRiskPolicy");
    assertThat(list.get(0).get("maxScore").doubleValue()).isEqualTo(7.0);
    assertThat(list.get(0).get("check").get("of").stringValue()).isEqualTo("users");
    assertThat(list.get(0).get("check").get("covered").stringValue()).contains("signInRiskLevels", "p.appliesTo(user)");
    assertThat(list.get(1).get("suggest").get("status").stringValue()).isEqualTo("Resolved through alternate mitigation");
  }

  @Test
  void listByProductAndScored() {
    Cli.Result r = Cli.run("catalog", "list", "--product", "teams", "--scored").succeeded();

    assertThat(r.out().lines().skip(1).map(l -> l.split("\\s+")[0]))
        .containsExactly("meeting_anonymousstartmeeting_v1", "meeting_autoadmitusers_v1", "meeting_restrictanonymousjoin_v1");
  }

  @Test
  void unknownCategoryIsAUsageError() {
    Cli.run("catalog", "list", "--category", "network").exited(ExitCode.USAGE)
        .errContains("Invalid value for option '--category': expected one of identity, device, apps, data, found 'network'");
  }

  @Test
  void scoredAndNotScoredTogetherIsAUsageError() {
    Cli.run("catalog", "list", "--scored", "--not-scored").exited(ExitCode.USAGE).errContains("mutually exclusive");
  }

  @Test
  void junitFormatIsAUsageError() {
    Cli.run("catalog", "list", "--format", "junit").exited(ExitCode.USAGE)
        .errContains("posture: Invalid value for option '--format': expected one of table, json, csv, markdown, found 'junit'");
  }

  private static Path write(Path dir, String name, String text) throws Exception {
    return Files.writeString(dir.resolve(name), text);
  }
}
