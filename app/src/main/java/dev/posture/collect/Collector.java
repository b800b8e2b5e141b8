package dev.posture.collect;

import dev.posture.collect.SectionResult.Outcome;
import dev.posture.input.Document;
import dev.posture.input.InputException;
import dev.posture.input.SchemaValidator;
import dev.posture.input.AtomicFile;
import dev.posture.tenant.CollectionRecord;
import dev.posture.tenant.CollectionWriter;
import dev.posture.tenant.SnapshotWriter;
import dev.posture.tenant.Staging;
import dev.posture.tenant.TenantFolder;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Collects a tenant into a tenant folder: the snapshot's sections from Microsoft Graph, Defender for
 * Endpoint and Exchange Online, Microsoft's Secure Score pages, and {@code collection.json}. A section
 * that cannot be read is recorded as not collected and the rest goes on; a refused token or an answer
 * that is not what the API documents stops the collection, and the folder is left as it was.
 */
public final class Collector {
  /** Hears how the collection goes: progress for a terminal, each request for {@code --verbose}. */
  public interface Listener {
    void progress(String line);

    void request(String line);
  }

  /** What was collected. */
  public record Result(String tenantId, Instant startedAt, Instant finishedAt, List<SectionResult> sections) {}

  private static final String[] EXCHANGE_MAILBOX_FIELDS = {"UserPrincipalName", "ExternalDirectoryObjectId",
    "RecipientTypeDetails", "AuditEnabled", "AuditAdmin", "AuditDelegate", "AuditOwner"};

  private final TokenSource tokens;
  private final Endpoints endpoints;
  private final Limits limits;
  private final Clock clock;
  private final Listener listener;
  private final String tool;

  public Collector(TokenSource tokens, Endpoints endpoints, Limits limits, Clock clock, Listener listener, String tool) {
    this.tokens = tokens;
    this.endpoints = endpoints;
    this.limits = limits;
    this.clock = clock;
    this.listener = listener;
    this.tool = tool;
  }

  /**
   * @param tenant the tenant as given (id or domain), or null for the one the sign-in belongs to
   * @param wanted the sections to collect; the others are recorded as skipped
   * @throws AuthenticationException when a service refuses the token, or every section was denied
   * @throws MalformedResponseException when an answer is not what its API documents
   * @throws UncheckedIOException when the folder cannot be written
   */
  public Result collect(Path folder, String tenant, Set<Section> wanted) {
    Instant started = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    // every token at the start, while a federated token file is fresh; a failed sign-in to Graph fails
    // here, before anything is written, one to Defender or Exchange leaves their sections out later
    for (Service service : Service.values()) {
      if (endpoints.base(service) != null && wanted.stream().anyMatch(s -> s.service() == service)) {
        try {
          tokens.token(service);
        } catch (SignInException e) {
          if (service == Service.GRAPH) {
            throw new AuthenticationException(e.getMessage());
          }
        }
      }
    }
    try (Staging staging = Staging.forCollection(folder)) {
      Context context = new Context(new ServiceClient(tokens, limits, listener::request, staging.spill()));
      Run run = new Run(context, staging, wanted);
      run.collect(tenant);
      Instant finished = clock.instant().truncatedTo(ChronoUnit.SECONDS);
      List<SectionResult> sections = List.copyOf(run.results.values());
      if (sections.stream().noneMatch(SectionResult::collected) && sections.stream().anyMatch(SectionResult::failed)
          && sections.stream().filter(SectionResult::failed).allMatch(s -> s.outcome() == Outcome.DENIED)) {
        throw new AuthenticationException("every section was denied: " + sections.stream()
            .filter(SectionResult::failed).map(SectionResult::reason).distinct().reduce((a, b) -> a + "; " + b).orElse(""));
      }
      Result result = run.write(new Result(run.tenantId(tenant), started, finished, sections));
      staging.commit();
      return result;
    } catch (IOException e) {
      throw new UncheckedIOException(folder + " cannot be written (" + AtomicFile.reason(e) + ")", e);
    }
  }

  /** What every section's reading shares: the client, the base URLs, the progress line. */
  final class Context {
    private final ServiceClient client;
    private Instant lastConditionalAccess = Instant.EPOCH;

    Context(ServiceClient client) {
      this.client = client;
    }

    URI base(Service service) {
      return endpoints.base(service);
    }

