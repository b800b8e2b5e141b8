package dev.posture.scubagear;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.posture.input.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Each key of a ScubaGear export as the section of the Microsoft API it comes from, and what the export does not hold. */
class ScubaGearImportTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @TempDir Path dir;

  private JsonNode snapshot(Path export) throws IOException {
    Path tenant = dir.resolve("tenant");
    ScubaGearImport.read(export).writeTo(tenant, "posture test");
    return JSON.readTree(tenant.resolve("snapshot.json").toFile());
  }

  private static List<String> found(ScubaGearImport imported) {
    return imported.sections().stream().filter(ScubaGearImport.Section::found).map(ScubaGearImport.Section::name).toList();
  }

  private static Optional<String> why(ScubaGearImport imported, String section) {
    return imported.sections().stream().filter(s -> s.name().equals(section)).findFirst().orElseThrow().notFound();
  }

  @Test
  void version180_everyProduct() {
    ScubaGearImport imported = ScubaGearImport.read(Exports.FOURTH_COFFEE);

    assertThat(imported.source()).isEqualTo("ScubaGear 1.8.0 ProviderSettingsExport");
    assertThat(imported.tenantId()).isEqualTo(Exports.FOURTH_COFFEE_ID);
    assertThat(imported.displayName()).isEqualTo("Fourth Coffee");
    assertThat(found(imported)).containsExactly("organization", "subscribedSkus", "domains", "authorizationPolicy",
        "authenticationMethodsPolicy", "conditionalAccessPolicies", "groupSettings", "directoryRoles", "sharepointSettings",
        "exchangeOrganizationConfig", "adminAuditLogConfig", "sharingPolicies", "remoteDomains", "transportRules", "antiPhishPolicies",
        "safeLinksPolicies", "safeAttachmentPolicies", "dkimSigningConfigs", "atpPolicyForO365", "teamsMeetingPolicies",
        "dlpCompliancePolicies");
    assertThat(imported.sections()).hasSize(34);
    assertThat(imported.warnings()).containsExactly(
        "total_user_count is -1: ScubaGear could not count the tenant's users (no section reads the count)");
  }

  @Test
  void whatNoScubaGearExportHolds_perUserMfaDevicesSecurityDefaultsMailboxes() {
    ScubaGearImport imported = ScubaGearImport.read(Exports.FOURTH_COFFEE);

    assertThat(imported.sections()).filteredOn(s -> s.notFound().equals(Optional.of("not in any ScubaGear export")))
        .extracting(ScubaGearImport.Section::name)
        .containsExactly("identitySecurityDefaultsEnforcementPolicy", "onPremisesSynchronization", "users", "devices", "managedDevices",
            "mailboxes", "owaMailboxPolicies", "roleAssignmentPolicies", "hostedOutboundSpamFilterPolicies", "labelPolicies",
            "autoSensitivityLabelPolicies");
    assertThat(why(imported, "adminConsentRequestPolicy")).contains("the export has no admin_consent_policies");
    assertThat(why(imported, "malwareFilterPolicies")).contains("the export has no malware_filter_policies");
  }

  @Test
  void version030_entraIdOnly_withByteOrderMarkAndCrlf() throws IOException {
    assertThat(Files.readAllBytes(Exports.ADATUM)).startsWith(0xEF, 0xBB, 0xBF);
    ScubaGearImport imported = ScubaGearImport.read(Exports.ADATUM);

    assertThat(imported.source()).isEqualTo("ScubaGear 0.3.0 ProviderSettingsExport");
    assertThat(imported.tenantId()).isEqualTo(Exports.ADATUM_ID);
    assertThat(found(imported)).containsExactly("organization", "subscribedSkus", "authorizationPolicy", "adminConsentRequestPolicy",
        "conditionalAccessPolicies", "groupSettings", "directoryRoles");
    assertThat(why(imported, "domains")).contains("the export has no domain_settings");
    assertThat(why(imported, "exchangeOrganizationConfig")).contains("ScubaGear was run without exo (Exchange Online)");
    assertThat(why(imported, "antiPhishPolicies")).contains("ScubaGear was run without defender (Defender for Office 365 and Purview)");
    assertThat(why(imported, "sharepointSettings")).contains("ScubaGear was run without sharepoint (SharePoint Online)");
    assertThat(why(imported, "teamsMeetingPolicies")).contains("ScubaGear was run without teams (Microsoft Teams)");
    assertThat(imported.warnings()).isEmpty();
  }

  @Test
  void graphObjectsInGraphsNamesWithIsoDates() throws IOException {
    JsonNode snapshot = snapshot(Exports.FOURTH_COFFEE);

    assertThat(snapshot.get("tenant").toString()).isEqualTo("{\"id\":\"" + Exports.FOURTH_COFFEE_ID
        + "\",\"displayName\":\"Fourth Coffee\",\"capturedAt\":\"2026-11-20T07:30:00Z\"}");
    JsonNode policy = snapshot.at("/conditionalAccessPolicies/0");
    assertThat(policy.path("displayName").asString()).isEqualTo("Block legacy authentication");
    assertThat(policy.at("/conditions/users/excludeUsers").size()).isEqualTo(2);
    assertThat(policy.at("/conditions/clientAppTypes").toString()).isEqualTo("[\"exchangeActiveSync\",\"other\"]");
    assertThat(policy.at("/grantControls/builtInControls").toString()).isEqualTo("[\"block\"]");
    assertThat(policy.path("createdDateTime").asString()).isEqualTo("2025-11-01T12:26:40Z");
    assertThat(snapshot.at("/conditionalAccessPolicies/2/grantControls").isNull()).isTrue();
    assertThat(snapshot.at("/conditionalAccessPolicies/2/sessionControls/signInFrequency/value").asInt()).isEqualTo(4);
    assertThat(snapshot.at("/organization/onPremisesSyncEnabled").isNull()).isTrue();
    assertThat(snapshot.at("/organization/assignedPlans/0/assignedDateTime").asString()).isEqualTo("2023-11-14T22:13:20Z");
    assertThat(snapshot.at("/domains/1/passwordValidityPeriodInDays").asLong()).isEqualTo(2147483647);
    assertThat(snapshot.at("/groupSettings/0/values/2").toString()).isEqualTo("{\"name\":\"EnableBannedPasswordCheck\",\"value\":\"True\"}");
    JsonNode methods = snapshot.get("authenticationMethodsPolicy");
    assertThat(methods.has("@odata.context")).isFalse();
    assertThat(methods.at("/authenticationMethodConfigurations/0").toString()).isEqualTo(
        "{\"@odata.type\":\"#microsoft.graph.microsoftAuthenticatorAuthenticationMethodConfiguration\",\"id\":\"MicrosoftAuthenticator\","
            + "\"state\":\"enabled\",\"includeTargets\":[{\"targetType\":\"group\",\"id\":\"all_users\",\"isRegistrationRequired\":false}],"
            + "\"excludeTargets\":[]}");
  }

  @Test
  void theAuthorizationPolicysGrantPoliciesWhereVersion1HasThem() throws IOException {
    JsonNode policy = snapshot(Exports.FOURTH_COFFEE).get("authorizationPolicy");

    assertThat(policy.has("permissionGrantPolicyIdsAssignedToDefaultUserRole")).isFalse();
    assertThat(policy.at("/defaultUserRolePermissions/permissionGrantPoliciesAssigned/0").asString())
        .isEqualTo("ManagePermissionGrantsForSelf.microsoft-user-default-low");
    assertThat(policy.at("/defaultUserRolePermissions/allowedToCreateApps").asBoolean()).isFalse();
    assertThat(policy.path("allowedToUseSSPR").asBoolean()).isTrue();
  }

  @Test
  void privilegedUsersAndServicePrincipalsAreTheMembersOfTheirRoles_once() throws IOException {
    JsonNode roles = snapshot(Exports.FOURTH_COFFEE).get("directoryRoles");

    assertThat(roles.size()).isEqualTo(8);
    assertThat(roles.get(0).toString()).isEqualTo("{\"displayName\":\"Global Administrator\",\"roleTemplateId\":"
        + "\"62e90394-69f5-4237-9190-012177145e10\",\"members\":["
        + "{\"@odata.type\":\"#microsoft.graph.user\",\"id\":\"6e7b768e-07e2-4810-8459-485f84f8f204\",\"displayName\":\"Adele Vance\"},"
        + "{\"@odata.type\":\"#microsoft.graph.user\",\"id\":\"48d31887-5fad-4d73-a9f5-3c356e68a038\",\"displayName\":\"Megan Bowen\"}]}");
    assertThat(roles.get(4).path("displayName").asString()).isEqualTo("Exchange Administrator");
    assertThat(roles.get(4).path("members").findValuesAsString("displayName")).containsExactly("Nestor Wilke", "Mail archiver");
    assertThat(roles.get(4).at("/members/1/@odata.type").asString()).isEqualTo("#microsoft.graph.servicePrincipal");
    assertThat(roles.get(4).at("/members/1/appId").asString()).isEqualTo("8e7d6c5b-4a39-4827-9b6c-5d4e3f2a1b0c");
  }

  @Test
  void subscriptionsAndTheirServicePlans_whichScubaGearKeepsApart() throws IOException {
    JsonNode skus = snapshot(Exports.FOURTH_COFFEE).get("subscribedSkus");

    assertThat(skus.size()).isEqualTo(2);
    assertThat(skus.get(0).toString()).isEqualTo("{\"skuPartNumber\":\"SPE_E5\",\"skuId\":\"06ebc4ee-1bb5-47dd-8120-11324bc54e06\","
        + "\"consumedUnits\":48,\"prepaidUnits\":{\"warning\":0,\"lockedOut\":0,\"suspended\":0,\"enabled\":50},\"servicePlans\":[]}");
    assertThat(skus.get(1).path("skuPartNumber").asString()).isEqualTo("SCUBAGEAR_SERVICE_PLANS");
    assertThat(skus.get(1).path("servicePlans").findValuesAsString("servicePlanName")).hasSize(13).contains("AAD_PREMIUM_P2", "WINDEFATP");
    assertThat(skus.get(1).at("/servicePlans/0/provisioningStatus").asString()).isEqualTo("Success");
  }

  @Test
  void sharePointsTenantSettingsInGraphsNamesAndValues() throws IOException {
    JsonNode settings = snapshot(Exports.FOURTH_COFFEE).get("sharepointSettings");

    assertThat(settings.toString()).isEqualTo("{\"sharingCapability\":\"externalUserSharingOnly\","
        + "\"sharingDomainRestrictionMode\":\"none\",\"sharingAllowedDomainList\":[],\"sharingBlockedDomainList\":[],"
        + "\"isResharingByExternalUsersEnabled\":false,\"isLegacyAuthProtocolsEnabled\":false,"
        + "\"isUnmanagedSyncAppForTenantRestricted\":false,\"isRequireAcceptingUserToMatchInvitedUserEnabled\":true,"
        + "\"allowedDomainGuidsForSyncApp\":[],\"excludedFileExtensionsForSyncApp\":[],\"isMacSyncAppEnabled\":true,"
        + "\"isSyncButtonHiddenOnPersonalSite\":false,\"isCommentingOnSitePagesEnabled\":true,"
        + "\"isSharePointMobileNotificationEnabled\":true,\"isLoopEnabled\":true,\"isSiteCreationEnabled\":true,"
        + "\"isSiteCreationUIEnabled\":true,\"imageTaggingOption\":\"basic\",\"deletedUserPersonalSiteRetentionPeriodInDays\":30,"
        + "\"personalSiteDefaultStorageLimitInMB\":1048576}");
  }

  @Test
  void theCmdletSpellingAsExchangeWritesIt_andThePresetPoliciesThatAreOn() throws IOException {
    JsonNode snapshot = snapshot(Exports.FOURTH_COFFEE);

    JsonNode config = snapshot.get("exchangeOrganizationConfig");
    assertThat(config.path("CustomerLockBoxEnabled").isBoolean()).isTrue();
    assertThat(config.has("CustomerLockboxEnabled")).isFalse();
    assertThat(config.path("OAuth2ClientProfileEnabled").asBoolean()).isTrue();
    assertThat(snapshot.at("/adminAuditLogConfig/UnifiedAuditLogFirstOptInDate").asString()).isEqualTo("2021-01-01T00:00:00Z");
    assertThat(snapshot.at("/teamsMeetingPolicies/0/Identity").asString()).isEqualTo("Global");
    assertThat(snapshot.at("/dlpCompliancePolicies/0/Mode").asString()).isEqualTo("Enable");
    assertThat(snapshot.get("safeLinksPolicies").toString()).isEqualTo("[{\"Name\":\"Standard Preset Security Policy1700000000005\","
        + "\"Identity\":\"Standard Preset Security Policy1700000000005\",\"RecommendedPolicyType\":\"Standard\","
        + "\"EnableSafeLinksForEmail\":true,\"EnableSafeLinksForTeams\":true,\"EnableSafeLinksForOffice\":true,\"TrackClicks\":true,"
        + "\"AllowClickThrough\":false,\"ScanUrls\":true,\"EnableForInternalSenders\":true,\"DeliverMessageAfterScan\":true,"
        + "\"DisableUrlRewrite\":false}]");
    assertThat(snapshot.at("/safeAttachmentPolicies/0/Action").asString()).isEqualTo("Block");
  }

  @Test
  void theSdksObjectsOfNullsAreGraphsNulls_andItsAdditionalPropertiesAreMerged() throws IOException {
    JsonNode snapshot = snapshot(Exports.ADATUM);

    JsonNode policy = snapshot.at("/conditionalAccessPolicies/0");
    assertThat(policy.at("/grantControls/authenticationStrength").isNull()).isTrue();
    assertThat(policy.at("/grantControls/builtInControls").toString()).isEqualTo("[\"mfa\"]");
    assertThat(policy.at("/conditions/locations").isNull()).isTrue();
    assertThat(policy.at("/conditions/users/includeGuestsOrExternalUsers").isNull()).isTrue();
    assertThat(policy.path("sessionControls").isNull()).isTrue();
    assertThat(policy.has("additionalProperties") || policy.has("AdditionalProperties")).isFalse();
    assertThat(snapshot.at("/organization/tenantType").asString()).isEqualTo("AAD");
    assertThat(snapshot.at("/organization/onPremisesSyncEnabled").asBoolean()).isTrue();
    assertThat(snapshot.at("/organization/onPremisesLastSyncDateTime").asString()).isEqualTo("2025-11-20T00:53:20Z");
    assertThat(snapshot.at("/authorizationPolicy/allowedToUseSSPR").asBoolean()).isTrue();
    assertThat(snapshot.at("/adminConsentRequestPolicy/isEnabled").asBoolean()).isTrue();
    assertThat(snapshot.at("/tenant/capturedAt").asString()).isEqualTo("2026-11-20T07:30:00Z");
    assertThat(snapshot.at("/directoryRoles/0/members/0/displayName").asString()).isEqualTo("Alex Wilber");
    assertThat(snapshot.at("/directoryRoles/0/members").size()).isEqualTo(1);
  }

  @Test
  void theCollectionRecordsTheSourceAndEverySection() throws IOException {
    Path tenant = dir.resolve("tenant");
    ScubaGearImport.read(Exports.FOURTH_COFFEE).writeTo(tenant, "posture test");
    JsonNode collection = JSON.readTree(tenant.resolve("collection.json").toFile());

    assertThat(collection.path("source").asString()).isEqualTo("ScubaGear 1.8.0 ProviderSettingsExport");
    assertThat(collection.path("tool").asString()).isEqualTo("posture test");
    assertThat(collection.path("tenantId").asString()).isEqualTo(Exports.FOURTH_COFFEE_ID);
    assertThat(collection.path("cloud").asString()).isEqualTo("global");
    assertThat(collection.path("startedAt").asString()).isEqualTo("2026-11-20T07:30:00Z");
    assertThat(collection.path("sections").size()).isEqualTo(34);
    assertThat(collection.at("/sections/7").toString())
        .isEqualTo("{\"name\":\"conditionalAccessPolicies\",\"collected\":true,\"count\":3}");
    assertThat(collection.at("/sections/12").toString())
        .isEqualTo("{\"name\":\"users\",\"collected\":false,\"reason\":\"not in any ScubaGear export\"}");
  }

  @Test
  void aCommandScubaGearCouldNotRun_isAWarning_andWhatItFeedsIsNotCollected() {
    Path export = Exports.fourthCoffeeWith(dir, "failed.json", e -> {
      e.putArray("conditional_access_policies");
      e.putArray("aad_unsuccessful_commands").add("Get-MgBetaIdentityConditionalAccessPolicy");
      e.putArray("securitysuite_unsuccessful_commands").add("Get-ATPProtectionPolicyRule").add("Get-ProtectionAlert");
    });

    ScubaGearImport imported = ScubaGearImport.read(export);

    assertThat(why(imported, "conditionalAccessPolicies"))
        .contains("ScubaGear could not run Get-MgBetaIdentityConditionalAccessPolicy (aad_unsuccessful_commands)");
    assertThat(why(imported, "safeLinksPolicies"))
        .contains("ScubaGear could not run Get-ATPProtectionPolicyRule (securitysuite_unsuccessful_commands)");
    assertThat(imported.warnings()).containsExactly(
        "aad_unsuccessful_commands: ScubaGear could not run Get-MgBetaIdentityConditionalAccessPolicy; conditionalAccessPolicies is not collected",
        "securitysuite_unsuccessful_commands: ScubaGear could not run Get-ATPProtectionPolicyRule; safeLinksPolicies,"
            + " safeAttachmentPolicies are not collected",
        "securitysuite_unsuccessful_commands: ScubaGear could not run Get-ProtectionAlert; no section is made from it",
        "total_user_count is -1: ScubaGear could not count the tenant's users (no section reads the count)");
  }

  @Test
  void withoutTheLicenceTheCommandsScubaGearSkipsAreNoFailure() {
    Path export = Exports.fourthCoffeeWith(dir, "unlicensed.json", e -> {
      e.put("defender_license", false);
      e.putArray("atp_policy_rules");
      e.putArray("atp_policy_for_o365");
      e.putArray("securitysuite_unsuccessful_commands").add("Get-AtpPolicyForO365").add("Get-ATPProtectionPolicyRule");
    });

    ScubaGearImport imported = ScubaGearImport.read(export);

    assertThat(why(imported, "atpPolicyForO365")).contains("the tenant has no Defender for Office 365 (defender_license is false)");
    assertThat(why(imported, "safeAttachmentPolicies")).contains("the tenant has no Defender for Office 365 (defender_license is false)");
    assertThat(imported.warnings()).hasSize(1).allMatch(w -> w.startsWith("total_user_count"));
  }

  @Test
  void theOrganizationScubaGearCouldNotRead_andTheTenantIdFromTheOtherKey() {
    Path export = Exports.fourthCoffeeWith(dir, "no-organization.json", e -> {
      ObjectNode details = (ObjectNode) e.get("tenant_details").get(0);
      details.put("AADAdditionalData", "Error retrieving additional data");
      details.put("TenantId", "Error retrieving Tenant ID");
      details.put("DisplayName", "Error retrieving Display name");
      e.put("total_user_count", "NaN");
    });

    ScubaGearImport imported = ScubaGearImport.read(export);

    assertThat(imported.tenantId()).isEqualTo(Exports.FOURTH_COFFEE_ID);
    assertThat(imported.displayName()).isEqualTo("fourthcoffee.onmicrosoft.com");
    assertThat(why(imported, "organization"))
        .contains("ScubaGear could not read the organization (tenant_details[0].AADAdditionalData is 'Error retrieving additional data')");
    assertThat(imported.warnings()).containsExactly(
        "tenant_details: ScubaGear could not read the organization (tenant_details[0].AADAdditionalData is 'Error retrieving additional"
            + " data'); organization is not collected",
        "total_user_count is 'NaN': ScubaGear could not count the tenant's users (no section reads the count)");
  }

  @Test
  void twoTenantIdsThatDisagree() {
    Path export = Exports.fourthCoffeeWith(dir, "two-ids.json", e -> e.put("tenant_id", "00000000-1111-2222-3333-444444444444"));

    assertThat(ScubaGearImport.read(export).warnings()).contains("the export names two tenants: tenant_details[0].AADAdditionalData[0].Id"
        + " is " + Exports.FOURTH_COFFEE_ID + ", tenant_id is 00000000-1111-2222-3333-444444444444; the snapshot is of "
        + Exports.FOURTH_COFFEE_ID);
  }

  @Test
  void noTenantId() {
    Path export = Exports.fourthCoffeeWith(dir, "no-id.json", e -> {
      ObjectNode details = (ObjectNode) e.get("tenant_details").get(0);
      details.put("AADAdditionalData", "Error retrieving additional data");
      details.put("TenantId", "Error retrieving Tenant ID");
      e.remove("tenant_id");
    });

    InputException error = catchThrowableOfType(InputException.class, () -> ScubaGearImport.read(export));

    assertThat(error).hasMessageMatching(java.util.regex.Pattern.quote(export.toString()) + ":\\d+: \\$\\.tenant_details\\[0\\]\\.TenantId: "
        + java.util.regex.Pattern.quote("the export names no tenant by its id (it is 'Error retrieving Tenant ID', and there is no"
        + " tenant_id); a snapshot needs the tenant's id"));
  }

  @Test
  void aValueOfTheWrongTypeIsNamedByItsPathAndLine() throws IOException {
    Path export = Exports.fourthCoffeeWith(dir, "wrong.json", e -> e.put("conditional_access_policies", "none"));
    int line = lineOf(export, "\"conditional_access_policies\"");

    assertThat(catchThrowableOfType(InputException.class, () -> ScubaGearImport.read(export))).hasMessage(export + ":" + line
        + ": $.conditional_access_policies: expected a list of conditional access policies, found 'none'");
  }

  @Test
  void anElementOfTheWrongType() throws IOException {
    Path export = Exports.fourthCoffeeWith(dir, "wrong-element.json", e -> e.putArray("remote_domains").add(3));

    assertThat(catchThrowableOfType(InputException.class, () -> ScubaGearImport.read(export)))
        .hasMessageEndingWith(": $.remote_domains[0]: expected a remote domain (a mapping), found 3");
  }

  @Test
  void aSharePointSettingOfTheWrongType() throws IOException {
    Path export = Exports.fourthCoffeeWith(dir, "wrong-setting.json", e -> ((ObjectNode) e.get("SPO_tenant").get(0))
        .put("SharingCapability", "sometimes"));

    assertThat(catchThrowableOfType(InputException.class, () -> ScubaGearImport.read(export))).hasMessageEndingWith(
        ": $.SPO_tenant[0].SharingCapability: expected 0 to 3, or one of disabled, externalUserSharingOnly,"
            + " externalUserAndGuestSharing, existingExternalUserSharingOnly, found 'sometimes'");
  }

  @Test
  void privilegedUsersThatAreNoMapping() {
    Path export = Exports.fourthCoffeeWith(dir, "wrong-users.json", e -> e.put("privileged_users", "Adele"));

    assertThat(catchThrowableOfType(InputException.class, () -> ScubaGearImport.read(export)))
        .hasMessageEndingWith(": $.privileged_users: expected a mapping (an object with named fields), found 'Adele'");
  }

  @Test
  void aTruncatedFileIsInvalidJsonAtItsLastLine() throws IOException {
    String whole = Files.readString(Exports.FOURTH_COFFEE);
    String cut = whole.substring(0, whole.indexOf("\"org_config\""));
    Path export = Files.writeString(dir.resolve("truncated.json"), cut);

    assertThat(catchThrowableOfType(InputException.class, () -> ScubaGearImport.read(export)))
        .hasMessageStartingWith(export + ":" + cut.lines().count() + ": not valid JSON: Unexpected end-of-input");
  }

  @Test
  void aFileThatIsNoScubaGearExportSaysWhatItLooksLike() throws IOException {
    assertThat(lookalike(Path.of("src/test/resources/tenant/tailspin/secure-score/secureScores-001.json")))
        .endsWith("this looks like Microsoft Graph's secureScores; it belongs in a tenant folder's secure-score/ (or give it with --graph)");
    assertThat(lookalike(Path.of("src/test/resources/tenant/tailspin/secure-score/secureScoreControlProfiles-001.json")))
        .endsWith("this looks like Microsoft Graph's secureScoreControlProfiles; it belongs in a tenant folder's secure-score/"
            + " (or give it with --graph)");
    assertThat(lookalike(Path.of("../samples/contoso/snapshot.json")))
        .endsWith("this looks like a posture snapshot, which posture assess reads as it is");
    assertThat(lookalike(Path.of("src/test/resources/tenant/tailspin/collection.json"))).endsWith("this looks like a posture collection.json");
    assertThat(lookalike(Files.writeString(dir.resolve("results.json"), "{\"MetaData\": {}, \"Summary\": {}, \"Results\": {}}")))
        .endsWith("this looks like ScubaGear's results (ScubaResults); ProviderSettingsExport.json is in the same report folder");
    assertThat(lookalike(Files.writeString(dir.resolve("list.json"), "[1, 2]"))).endsWith("this looks like a JSON list of 2 values");
    assertThat(lookalike(Files.writeString(dir.resolve("other.json"), "{\"a\": 1, \"b\": 2}"))).endsWith("this looks like a mapping of a, b");
    assertThat(lookalike(Files.writeString(dir.resolve("scalar.json"), "\"hello\""))).isEqualTo(dir.resolve("scalar.json")
        + ":1: $: not a ScubaGear ProviderSettingsExport (module_version, tenant_details and each product's keys): this looks like a"
        + " single JSON value, 'hello'");
  }

  @Test
  void theFolderIsWrittenWhole_andTheStateFileAndSecureScoreAreLeftAlone() throws IOException {
    Path tenant = Files.createDirectory(dir.resolve("tenant"));
    Files.writeString(tenant.resolve("posture-state.yaml"), "actions: {}\n");
    Path page = Files.createDirectory(tenant.resolve("secure-score")).resolve("secureScores-001.json");
    Files.writeString(page, "{\"value\": []}");
    Files.writeString(tenant.resolve("snapshot.json"), "{\"tenant\": {\"id\": \"old\", \"displayName\": \"old\"}}");

    ScubaGearImport.read(Exports.ADATUM).writeTo(tenant, "posture test");

    assertThat(Files.readString(tenant.resolve("posture-state.yaml"))).isEqualTo("actions: {}\n");
    assertThat(Files.readString(page)).isEqualTo("{\"value\": []}");
    assertThat(JSON.readTree(tenant.resolve("snapshot.json").toFile()).at("/tenant/id").asString()).isEqualTo(Exports.ADATUM_ID);
  }

  @Test
  void aFolderThatCannotBeWritten() throws IOException {
    Path file = Files.writeString(dir.resolve("tenant"), "a file");
    ScubaGearImport imported = ScubaGearImport.read(Exports.ADATUM);

    assertThat(catchThrowableOfType(InputException.class, () -> imported.writeTo(file, "posture test")))
        .hasMessage(file + ": cannot be written (" + file + " exists and is not a folder); it is as it was");
    assertThat(Files.readString(file)).isEqualTo("a file");
  }

  private static String lookalike(Path file) {
    return catchThrowableOfType(InputException.class, () -> ScubaGearImport.read(file)).getMessage();
  }

  private static int lineOf(Path file, String text) throws IOException {
    List<String> lines = Files.readAllLines(file);
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(text)) {
        return i + 1;
      }
    }
    throw new AssertionError(text + " is not in " + file);
  }
}
