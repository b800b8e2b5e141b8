package dev.posture.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Remediation requests: asked for, listed, closed or withdrawn; never on a Completed action, never removed. */
class RemediationCommandTest {
  private static final String MEGAN = "megan.bowen@contoso.com";
  private static final String NESTOR = "nestor.wilke@contoso.com";

  @TempDir Path dir;

  private static Cli.Result run(Clock clock, Path tenant, String... args) {
    String[] all = Stream.concat(Stream.of(args[0], args[1], tenant.toString()), Stream.concat(Stream.of(args).skip(2), Stream.of("--catalog", Tenants.CATALOG)))
        .toArray(String[]::new);
    return Cli.runAt(clock, "", all);
  }

  private static Cli.Result run(Path tenant, String... args) {
    return run(Cli.NOW, tenant, args);
  }

  private static Clock at(String instant) {
    return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
  }

  /** Two requests, one of them closed a week later, and one withdrawn. */
  private Path tenantWithRequests() {
    Path tenant = Tenants.contoso(dir);
    run(tenant, "remediation", "request", "scid_2090", "--due", "2026-12-15", "--owner", "lee.gu@contoso.com",
        "--note", "Encrypt the last three laptops", "--actor", MEGAN).succeeded();
    run(tenant, "remediation", "request", "BlockLegacyAuthentication", "--due", "2026-11-30", "--owner", "alex.wilber@contoso.com",
        "--actor", NESTOR).succeeded();
    run(tenant, "remediation", "request", "SelfServicePasswordReset", "--due", "2027-01-31", "--actor", MEGAN).succeeded();
    run(at("2026-11-29T10:00:00Z"), tenant, "remediation", "close", "BlockLegacyAuthentication", "--note", "Scanners moved to the relay",
        "--actor", NESTOR).succeeded();
    run(at("2026-11-29T11:00:00Z"), tenant, "remediation", "withdraw", "SelfServicePasswordReset", "--note", "Covered by the new kiosk policy",
        "--actor", MEGAN).succeeded();
    return tenant;
  }

  @Test
  void aClosedOrWithdrawnRequestStaysInTheFileWithWhoAndWhen() {
    Path tenant = tenantWithRequests();

    assertThat(Tenants.text(tenant.resolve("posture-state.yaml"))).endsWith("""
        remediationRequests:
          - action: scid_2090
            due: 2026-12-15
            owner: lee.gu@contoso.com
            note: Encrypt the last three laptops
            requestedBy: megan.bowen@contoso.com
            requestedAt: 2026-11-22T06:00:00Z
          - action: BlockLegacyAuthentication
            due: 2026-11-30
            owner: alex.wilber@contoso.com
            requestedBy: nestor.wilke@contoso.com
            requestedAt: 2026-11-22T06:00:00Z
            closed:
              by: nestor.wilke@contoso.com
              at: 2026-11-29T10:00:00Z
              note: Scanners moved to the relay
          - action: SelfServicePasswordReset
            due: 2027-01-31
            requestedBy: megan.bowen@contoso.com
            requestedAt: 2026-11-22T06:00:00Z
            withdrawn:
              by: megan.bowen@contoso.com
              at: 2026-11-29T11:00:00Z
              note: Covered by the new kiosk policy
        """);
  }

  @Test
  void theListShowsOpenRequestsAndWithAllEveryOneInEveryFormat() {
    Path tenant = tenantWithRequests();
    Clock later = at("2026-12-20T08:00:00Z"); // scid_2090 is overdue by then

    Cli.assertGolden("remediation-list.txt", run(later, tenant, "remediation", "list").succeeded().out());
    Cli.assertGolden("remediation-list-all.txt", run(later, tenant, "remediation", "list", "--all").succeeded().out());
    Cli.assertGolden("remediation-list-all.json", run(later, tenant, "remediation", "list", "--all", "--format", "json").succeeded().out());
    Cli.assertGolden("remediation-list-all.csv", run(later, tenant, "remediation", "list", "--all", "--format", "csv").succeeded().out());
    Cli.assertGolden("remediation-list-all.md", run(later, tenant, "remediation", "list", "--all", "--format", "markdown").succeeded().out());
    run(tenant, "remediation", "list", "--format", "junit").exited(ExitCode.USAGE)
        .errContains("posture: Invalid value for option '--format': expected one of table, json, csv, markdown, found 'junit'");
  }

