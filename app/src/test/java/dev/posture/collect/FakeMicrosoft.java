package dev.posture.collect;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Microsoft Graph, Defender for Endpoint and Exchange Online's admin API on a loopback port, serving
 * a made-up tenant in the shapes the APIs document, page by page. Users and devices are made from
 * their index as their pages are asked for, so a tenant of a million users costs no memory.
 *
 * <p>Faults can be queued for a path: throttling with and without {@code Retry-After}, errors, a
 * malformed page, a slow answer. Every request must carry the bearer token of its service.
 *
 * <p>{@code java -cp test-classes:posture.jar dev.posture.collect.FakeMicrosoft USERS DEVICES} serves
 * such a tenant (for the benchmark) and prints its port; it stops when standard input closes.
 */
public final class FakeMicrosoft implements AutoCloseable {
  public static final String TENANT_ID = "7a1c4e2b-5d3f-4a6b-9c8d-0e1f2a3b4c5d";
  public static final String GRAPH_TOKEN = "graph-token-3f9a";
  public static final String DEFENDER_TOKEN = "defender-token-81c2";
  public static final String EXCHANGE_TOKEN = "exchange-token-5d70";
  static final String GLOBAL_ADMINISTRATOR = "62e90394-69f5-4237-9190-012177145e10";
  static final String SECURITY_READER = "5d6b6bb7-de71-4623-b4af-96380a352509";
  /** Named by the "MFA for everyone" policy as excluded; its members are users 4 and 5. */
  static final String EXCLUDED_GROUP = "0f1e2d3c-4b5a-4968-8776-5f4e3d2c1b0a";
  /** Holds the Global Administrator role; its member is user 2. */
  static final String ADMIN_GROUP = "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d";

  /** What a request can get instead of its answer. */
  public sealed interface Fault {}

  public record Throttle(String retryAfter) implements Fault {}

  public record Fail(int status, String code, String message) implements Fault {}

  public record Malformed(String body) implements Fault {}

  public record Slow(long millis) implements Fault {}