    /** Every element of every page; -1 when the first page answered 404. */
    long pages(Service service, URI first, String permission, Map<String, String> headers, Consumer<ObjectNode> element) {
      return pages(service, first, permission, headers, element, page -> {});
    }

    long pages(Service service, URI first, String permission, Map<String, String> headers, Consumer<ObjectNode> element,
        Consumer<Pages.Page> onPage) {
      try {
        return Pages.each(client, service, first, null, headers == null ? Map.of() : headers, element, onPage);
      } catch (ServiceError e) {
        throw e.needing(permission);
      }
    }

    /** One object; a 404 is a failure here. */
    ObjectNode object(Service service, URI uri, String permission) {
      try {
        try (ServiceClient.Response response = client.get(service, uri, Map.of())) {
          if (response.status() == 404) {
            throw new ServiceError(404, null, service.label() + " answered 404 Not Found");
          }
          return Pages.object(response);
        }
      } catch (ServiceError e) {
        throw e.needing(permission);
      }
    }

    void progress(String what, long done, Long expected) {
      listener.progress(String.format(Locale.ROOT, "%s %,d%s", what, done,
          expected == null ? "" : String.format(Locale.ROOT, " of ~%,d", expected)));
    }

    /** Graph allows one conditional access request a second per tenant, and says nothing when throttling it. */
    void paceConditionalAccess() {
      long wait = Instant.now().toEpochMilli() - lastConditionalAccess.toEpochMilli();
      long interval = limits.conditionalAccessInterval().toMillis();
      if (wait < interval) {
        try {
          Thread.sleep(interval - wait);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new ServiceError(0, null, "interrupted");
        }
      }
      lastConditionalAccess = Instant.now();
    }
  }

  /** One collection: the sections' data as they are read, then the files. */
  private final class Run {
    private final Context context;
    private final Staging staging;
    private final Set<Section> wanted;
    private final Map<Section, SectionResult> results = new EnumMap<>(Section.class);
    /** What came of sections read only because another needs them. */
    private final Map<Section, SectionResult> needed = new EnumMap<>(Section.class);
    private final Map<Section, JsonNode> settings = new EnumMap<>(Section.class);
    private final Map<Section, Path> spilled = new EnumMap<>(Section.class);
    private Users users;
    private Devices devices;
    private List<ObjectNode> roles;
    private List<ObjectNode> policies;
    private String organizationId;
    private String displayName;

    Run(Context context, Staging staging, Set<Section> wanted) {
      this.context = context;
      this.staging = staging;
      this.wanted = wanted;
    }

