package dev.posture.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.posture.scubagear.Exports;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * posture import scubagear FILE DIR: what it found and what not, its warnings, every error in one
 * line, and what posture assess then makes of the folder.
 */
class ImportScubaGearCommandTest {
  private static final String NOT_IN_SCUBAGEAR = "not found: identitySecurityDefaultsEnforcementPolicy, onPremisesSynchronization,"
      + " users, devices, managedDevices, mailboxes, owaMailboxPolicies, roleAssignmentPolicies, hostedOutboundSpamFilterPolicies,"
      + " labelPolicies, autoSensitivityLabelPolicies (not in any ScubaGear export)";
  private static final String USER_COUNT_WARNING =
      "posture: warning: total_user_count is -1: ScubaGear could not count the tenant's users (no section reads the count)";
  private static final String NOT_A_SCUBAGEAR_EXPORT =
      ":1: $: not a ScubaGear ProviderSettingsExport (module_version, tenant_details and each product's keys): this looks like ";

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @TempDir Path dir;

  private static Cli.Result importInto(Path export, Path tenant) {
    return Cli.run("import", "scubagear", export.toString(), tenant.toString());
  }

  /** The lines of an assessment up to the top actions: the tenant, the four scores and the categories. */
  private static List<String> scores(Path tenant) {
    List<String> lines = Cli.run("assess", tenant.toString()).succeeded().out().lines().toList();
    return lines.subList(0, lines.indexOf("POINTS BY CATEGORY  CURRENT  MAX") - 1);
  }

  /** The ids of the actions with this status, best ranked first. */
  private static List<String> withStatus(Path tenant, String status) {
    return Cli.run("actions", "list", tenant.toString(), "--status", status, "--format", "csv").succeeded().out().lines()
        .skip(1).map(row -> row.split(",")[1]).toList();
  }

  @Test
  void version180_saysWhatItFoundAndWhatNot_andWarnsOfTheFailureMarkerByItsKey() {
    Path tenant = dir.resolve("fourthcoffee");
    Cli.Result r = importInto(Exports.FOURTH_COFFEE, tenant).exited(0);

    assertThat(r.out().lines()).containsExactly(
        tenant + ": 21 of 34 sections imported from ScubaGear 1.8.0 ProviderSettingsExport of tenant " + Exports.FOURTH_COFFEE_ID
            + " (Fourth Coffee)",
        "found: organization, subscribedSkus 2, domains 2, authorizationPolicy, authenticationMethodsPolicy, conditionalAccessPolicies 3,"
            + " groupSettings 2, directoryRoles 8, sharepointSettings, exchangeOrganizationConfig, adminAuditLogConfig, sharingPolicies 1,"
            + " remoteDomains 1, transportRules 1, antiPhishPolicies 2, safeLinksPolicies 1, safeAttachmentPolicies 1,"
            + " dkimSigningConfigs 2, atpPolicyForO365, teamsMeetingPolicies 2, dlpCompliancePolicies 2",
        NOT_IN_SCUBAGEAR,
        "not found: adminConsentRequestPolicy (the export has no admin_consent_policies)",
        "not found: malwareFilterPolicies (the export has no malware_filter_policies)");
    assertThat(r.err().lines()).containsExactly(USER_COUNT_WARNING);
    assertThat(tenant.resolve("snapshot.json")).exists();
    assertThat(tenant.resolve("collection.json")).content(StandardCharsets.UTF_8)
        .contains("\"source\" : \"ScubaGear 1.8.0 ProviderSettingsExport\"", "\"cloud\" : \"global\"");
  }

  @Test
  void version030_entraIdOnly_saysWhichProductsScubaGearWasRunWithout() {
    Path tenant = dir.resolve("adatum");
    Cli.Result r = importInto(Exports.ADATUM, tenant).succeeded();

    assertThat(r.out().lines()).containsExactly(
        tenant + ": 7 of 34 sections imported from ScubaGear 0.3.0 ProviderSettingsExport of tenant " + Exports.ADATUM_ID + " (Adatum)",
        "found: organization, subscribedSkus 1, authorizationPolicy, adminConsentRequestPolicy, conditionalAccessPolicies 2,"
            + " groupSettings 2, directoryRoles 8",
        "not found: domains (the export has no domain_settings)",
        NOT_IN_SCUBAGEAR,
        "not found: authenticationMethodsPolicy (the export has no authentication_method)",
        "not found: sharepointSettings (ScubaGear was run without sharepoint (SharePoint Online))",
        "not found: exchangeOrganizationConfig, sharingPolicies, remoteDomains, transportRules, dkimSigningConfigs (ScubaGear was run"
            + " without exo (Exchange Online))",
        "not found: adminAuditLogConfig, antiPhishPolicies, safeLinksPolicies, safeAttachmentPolicies, malwareFilterPolicies,"
            + " atpPolicyForO365, dlpCompliancePolicies (ScubaGear was run without defender (Defender for Office 365 and Purview))",
        "not found: teamsMeetingPolicies (ScubaGear was run without teams (Microsoft Teams))");
  }