  static {
    // answers go out whole, not held back waiting for an acknowledgement: 40 ms a request otherwise
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private final HttpServer server;
  private final int users;
  private final int devices;
  private final int pageSize;
  private final Map<String, Deque<Fault>> faults = new ConcurrentHashMap<>();
  private final Map<String, Fault> always = new ConcurrentHashMap<>();
  private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
  private final AtomicInteger count = new AtomicInteger();

  /**
   * @param pageSize the largest page served, whatever a request asks for (tests make it small to page)
   */
  public FakeMicrosoft(int users, int devices, int pageSize) throws IOException {
    this.users = users;
    this.devices = devices;
    this.pageSize = pageSize;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.start();
  }

  public static void main(String[] args) throws IOException {
    try (FakeMicrosoft fake = new FakeMicrosoft(Integer.parseInt(args[0]), Integer.parseInt(args[1]), Integer.MAX_VALUE)) {
      System.out.println(fake.port());
      System.out.flush();
      while (System.in.read() >= 0) {
        // serves until standard input closes
      }
    }
  }

  public int port() {
    return server.getAddress().getPort();
  }

  public String url() {
    return "http://127.0.0.1:" + port();
  }

  /** The next requests whose path starts with {@code path} (cmdlet name, for Exchange) get these faults, in turn. */
  public FakeMicrosoft fault(String path, Fault... next) {
    faults.computeIfAbsent(path, p -> new ArrayDeque<>()).addAll(List.of(next));
    return this;
  }

  /** Every request whose path starts with {@code path} gets {@code fault}. */
  public FakeMicrosoft always(String path, Fault fault) {
    always.put(path, fault);
    return this;
  }

  /** "GET /v1.0/users?..." for each request so far. */
  public List<String> requests() {
    synchronized (requests) {
      return List.copyOf(requests);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    ((ExecutorService) server.getExecutor()).shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      URI uri = exchange.getRequestURI();
      String path = uri.getRawPath();
      Map<String, String> query = query(uri);
      byte[] body = exchange.getRequestBody().readAllBytes();
      String cmdlet = path.endsWith("/InvokeCommand") ? Json.MAPPER.readTree(body).path("CmdletInput").path("CmdletName").asString("") : "";
      String key = cmdlet.isEmpty() ? path : cmdlet;
      if (count.incrementAndGet() < 10_000) {
        requests.add(exchange.getRequestMethod() + " " + uri + (cmdlet.isEmpty() ? "" : " " + cmdlet));
      }
      String token = path.startsWith("/api/") ? DEFENDER_TOKEN : path.startsWith("/adminapi/") ? EXCHANGE_TOKEN : GRAPH_TOKEN;
      if (!("Bearer " + token).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
        send(exchange, 401, error("InvalidAuthenticationToken", "Access token validation failure. Invalid audience."), null);
        return;
      }
      Fault fault = fault(key);
      if (fault instanceof Slow slow) {
        try {
          Thread.sleep(slow.millis());
        } catch (InterruptedException e) {
          return;
        }
      } else if (fault instanceof Throttle t) {
        send(exchange, 429, error("TooManyRequests", "Please retry again later."), t.retryAfter());
        return;
      } else if (fault instanceof Fail f) {
        send(exchange, f.status(), error(f.code(), f.message()), null);
        return;
      } else if (fault instanceof Malformed m) {
        send(exchange, 200, m.body().getBytes(StandardCharsets.UTF_8), null);
        return;
      }
      JsonNode answer = answer(exchange, path, query, cmdlet, Json.MAPPER.readTree(body.length == 0 ? "{}".getBytes() : body));
      if (answer == null) {
        send(exchange, 404, error("ResourceNotFound", "Not found"), null);
      } else {
        send(exchange, 200, Json.MAPPER.writeValueAsBytes(answer), null);
      }
    } catch (RuntimeException e) {
      e.printStackTrace();
      throw e;
    }
  }

  private Fault fault(String key) {
    for (Map.Entry<String, Deque<Fault>> e : faults.entrySet()) {
      if (key.startsWith(e.getKey())) {
        Fault f = e.getValue().poll();
        if (f != null) {
          return f;
        }
      }
    }
    return always.entrySet().stream().filter(e -> key.startsWith(e.getKey())).map(Map.Entry::getValue).findFirst().orElse(null);
  }

  private JsonNode answer(HttpExchange exchange, String path, Map<String, String> query, String cmdlet, JsonNode body) {
    String base = url();
    int skip = Integer.parseInt(query.getOrDefault("$skiptoken", "0"));
    // Exchange asks for its page size in a header; userRegistrationDetails takes no $top and pages by a thousand here
    String prefer = exchange.getRequestHeaders().getFirst("Prefer");
    if (prefer != null && prefer.startsWith("odata.maxpagesize=")) {
      query.putIfAbsent("$top", prefer.substring("odata.maxpagesize=".length()));
    }
    if (path.endsWith("/userRegistrationDetails")) {
      query.putIfAbsent("$top", "1000");
    }
    return switch (path) {
      case "/v1.0/organization" -> values(List.of(organization()));
      case "/v1.0/subscribedSkus" -> values(List.of(object(
          "skuPartNumber", "SPE_E5", "skuId", "06ebc4ee-1bb5-47dd-8120-11324bc54e06", "capabilityStatus", "Enabled",
          "servicePlans", List.of(
              Map.of("servicePlanName", "AAD_PREMIUM_P2", "provisioningStatus", "Success", "appliesTo", "User"),
              Map.of("servicePlanName", "WINDEFATP", "provisioningStatus", "Success", "appliesTo", "User")))));
      case "/v1.0/domains" -> values(List.of(object("id", "tailwind.example", "isVerified", true, "isDefault", true,
          "authenticationType", "Managed", "passwordValidityPeriodInDays", 2147483647)));
      case "/v1.0/policies/identitySecurityDefaultsEnforcementPolicy" -> object(
          "id", "00000000-0000-0000-0000-000000000005", "displayName", "Security Defaults", "isEnabled", false);
      case "/v1.0/policies/authorizationPolicy" -> object("id", "authorizationPolicy", "allowInvitesFrom", "adminsAndGuestInviters",
          "guestUserRoleId", "10dae51f-b6af-4016-8d66-8c2a99b929b3",
          "defaultUserRolePermissions", Map.of("allowedToCreateApps", false, "permissionGrantPoliciesAssigned", List.of()));
      case "/v1.0/policies/adminConsentRequestPolicy" -> object("isEnabled", true, "notifyReviewers", true, "requestDurationInDays", 30,
          "version", 1);
      case "/v1.0/policies/authenticationMethodsPolicy" -> object("id", "authenticationMethodsPolicy",
          "authenticationMethodConfigurations", List.of(
              Map.of("@odata.type", "#microsoft.graph.fido2AuthenticationMethodConfiguration", "id", "Fido2", "state", "enabled"),
              Map.of("@odata.type", "#microsoft.graph.smsAuthenticationMethodConfiguration", "id", "Sms", "state", "disabled")));
      case "/v1.0/identity/conditionalAccess/policies" -> values(conditionalAccessPolicies());
      case "/v1.0/groupSettings" -> values(List.of(object("id", "a0b1c2d3-0000-4000-8000-000000000001",
          "displayName", "Password Rule Settings", "templateId", "5cf42378-d67d-4f36-ba46-e8b86229381d",
          "values", List.of(Map.of("name", "EnableBannedPasswordCheck", "value", "True"),
              Map.of("name", "BannedPasswordList", "value", "tailwind")))));
      case "/v1.0/directoryRoles" -> values(List.of(
          object("id", "d0000000-0000-4000-8000-000000000001", "displayName", "Global Administrator", "roleTemplateId", GLOBAL_ADMINISTRATOR),
          object("id", "d0000000-0000-4000-8000-000000000002", "displayName", "Security Reader", "roleTemplateId", SECURITY_READER)));
      case "/v1.0/directoryRoles/d0000000-0000-4000-8000-000000000001/members" -> values(List.of(
          member("#microsoft.graph.user", 0), member("#microsoft.graph.user", 1),
          object("@odata.type", "#microsoft.graph.group", "id", ADMIN_GROUP, "displayName", "Tier 0 admins")));
      case "/v1.0/directoryRoles/d0000000-0000-4000-8000-000000000002/members" -> values(List.of(member("#microsoft.graph.user", 3)));
      case "/v1.0/directory/onPremisesSynchronization" -> values(List.of());
      case "/v1.0/admin/sharepoint/settings" -> object("sharingCapability", "existingExternalUserSharingOnly",
          "isUnmanagedSyncAppForTenantRestricted", false, "isResharingByExternalUsersEnabled", false, "isLegacyAuthProtocolsEnabled", true,
          "idleSessionSignOut", Map.of("isEnabled", false, "warnAfterInSeconds", 0, "signOutAfterInSeconds", 0));
      case "/v1.0/reports/authenticationMethods/userRegistrationDetails" -> page(base + path, query, skip, users, this::registration);
      case "/v1.0/users" -> {
        ObjectNode page = page(base + path, query, skip, users, this::user);
        if (skip == 0 && "true".equals(query.get("$count")) && "eventual".equals(exchange.getRequestHeaders().getFirst("ConsistencyLevel"))) {
          page.put("@odata.count", users);
        }
        yield page;
      }
      case "/v1.0/groups/" + EXCLUDED_GROUP + "/transitiveMembers/microsoft.graph.user" ->
          values(List.of(object("id", userId(4)), object("id", userId(5))));
      case "/v1.0/groups/" + ADMIN_GROUP + "/transitiveMembers/microsoft.graph.user" -> values(List.of(object("id", userId(2))));
      case "/v1.0/deviceManagement/managedDevices" -> page(base + path, query, skip, 3, i -> object(
          "id", "md-" + i, "deviceName", "TAILWIND-LT" + i, "operatingSystem", "Windows", "complianceState", i == 2 ? "noncompliant" : "compliant",
          "isEncrypted", i != 2));
      case "/v1.0/security/secureScores" -> page(base + path, query, skip, 6, i -> object(
          "id", TENANT_ID + "_" + LocalDate.of(2026, 12, 2).minusDays(i), "azureTenantId", TENANT_ID,
          "createdDateTime", LocalDate.of(2026, 12, 2).minusDays(i) + "T00:00:00Z",
          "currentScore", 41.5 - i, "maxScore", 120.0, "licensedUserCount", users, "activeUserCount", users,
          "controlScores", List.of(Map.of("controlName", "AdminMFAV2", "controlCategory", "Identity", "score", 5.0 + i))));
      case "/v1.0/security/secureScoreControlProfiles" -> page(base + path, query, skip, 2, i -> object(
          "id", i == 0 ? "AdminMFAV2" : "scid_2090", "title", i == 0 ? "Ensure multifactor authentication is enabled for all users in administrative roles"
              : "Turn on Microsoft Defender Antivirus PUA protection in block mode", "maxScore", i == 0 ? 10.0 : 9.0,
          "controlCategory", i == 0 ? "Identity" : "Device", "service", i == 0 ? "AzureAD" : "MDATP", "tier", "Core"));
      case "/api/machines" -> devices == 0 ? null : page(base + path, query, skip, devices, this::machine);
      case "/api/machines/SecureConfigurationsAssessmentByMachine" -> devices == 0 ? null
          : page(base + path, query, skip, devices * 3, this::assessment);
      default -> path.equals("/adminapi/beta/" + TENANT_ID + "/InvokeCommand") ? cmdlet(base + path, query, skip, cmdlet) : null;
    };
  }

  private ObjectNode cmdlet(String url, Map<String, String> query, int skip, String cmdlet) {
    ObjectNode answer = switch (cmdlet) {
      case "Get-OrganizationConfig" -> values(List.of(object("Name", "tailwind.onmicrosoft.com", "AuditDisabled", "False",
          "OAuth2ClientProfileEnabled", true, "CustomerLockBoxEnabled", "False", "MailTipsAllTipsEnabled", true,
          "MailTipsExternalRecipientsTipsEnabled", false)));
      case "Get-AdminAuditLogConfig" -> values(List.of(object("UnifiedAuditLogIngestionEnabled", "True", "AdminAuditLogEnabled", true)));
      case "Get-Mailbox" -> page(url, query, skip, users, i -> object("UserPrincipalName", upn(i), "ExternalDirectoryObjectId", userId(i),
          "RecipientTypeDetails", "UserMailbox", "AuditEnabled", i % 5 == 4 ? "False" : "True",
          "AuditAdmin", List.of("Update", "MoveToDeletedItems"), "AuditAdmin@odata.type", "#Collection(String)",
          "AuditDelegate", List.of("Update"), "AuditOwner", List.of()));
      case "Get-AntiPhishPolicy" -> values(List.of(object("Name", "Office365 AntiPhish Default", "Enabled", true,
          "EnableMailboxIntelligenceProtection", "True", "PhishThresholdLevel", 2, "IsDefault", true)));
      case "Get-SafeLinksPolicy" -> values(List.of(object("Name", "Built-In Protection Policy", "EnableSafeLinksForEmail", true,
          "TrackClicks", true, "ScanUrls", true, "AllowClickThrough", false)));
      case "Get-AtpPolicyForO365" -> values(List.of(object("EnableATPForSPOTeamsODB", true, "EnableSafeDocs", "False")));
      case "Get-RoleAssignmentPolicy" -> values(List.of(object("Name", "Default Role Assignment Policy", "IsDefault", true,
          "AssignedRoles", List.of("MyBaseOptions", "MyContactInformation", "MyProfileInformation"))));
      case "Get-SharingPolicy" -> values(List.of(object("Name", "Default Sharing Policy", "Default", true, "Enabled", "True",
          "Domains", List.of("*:CalendarSharingFreeBusySimple"))));
      case "Get-OwaMailboxPolicy" -> values(List.of(object("Name", "OwaMailboxPolicy-Default", "IsDefault", true,
          "AdditionalStorageProvidersAvailable", true)));
      case "Get-RemoteDomain" -> values(List.of(object("Name", "Default", "DomainName", "*", "AutoForwardEnabled", true)));
      case "Get-SafeAttachmentPolicy" -> values(List.of(object("Name", "Built-In Protection Policy", "Enable", true, "Action", "Block")));
      case "Get-MalwareFilterPolicy" -> values(List.of(object("Name", "Default", "IsDefault", true, "ZapEnabled", true,
          "EnableFileFilter", "True")));
      case "Get-HostedOutboundSpamFilterPolicy" -> values(List.of(object("Name", "Default", "IsDefault", true,
          "AutoForwardingMode", "Automatic")));
      case "Get-TransportRule", "Get-DkimSigningConfig" ->
          values(List.of(object("Name", "Default", "Identity", cmdlet.substring(4) + "\\Default", "Enabled", "True")));
      default -> null;
    };
    if (answer != null) {
      answer.put("@odata.context", url.replace("/InvokeCommand", "/$metadata#Collection(Exchange.GenericHashTable)"));
      answer.putArray("@adminapi.warnings");
    }
    return answer;
  }

  private ObjectNode organization() {
    return object("id", TENANT_ID, "displayName", "Tailwind Traders", "onPremisesSyncEnabled", null,
        "verifiedDomains", List.of(Map.of("name", "tailwind.example", "isDefault", true, "isInitial", false, "type", "Managed")));
  }

  private List<ObjectNode> conditionalAccessPolicies() {
    return List.of(
        object("id", "ca000000-0000-4000-8000-000000000001", "displayName", "Require MFA for administrators", "state", "enabled",
            "conditions", conditions(Map.of("includeUsers", List.of(), "excludeUsers", List.of(userId(1)),
                "includeGroups", List.of(), "excludeGroups", List.of(), "includeRoles", List.of(GLOBAL_ADMINISTRATOR), "excludeRoles", List.of())),
            "grantControls", Map.of("operator", "OR", "builtInControls", List.of("mfa"))),
        object("id", "ca000000-0000-4000-8000-000000000002", "displayName", "Require MFA for everyone", "state",
            "enabledForReportingButNotEnforced",
            "conditions", conditions(Map.of("includeUsers", List.of("All"), "excludeUsers", List.of(),
                "includeGroups", List.of(), "excludeGroups", List.of(EXCLUDED_GROUP), "includeRoles", List.of(), "excludeRoles", List.of())),
            "grantControls", Map.of("operator", "OR", "builtInControls", List.of("mfa"))));
  }

  /** A policy's conditions as Graph returns them: every field present, the unused ones empty or null. */
  private static Map<String, Object> conditions(Map<String, Object> users) {
    Map<String, Object> conditions = new LinkedHashMap<>();
    conditions.put("users", users);
    conditions.put("applications", Map.of("includeApplications", List.of("All"), "excludeApplications", List.of(),
        "includeUserActions", List.of()));
    conditions.put("clientAppTypes", List.of("all"));
    conditions.put("signInRiskLevels", List.of());
    conditions.put("userRiskLevels", List.of());
    conditions.put("servicePrincipalRiskLevels", List.of());
    conditions.put("platforms", null);
    conditions.put("locations", null);
    return conditions;
  }

  static String userId(int i) {
    return String.format(Locale.ROOT, "00000000-0000-4000-8000-%012d", i);
  }

  static String upn(int i) {
    return "user" + i + "@tailwind.example";
  }

  /** Every tenth user is disabled, every seventh a guest; every fourth has registered no MFA. */
  private ObjectNode user(int i) {
    return object("id", userId(i), "userPrincipalName", upn(i), "displayName", "User " + i, "accountEnabled", i % 10 != 9,
        "userType", i % 7 == 6 ? "Guest" : "Member", "onPremisesSyncEnabled", null);
  }

  /** Disabled users have no registration details, as the API documents. */
  private ObjectNode registration(int i) {
    if (i % 10 == 9) {
      return null;
    }
    boolean mfa = i % 4 != 3;
    return object("id", userId(i), "userPrincipalName", upn(i), "userDisplayName", "User " + i,
        "userType", i % 7 == 6 ? "guest" : "member", "isAdmin", i <= 3, "isMfaRegistered", mfa, "isMfaCapable", mfa,
        "isSsprRegistered", mfa, "isSsprEnabled", true, "isSsprCapable", mfa, "isPasswordlessCapable", false,
        "methodsRegistered", mfa ? List.of("microsoftAuthenticatorPush", "softwareOneTimePasscode") : List.of(),
        "userPreferredMethodForSecondaryAuthentication", mfa ? "push" : "", "lastUpdatedDateTime", "2026-11-30T08:00:00Z");
  }

  private ObjectNode member(String type, int i) {
    return object("@odata.type", type, "id", userId(i), "userPrincipalName", upn(i), "displayName", "User " + i);
  }

  static String machineId(int i) {
    return String.format(Locale.ROOT, "%040x", 0xd0000000L + i);
  }

  private ObjectNode machine(int i) {
    return object("id", machineId(i), "computerDnsName", "tailwind-ws" + i + ".tailwind.example", "osPlatform",
        i % 5 == 4 ? "Linux" : "Windows11", "osVersion", "10.0.22631", "rbacGroupName", i % 2 == 0 ? "Workstations" : "Lab",
        "healthStatus", "Active", "onboardingStatus", "Onboarded", "lastSeen", "2026-12-01T22:10:00Z", "machineTags", List.of(),
        "aadDeviceId", null);
  }

  /**
   * Three rows a device: scid-2010 complies except on every third device, scid-2090 fails on every
   * fourth, scid-25 does not apply to even devices.
   */
  private ObjectNode assessment(int row) {
    int device = row / 3;
    String[] ids = {"scid-2010", "scid-2090", "scid-25"};
    String configuration = ids[row % 3];
    boolean applicable = !(configuration.equals("scid-25") && device % 2 == 0);
    boolean compliant = switch (configuration) {
      case "scid-2010" -> device % 3 != 0;
      case "scid-2090" -> device % 4 != 0;
      default -> true;
    };
    return object("deviceId", machineId(device), "deviceName", null, "osPlatform", "Windows11", "osVersion", "10.0.22631",
        "timestamp", "2026-12-01 09:47:58.854", "configurationId", configuration, "configurationCategory", "Security controls",
        "configurationSubcategory", "Antivirus", "configurationImpact", 9.0, "isApplicable", applicable, "isCompliant", compliant,
        "isExpectedUserImpact", false);
  }

  /** A page of {@code total} elements made by index from {@code skip}; an index the maker skips (null) is left out. */
  private ObjectNode page(String url, Map<String, String> query, int skip, int total,
      IntFunction<ObjectNode> make) {
    int asked = Integer.parseInt(query.getOrDefault("$top", query.getOrDefault("pageSize", "100")));
    int size = Math.min(asked, pageSize);
    ObjectNode page = Json.MAPPER.createObjectNode();
    page.put("@odata.context", url + "/$metadata");
    ArrayNode value = page.putArray("value");
    int end = Math.min(total, skip + size);
    for (int i = skip; i < end; i++) {
      ObjectNode element = make.apply(i);
      if (element != null) {
        value.add(element);
      }
    }
    if (end < total) {
      Map<String, String> next = new HashMap<>(query);
      next.put("$skiptoken", String.valueOf(end));
      StringBuilder link = new StringBuilder(url).append('?');
      next.forEach((k, v) -> link.append(k).append('=').append(v).append('&'));
      page.put("@odata.nextLink", link.substring(0, link.length() - 1));
    }
    return page;
  }

  private static ObjectNode values(List<ObjectNode> elements) {
    ObjectNode page = Json.MAPPER.createObjectNode();
    page.putArray("value").addAll(elements);
    return page;
  }

  private static ObjectNode object(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return Json.MAPPER.valueToTree(map);
  }

  private static byte[] error(String code, String message) {
    return Json.MAPPER.writeValueAsBytes(Map.of("error", Map.of("code", code, "message", message,
        "innerError", Map.of("request-id", "5e0c6d1b-0000-4000-8000-000000000000", "date", "2026-12-02T06:00:00"))));
  }

  private static void send(HttpExchange exchange, int status, byte[] body, String retryAfter) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    if (retryAfter != null) {
      exchange.getResponseHeaders().set("Retry-After", retryAfter);
    }
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private static Map<String, String> query(URI uri) {
    Map<String, String> query = new HashMap<>();
    if (uri.getRawQuery() != null) {
      for (String pair : uri.getRawQuery().split("&")) {
        int eq = pair.indexOf('=');
        query.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
            eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return query;
  }
}