    void collect(String tenant) {
      URI graph = context.base(Service.GRAPH);
      attempt(Section.ORGANIZATION, endpoints -> {
        URI uri = URI.create(graph + "/v1.0/organization");
        endpoints.add("GET " + uri);
        List<ObjectNode> all = list(Section.ORGANIZATION, uri);
        if (all.size() != 1) {
          throw new MalformedResponseException(uri, "expected one organization in 'value', found " + all.size());
        }
        organizationId = all.get(0).path("id").asString(null);
        displayName = all.get(0).path("displayName").asString(null);
        settings.put(Section.ORGANIZATION, all.get(0));
        return null;
      });
      graphList(Section.SUBSCRIBED_SKUS, "/v1.0/subscribedSkus");
      graphList(Section.DOMAINS, "/v1.0/domains");
      graphObject(Section.SECURITY_DEFAULTS, "/v1.0/policies/identitySecurityDefaultsEnforcementPolicy");
      graphObject(Section.AUTHORIZATION_POLICY, "/v1.0/policies/authorizationPolicy");
      graphObject(Section.ADMIN_CONSENT_REQUEST_POLICY, "/v1.0/policies/adminConsentRequestPolicy");
      graphObject(Section.AUTHENTICATION_METHODS_POLICY, "/v1.0/policies/authenticationMethodsPolicy");
      boolean forUsers = wanted.contains(Section.USERS);
      attempt(Section.CONDITIONAL_ACCESS_POLICIES, forUsers, endpoints -> {
        URI uri = URI.create(graph + "/v1.0/identity/conditionalAccess/policies");
        endpoints.add("GET " + uri);
        policies = new ArrayList<>();
        context.paceConditionalAccess();
        context.pages(Service.GRAPH, uri, Section.CONDITIONAL_ACCESS_POLICIES.permission(), null, policies::add, page -> {
          if (page.nextLink() != null) {
            context.paceConditionalAccess();
          }
        });
        settings.put(Section.CONDITIONAL_ACCESS_POLICIES, Json.MAPPER.valueToTree(policies));
        return (long) policies.size();
      });
      graphList(Section.GROUP_SETTINGS, "/v1.0/groupSettings");
      attempt(Section.DIRECTORY_ROLES, forUsers, endpoints -> {
        URI uri = URI.create(graph + "/v1.0/directoryRoles");
        endpoints.add("GET " + uri);
        endpoints.add("GET " + graph + "/v1.0/directoryRoles/{id}/members");
        roles = list(Section.DIRECTORY_ROLES, uri);
        for (ObjectNode role : roles) {
          URI members = URI.create(graph + "/v1.0/directoryRoles/" + role.path("id").asString("") + "/members?$select=id,userPrincipalName,displayName");
          ArrayNode all = role.putArray("members");
          context.pages(Service.GRAPH, members, Section.DIRECTORY_ROLES.permission(), null, all::add);
        }
        settings.put(Section.DIRECTORY_ROLES, Json.MAPPER.valueToTree(roles));
        return (long) roles.size();
      });
      if (wanted.contains(Section.ON_PREMISES_SYNCHRONIZATION) && !tokens.delegated()) {
        unavailable(Section.ON_PREMISES_SYNCHRONIZATION, "Graph gives it only to a person signed in as Global Administrator"
            + " (device code or Azure CLI), not to an application");
      } else {
        graphList(Section.ON_PREMISES_SYNCHRONIZATION, "/v1.0/directory/onPremisesSynchronization");
      }
      attempt(Section.SHAREPOINT_SETTINGS, endpoints -> {
        URI uri = URI.create(graph + "/v1.0/admin/sharepoint/settings");
        endpoints.add("GET " + uri);
        ObjectNode object = context.object(Service.GRAPH, uri, Section.SHAREPOINT_SETTINGS.permission());
        // the documentation wraps it in "value"; the service sends the object itself
        settings.put(Section.SHAREPOINT_SETTINGS, object.path("value").isObject() ? object.path("value") : object);
        return null;
      });
      if (wanted.contains(Section.USERS)) {
        usersSection();
      } else {
        skipped(Section.USERS);
      }
      graphLarge(Section.MANAGED_DEVICES, "/v1.0/deviceManagement/managedDevices");
      secureScore(Section.SECURE_SCORES, "/v1.0/security/secureScores?$top=90");
      secureScore(Section.SECURE_SCORE_CONTROL_PROFILES, "/v1.0/security/secureScoreControlProfiles");
      devicesSection();
      exchange(tenant);
      for (Section s : new Section[] {Section.TEAMS_MEETING_POLICIES, Section.DLP_COMPLIANCE_POLICIES, Section.LABEL_POLICIES,
          Section.AUTO_SENSITIVITY_LABEL_POLICIES}) {
        if (wanted.contains(s)) {
          unavailable(s, "no documented API gives it; Microsoft's own scores decide its controls");
        } else {
          skipped(s);
        }
      }
    }

    private void usersSection() {
      for (Section dependency : new Section[] {Section.DIRECTORY_ROLES, Section.CONDITIONAL_ACCESS_POLICIES}) {
        SectionResult r = needed.getOrDefault(dependency, results.get(dependency));
        if (r.failed()) {
          results.put(Section.USERS, new SectionResult(Section.USERS, r.outcome(), null, 0, List.of(),
              "needs " + r.section().key() + " (the roles and groups each user is in): " + r.reason(), r.httpStatus(), r.errorCode(),
              r.permission()));
          return;
        }
      }
      attempt(Section.USERS, endpoints -> {
        users = new Users(context, staging.spill());
        users.gather(roles, policies, endpoints);
        return -2L; // counted when written
      });
    }

    private void devicesSection() {
      if (!wanted.contains(Section.DEVICES)) {
        skipped(Section.DEVICES);
      } else if (context.base(Service.DEFENDER) == null) {
        unavailable(Section.DEVICES, "Defender for Endpoint has no API in the " + endpoints.cloud().label() + " cloud");
      } else {
        attempt(Section.DEVICES, endpoints -> {
          devices = new Devices(context, staging.spill());
          devices.gather(endpoints);
          return -2L;
        });
      }
    }