  /**
   * 65 points: the 16 scored actions the export shows done (Identity 8 + 5 + 4 + 1 + 1, Apps 9 + 8 +
   * 5 + 5 + 3 + 3 + 3 + 3 + 1 + 1, Data 5); three more are done but not scored. Every action is
   * licensed. What reads users or devices is Not assessed; two actions read a property ScubaGear's
   * selection leaves out, and cannot be decided.
   */
  @Test
  void version180_assesses() {
    Path tenant = dir.resolve("fourthcoffee");
    importInto(Exports.FOURTH_COFFEE, tenant).exited(0);

    assertThat(scores(tenant)).containsExactly(
        "Fourth Coffee (" + Exports.FOURTH_COFFEE_ID + "), captured 2026-11-20T07:30:00Z",
        "",
        "SCORE            POINTS  TOTAL  PERCENT",
        "Current              65    336   19.35%  ███▉░░░░░░░░░░░░░░░░",
        "Planned              65    336   19.35%  ███▉░░░░░░░░░░░░░░░░",
        "Current license     336    336  100.00%  ████████████████████",
        "Achievable          336    336  100.00%  ████████████████████",
        "",
        "CATEGORY        CURRENT        PLANNED  CURRENT LICENSE       ACHIEVABLE",
        "Identity   19/61 31.15%   19/61 31.15%    61/61 100.00%    61/61 100.00%",
        "Device      0/155 0.00%    0/155 0.00%  155/155 100.00%  155/155 100.00%",
        "Apps      41/111 36.94%  41/111 36.94%  111/111 100.00%  111/111 100.00%",
        "Data         5/9 55.56%     5/9 55.56%      9/9 100.00%      9/9 100.00%");
    assertThat(withStatus(tenant, "completed")).containsExactly("mdo_safelinksforemail", "PWAgePolicyNew", "mdo_safeattachments",
        "PasswordHashSync", "aad_custom_banned_passwords", "aad_third_party_apps", "dlp_datalossprevention", "IntegratedApps",
        "exo_oauth2clientprofileenabled", "mdo_antiphishingpolicies", "mip_search_auditlog", "spo_external_users_sharing", "OneAdmin",
        "RoleOverlap", "meeting_anonymousstartmeeting_v1", "spo_legacy_auth", "EmergencyAccessAccounts", "LimitGlobalAdmins",
        "RestrictGuestAccess");
    assertThat(withStatus(tenant, "to-address")).containsExactly("meeting_autoadmitusers_v1", "exo_individualsharing",
        "mdo_atpprotection", "spo_block_onedrive_sync_unmanaged_devices", "meeting_restrictanonymousjoin_v1", "CustomerLockBoxEnabled");
    assertThat(withStatus(tenant, "not-assessed")).hasSize(39).contains("AdminMFAV2", "scid_2010");
    assertThat(Cli.run("assess", tenant.toString()).out()).endsWith("2 actions could not be decided from the snapshot:\n"
        + "  exo_mailtipsenabled: the snapshot has no exchangeOrganizationConfig.MailTipsAllTipsEnabled\n"
        + "  spo_idle_session_timeout: the snapshot has no sharepointSettings.idleSessionSignOut\n");
    assertThat(Cli.run("actions", "show", tenant.toString(), "AdminMFAV2").succeeded().out())
        .containsPattern("Current state: not assessed: .*users");
  }

