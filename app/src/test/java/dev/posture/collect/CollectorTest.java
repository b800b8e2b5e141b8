package dev.posture.collect;

import static dev.posture.collect.FakeMicrosoft.DEFENDER_TOKEN;
import static dev.posture.collect.FakeMicrosoft.EXCHANGE_TOKEN;
import static dev.posture.collect.FakeMicrosoft.GRAPH_TOKEN;
import static dev.posture.collect.FakeMicrosoft.TENANT_ID;
import static dev.posture.collect.FakeMicrosoft.userId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.posture.collect.FakeMicrosoft.Fail;
import dev.posture.collect.FakeMicrosoft.Malformed;
import dev.posture.collect.FakeMicrosoft.Slow;
import dev.posture.collect.FakeMicrosoft.Throttle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class CollectorTest {
  static final Clock NOW = Clock.fixed(Instant.parse("2026-12-02T06:00:00Z"), ZoneOffset.UTC);
  /** Short waits, so throttling and retries take milliseconds. */
  static final Limits FAST = new Limits(Duration.ofSeconds(5), 4, Duration.ofSeconds(5), Duration.ofMillis(5), Duration.ZERO);
  static final Map<String, String> TOKENS = Map.of("POSTURE_ACCESS_TOKEN_GRAPH", GRAPH_TOKEN,
      "POSTURE_ACCESS_TOKEN_DEFENDER", DEFENDER_TOKEN, "POSTURE_ACCESS_TOKEN_EXCHANGE", EXCHANGE_TOKEN);

  @TempDir Path temp;
  private FakeMicrosoft fake;
  private final List<String> progress = new ArrayList<>();

  @AfterEach
  void stop() {
    if (fake != null) {
      fake.close();
    }
  }

  private FakeMicrosoft fake(int users, int devices) throws IOException {
    fake = new FakeMicrosoft(users, devices, 4);
    return fake;
  }

  private Collector.Result collect(Path folder) {
    return collect(folder, FAST, TOKENS, EnumSet.allOf(Section.class));
  }

  private Collector.Result collect(Path folder, Limits limits, Map<String, String> tokens, Set<Section> wanted) {
    Endpoints endpoints = Endpoints.of(Cloud.GLOBAL, Map.of(Service.GRAPH, fake.url(), Service.DEFENDER, fake.url(),
        Service.EXCHANGE, fake.url()));
    Collector collector = new Collector(new HandedTokens(tokens), endpoints, limits, NOW, new Collector.Listener() {
      @Override
      public void progress(String line) {
        progress.add(line);
      }

      @Override
      public void request(String line) {
        if (Boolean.getBoolean("collect.trace")) {
          System.out.println(System.nanoTime() / 1_000_000 + " " + line);
        }
      }
    }, "posture test");
    return collector.collect(folder, null, wanted);
  }

  private static JsonNode json(Path file) throws IOException {
    return Json.MAPPER.readTree(Files.readString(file));
  }

  private static JsonNode section(JsonNode collection, String name) {
    for (JsonNode s : collection.path("sections")) {
      if (s.path("name").asString("").equals(name)) {
        return s;
      }
    }
    throw new AssertionError("no section " + name + " in collection.json");
  }

  private static JsonNode byId(JsonNode elements, String id) {
    for (JsonNode e : elements) {
      if (e.path("id").asString("").equals(id)) {
        return e;
      }
    }
    throw new AssertionError("no element " + id);
  }

  @Test
  void collectsEverySectionIntoTheTenantFolder() throws IOException {
    fake(23, 7);
    Path tenant = temp.resolve("tailwind");
    Collector.Result result = collect(tenant);

    assertThat(result.tenantId()).isEqualTo(TENANT_ID);
    try (Stream<Path> files = Files.walk(tenant)) {
      assertThat(files.map(p -> tenant.relativize(p).toString()).filter(s -> !s.isEmpty()).sorted().toList()).containsExactly(
          ".posture-commit.lock", "collection.json", "secure-score", "secure-score/secureScoreControlProfiles-001.json",
          "secure-score/secureScores-001.json", "secure-score/secureScores-002.json", "snapshot.json");
    }
    JsonNode collection = json(tenant.resolve("collection.json"));
    assertThat(collection.path("schemaVersion").asInt()).isEqualTo(1);
    assertThat(collection.path("tool").asString()).isEqualTo("posture test");
    assertThat(collection.path("source").asString()).isEqualTo("posture collect");
    assertThat(collection.path("tenantId").asString()).isEqualTo(TENANT_ID);
    assertThat(collection.path("cloud").asString()).isEqualTo("global");
    assertThat(collection.path("startedAt").asString()).isEqualTo("2026-12-02T06:00:00Z");
    Map<String, Long> counts = new TreeMap<>();
    List<String> notCollected = new ArrayList<>();
    for (JsonNode s : collection.path("sections")) {
      if (s.path("collected").asBoolean()) {
        counts.put(s.path("name").asString(), s.path("count").isNumber() ? s.path("count").asLong() : null);
      } else {
        notCollected.add(s.path("name").asString());
      }
    }
    assertThat(counts).containsEntry("users", 23L).containsEntry("devices", 7L).containsEntry("mailboxes", 23L)
        .containsEntry("managedDevices", 3L).containsEntry("secureScores", 6L).containsEntry("secureScoreControlProfiles", 2L)
        .containsEntry("conditionalAccessPolicies", 2L).containsEntry("directoryRoles", 2L).containsEntry("organization", null)
        .containsEntry("exchangeOrganizationConfig", null).containsEntry("safeLinksPolicies", 1L).hasSize(31);
    assertThat(notCollected).containsExactly("onPremisesSynchronization", "teamsMeetingPolicies", "dlpCompliancePolicies",
        "labelPolicies", "autoSensitivityLabelPolicies");
    assertThat(section(collection, "onPremisesSynchronization").path("reason").asString()).contains("Global Administrator");
    assertThat(section(collection, "teamsMeetingPolicies").path("reason").asString()).contains("no documented API");
    assertThat(section(collection, "users").path("endpoints")).extracting(JsonNode::asString).containsExactly(
        "GET " + fake.url() + "/v1.0/reports/authenticationMethods/userRegistrationDetails",
        "GET " + fake.url() + "/v1.0/groups/{id}/transitiveMembers/microsoft.graph.user",
        "GET " + fake.url() + "/v1.0/users");
    assertThat(section(collection, "mailboxes").path("endpoints").path(0).asString())
        .isEqualTo("POST " + fake.url() + "/adminapi/beta/" + TENANT_ID + "/InvokeCommand Get-Mailbox");

    JsonNode snapshot = json(tenant.resolve("snapshot.json"));
    assertThat(snapshot.path("tenant").path("id").asString()).isEqualTo(TENANT_ID);
    assertThat(snapshot.path("tenant").path("displayName").asString()).isEqualTo("Tailwind Traders");
    assertThat(snapshot.path("tenant").path("capturedAt").asString()).isEqualTo("2026-12-02T06:00:00Z");
    assertThat(snapshot.path("organization").path("verifiedDomains").path(0).path("name").asString()).isEqualTo("tailwind.example");
    assertThat(snapshot.path("subscribedSkus").path(0).path("servicePlans").size()).isEqualTo(2);
    assertThat(snapshot.path("identitySecurityDefaultsEnforcementPolicy").path("isEnabled").asBoolean(true)).isFalse();
    assertThat(snapshot.path("groupSettings").path(0).path("values").path(0).path("value").asString()).isEqualTo("True");
    assertThat(snapshot.path("directoryRoles").path(0).path("members").size()).isEqualTo(3);
    assertThat(snapshot.has("onPremisesSynchronization")).isFalse();
    assertThat(snapshot.has("teamsMeetingPolicies")).isFalse();
    assertThat(snapshot.path("users").size()).isEqualTo(23);
    assertThat(snapshot.path("devices").size()).isEqualTo(7);
  }

  @Test
  void joinsUsersWithTheirRegistrationRolesAndGroups() throws IOException {
    fake(23, 0);
    Path tenant = temp.resolve("t");
    collect(tenant);
    JsonNode users = json(tenant.resolve("snapshot.json")).path("users");

    JsonNode admin = byId(users, userId(0));
    assertThat(admin.path("userType").asString()).isEqualTo("Member");
    assertThat(admin.path("isAdmin").asBoolean()).isTrue();
    assertThat(admin.path("isMfaRegistered").asBoolean()).isTrue();
    assertThat(admin.path("methodsRegistered").size()).isEqualTo(2);
    assertThat(admin.has("userDisplayName")).isFalse();
    assertThat(admin.path("transitiveMemberOf").toString()).isEqualTo("[{\"@odata.type\":\"#microsoft.graph.directoryRole\","
        + "\"id\":\"d0000000-0000-4000-8000-000000000001\",\"roleTemplateId\":\"" + FakeMicrosoft.GLOBAL_ADMINISTRATOR + "\"}]");
    // the role comes through the group that holds it; no policy names that group
    assertThat(byId(users, userId(2)).path("transitiveMemberOf").findValuesAsString("id"))
        .containsExactly("d0000000-0000-4000-8000-000000000001");
    assertThat(byId(users, userId(3)).path("isMfaRegistered").asBoolean(true)).isFalse();
    assertThat(byId(users, userId(3)).path("transitiveMemberOf").findValuesAsString("roleTemplateId"))
        .containsExactly(FakeMicrosoft.SECURITY_READER);
    assertThat(byId(users, userId(4)).path("transitiveMemberOf").findValuesAsString("id")).containsExactly(FakeMicrosoft.EXCLUDED_GROUP);
    assertThat(byId(users, userId(7)).path("transitiveMemberOf").size()).isZero();
    // registration details leave out disabled users: their own fields only
    JsonNode disabled = byId(users, userId(9));
    assertThat(disabled.path("accountEnabled").asBoolean(true)).isFalse();
    assertThat(disabled.has("isMfaRegistered")).isFalse();
    assertThat(byId(users, userId(6)).path("userType").asString()).isEqualTo("Guest");
    assertThat(progress).contains("users 23 of ~23");
    assertThat(fake.requests()).filteredOn(r -> r.startsWith("GET /v1.0/users?")).hasSize(6)
        .first().asString().contains("$top=999").contains("$count=true");
  }

  @Test
  void foldsEachMachinesConfigurationAssessmentsIntoIt() throws IOException {
    fake(2, 7);
    Path tenant = temp.resolve("t");
    collect(tenant);
    JsonNode devices = json(tenant.resolve("snapshot.json")).path("devices");
    JsonNode first = byId(devices, FakeMicrosoft.machineId(0));
    assertThat(first.path("computerDnsName").asString()).isEqualTo("tailwind-ws0.tailwind.example");
    assertThat(first.path("secureConfigurations").toString()).isEqualTo("{\"compliant\":[],\"nonCompliant\":[\"scid-2010\",\"scid-2090\"]}");
    assertThat(byId(devices, FakeMicrosoft.machineId(1)).path("secureConfigurations").toString())
        .isEqualTo("{\"compliant\":[\"scid-2010\",\"scid-2090\",\"scid-25\"],\"nonCompliant\":[]}");
    assertThat(byId(devices, FakeMicrosoft.machineId(4)).path("secureConfigurations").toString())
        .isEqualTo("{\"compliant\":[\"scid-2010\"],\"nonCompliant\":[\"scid-2090\"]}");
    assertThat(fake.requests()).filteredOn(r -> r.startsWith("GET /api/machines/SecureConfigurationsAssessmentByMachine")).hasSize(6);
  }

  @Test
  void noRecentMachinesIsNoDevices() throws IOException {
    fake(2, 0);
    Path tenant = temp.resolve("t");
    collect(tenant);
    assertThat(json(tenant.resolve("snapshot.json")).path("devices").isArray()).isTrue();
    assertThat(json(tenant.resolve("snapshot.json")).path("devices").size()).isZero();
    assertThat(section(json(tenant.resolve("collection.json")), "devices").path("count").asLong()).isZero();
  }

  @Test
  void exchangeObjectsLoseTheirAnnotationsAndTheirBooleansAreBooleans() throws IOException {
    fake(6, 0);
    Path tenant = temp.resolve("t");
    collect(tenant);
    JsonNode snapshot = json(tenant.resolve("snapshot.json"));
    assertThat(snapshot.path("exchangeOrganizationConfig").path("AuditDisabled").isBoolean()).isTrue();
    assertThat(snapshot.path("adminAuditLogConfig").path("UnifiedAuditLogIngestionEnabled").asBoolean()).isTrue();
    assertThat(snapshot.path("atpPolicyForO365").path("EnableSafeDocs").isBoolean()).isTrue();
    JsonNode mailboxes = snapshot.path("mailboxes");
    assertThat(mailboxes.size()).isEqualTo(6);
    assertThat(mailboxes.path(4).path("AuditEnabled").asBoolean(true)).isFalse();
    assertThat(mailboxes.path(0).has("AuditAdmin@odata.type")).isFalse();
    assertThat(mailboxes.path(0).path("AuditAdmin").size()).isEqualTo(2);
    // every page of Get-Mailbox is the same POST body sent again to the nextLink
    List<String> pages = fake.requests().stream().filter(r -> r.endsWith("Get-Mailbox")).toList();
    assertThat(pages).hasSize(2).allMatch(r -> r.startsWith("POST /adminapi/beta/" + TENANT_ID + "/InvokeCommand?"));
  }

  @Test
  void keepsSecureScorePagesAsSent() throws IOException {
    fake(2, 0);
    Path tenant = temp.resolve("t");
    collect(tenant);
    JsonNode first = json(tenant.resolve("secure-score/secureScores-001.json"));
    assertThat(first.path("value").size()).isEqualTo(4);
    assertThat(first.path("@odata.nextLink").asString()).contains("$skiptoken=4");
    assertThat(json(tenant.resolve("secure-score/secureScores-002.json")).path("value").size()).isEqualTo(2);
    assertThat(fake.requests()).anyMatch(r -> r.startsWith("GET /v1.0/security/secureScores?") && r.contains("$top=90"));
  }

  @Test
  void filesAreTheOwnersAloneAndHoldNoToken() throws IOException {
    fake(5, 3);
    Path tenant = temp.resolve("t");
    collect(tenant);
    try (Stream<Path> all = Files.walk(tenant)) {
      for (Path p : all.toList()) {
        String expected = Files.isDirectory(p) ? "rwx------" : "rw-------";
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(p))).as(p.toString()).isEqualTo(expected);
        if (Files.isRegularFile(p)) {
          assertThat(Files.readString(p, StandardCharsets.UTF_8)).doesNotContain(GRAPH_TOKEN, DEFENDER_TOKEN, EXCHANGE_TOKEN, "Bearer");
        }
      }
    }
  }

  @Test
  void leavesTheStateFileAndOtherFilesAlone() throws IOException {
    fake(3, 0);
    Path tenant = Files.createDirectories(temp.resolve("t"));
    Path state = Files.writeString(tenant.resolve("posture-state.yaml"), "schemaVersion: 1\nactions: {}\n");
    Path mine = Files.createDirectories(tenant.resolve("secure-score")).resolve("exported-by-hand.json");
    Files.writeString(mine, "{\"value\": []}");
    Files.writeString(tenant.resolve("secure-score/secureScores-007.json"), "{\"value\": []}");
    collect(tenant);
    assertThat(Files.readString(state)).isEqualTo("schemaVersion: 1\nactions: {}\n");
    assertThat(mine).exists();
    // a page of an earlier collection that this one did not write again is gone
    assertThat(tenant.resolve("secure-score/secureScores-007.json")).doesNotExist();
    assertThat(tenant.resolve("secure-score/secureScores-002.json")).exists();
  }

  @Test
  void retriesThrottlingWithAndWithoutRetryAfter() throws IOException {
    fake(9, 0);
    fake.fault("/v1.0/users", new Throttle("0.05"), new Throttle("0.01"));
    fake.fault("/v1.0/identity/conditionalAccess/policies", new Throttle(null), new Throttle(null));
    Path tenant = temp.resolve("t");
    collect(tenant);
    JsonNode collection = json(tenant.resolve("collection.json"));
    assertThat(section(collection, "users").path("count").asLong()).isEqualTo(9);
    assertThat(section(collection, "conditionalAccessPolicies").path("collected").asBoolean()).isTrue();
    assertThat(fake.requests()).filteredOn(r -> r.startsWith("GET /v1.0/identity/conditionalAccess/policies")).hasSize(3);
    assertThat(fake.requests()).filteredOn(r -> r.startsWith("GET /v1.0/users?")).hasSize(3 + 2);
  }

  @Test
  void aServerErrorIsTriedAgain() throws IOException {
    fake(2, 0);
    fake.fault("/v1.0/domains", new Fail(500, "generalException", "An unexpected error occurred."));
    Path tenant = temp.resolve("t");
    collect(tenant);
    assertThat(json(tenant.resolve("snapshot.json")).path("domains").path(0).path("id").asString()).isEqualTo("tailwind.example");
    assertThat(fake.requests()).filteredOn(r -> r.equals("GET /v1.0/domains")).hasSize(2);
  }

  @Test
  void aServerErrorThatLastsLeavesTheSectionOut() throws IOException {
    fake(2, 0);
    fake.always("/v1.0/domains", new Fail(503, "serviceUnavailable", "Service Unavailable"));
    Path tenant = temp.resolve("t");
    collect(tenant);
    JsonNode domains = section(json(tenant.resolve("collection.json")), "domains");
    assertThat(domains.path("collected").asBoolean(true)).isFalse();
    assertThat(domains.path("httpStatus").asInt()).isEqualTo(503);
    assertThat(domains.path("reason").asString()).isEqualTo("Microsoft Graph answered 503 serviceUnavailable: Service Unavailable after 4 tries");
    assertThat(json(tenant.resolve("snapshot.json")).has("domains")).isFalse();
  }

  @Test
  void aDeniedSectionIsNotCollectedAndTheRestGoesOn() throws IOException {
    fake(2, 0);
    fake.always("/v1.0/admin/sharepoint/settings", new Fail(403, "Authorization_RequestDenied", "Insufficient privileges to complete the operation."));
    Path tenant = temp.resolve("t");
    Collector.Result result = collect(tenant);
    JsonNode sharepoint = section(json(tenant.resolve("collection.json")), "sharepointSettings");
    assertThat(sharepoint.path("collected").asBoolean(true)).isFalse();
    assertThat(sharepoint.path("httpStatus").asInt()).isEqualTo(403);
    assertThat(sharepoint.path("errorCode").asString()).isEqualTo("Authorization_RequestDenied");
    assertThat(sharepoint.path("permission").asString()).isEqualTo("SharePointTenantSettings.Read.All");
    assertThat(sharepoint.path("reason").asString()).isEqualTo("Microsoft Graph answered 403 Authorization_RequestDenied: Insufficient"
        + " privileges to complete the operation.: the sign-in lacks SharePointTenantSettings.Read.All");
    assertThat(json(tenant.resolve("snapshot.json")).has("sharepointSettings")).isFalse();
    assertThat(result.sections().stream().filter(SectionResult::collected).count()).isEqualTo(30);
    // denied at once: no retries
    assertThat(fake.requests()).filteredOn(r -> r.startsWith("GET /v1.0/admin/sharepoint")).hasSize(1);
  }

  @Test
  void usersNeedTheirRegistrationDetails() throws IOException {
    fake(2, 0);
    fake.always("/v1.0/reports/", new Fail(403, "Authorization_RequestDenied", "Insufficient privileges to complete the operation."));
    Path tenant = temp.resolve("t");
    collect(tenant);
    JsonNode users = section(json(tenant.resolve("collection.json")), "users");
    assertThat(users.path("collected").asBoolean(true)).isFalse();
    assertThat(users.path("permission").asString()).isEqualTo("AuditLog.Read.All");
    assertThat(json(tenant.resolve("snapshot.json")).has("users")).isFalse();
  }

  @Test
  void usersNeedTheDirectoryRolesEvenWhenOnlyUsersAreAsked() throws IOException {
    fake(3, 0);
    fake.always("/v1.0/directoryRoles", new Fail(403, "Authorization_RequestDenied", "Insufficient privileges to complete the operation."));
    Path tenant = temp.resolve("t");
    collect(tenant, FAST, TOKENS, EnumSet.of(Section.USERS, Section.DOMAINS));
    JsonNode collection = json(tenant.resolve("collection.json"));
    assertThat(section(collection, "users").path("reason").asString()).startsWith("needs directoryRoles");
    assertThat(section(collection, "users").path("permission").asString()).isEqualTo("RoleManagement.Read.Directory");
    assertThat(section(collection, "directoryRoles").path("reason").asString()).isEqualTo("not asked for");
  }

  @Test
  void onlyTheSectionsAskedForAreCollected() throws IOException {
    fake(3, 0);
    Path tenant = temp.resolve("t");
    collect(tenant, FAST, TOKENS, EnumSet.of(Section.USERS, Section.DOMAINS));
    JsonNode snapshot = json(tenant.resolve("snapshot.json"));
    List<String> names = new ArrayList<>(snapshot.propertyNames());
    assertThat(names).containsExactly("tenant", "domains", "users");
    assertThat(byId(snapshot.path("users"), userId(0)).path("transitiveMemberOf").size()).isEqualTo(1);
    assertThat(fake.requests()).noneMatch(r -> r.contains("InvokeCommand") || r.startsWith("GET /api/"));
  }

  @Test
  void exchangeRefusedOnceIsRefusedForEveryCmdlet() throws IOException {
    fake(2, 0);
    fake.always("Get-OrganizationConfig", new Fail(403, "Forbidden", "The role assigned to application isn't supported."));
    Path tenant = temp.resolve("t");
    collect(tenant);
    JsonNode collection = json(tenant.resolve("collection.json"));
    for (String name : List.of("exchangeOrganizationConfig", "mailboxes", "safeLinksPolicies", "atpPolicyForO365")) {
      assertThat(section(collection, name).path("permission").asString()).as(name).isEqualTo("Exchange.ManageAsApp");
      assertThat(section(collection, name).path("httpStatus").asInt()).as(name).isEqualTo(403);
    }
    assertThat(fake.requests()).filteredOn(r -> r.contains("InvokeCommand")).hasSize(1);
    assertThat(section(collection, "users").path("collected").asBoolean()).isTrue();
  }

  @Test
  void aMissingTokenForOneServiceLeavesItsSectionsOut() throws IOException {
    fake(2, 2);
    Path tenant = temp.resolve("t");
    collect(tenant, FAST, Map.of("POSTURE_ACCESS_TOKEN_GRAPH", GRAPH_TOKEN, "POSTURE_ACCESS_TOKEN_EXCHANGE", EXCHANGE_TOKEN),
        EnumSet.allOf(Section.class));
    assertThat(section(json(tenant.resolve("collection.json")), "devices").path("reason").asString())
        .isEqualTo("no token for Defender for Endpoint (set POSTURE_ACCESS_TOKEN_DEFENDER or POSTURE_ACCESS_TOKEN)");
  }

  @Test
  void aSlowAnswerIsTriedAgainAndOneThatStaysSlowIsLeftOut() throws IOException {
    fake(2, 0);
    fake.fault("/v1.0/domains", new Slow(1500));
    fake.always("/v1.0/groupSettings", new Slow(1500));
    Limits limits = new Limits(Duration.ofMillis(300), 2, Duration.ofSeconds(5), Duration.ofMillis(5), Duration.ZERO);
    Path tenant = temp.resolve("t");
    collect(tenant, limits, TOKENS, EnumSet.of(Section.DOMAINS, Section.GROUP_SETTINGS));
    JsonNode collection = json(tenant.resolve("collection.json"));
    assertThat(section(collection, "domains").path("collected").asBoolean()).isTrue();
    JsonNode settings = section(collection, "groupSettings");
    assertThat(settings.path("reason").asString()).isEqualTo("Microsoft Graph did not answer within 0.3 s after 2 tries");
    assertThat(settings.has("httpStatus")).isFalse();
  }

  @Test
  void aMalformedPageStopsAndLeavesThePreviousCollection() throws IOException {
    fake(9, 0);
    Path tenant = temp.resolve("t");
    collect(tenant);
    byte[] before = Files.readAllBytes(tenant.resolve("snapshot.json"));
    fake.fault("/v1.0/users", new Malformed("{\"value\": [{\"id\": \"x\"}"));
    assertThatThrownBy(() -> collect(tenant)).isInstanceOf(MalformedResponseException.class)
        .hasMessageStartingWith(fake.url() + "/v1.0/users?$select=").hasMessageContaining("not valid JSON");
    assertThat(Files.readAllBytes(tenant.resolve("snapshot.json"))).isEqualTo(before);
    try (Stream<Path> files = Files.list(tenant)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("snapshot.json", "collection.json", "secure-score",
          ".posture-commit.lock");
    }
  }

  @Test
  void aPageWhoseValueIsNoArrayIsMalformed() throws IOException {
    fake(2, 0);
    fake.fault("/v1.0/subscribedSkus", new Malformed("{\"value\": {\"skuPartNumber\": \"E5\"}}"));
    assertThatThrownBy(() -> collect(temp.resolve("t"))).isInstanceOf(MalformedResponseException.class)
        .hasMessage(fake.url() + "/v1.0/subscribedSkus: $.value: expected an array, found an object");
    assertThat(temp.resolve("t")).doesNotExist();
  }

  @Test
  void aNextLinkToAnotherHostIsNotFollowed() throws IOException {
    fake(2, 0);
    fake.fault("/v1.0/domains", new Malformed("{\"value\": [], \"@odata.nextLink\": \"https://elsewhere.example/v1.0/domains?$skiptoken=2\"}"));
    assertThatThrownBy(() -> collect(temp.resolve("t"))).isInstanceOf(MalformedResponseException.class)
        .hasMessageContaining("leads away from http://127.0.0.1:" + fake.port());
    assertThat(fake.requests()).noneMatch(r -> r.contains("elsewhere"));
  }

  @Test
  void aRefusedTokenStopsAndWritesNothing() throws IOException {
    fake(2, 0);
    Path tenant = temp.resolve("t");
    assertThatThrownBy(() -> collect(tenant, FAST, Map.of("POSTURE_ACCESS_TOKEN", "expired"), EnumSet.allOf(Section.class)))
        .isInstanceOf(AuthenticationException.class)
        .hasMessage("Microsoft Graph refused the token for " + fake.url() + "/v1.0/organization (401 InvalidAuthenticationToken:"
            + " Access token validation failure. Invalid audience.): the sign-in is not valid for the audience Microsoft Graph ("
            + fake.url() + ")");
    assertThat(tenant).doesNotExist();
  }

  @Test
  void everySectionDeniedIsAnAuthenticationFailure() throws IOException {
    fake(2, 0);
    fake.always("/", new Fail(403, "Authorization_RequestDenied", "Insufficient privileges to complete the operation."));
    fake.always("Get-", new Fail(403, "Authorization_RequestDenied", "Insufficient privileges to complete the operation."));
    Path tenant = temp.resolve("t");
    assertThatThrownBy(() -> collect(tenant)).isInstanceOf(AuthenticationException.class).hasMessageStartingWith("every section was denied");
    assertThat(tenant).doesNotExist();
  }

  @Test
  void endpointsAreHttpsOrLoopback() {
    assertThat(Endpoints.of(Cloud.GLOBAL, Map.of()).base(Service.DEFENDER)).hasToString("https://api.securitycenter.microsoft.com");
    assertThat(Endpoints.of(Cloud.USGOV_HIGH, Map.of()).base(Service.GRAPH)).hasToString("https://graph.microsoft.us");
    assertThat(Endpoints.of(Cloud.CHINA, Map.of()).base(Service.DEFENDER)).isNull();
    assertThat(Endpoints.of(Cloud.GLOBAL, Map.of(Service.GRAPH, "https://graph.contoso.example/")).base(Service.GRAPH))
        .hasToString("https://graph.contoso.example");
    assertThat(Endpoints.of(Cloud.GLOBAL, Map.of(Service.GRAPH, "http://[::1]:8080")).base(Service.GRAPH)).hasToString("http://[::1]:8080");
    assertThatThrownBy(() -> Endpoints.of(Cloud.GLOBAL, Map.of(Service.GRAPH, "http://graph.contoso.example")))
        .hasMessage("--endpoint graph=http://graph.contoso.example: expected https (plain http only to a loopback address such as 127.0.0.1)");
    assertThatThrownBy(() -> Endpoints.of(Cloud.GLOBAL, Map.of(Service.EXCHANGE, "https://outlook.example?x=1")))
        .hasMessageContaining("expected a base URL");
    assertThatThrownBy(() -> Endpoints.of(Cloud.GLOBAL, Map.of(Service.DEFENDER, "ftp://127.0.0.1"))).hasMessageContaining("expected https");
  }
}