    private void exchange(String tenant) {
      String id = tenantId(tenant);
      ExchangeAdminApi api = new ExchangeAdminApi(context.client, context.base(Service.EXCHANGE), id == null ? "{tenant}" : id);
      SectionResult organization = results.get(Section.ORGANIZATION);
      SectionResult denied = id != null ? null : new SectionResult(null,
          organization.outcome() == Outcome.DENIED ? Outcome.DENIED : Outcome.FAILED, null, 0, List.of(),
          "the tenant's id is not known (organization was not collected): give --tenant", null, null, null);
      try {
        tokens.token(Service.EXCHANGE);
      } catch (SignInException e) {
        denied = new SectionResult(null, Outcome.DENIED, null, 0, List.of(), e.getMessage(), null, null, null);
      }
      String[][] cmdlets = {
        {"exchangeOrganizationConfig", "Get-OrganizationConfig", "object"},
        {"adminAuditLogConfig", "Get-AdminAuditLogConfig", "object"},
        {"owaMailboxPolicies", "Get-OwaMailboxPolicy", "list"},
        {"roleAssignmentPolicies", "Get-RoleAssignmentPolicy", "list"},
        {"sharingPolicies", "Get-SharingPolicy", "list"},
        {"remoteDomains", "Get-RemoteDomain", "list"},
        {"transportRules", "Get-TransportRule", "list"},
        {"antiPhishPolicies", "Get-AntiPhishPolicy", "list"},
        {"safeLinksPolicies", "Get-SafeLinksPolicy", "list"},
        {"safeAttachmentPolicies", "Get-SafeAttachmentPolicy", "list"},
        {"malwareFilterPolicies", "Get-MalwareFilterPolicy", "list"},
        {"hostedOutboundSpamFilterPolicies", "Get-HostedOutboundSpamFilterPolicy", "list"},
        {"dkimSigningConfigs", "Get-DkimSigningConfig", "list"},
        {"atpPolicyForO365", "Get-AtpPolicyForO365", "object"},
        {"mailboxes", "Get-Mailbox", "large"},
      };
      boolean first = true;
      for (String[] c : cmdlets) {
        Section section = Section.named(c[0]);
        if (!wanted.contains(section)) {
          skipped(section);
          continue;
        }
        if (denied != null) {
          // the first cmdlet was refused: the others would be too
          results.put(section, new SectionResult(section, denied.outcome(), null, 0, List.of(api.describe(c[1])), denied.reason(),
              denied.httpStatus(), denied.errorCode(), denied.permission()));
          continue;
        }
        attempt(section, endpoints -> {
          endpoints.add(api.describe(c[1]));
          try {
            return switch (c[2]) {
              case "object" -> {
                List<ObjectNode> all = new ArrayList<>();
                api.invoke(c[1], Map.of(), null, all::add);
                if (all.size() != 1) {
                  throw new ServiceError(200, null, c[1] + " returned " + all.size() + " objects where it returns one");
                }
                settings.put(section, all.get(0));
                yield null;
              }
              case "list" -> {
                ArrayNode all = Json.MAPPER.createArrayNode();
                api.invoke(c[1], Map.of(), null, all::add);
                settings.put(section, all);
                yield (long) all.size();
              }
              default -> {
                long[] seen = {0};
                Path file = staging.spill().resolve(section.key());
                try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                  api.invoke(c[1], Map.of("ResultSize", "Unlimited"), List.of(EXCHANGE_MAILBOX_FIELDS), mailbox -> {
                    try {
                      out.write(Json.MAPPER.writeValueAsString(mailbox));
                      out.write('\n');
                    } catch (IOException e) {
                      throw new UncheckedIOException(e);
                    }
                    if (++seen[0] % 1000 == 0) {
                      context.progress("mailboxes", seen[0], null);
                    }
                  });
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
                spilled.put(section, file);
                yield seen[0];
              }
            };
          } catch (ServiceError e) {
            throw e.needing(section.permission());
          }
        });
        SectionResult r = results.get(section);
        if (first && r.outcome() == Outcome.DENIED) {
          denied = r;
        }
        first = false;
      }
    }