  /**
   * 6 points: the admin consent workflow (Apps, 5) and least privileged roles (Identity, 1); one
   * licence, so 138 of 336 are within reach; nothing of Exchange, SharePoint, Teams or Defender.
   */
  @Test
  void version030_assesses() {
    Path tenant = dir.resolve("adatum");
    importInto(Exports.ADATUM, tenant).succeeded();

    assertThat(scores(tenant)).containsExactly(
        "Adatum (" + Exports.ADATUM_ID + "), captured 2026-11-20T07:30:00Z",
        "",
        "SCORE            POINTS  TOTAL  PERCENT",
        "Current               6    336    1.79%  ▍░░░░░░░░░░░░░░░░░░░",
        "Planned               6    336    1.79%  ▍░░░░░░░░░░░░░░░░░░░",
        "Current license     138    336   41.07%  ████████▎░░░░░░░░░░░",
        "Achievable          138    336   41.07%  ████████▎░░░░░░░░░░░",
        "",
        "CATEGORY      CURRENT      PLANNED  CURRENT LICENSE     ACHIEVABLE",
        "Identity   1/61 1.64%   1/61 1.64%     47/61 77.05%   47/61 77.05%",
        "Device    0/155 0.00%  0/155 0.00%      0/155 0.00%    0/155 0.00%",
        "Apps      5/111 4.50%  5/111 4.50%    83/111 74.77%  83/111 74.77%",
        "Data        0/9 0.00%    0/9 0.00%       8/9 88.89%     8/9 88.89%");
    assertThat(withStatus(tenant, "completed")).containsExactly("aad_admin_consent_workflow", "RoleOverlap", "LimitGlobalAdmins");
    assertThat(withStatus(tenant, "not-assessed")).hasSize(57).contains("AdminMFAV2", "exo_mailtipsenabled", "spo_legacy_auth");
    assertThat(withStatus(tenant, "error")).isEmpty();
  }

  @Test
  void aCommandScubaGearCouldNotRunIsAWarningNamingItsKey() {
    Path export = Exports.fourthCoffeeWith(dir, "failed.json", e -> {
      e.putArray("meeting_policies");
      e.putArray("teams_unsuccessful_commands").add("Get-CsTeamsMeetingPolicy");
    });
    Cli.Result r = importInto(export, dir.resolve("t")).exited(0);

    assertThat(r.err().lines()).containsExactly(
        "posture: warning: teams_unsuccessful_commands: ScubaGear could not run Get-CsTeamsMeetingPolicy; teamsMeetingPolicies is not collected",
        USER_COUNT_WARNING);
    assertThat(r.out()).contains("not found: teamsMeetingPolicies (ScubaGear could not run Get-CsTeamsMeetingPolicy (teams_unsuccessful_commands))");
    assertThat(dir.resolve("t/collection.json")).content(StandardCharsets.UTF_8).contains(
        "\"reason\" : \"ScubaGear could not run Get-CsTeamsMeetingPolicy (teams_unsuccessful_commands)\"");
  }

  @Test
  void aFailureMarkerOtherThanMinusOneIsNamedAsWritten() {
    Path export = Exports.fourthCoffeeWith(dir, "count.json", e -> e.put("total_user_count", "NaN"));

    assertThat(importInto(export, dir.resolve("t")).exited(0).err()).isEqualTo(
        "posture: warning: total_user_count is 'NaN': ScubaGear could not count the tenant's users (no section reads the count)\n");
  }

  @Test
  void aTruncatedFileIsExit3NamingTheFileAndLine_andNothingIsWritten() throws IOException {
    String whole = Files.readString(Exports.ADATUM);
    String cut = whole.substring(0, whole.length() / 2);
    Path export = Files.writeString(dir.resolve("truncated.json"), cut);
    Path tenant = dir.resolve("t");

    Cli.Result r = importInto(export, tenant).exited(3).oneLineError();

    assertThat(r.err()).startsWith("posture: " + export + ":" + cut.lines().count() + ": not valid JSON: Unexpected end-of-input");
    assertThat(tenant).doesNotExist();
  }

  /** What PowerShell leaves when ConvertTo-Json fails: its error text, with a byte-order mark and CRLF. */
  @Test
  void aFileThatIsNotJsonIsExit3() throws IOException {
    Path export = Files.writeString(dir.resolve("ProviderSettingsExport.json"),
        "\uFEFFConvertTo-Json : The converted JSON string is in bad format.\r\n");

    assertThat(importInto(export, dir.resolve("t")).exited(3).oneLineError().err())
        .startsWith("posture: " + export + ":1: not valid JSON: Unrecognized token 'ConvertTo'");
    assertThat(dir.resolve("t")).doesNotExist();
  }

