package dev.posture.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.posture.collect.FakeMicrosoft;
import dev.posture.collect.FakeMicrosoft.Fail;
import dev.posture.collect.FakeMicrosoft.Malformed;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class CollectCommandTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Map<String, String> TOKENS = Map.of(
      "POSTURE_ACCESS_TOKEN_GRAPH", FakeMicrosoft.GRAPH_TOKEN,
      "POSTURE_ACCESS_TOKEN_DEFENDER", FakeMicrosoft.DEFENDER_TOKEN,
      "POSTURE_ACCESS_TOKEN_EXCHANGE", FakeMicrosoft.EXCHANGE_TOKEN);

  @TempDir Path temp;
  private FakeMicrosoft fake;

  @BeforeEach
  void start() throws IOException {
    fake = new FakeMicrosoft(12, 5, 5);
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  private Cli.Result collect(Map<String, String> env, String... more) {
    List<String> args = new ArrayList<>(List.of("collect", temp.resolve("tailwind").toString(),
        "--endpoint", "graph=" + fake.url(), "--endpoint", "defender=" + fake.url(), "--endpoint", "exchange=" + fake.url()));
    args.addAll(List.of(more));
    return Cli.runIn(env, temp, args.toArray(String[]::new));
  }

  private String folder() {
    return temp.resolve("tailwind").toString();
  }

  @Test
  void collectsTheTenantAndSaysWhatItCollected() {
    Cli.Result r = collect(TOKENS).succeeded();
    List<String> lines = r.out().lines().toList();
    assertThat(lines.get(0)).matches(Pattern.quote(folder() + ": 31 of 36 sections collected from tenant "
        + FakeMicrosoft.TENANT_ID + " in ") + "\\d+\\.\\d s");
    assertThat(lines.subList(1, lines.size())).containsExactly(
        "conditionalAccessPolicies 2, users 12, managedDevices 3, secureScores 6, secureScoreControlProfiles 2, devices 5, mailboxes 12",
        "not collected: onPremisesSynchronization (Graph gives it only to a person signed in as Global Administrator (device code"
            + " or Azure CLI), not to an application)",
        "not collected: teamsMeetingPolicies, dlpCompliancePolicies, labelPolicies, autoSensitivityLabelPolicies (no documented API"
            + " gives it; Microsoft's own scores decide its controls)");
    assertThat(temp.resolve("tailwind/snapshot.json")).exists();
    assertThat(temp.resolve("tailwind/collection.json")).exists();
    assertThat(temp.resolve("tailwind/secure-score/secureScores-002.json")).exists();
  }

  /**
   * The fake tenant's numbers, worked out from how it is made: 12 users, every tenth disabled, every
   * seventh a guest, every fourth without MFA; five machines assessed on three configurations; twelve
   * mailboxes, every fifth without auditing.
   */
  @Test
  void aCollectedTenantIsAssessedWithTheNumbersItsDataImply() {
    collect(TOKENS).succeeded();
    JsonNode report = JSON.readTree(Cli.runIn(Map.of(), temp, "assess", folder(), "--format", "json").succeeded().out());
    Map<String, JsonNode> actions = new HashMap<>();
    report.path("actions").forEach(a -> actions.put(a.path("id").asString(), a));

    // enabled members 0-11 but 6 (a guest) and 9 (disabled): ten, of whom 3, 7 and 11 have no MFA
    assertThat(points(actions, "MFARegistrationV2")).isEqualTo("7 of 10: 6.3");
    // the admins are users 0 and 1 (Global Administrator), 2 (through a role-holding group) and 3 (Security
    // Reader); the only enforced policy names Global Administrator and excludes user 1
    assertThat(points(actions, "AdminMFAV2")).isEqualTo("2 of 4: 5.0");
    // scid-2010 fails on every third machine (0 and 3), scid-2090 on every fourth (0 and 4)
    assertThat(points(actions, "scid_2010")).isEqualTo("3 of 5: 6.0");
    assertThat(points(actions, "scid_2090")).isEqualTo("3 of 5: 5.4");
    // mailboxes 4 and 9 have auditing off
    assertThat(points(actions, "exo_mailboxaudit")).isEqualTo("10 of 12: 2.5");
    // settings as served: Safe Links and Safe Attachments secure, legacy SharePoint authentication on, no lockbox
    assertThat(actions.get("mdo_safelinksforemail").path("status").asString()).isEqualTo("Completed");
    assertThat(actions.get("mdo_safeattachments").path("status").asString()).isEqualTo("Completed");
    assertThat(actions.get("spo_legacy_auth").path("points").asDouble()).isZero();
    assertThat(actions.get("CustomerLockBoxEnabled").path("points").asDouble()).isZero();
    // what no API gives is Not assessed, not Completed, and earns nothing
    assertThat(actions.get("meeting_autoadmitusers_v1").path("status").asString()).isEqualTo("Not assessed");
    assertThat(actions.values()).noneMatch(a -> a.path("status").asString().equals("Error"));
    // the overall score is the actions' points, all of them decided from what was collected
    double sum = 0;
    for (JsonNode a : actions.values()) {
      sum += a.path("countedInOverall").asBoolean() ? a.path("points").asDouble() : 0;
    }
    assertThat(report.path("scores").path("current").path("points").asDouble()).isCloseTo(sum, org.assertj.core.data.Offset.offset(0.01));
  }

  private static String points(Map<String, JsonNode> actions, String id) {
    JsonNode a = actions.get(id);
    return a.path("coverage").path("covered").asInt() + " of " + a.path("coverage").path("eligible").asInt() + ": "
        + Math.round(a.path("points").asDouble() * 100) / 100.0;
  }

  @Test
  void aSectionAnsweredWithoutWhatItsApiDocumentsIsLeftOutAndTheTenantStaysReadable() throws IOException {
    fake.always("Get-RoleAssignmentPolicy", new Malformed("{\"value\": [{\"Name\": \"Default Role Assignment Policy\"}]}"));
    Cli.Result r = collect(TOKENS).exited(0);
    assertThat(r.err().strip()).isEqualTo("posture: warning: roleAssignmentPolicies not collected: POST " + fake.url() + "/adminapi/beta/"
        + FakeMicrosoft.TENANT_ID + "/InvokeCommand Get-RoleAssignmentPolicy answered without what its API documents:"
        + " $.roleAssignmentPolicies[0]: missing required field 'AssignedRoles'");
    assertThat(Files.readString(temp.resolve("tailwind/snapshot.json"))).doesNotContain("roleAssignmentPolicies");
    Cli.Result assessed = Cli.runIn(Map.of(), temp, "actions", "show", folder(), "exo_outlookaddins").succeeded();
    assertThat(assessed.out()).contains("Status: Not assessed");
  }

  @Test
  void aDeniedSectionIsAWarningAndWithStrictAFailedGate() {
    fake.always("/v1.0/admin/sharepoint/settings", new Fail(403, "Authorization_RequestDenied", "Insufficient privileges to complete the operation."));
    String warning = "posture: warning: sharepointSettings not collected: Microsoft Graph answered 403 Authorization_RequestDenied:"
        + " Insufficient privileges to complete the operation.: the sign-in lacks SharePointTenantSettings.Read.All";
    Cli.Result lenient = collect(TOKENS).exited(0);
    assertThat(lenient.err().strip()).isEqualTo(warning);
    assertThat(lenient.out()).contains("1 section could not be collected (see the warnings and " + folder() + "/collection.json)");

    Cli.Result strict = collect(TOKENS, "--strict").exited(1);
    assertThat(strict.err().strip().lines()).containsExactly(warning,
        "posture: gate failed: 1 section was not collected (--strict); " + folder() + " was written");
    assertThat(temp.resolve("tailwind/snapshot.json")).exists();
  }

  @Test
  void aRefusedTokenIsExitCodeFourAndWritesNothing() {
    Cli.Result r = collect(Map.of("POSTURE_ACCESS_TOKEN", "not-the-token")).exited(4).oneLineError();
    assertThat(r.err()).startsWith("posture: authentication failed: Microsoft Graph refused the token for " + fake.url()
        + "/v1.0/organization (401 InvalidAuthenticationToken").endsWith("; " + folder() + " is as it was\n");
    assertThat(temp.resolve("tailwind")).doesNotExist();
  }

  @Test
  void aMalformedAnswerIsInvalidInputNamingTheUrl() throws IOException {
    collect(TOKENS).succeeded();
    byte[] before = Files.readAllBytes(temp.resolve("tailwind/collection.json"));
    fake.fault("/v1.0/domains", new Malformed("<html>Service Unavailable</html>"));
    Cli.Result r = collect(TOKENS).exited(3).oneLineError();
    assertThat(r.err()).startsWith("posture: " + fake.url() + "/v1.0/domains: not valid JSON (")
        .endsWith("; " + folder() + " is as it was\n");
    assertThat(Files.readAllBytes(temp.resolve("tailwind/collection.json"))).isEqualTo(before);
  }

  @Test
  void verboseListsTheRequestsAndNeverATokenOrSecret() throws IOException {
    Map<String, String> env = new HashMap<>(TOKENS);
    Cli.Result r = collect(env, "--verbose").exited(0);
    assertThat(r.err()).contains("posture: GET " + fake.url() + "/v1.0/organization -> 200 (")
        .contains("posture: POST " + fake.url() + "/adminapi/beta/" + FakeMicrosoft.TENANT_ID + "/InvokeCommand -> 200");
    for (String token : TOKENS.values()) {
      assertThat(r.out() + r.err()).doesNotContain(token);
    }
    assertThat(r.err()).doesNotContainIgnoringCase("bearer").doesNotContainIgnoringCase("authorization:");
    try (Stream<Path> files = Files.walk(temp)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        String text = Files.readString(f);
        TOKENS.values().forEach(t -> assertThat(text).as(f.toString()).doesNotContain(t));
      }
    }
  }

  @Test
  void onlyAndSkipChooseTheSections() throws IOException {
    collect(TOKENS, "--only", "domains,subscribedSkus").succeeded();
    assertThat(Files.readString(temp.resolve("tailwind/snapshot.json"))).contains("\"domains\"").doesNotContain("\"users\"");
    assertThat(fake.requests()).allMatch(r -> r.startsWith("GET /v1.0/domains") || r.startsWith("GET /v1.0/subscribedSkus"));
    Cli.Result skipped = collect(TOKENS, "--skip", "mailboxes,devices").succeeded();
    assertThat(skipped.out()).contains(": 29 of 34 sections collected");
  }

  @Test
  void badCommandLinesAreUsageErrors() {
    Cli.runIn(TOKENS, temp, "collect", folder(), "--endpoint", "graph=http://graph.example").exited(2).oneLineError()
        .errContains("posture: --endpoint graph=http://graph.example: expected https (plain http only to a loopback address such as 127.0.0.1)");
    Cli.runIn(TOKENS, temp, "collect", folder(), "--endpoint", "teams=https://teams.example").exited(2)
        .errContains("--endpoint teams=...: expected graph, defender or exchange");
    Cli.runIn(TOKENS, temp, "collect", folder(), "--only", "users,licences").exited(2)
        .errContains("posture: unknown section 'licences'; sections are: organization, subscribedSkus, domains,");
    Cli.runIn(TOKENS, temp, "collect", folder(), "--only", "users", "--skip", "devices").exited(2)
        .errContains("--only and --skip do not go together");
    Cli.runIn(TOKENS, temp, "collect", folder(), "--cloud", "moon").exited(2)
        .errContains("--cloud moon: expected one of global, usgov, usgov-high, dod, china");
    Cli.runIn(TOKENS, temp, "collect", folder(), "--auth", "password").exited(2).errContains("--auth password: expected device-code");
    Cli.runIn(Map.of(), temp, "collect", folder(), "--client-id", "app", "--tenant", "t", "--client-secret-env", "NOT_SET").exited(2)
        .errContains("posture: --client-secret-env NOT_SET: the variable is not set");
    Cli.runIn(Map.of(), temp, "collect", folder(), "--client-secret-env", "S").exited(2)
        .errContains("--auth client-secret needs --client-id (or AZURE_CLIENT_ID) and --tenant (or AZURE_TENANT_ID)");
    Cli.runIn(Map.of(), temp, "collect", folder(), "--client-id", "app", "--tenant", "t", "--certificate", "missing.pem").exited(3)
        .errContains("posture: missing.pem: cannot be read");
    Cli.runIn(Map.of(), temp, "collect", folder(), "--auth", "token").exited(2).errContains("--auth token: set POSTURE_ACCESS_TOKEN");
    Cli.runIn(TOKENS, temp, "collect", folder(), "--timeout", "0").exited(2).errContains("--timeout must be more than 0");
    Cli.runIn(Map.of("S", "x"), temp, "collect", folder(), "--client-id", "app", "--tenant", "contoso/../x", "--client-secret-env", "S")
        .exited(2).oneLineError().errContains("posture: --auth client-secret: ");
    assertThat(temp.resolve("tailwind")).doesNotExist();
    assertThat(fake.requests()).isEmpty();
  }

  @Test
  void postureYamlCannotSendTheTokensElsewhere() throws IOException {
    Files.writeString(temp.resolve("posture.yaml"), "collect:\n  endpoint: graph=https://elsewhere.example\n");
    Cli.runIn(TOKENS, temp, "collect", folder()).exited(2).oneLineError()
        .errContains("posture: --endpoint may not come from posture.yaml; give it on the command line");
    assertThat(fake.requests()).isEmpty();
  }

  @Test
  void helpListsTheCommandAndItsOptions() {
    assertThat(Cli.run("--help").out()).contains("collect");
    String help = Cli.run("collect", "--help").out();
    assertThat(help).contains("--tenant=ID|DOMAIN", "--client-secret-env=VAR", "--federated-token-file=FILE", "--endpoint=NAME=URL",
        "--strict", "posture collect contoso/ --tenant contoso.onmicrosoft.com");
  }
}