  @Test
  void anEmptyListSaysWhereTheOthersAre() {
    Path tenant = Tenants.contoso(dir);

    assertThat(run(tenant, "remediation", "list").succeeded().out())
        .isEqualTo("No open remediation request; --all lists the closed and withdrawn ones too.\n");
    assertThat(run(tenant, "remediation", "list", "--all").succeeded().out()).isEqualTo("No remediation request.\n");
  }

  @Test
  void aRequestEndsOnceAndTheExportAndTheFlyoutShowOnlyOpenOnes() {
    Path tenant = tenantWithRequests();

    run(tenant, "remediation", "close", "BlockLegacyAuthentication", "--actor", MEGAN).exited(ExitCode.USAGE).oneLineError()
        .errContains("posture: BlockLegacyAuthentication has no open remediation request; its request was closed or withdrawn already");
    run(tenant, "remediation", "withdraw", "OneAdmin", "--actor", MEGAN).exited(ExitCode.USAGE).oneLineError()
        .errContains("posture: OneAdmin has no open remediation request");

    String export = Cli.run("export", tenant.toString(), "--catalog", Tenants.CATALOG).succeeded().out();
    assertThat(export.lines().filter(l -> l.startsWith("remediation-request,")).map(l -> l.split(",")[1]).toList())
        .containsExactly("scid_2090");
    assertThat(run(tenant, "actions", "show", "BlockLegacyAuthentication").succeeded().out()).doesNotContain("Remediation requested");
    assertThat(run(tenant, "actions", "show", "scid_2090").succeeded().out()).contains("Remediation requested");
  }

  @Test
  void aSecondOpenRequestForOneActionIsRefused() {
    Path tenant = tenantWithRequests();
    byte[] before = Tenants.bytes(tenant.resolve("posture-state.yaml"));

    run(tenant, "remediation", "request", "scid_2090", "--due", "2027-01-15", "--actor", MEGAN).exited(ExitCode.USAGE).oneLineError()
        .errContains("posture: scid_2090 already has an open remediation request, due 2026-12-15 from lee.gu@contoso.com; close or withdraw it first");
    assertThat(Tenants.bytes(tenant.resolve("posture-state.yaml"))).isEqualTo(before);

    run(tenant, "remediation", "request", "BlockLegacyAuthentication", "--due", "2027-01-15", "--actor", MEGAN).succeeded();
  }

  /** A rule refused is a usage error (2); a value that is malformed is invalid input (3). Neither writes. */
  @Test
  void aCompletedActionOrAnOwnerThatIsNoEmailAddressIsRefused() {
    Path tenant = Tenants.contoso(dir);
    byte[] before = Tenants.bytes(tenant.resolve("posture-state.yaml"));

    run(tenant, "remediation", "request", "scid_2070", "--due", "2026-12-15", "--actor", MEGAN).exited(ExitCode.USAGE).oneLineError()
        .errContains("posture: scid_2070 is Completed: the data gives it full points, so there is nothing to remediate");
    run(tenant, "remediation", "request", "scid_2090", "--due", "2026-12-15", "--owner", "not an email", "--actor", MEGAN)
        .exited(ExitCode.INVALID_INPUT).oneLineError()
        .errContains("posture: scid_2090: the owner 'not an email' is no email address; expected a sign-in name such as lee.gu@contoso.com");

    assertThat(Tenants.bytes(tenant.resolve("posture-state.yaml"))).isEqualTo(before);
  }

  @Test
  void closingTakesAnEditorsRole() {
    Path tenant = tenantWithRequests();

    run(tenant, "remediation", "close", "scid_2090", "--actor", "diego.siciliani@contoso.com").exited(ExitCode.PERMISSION_DENIED).oneLineError();
  }
}