  /** Each value is JSON with ` for its quotes, as ' is the CSV source's own. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "org_config                  | true           | $.org_config: expected a list of organization configs, found true",
    "service_plans               | 5              | $.service_plans: expected a list of service plans, found 5",
    "tenant_details              | `x`            | $.tenant_details: expected a list of tenant details, found 'x'",
    "conditional_access_policies | [`oops`]       | $.conditional_access_policies[0]: expected a conditional access policy (a mapping), found 'oops'",
    "aad_unsuccessful_commands   | `Get-MgUser`   | $.aad_unsuccessful_commands: expected a list of the commands ScubaGear could not run, found 'Get-MgUser'",
    "SPO_tenant                  | [{`SharingCapability`: {}}] | $.SPO_tenant[0].SharingCapability: expected 0 to 3, or one of disabled,"
        + " externalUserSharingOnly, externalUserAndGuestSharing, existingExternalUserSharingOnly, found a mapping",
  })
  void aValueOfTheWrongTypeIsExit3WithItsLineAndJsonPath(String key, String value, String message) {
    Path export = Exports.fourthCoffeeWith(dir, "wrong.json", e -> e.set(key, JSON.readTree(value.replace('`', '"'))));

    Cli.Result r = importInto(export, dir.resolve("t")).exited(3).oneLineError();

    assertThat(r.err()).matches("posture: " + Pattern.quote(export.toString()) + ":\\d+: " + Pattern.quote(message) + "\\n");
    assertThat(dir.resolve("t")).doesNotExist();
  }

  @Test
  void aFileThatIsNoScubaGearExportIsExit3SayingWhatItLooksLike() throws IOException {
    assertThat(importInto(Path.of("../samples/contoso/snapshot.json"), dir.resolve("t")).exited(3).oneLineError().err())
        .isEqualTo("posture: ../samples/contoso/snapshot.json" + NOT_A_SCUBAGEAR_EXPORT
            + "a posture snapshot, which posture assess reads as it is\n");
    assertThat(importInto(Path.of("../docs/examples/graph/secureScores.json"), dir.resolve("t")).exited(3).oneLineError().err())
        .isEqualTo("posture: ../docs/examples/graph/secureScores.json" + NOT_A_SCUBAGEAR_EXPORT
            + "Microsoft Graph's secureScores; it belongs in a tenant folder's secure-score/ (or give it with --graph)\n");
    Path results = Files.writeString(dir.resolve("ScubaResults.json"), "{\"MetaData\": {}, \"Summary\": {}, \"Results\": {}}");
    assertThat(importInto(results, dir.resolve("t")).exited(3).oneLineError().err())
        .isEqualTo("posture: " + results + NOT_A_SCUBAGEAR_EXPORT
            + "ScubaGear's results (ScubaResults); ProviderSettingsExport.json is in the same report folder\n");
    assertThat(dir.resolve("t")).doesNotExist();
  }

  @Test
  void aMissingFile() {
    Path missing = dir.resolve("ProviderSettingsExport.json");
    assertThat(importInto(missing, dir.resolve("t")).exited(3).oneLineError().err())
        .isEqualTo("posture: " + missing + ": no such file\n");
  }

  @Test
  void aFolderThatCannotBeWrittenIsExit3_andNothingIsLost() throws IOException {
    Path file = Files.writeString(dir.resolve("t"), "mine");

    Cli.Result r = importInto(Exports.ADATUM, file).exited(3).oneLineError();

    assertThat(r.err()).isEqualTo("posture: " + file + ": cannot be written (" + file + " exists and is not a folder); it is as it was\n");
    assertThat(Files.readString(file)).isEqualTo("mine");
  }

  /** The summary is for people; the folder's collection.json is what a script reads. */
  @Test
  void itPrintsNoOtherFormat() {
    Cli.Result r = Cli.run("import", "scubagear", Exports.ADATUM.toString(), dir.resolve("t").toString(), "--format", "json").exited(2);

    assertThat(r.err()).startsWith("posture: Unknown options: '--format', 'json'\n");
    assertThat(dir.resolve("t")).doesNotExist();
  }

  @Test
  void theFileAndTheFolderAreNeeded() {
    assertThat(Cli.run("import", "scubagear", Exports.ADATUM.toString()).exited(2).err())
        .startsWith("posture: Missing required parameter: 'DIR'\n");
  }

  @Test
  void aSecondImportReplacesTheFirst_andLeavesTheStateFileAlone() throws IOException {
    Path tenant = dir.resolve("t");
    importInto(Exports.FOURTH_COFFEE, tenant).exited(0);
    Path state = Files.writeString(tenant.resolve("posture-state.yaml"), "schemaVersion: 1\nactions: {}\n");

    importInto(Exports.ADATUM, tenant).succeeded();

    assertThat(Files.readString(tenant.resolve("snapshot.json"))).contains(Exports.ADATUM_ID).doesNotContain(Exports.FOURTH_COFFEE_ID);
    assertThat(Files.readString(tenant.resolve("collection.json"))).contains("ScubaGear 0.3.0 ProviderSettingsExport");
    assertThat(Files.readString(state)).isEqualTo("schemaVersion: 1\nactions: {}\n");
    try (Stream<Path> files = Files.list(tenant)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("snapshot.json", "collection.json",
          "posture-state.yaml", ".posture-commit.lock");
    }
  }