    private List<ObjectNode> list(Section section, URI uri) {
      List<ObjectNode> all = new ArrayList<>();
      context.pages(Service.GRAPH, uri, section.permission(), null, all::add);
      return all;
    }

    private void graphList(Section section, String path) {
      attempt(section, endpoints -> {
        URI uri = URI.create(context.base(Service.GRAPH) + path);
        endpoints.add("GET " + uri);
        List<ObjectNode> all = list(section, uri);
        settings.put(section, Json.MAPPER.valueToTree(all));
        return (long) all.size();
      });
    }

    private void graphObject(Section section, String path) {
      attempt(section, endpoints -> {
        URI uri = URI.create(context.base(Service.GRAPH) + path);
        endpoints.add("GET " + uri);
        settings.put(section, context.object(Service.GRAPH, uri, section.permission()));
        return null;
      });
    }

    /** A large Graph collection, spilled as it arrives and copied into the snapshot when whole. */
    private void graphLarge(Section section, String path) {
      attempt(section, endpoints -> {
        URI uri = URI.create(context.base(Service.GRAPH) + path);
        endpoints.add("GET " + uri);
        Path file = staging.spill().resolve(section.key());
        long[] seen = {0};
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
          context.pages(Service.GRAPH, uri, section.permission(), null, element -> {
            try {
              out.write(Json.MAPPER.writeValueAsString(element));
              out.write('\n');
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
            seen[0]++;
          }, page -> context.progress(section.key(), seen[0], null));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        spilled.put(section, file);
        return seen[0];
      });
    }

    /** Microsoft's Secure Score pages, kept as they were sent. */
    private void secureScore(Section section, String path) {
      attempt(section, endpoints -> {
        URI uri = URI.create(context.base(Service.GRAPH) + path);
        endpoints.add("GET " + ServiceClient.uriWithoutQuery(uri));
        List<Pages.Page> pages = new ArrayList<>();
        context.pages(Service.GRAPH, uri, section.permission(), null, element -> {}, page -> {
          try (OutputStream out = staging.create(TenantFolder.SECURE_SCORE + "/" + String.format("%s-%03d.json", section.key(), pages.size() + 1))) {
            Files.copy(page.response().file(), out);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          pages.add(new Pages.Page(null, null, null, page.elements()));
        });
        return (long) pages.stream().mapToInt(Pages.Page::elements).sum();
      });
    }

    private interface Work {
      /** @return the section's count, null for a single object, -2 when it is counted as it is written */
      Long run(List<String> endpoints);
    }

    private void attempt(Section section, Work work) {
      attempt(section, false, work);
    }

    /** Reads a section (also when it is not wanted but {@code needed} by another), recording what came of it. */
    private void attempt(Section section, boolean needed, Work work) {
      if (!wanted.contains(section) && !needed) {
        skipped(section);
        return;
      }
      long start = System.nanoTime();
      List<String> requests = new ArrayList<>();
      SectionResult result;
      try {
        Long count = work.run(requests);
        checkShape(section, requests);
        result = new SectionResult(section, Outcome.COLLECTED, count, millis(start), requests, null, null, null, null);
      } catch (ServiceError e) {
        String reason = e.getMessage() + (e.permission() == null ? "" : ": the sign-in lacks " + e.permission());
        result = new SectionResult(section, e.denied() ? Outcome.DENIED : Outcome.FAILED, null, millis(start), requests, reason,
            e.status() == 0 ? null : e.status(), e.code(), e.permission());
      } catch (SignInException e) {
        result = new SectionResult(section, Outcome.DENIED, null, millis(start), requests, e.getMessage(), null, null, null);
      }
      if (!wanted.contains(section)) {
        settings.remove(section);
        this.needed.put(section, result);
        result = new SectionResult(section, Outcome.SKIPPED, null, 0, List.of(), "not asked for", null, null, null);
      }
      results.put(section, result);
    }

    /**
     * A section held whole must have the shape the snapshot's schema gives it, or every command would
     * refuse the snapshot written: an answer without a field its API documents (and posture's checks
     * read) leaves the section out, named, rather than the tenant unreadable.
     */
    private void checkShape(Section section, List<String> requests) {
      JsonNode value = settings.get(section);
      if (value == null) {
        return;
      }
      ObjectNode alone = Json.MAPPER.createObjectNode();
      alone.putObject("tenant").put("id", "-").put("displayName", "-");
      alone.set(section.key(), value);
      try {
        SchemaValidator.SNAPSHOT.validate(new Document(section.key(), alone, Map.of()));
      } catch (InputException e) {
        settings.remove(section);
        String from = requests.isEmpty() ? section.key() : requests.get(requests.size() - 1);
        throw new ServiceError(200, null, from + " answered without what its API documents: "
            + (e.path() == null ? "" : e.path() + ": ") + e.problem());
      }
    }

    private void skipped(Section section) {
      results.put(section, new SectionResult(section, Outcome.SKIPPED, null, 0, List.of(), "not asked for", null, null, null));
    }

    private void unavailable(Section section, String reason) {
      results.put(section, new SectionResult(section, Outcome.UNAVAILABLE, null, 0, List.of(), reason, null, null, null));
    }

    private static long millis(long start) {
      return (System.nanoTime() - start) / 1_000_000;
    }

    /** The organization's id, else the tenant as given, else the one the Graph token names. */
    String tenantId(String tenant) {
      if (organizationId != null) {
        return organizationId;
      }
      if (tenant != null) {
        return tenant;
      }
      try {
        String[] parts = tokens.token(Service.GRAPH).split("\\.");
        JsonNode claims = Json.MAPPER.readTree(Base64.getUrlDecoder().decode(parts[1]));
        return claims.path("tid").asString(null);
      } catch (RuntimeException e) {
        return null;
      }
    }

    /** The snapshot, then collection.json, into the staging folder; the result with the counts of what was written. */
    Result write(Result result) throws IOException {
      try (SnapshotWriter snapshot = new SnapshotWriter(staging.create(TenantFolder.SNAPSHOT))) {
        ObjectNode tenant = Json.MAPPER.createObjectNode();
        tenant.put("id", result.tenantId());
        tenant.put("displayName", displayName == null ? result.tenantId() : displayName);
        tenant.put("capturedAt", result.startedAt().toString());
        snapshot.section("tenant", tenant);
        settings.forEach((section, value) -> snapshot.section(section.key(), value));
        replaceCount(Section.USERS, users == null ? null : out -> users.write(out), snapshot);
        replaceCount(Section.DEVICES, devices == null ? null : out -> devices.write(out), snapshot);
        for (Map.Entry<Section, Path> e : spilled.entrySet()) {
          replaceCount(e.getKey(), out -> copyLines(e.getValue(), out), snapshot);
        }
      } catch (JacksonException e) {
        throw new IllegalStateException("a spilled element could not be read back", e);
      }
      Result written = new Result(result.tenantId(), result.startedAt(), result.finishedAt(), List.copyOf(results.values()));
      try (OutputStream out = staging.create(TenantFolder.COLLECTION)) {
        new CollectionWriter().write(record(written), out);
      }
      return written;
    }

    /** What {@code collection.json} records of the collection; never a token. */
    private CollectionRecord record(Result result) {
      List<CollectionRecord.Section> sections = result.sections().stream()
          .map(s -> new CollectionRecord.Section(s.section().key(), s.collected(), Optional.ofNullable(s.count()),
              s.collected() ? Optional.of(s.milliseconds()) : Optional.empty(), Optional.ofNullable(s.reason()),
              Optional.ofNullable(s.httpStatus()), Optional.ofNullable(s.errorCode()), Optional.ofNullable(s.permission()),
              s.endpoints()))
          .toList();
      return new CollectionRecord(TenantFolder.COLLECTION, tool, "posture collect", Optional.ofNullable(result.tenantId()),
          Optional.of(endpoints.cloud().label()), result.startedAt().toString(), result.finishedAt().toString(), sections);
    }

    /** Writes a large section whose count comes from writing it. */
    private void replaceCount(Section section, Consumer<SnapshotWriter.Elements> writer, SnapshotWriter snapshot) {
      SectionResult r = results.get(section);
      if (writer == null || r == null || !r.collected()) {
        return;
      }
      try (SnapshotWriter.Elements out = snapshot.collection(section.key())) {
        writer.accept(out);
        results.put(section, new SectionResult(section, r.outcome(), out.count(), r.milliseconds(), r.endpoints(), null, null, null,
            null));
      }
    }

    private void copyLines(Path file, SnapshotWriter.Elements out) {
      try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
          out.add(Json.MAPPER.readTree(line));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
