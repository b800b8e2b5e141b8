package dev.posture.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ActionsCommandTest {
  private static final String CONTOSO = Tenants.CONTOSO.toString();
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @TempDir Path dir;

  private static Cli.Result actions(String command, String... args) {
    String[] all = new String[args.length + 5];
    all[0] = "actions";
    all[1] = command;
    all[2] = CONTOSO;
    all[3] = "--catalog";
    all[4] = Tenants.CATALOG;
    System.arraycopy(args, 0, all, 5, args.length);
    return Cli.run(all);
  }

  /** The action ids of a list table, in order. */
  private static List<String> ids(String table) {
    return table.lines().skip(1).map(line -> line.trim().split("\\s+")[1]).toList();
  }

  @Test
  void theListIsRankedLikeAssess() {
    Cli.Result r = actions("list").succeeded();

    Cli.assertGolden("actions-list-contoso.txt", r.out());
    assertThat(ids(r.out())).startsWith("PWAgePolicyNew", "scid_25", "scid_2500", "AdminMFAV2", "aad_admin_consent_workflow");
  }

  @Test
  void explainShowsTheRankingInputs() {
    Cli.Result r = actions("list", "--explain").succeeded();

    Cli.assertGolden("actions-list-explain.txt", r.out());
    // SigninRiskPolicy: 7 remaining x 0.75 (moderate cost) x 0.75 (moderate impact) x 1 (core) = 3.9375
    assertThat(r.out()).containsPattern("SigninRiskPolicy +Identity +To address +0 +7 +7 +0.75 +0.75 +1 +3.94 ");
  }

  @Test
  void jsonCarriesTagsAndRankInputs() {
    JsonNode json = JSON.readTree(actions("list", "--explain", "--format", "json", "--tag", "q4-2026").succeeded().out());

    JsonNode action = json.get("actions").get(0);
    assertThat(json.get("actions")).hasSize(1);
    assertThat(action.get("id").stringValue()).isEqualTo("BlockLegacyAuthentication");
    assertThat(action.get("tags").get(0).stringValue()).isEqualTo("q4-2026");
    // 8 remaining x 0.75 x 0.75 x 0.7 (advanced) = 3.15
    assertThat(action.get("rankInputs").get("value").doubleValue()).isCloseTo(3.15, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(action.get("rankInputs").get("complexityFactor").doubleValue()).isEqualTo(0.7);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "--search=password spray                | PWAgePolicyNew AdminMFAV2 SigninRiskPolicy UserRiskPolicy BlockLegacyAuthentication MFARegistrationV2 aad_custom_banned_passwords exo_oauth2clientprofileenabled spo_legacy_auth",
    "--search=SCID_20                       | scid_2090 scid_2012 scid_2003 scid_2010 scid_2070",
    "--category=device --status=to-address  | scid_25 scid_2500 scid_69 scid_96 scid_76 scid_53 scid_2090 scid_2012 scid_2003 scid_5011 scid_32 scid_44 scid_3010 scid_15",
    "--device-category=operating system     | scid_25 scid_69 scid_15 scid_5009",
    "--device-category=accounts             | scid_32 scid_44 scid_3010 scid_3011",
    "--status=completed --category=data     | dlp_datalossprevention",
    "--product=defender for office          | mdo_safelinksforemail mdo_safeattachments mdo_atpprotection",
    "--licensed=false                       | SigninRiskPolicy UserRiskPolicy mcas_mda_enabled mdo_safelinksforemail mdo_safeattachments mdo_atpprotection CustomerLockBoxEnabled mip_autosensitivitylabelspolicies",
    "--scored=false                         | EmergencyAccessAccounts LimitGlobalAdmins RestrictGuestAccess",
    "--tag=exception                        | mdo_blockmailforward",
    "--category=identity --sort=title       | OneAdmin IntegratedApps BlockLegacyAuthentication SigninRiskPolicy UserRiskPolicy MFARegistrationV2 AdminMFAV2 SelfServicePasswordReset PasswordHashSync LimitGlobalAdmins EmergencyAccessAccounts RestrictGuestAccess PWAgePolicyNew RoleOverlap",
    "--category=data --sort=max             | dlp_datalossprevention mip_sensitivitylabelspolicies mip_autosensitivitylabelspolicies mip_purviewlabelconsent",
    "--category=identity --sort=remaining   | PWAgePolicyNew BlockLegacyAuthentication SigninRiskPolicy UserRiskPolicy AdminMFAV2 IntegratedApps MFARegistrationV2 EmergencyAccessAccounts RestrictGuestAccess SelfServicePasswordReset PasswordHashSync OneAdmin RoleOverlap LimitGlobalAdmins",
  })
  void filtersAndSorts(String options, String expected) {
    String[] args = options.trim().split(" (?=--)");
    Cli.Result r = actions("list", args).succeeded();

    assertThat(ids(r.out())).as(r.out()).containsExactly(expected.trim().split(" "));
  }

  @Test
  void noMatchSaysSo() {
    assertThat(actions("list", "--search", "nothing like this").succeeded().out()).isEqualTo("No action matches.\n");
  }

  @Test
  void groupedByTagAndByCategory() {
    Cli.assertGolden("actions-list-by-tag.txt", actions("list", "--group-by", "tag").succeeded().out());
    JsonNode json = JSON.readTree(actions("list", "--group-by", "category", "--format", "json").succeeded().out());

    assertThat(json.get("groupBy").stringValue()).isEqualTo("category");
    assertThat(json.get("groups").valueStream().map(g -> g.get("name").stringValue() + "=" + g.get("actions").size()).toList())
        .containsExactly("Identity=14", "Device=20", "Apps=28", "Data=4");
  }

  @Test
  void showIsTheFlyout() {
    Cli.assertGolden("actions-show-mfa.txt", actions("show", "MFARegistrationV2").succeeded().out());
    Cli.assertGolden("actions-show-mailforward.json", actions("show", "mdo_blockmailforward", "--format", "json").succeeded().out());
  }

  @Test
  void showAsMarkdownHasTheSameSectionsForATicket() {
    Cli.assertGolden("actions-show-legacy.md", actions("show", "BlockLegacyAuthentication", "--format", "markdown").succeeded().out());
  }

  @Test
  void showTellsWhichLicensesTheTenantHas() {
    String out = actions("show", "UserRiskPolicy").succeeded().out();

    assertThat(out).contains("  Licenses:\n    - AAD_PREMIUM_P2: in the tenant's EMSPREMIUM subscription, which is suspended\n");
    assertThat(out).contains("  Current state: 0 of 37 users covered\n");
  }

  @Test
  void showAcceptsTheSharedReference() {
    assertThat(actions("show", "posture://actions/scid_2090").succeeded().out())
        .startsWith("scid_2090: Encrypt all BitLocker-supported drives\nReference: posture://actions/scid_2090\n")
        .contains("  Current state: 9 of 12 devices comply\n");
  }

  @Test
  void showGivesTheSuggestionWhenSecurityDefaultsAreOn() throws Exception {
    Path tenant = Tenants.contoso(dir);
    Path snapshot = tenant.resolve("snapshot.json");
    Files.writeString(snapshot, Tenants.text(snapshot).replace("\"displayName\": \"Security Defaults\",\n    \"isEnabled\": false",
        "\"displayName\": \"Security Defaults\",\n    \"isEnabled\": true"));

    String out = Cli.run("actions", "show", tenant.toString(), "SigninRiskPolicy", "--catalog", Tenants.CATALOG).succeeded().out();

    assertThat(out).contains("\nSuggestion: mark as 'Resolved through alternate mitigation' (alternate-mitigation). ");
  }

  @Test
  void affectedListsTheElementsNotCovered() {
    Cli.Result table = actions("show", "scid_2090", "--affected").succeeded();
    Cli.assertGolden("actions-affected-bitlocker.txt", table.out());
    assertThat(table.out()).startsWith("scid_2090: 3 of 12 eligible devices not covered\n");

    JsonNode json = JSON.readTree(actions("show", "MFARegistrationV2", "--affected", "--format", "json").succeeded().out());
    assertThat(json.get("eligible").intValue()).isEqualTo(32);
    assertThat(json.get("notCovered").intValue()).isEqualTo(8);
    assertThat(json.get("elements").get(0).get("userPrincipalName").stringValue()).isEqualTo("patti.fernandez@contoso.com");
  }

  @Test
  void affectedAsCsvParsesBack() throws Exception {
    String csv = actions("show", "exo_mailboxaudit", "--affected", "--format", "csv").succeeded().out();

    List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(csv)).getRecords();
    assertThat(records).hasSize(3);
    assertThat(records.get(0).getParser().getHeaderNames()).containsExactly("mailbox", "recipient type");
    assertThat(records).allSatisfy(r -> assertThat(r.get("recipient type")).isEqualTo("UserMailbox"));
    assertThat(records.get(0).get("mailbox")).endsWith("@contoso.com");
  }

  @Test
  void aPlanInASuspendedSubscriptionIsShownSuspended() {
    String table = actions("show", "SigninRiskPolicy").succeeded().out();
    JsonNode json = JsonMapper.builder().build().readTree(actions("show", "SigninRiskPolicy", "--format", "json").succeeded().out());

    assertThat(table).contains("  Licenses:\n    - AAD_PREMIUM_P2: in the tenant's EMSPREMIUM subscription, which is suspended\n")
        .doesNotContain("Licences", "not in the tenant");
    assertThat(json.at("/action/licenses/0").toString())
        .isEqualTo("{\"servicePlan\":\"AAD_PREMIUM_P2\",\"inTenant\":false,\"subscriptionStatus\":\"Suspended\"}");
  }

  @Test
  void affectedNeedsACoverageAction() {
    actions("show", "PWAgePolicyNew", "--affected").exited(ExitCode.USAGE).oneLineError()
        .errContains("posture: PWAgePolicyNew is decided by tenant settings, not element by element");
  }

  @Test
  void anUnknownIdSuggestsTheClosest() {
    actions("show", "scid_209").exited(ExitCode.INVALID_INPUT).oneLineError()
        .errContains("posture: scid_209: no action with this id in the catalogue; did you mean scid_2090, scid_2003, scid_2010?");
    actions("show", "Nonsense").exited(ExitCode.INVALID_INPUT).oneLineError()
        .errContains("posture: Nonsense: no action with this id in the catalogue; 'posture actions list' shows them all");
  }

  @Test
  void formatsACommandDoesNotPrintAreUsageErrors() {
    actions("list", "--format", "junit").exited(ExitCode.USAGE)
        .errContains("posture: Invalid value for option '--format': expected one of table, json, csv, markdown, found 'junit'");
    actions("show", "OneAdmin", "--format", "csv").exited(ExitCode.USAGE).oneLineError()
        .errContains("posture: an action prints as table, json, markdown; csv is for the elements of --affected");
  }

  @Test
  void everySubcommandHasHelp() {
    assertThat(Cli.run("status", "set", "--help").succeeded().out()).startsWith("Usage: posture status set ").contains("--global-exception");
    assertThat(Cli.run("actions", "--help").succeeded().out()).contains("  list  ", "  show  ");
  }

  @Test
  void aGroupWithoutASubcommandIsAUsageError() {
    Cli.run("status").exited(ExitCode.USAGE).errContains("Missing required subcommand");
  }
}
