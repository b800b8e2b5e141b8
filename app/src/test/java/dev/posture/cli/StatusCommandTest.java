package dev.posture.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class StatusCommandTest {
  private static final String MEGAN = "megan.bowen@contoso.com";
  private static final String NESTOR = "nestor.wilke@contoso.com";

  @TempDir Path dir;

  private Cli.Result run(Path tenant, String... args) {
    String[] all = Stream.concat(Stream.of(args[0], args[1], tenant.toString()), Stream.concat(Stream.of(args).skip(2), Stream.of("--catalog", Tenants.CATALOG)))
        .toArray(String[]::new);
    return Cli.run(all);
  }

  private static Clock at(String instant) {
    return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
  }

  @Test
  void setUndoAndHistoryRoundTrip() {
    Path tenant = Tenants.contoso(dir);

    Cli.Result planned = run(tenant, "status", "set", "SelfServicePasswordReset", "--status", "planned", "--note", "Pilot with IT first", "--actor", MEGAN).succeeded();
    Cli.Result accepted = Cli.runAt(at("2026-11-23T09:15:00Z"), "", "status", "set", tenant.toString(), "SelfServicePasswordReset",
        "--catalog", Tenants.CATALOG, "--status", "risk-accepted", "--note", "Kiosk accounts share a device", "--review-by", "2027-05-31",
        "--actor", NESTOR).succeeded();
    Cli.Result undone = Cli.runAt(at("2026-11-24T10:00:00Z"), "", "status", "undo", tenant.toString(), "SelfServicePasswordReset",
        "--catalog", Tenants.CATALOG, "--actor", MEGAN).succeeded();

    assertThat(planned.out()).isEqualTo("SelfServicePasswordReset: To address -> Planned; saved to " + tenant.resolve("posture-state.yaml") + "\n");
    assertThat(accepted.out()).startsWith("SelfServicePasswordReset: Planned -> Risk accepted; saved to ");
    assertThat(undone.out()).startsWith("SelfServicePasswordReset: Risk accepted -> Planned (undone); saved to ");
    Cli.assertGolden("status-history-sspr.txt", run(tenant, "status", "history", "SelfServicePasswordReset").succeeded().out());
    Cli.assertGolden("status-history-sspr.json", run(tenant, "status", "history", "SelfServicePasswordReset", "--format", "json").succeeded().out());
    Cli.assertGolden("posture-state-after-edits.yaml", Tenants.text(tenant.resolve("posture-state.yaml")));
  }

  @Test
  void theDecisionChangesTheScores() {
    Path tenant = Tenants.contoso(dir);
    run(tenant, "status", "set", "SelfServicePasswordReset", "--status", "alternate-mitigation", "--note", "Password changes go through the service desk", "--actor", MEGAN)
        .succeeded();

    String table = Cli.run("assess", tenant.toString(), "--catalog", Tenants.CATALOG).succeeded().out();

    // 175.62 + SelfServicePasswordReset's remaining 0.75 (8 of 32 members could reset) = 176.37 of 336 = 52.49 %
    assertThat(table).contains("Current          176.37    336   52.49%");
  }

  @Test
  void settingTheSameStatusAgainWritesNothing() {
    Path tenant = Tenants.contoso(dir);
    byte[] before = Tenants.bytes(tenant.resolve("posture-state.yaml"));

    Cli.Result r = run(tenant, "status", "set", "BlockLegacyAuthentication", "--status", "planned", "--actor", MEGAN).succeeded();

    assertThat(r.out()).isEqualTo("BlockLegacyAuthentication: nothing changed\n");
    assertThat(Tenants.bytes(tenant.resolve("posture-state.yaml"))).isEqualTo(before);
  }

  @Test
  void reJustifyingARiskAcceptanceIsAReviewThatKeepsTheReviewDateAndTheNote() {
    Path tenant = Tenants.contoso(dir);

    Cli.Result r = run(tenant, "status", "set", "mdo_blockmailforward", "--status", "risk-accepted", "--note", "Re-reviewed", "--actor", MEGAN)
        .succeeded();

    assertThat(r.out()).startsWith("mdo_blockmailforward: Risk accepted, reviewed (review by 2027-03-31); saved to ");
    String state = Tenants.text(tenant.resolve("posture-state.yaml"));
    assertThat(state).contains("    reviewBy: 2027-03-31\n", """
              - at: 2026-11-22T06:00:00Z
                by: megan.bowen@contoso.com
                from: risk-accepted
                to: risk-accepted
                note: Re-reviewed
        """);
    String show = run(tenant, "actions", "show", "mdo_blockmailforward").succeeded().out();
    assertThat(show).contains("Review by: 2027-03-31", "Notes:\n    1. Re-reviewed (megan.bowen@contoso.com, 2026-11-22T06:00:00Z)")
        .doesNotContain("Notes: none");
  }

  @Test
  void theFirstEditOfAHandWrittenFileChangesOnlyItsOwnLines() {
    Path tenant = Tenants.contoso(dir);
    String before = Tenants.text(tenant.resolve("posture-state.yaml"));

    run(tenant, "tags", "add", "OneAdmin", "reviewed", "--actor", MEGAN).succeeded();

    assertThat(Tenants.text(tenant.resolve("posture-state.yaml"))).isEqualTo(before.replace("  mdo_blockmailforward:\n",
        "  OneAdmin:\n    status: to-address\n    tags:\n      - reviewed\n  mdo_blockmailforward:\n"));
  }

  /** Each was once saved, after which every command on the tenant failed until the file was edited by hand. */
  @Test
  void aValueTheStateFileCannotHoldIsInvalidInputAndNothingIsWritten() {
    Path tenant = Tenants.contoso(dir);
    byte[] before = Tenants.bytes(tenant.resolve("posture-state.yaml"));

    List<List<String>> edits = List.of(
        List.of("notes", "add", "SelfServicePasswordReset", "   "),
        List.of("notes", "add", "SelfServicePasswordReset", "\n\n"),
        List.of("tags", "add", "SelfServicePasswordReset", ""),
        List.of("tags", "add", "SelfServicePasswordReset", "  "));
    for (List<String> edit : edits) {
      String[] args = Stream.concat(edit.stream(), Stream.of("--actor", MEGAN)).toArray(String[]::new);
      run(tenant, args).exited(ExitCode.INVALID_INPUT).oneLineError().errContains("posture: SelfServicePasswordReset: ");
      assertThat(Tenants.bytes(tenant.resolve("posture-state.yaml"))).as(edit.toString()).isEqualTo(before);
    }
    // a date the file cannot hold is refused as the command line is read, before anything is loaded
    for (List<String> edit : List.of(
        List.of("status", "set", "SelfServicePasswordReset", "--status", "risk-accepted", "--note", "ok", "--review-by", "+999999999-12-31"),
        List.of("remediation", "request", "SelfServicePasswordReset", "--due", "+999999999-12-31"))) {
      String[] args = Stream.concat(edit.stream(), Stream.of("--actor", MEGAN)).toArray(String[]::new);
      run(tenant, args).exited(ExitCode.USAGE).errContains("expected a date such as 2027-03-31 (YYYY-MM-DD), found '+999999999-12-31'");
      assertThat(Tenants.bytes(tenant.resolve("posture-state.yaml"))).as(edit.toString()).isEqualTo(before);
    }
    Cli.run("assess", tenant.toString(), "--catalog", Tenants.CATALOG).succeeded();
  }

  @Test
  void aStateFileHoldingOnlyATildeIsEmpty() throws Exception {
    Path tenant = Tenants.contoso(dir);
    Files.writeString(tenant.resolve("posture-state.yaml"), "~\n");

    Cli.run("assess", tenant.toString(), "--catalog", Tenants.CATALOG).succeeded();
    run(tenant, "tags", "add", "OneAdmin", "reviewed", "--actor", MEGAN).succeeded();

    assertThat(Tenants.text(tenant.resolve("posture-state.yaml"))).isEqualTo("actions:\n  OneAdmin:\n    status: to-address\n    tags:\n      - reviewed\n");
  }

  static Stream<Arguments> refusals() {
    return Stream.of(
        Arguments.of(List.of("status", "set", "OneAdmin", "--status", "planned", "--actor", "diego.siciliani@contoso.com"), ExitCode.PERMISSION_DENIED,
            "posture: permission denied: diego.siciliani@contoso.com holds Global Reader, which can only read; recording decisions needs one of: Global Administrator,"),
        Arguments.of(List.of("status", "set", "SelfServicePasswordReset", "--status", "planned", "--actor", "grady.archie@contoso.com"), ExitCode.PERMISSION_DENIED,
            "posture: permission denied: grady.archie@contoso.com holds Helpdesk Administrator, which can only read"),
        Arguments.of(List.of("tags", "add", "OneAdmin", "x", "--actor", "stranger@fabrikam.com"), ExitCode.PERMISSION_DENIED,
            "posture: permission denied: stranger@fabrikam.com holds no directory role in the snapshot"),
        Arguments.of(List.of("notes", "add", "OneAdmin", "text"), ExitCode.PERMISSION_DENIED,
            "posture: permission denied: no actor: give --actor UPN or set POSTURE_ACTOR"),
        Arguments.of(List.of("status", "set", "scid_2090", "--status", "third-party", "--note", "vendor", "--actor", MEGAN), ExitCode.USAGE,
            "posture: scid_2090 is a Device action: its status comes from Defender Vulnerability Management and cannot be set directly."),
        Arguments.of(List.of("status", "set", "scid_5007", "--status", "risk-accepted", "--note", "x", "--actor", MEGAN), ExitCode.USAGE,
            "posture: scid_5007 is Completed: the data gives it full points, so its status cannot be set or changed"),
        Arguments.of(List.of("status", "set", "dlp_datalossprevention", "--status", "planned", "--actor", MEGAN), ExitCode.USAGE,
            "posture: dlp_datalossprevention is Completed"),
        Arguments.of(List.of("status", "set", "OneAdmin", "--status", "planned", "--actor", MEGAN), ExitCode.USAGE,
            "posture: OneAdmin is Completed"),
        Arguments.of(List.of("status", "set", "SelfServicePasswordReset", "--status", "completed", "--actor", MEGAN), ExitCode.USAGE,
            "posture: Invalid value for option '--status': Completed is derived from the data and cannot be set; expected one of to-address,"),
        Arguments.of(List.of("status", "set", "SelfServicePasswordReset", "--status", "done", "--actor", MEGAN), ExitCode.USAGE,
            "expected one of to-address, planned, risk-accepted, third-party, alternate-mitigation, found 'done'"),
        Arguments.of(List.of("status", "set", "SelfServicePasswordReset", "--status", "risk-accepted", "--actor", MEGAN), ExitCode.USAGE,
            "posture: risk-accepted needs a justification: give it with --note TEXT"),
        Arguments.of(List.of("status", "set", "SelfServicePasswordReset", "--status", "third-party", "--note", "x", "--review-by", "2026-11-01", "--actor", MEGAN),
            ExitCode.USAGE, "posture: the review date 2026-11-01 is in the past"),
        Arguments.of(List.of("status", "set", "SelfServicePaswordReset", "--status", "planned", "--actor", MEGAN), ExitCode.INVALID_INPUT,
            "posture: SelfServicePaswordReset: no action with this id in the catalogue; did you mean SelfServicePasswordReset?"),
        Arguments.of(List.of("status", "set", "scid_69", "--device-group", "Kiosks", "--status", "risk-accepted", "--note", "x", "--actor", MEGAN),
            ExitCode.USAGE, "posture: no device group 'Kiosks' in the snapshot; its groups: Design, Lab, Mobile, Workstations"),
        Arguments.of(List.of("status", "undo", "SelfServicePasswordReset", "--actor", MEGAN), ExitCode.USAGE,
            "posture: SelfServicePasswordReset has no status change to undo"),
        Arguments.of(List.of("notes", "remove", "BlockLegacyAuthentication", "2", "--actor", MEGAN), ExitCode.USAGE,
            "posture: BlockLegacyAuthentication has 1 note; there is no note 2"),
        Arguments.of(List.of("tags", "remove", "BlockLegacyAuthentication", "q1-2027", "--actor", MEGAN), ExitCode.USAGE,
            "posture: BlockLegacyAuthentication has no tag 'q1-2027'; its tags: q4-2026"),
        Arguments.of(List.of("remediation", "request", "scid_2090", "--due", "2026-11-01", "--actor", MEGAN), ExitCode.USAGE,
            "posture: the due date 2026-11-01 is in the past"),
        Arguments.of(List.of("tags", "add", "OneAdmin", "x", "--actor", MEGAN, "--format", "json"), ExitCode.USAGE,
            "posture: Unknown option: '--format'"),
        Arguments.of(List.of("status", "set", "scid_69", "--global-exception", "--device-group", "Lab", "--status", "third-party", "--note", "x",
            "--actor", MEGAN), ExitCode.USAGE, "posture: --global-exception and --device-group exclude each other"));
  }

  @ParameterizedTest
  @MethodSource("refusals")
  void refusedChangesExitWithTheirCodeAndLeaveTheFileUnchanged(List<String> args, int code, String message) {
    Path tenant = Tenants.contoso(dir);
    byte[] before = Tenants.bytes(tenant.resolve("posture-state.yaml"));

    Cli.Result r = run(tenant, args.toArray(String[]::new)).exited(code).errContains(message);

    if (code != ExitCode.USAGE || !r.err().contains("Try '")) {
      r.oneLineError();
    }
    assertThat(r.out()).isEmpty();
    assertThat(Tenants.bytes(tenant.resolve("posture-state.yaml"))).isEqualTo(before);
  }

  @Test
  void aStateFileThatCannotBeParsedIsReportedAndLeftAlone() throws Exception {
    Path tenant = Tenants.contoso(dir);
    Path state = tenant.resolve("posture-state.yaml");
    Files.writeString(state, Tenants.text(state).replace("status: planned", "status: plannned"));
    byte[] before = Tenants.bytes(state);

    run(tenant, "tags", "add", "OneAdmin", "x", "--actor", MEGAN).exited(ExitCode.INVALID_INPUT).oneLineError()
        .errContains("posture-state.yaml:4: $.actions.BlockLegacyAuthentication.status: expected one of To address, Planned,");

    assertThat(Tenants.bytes(state)).isEqualTo(before);
  }

  @Test
  void aGlobalExceptionSetsADeviceActionsStatus() {
    Path tenant = Tenants.contoso(dir);

    run(tenant, "status", "set", "scid_69", "--global-exception", "--status", "alternate-mitigation", "--note", "GPO disables Autoplay at sign-in",
        "--actor", NESTOR).succeeded();

    assertThat(Tenants.text(tenant.resolve("posture-state.yaml"))).contains("""
          scid_69:
            status: alternate-mitigation
            notes:
              - text: GPO disables Autoplay at sign-in
                by: nestor.wilke@contoso.com
                at: 2026-11-22T06:00:00Z
            history:
              - at: 2026-11-22T06:00:00Z
                by: nestor.wilke@contoso.com
                from: to-address
                to: alternate-mitigation
                note: GPO disables Autoplay at sign-in
        """);
  }

  @Test
  void aDeviceGroupExceptionIsRecordedAndTheStatusStays() {
    Path tenant = Tenants.contoso(dir);

    Cli.Result r = run(tenant, "status", "set", "scid_69", "--device-group", "Lab", "--status", "risk-accepted", "--note", "Lab rigs autorun test media",
        "--review-by", "2027-02-28", "--actor", NESTOR).succeeded();

    assertThat(r.out()).startsWith("scid_69: exception for device group Lab recorded as Risk accepted; the action's status stays To address"
        + " (only a global exception changes it); saved to ");
    assertThat(Tenants.text(tenant.resolve("posture-state.yaml"))).contains("""
          scid_69:
            status: to-address
            deviceGroupExceptions:
              - group: Lab
                status: risk-accepted
                note: Lab rigs autorun test media
                reviewBy: 2027-02-28
                by: nestor.wilke@contoso.com
                at: 2026-11-22T06:00:00Z
        """);
  }

  @Test
  void notesTagsAndRemediationRequests() {
    Path tenant = Tenants.contoso(dir);

    assertThat(run(tenant, "notes", "add", "BlockLegacyAuthentication", "Scanners moved on 20 November", "--actor", MEGAN).succeeded().out())
        .startsWith("BlockLegacyAuthentication: note 2 added; saved to ");
    assertThat(run(tenant, "notes", "remove", "BlockLegacyAuthentication", "1", "--actor", MEGAN).succeeded().out())
        .startsWith("BlockLegacyAuthentication: note 1 removed; saved to ");
    assertThat(run(tenant, "tags", "add", "BlockLegacyAuthentication", "q1-2027", "identity", "--actor", MEGAN).succeeded().out())
        .startsWith("BlockLegacyAuthentication: tags now q4-2026, q1-2027, identity; saved to ");
    assertThat(run(tenant, "tags", "remove", "BlockLegacyAuthentication", "q4-2026", "--actor", MEGAN).succeeded().out())
        .startsWith("BlockLegacyAuthentication: untagged q4-2026; tags now q1-2027, identity; saved to ");
    assertThat(run(tenant, "remediation", "request", "scid_2090", "--due", "2026-12-15", "--owner", "lee.gu@contoso.com", "--note", "Three laptops left",
        "--actor", NESTOR).succeeded().out()).startsWith("scid_2090: remediation requested by 2026-12-15 from lee.gu@contoso.com; saved to ");

    Cli.assertGolden("actions-show-after-edits.txt", run(tenant, "actions", "show", "BlockLegacyAuthentication").succeeded().out());
    assertThat(Tenants.text(tenant.resolve("posture-state.yaml"))).endsWith("""
        remediationRequests:
          - action: scid_2090
            due: 2026-12-15
            owner: lee.gu@contoso.com
            note: Three laptops left
            requestedBy: nestor.wilke@contoso.com
            requestedAt: 2026-11-22T06:00:00Z
        """);
  }

  @Test
  void theActorComesFromPostureActorInTheEnvironment() throws Exception {
    Path tenant = Tenants.contoso(dir);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
        "tags", "add", tenant.toString(), "OneAdmin", "reviewed", "--catalog", Tenants.CATALOG)
        .redirectErrorStream(true).redirectOutput(dir.resolve("out.log").toFile());
    builder.environment().putAll(Map.of("POSTURE_ACTOR", "patti.fernandez@contoso.com"));

    Process p = builder.start();

    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(Tenants.text(dir.resolve("out.log"))).isZero();
    assertThat(Tenants.text(tenant.resolve("posture-state.yaml"))).contains("  OneAdmin:\n    status: to-address\n    tags:\n      - reviewed\n");
  }
}