  @Test
  void theHelpShowsTheTwoCommands() {
    Cli.Result r = Cli.run("import", "scubagear", "--help").succeeded();
    assertThat(r.out()).contains("  posture import scubagear ProviderSettingsExport.json contoso/\n",
        "  posture assess contoso/\n");
  }

  /**
   * The two real exports kept beside the project ({@code shared/reference/scubagear} in a folder above
   * it; not part of it, so a clean clone skips this): read where they are, both import, with the
   * sections found and not found listed, and assess.
   */
  @Test
  void theReferenceExportsImportAndAssess() {
    Optional<Path> reference = Stream.iterate(Path.of("").toAbsolutePath(), p -> p != null, Path::getParent)
        .map(p -> p.resolve("shared/reference/scubagear")).filter(Files::isDirectory).findFirst();
    assumeTrue(reference.isPresent(), "the real ScubaGear exports (shared/reference/scubagear in a folder above the project) are not here");

    Path sample = dir.resolve("sample");
    Cli.Result r180 = importInto(reference.get().resolve("cisagov-scubagear-1.8.0-sample-ProviderSettingsExport.json"), sample).exited(0);
    assertThat(r180.out().lines()).containsExactly(
        sample + ": 21 of 34 sections imported from ScubaGear 1.8.0 ProviderSettingsExport of tenant 3c19c757-3b55-411f-b03f-2bcc514a598d"
            + " (tqhjy)",
        "found: organization, subscribedSkus 3, domains 1, authorizationPolicy, authenticationMethodsPolicy, conditionalAccessPolicies 7,"
            + " groupSettings 2, directoryRoles 8, sharepointSettings, exchangeOrganizationConfig, adminAuditLogConfig, sharingPolicies 1,"
            + " remoteDomains 1, transportRules 1, antiPhishPolicies 3, safeLinksPolicies 2, safeAttachmentPolicies 2,"
            + " dkimSigningConfigs 2, atpPolicyForO365, teamsMeetingPolicies 11, dlpCompliancePolicies 11",
        NOT_IN_SCUBAGEAR,
        "not found: adminConsentRequestPolicy (the export has no admin_consent_policies)",
        "not found: malwareFilterPolicies (the export has no malware_filter_policies)");
    assertThat(r180.err().lines()).containsExactly(
        "posture: warning: the export names two tenants: tenant_details[0].AADAdditionalData[0].Id is"
            + " 3c19c757-3b55-411f-b03f-2bcc514a598d, tenant_details[0].TenantId is ca08493a-c9c8-4db0-a9e8-d3b4bafac269; the snapshot"
            + " is of 3c19c757-3b55-411f-b03f-2bcc514a598d",
        USER_COUNT_WARNING);
    assertThat(scores(sample)).startsWith(
        "tqhjy (3c19c757-3b55-411f-b03f-2bcc514a598d), captured 2026-05-04T17:15:48.307Z",
        "",
        "SCORE            POINTS  TOTAL  PERCENT",
        "Current              60    336   17.86%  ███▋░░░░░░░░░░░░░░░░");

    Path tenant = dir.resolve("tenant");
    Cli.Result r030 = importInto(reference.get().resolve("cyberlorians-scubagear-0.3.0-ProviderSettingsExport.json"), tenant).succeeded();
    assertThat(r030.out().lines().toList().subList(0, 4)).containsExactly(
        tenant + ": 7 of 34 sections imported from ScubaGear 0.3.0 ProviderSettingsExport of tenant 1daa4fd5-b537-46b2-b92b-556628c922ed"
            + " (wvcrane)",
        "found: organization, subscribedSkus 1, authorizationPolicy, adminConsentRequestPolicy, conditionalAccessPolicies 22,"
            + " groupSettings 2, directoryRoles 8",
        "not found: domains (the export has no domain_settings)",
        NOT_IN_SCUBAGEAR);
    assertThat(scores(tenant)).startsWith(
        "wvcrane (1daa4fd5-b537-46b2-b92b-556628c922ed), captured 2023-05-22T11:23:28Z",
        "",
        "SCORE            POINTS  TOTAL  PERCENT",
        "Current              11    336    3.27%  ▋░░░░░░░░░░░░░░░░░░░");
  }
}
