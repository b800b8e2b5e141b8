package dev.posture.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Goals on Contoso, current 175.62 of 336 points (52.27%), on 22 November 2026 (Cli.NOW). A goal of
 * 70% by 31 March 2027 is 17.73 percentage points (59.58 points) and 129 days away.
 */
class GoalsCommandTest {
  private static final String MEGAN = "megan.bowen@contoso.com";
  private static final String READER = "diego.siciliani@contoso.com";

  @TempDir Path dir;

  private Path tenant;

  private Cli.Result run(String... args) {
    return Cli.run(withCatalog(args));
  }

  private static String[] withCatalog(String... args) {
    String[] all = java.util.Arrays.copyOf(args, args.length + 2);
    all[args.length] = "--catalog";
    all[args.length + 1] = Tenants.CATALOG;
    return all;
  }

  @org.junit.jupiter.api.BeforeEach
  void contoso() {
    tenant = Tenants.contoso(dir);
  }

  @Test
  void goalIsSavedInTheStateFileAndShownWithWhatIsToGo() {
    run("goals", "set", tenant.toString(), "--view", "current", "--target", "70", "--by", "2027-03-31", "--actor", MEGAN)
        .succeeded().out();

    assertThat(Tenants.text(tenant.resolve("posture-state.yaml"))).contains("""
        goals:
          - view: current
            target: 70
            by: 2027-03-31
            setBy: megan.bowen@contoso.com
            setAt: 2026-11-22T06:00:00Z
        """);
    String list = run("goals", "list", tenant.toString()).succeeded().out();
    assertThat(list).isEqualTo("""
        GOAL     TARGET  BY             NOW                   TO GO  DAYS LEFT  STANDING
        current  70.00%  2027-03-31  52.27%  17.73 pp, 59.58 points        129  no trend yet
        """);
    String assess = run("assess", tenant.toString()).succeeded().out();
    assertThat(assess).contains("Goals:\n" + list.lines().findFirst().orElseThrow());
  }

  @Test
  void aGoalOutOfRangeOrInThePastIsRefusedAndNothingIsWritten() {
    String before = Tenants.text(tenant.resolve("posture-state.yaml"));
    for (String[] bad : new String[][] {{"--target", "120", "--by", "2027-03-31"}, {"--target", "-1", "--by", "2027-03-31"},
        {"--target", "70", "--by", "2027-02-30"}, {"--target", "seventy", "--by", "2027-03-31"}}) {
      Cli.Result r = run("goals", "set", tenant.toString(), bad[0], bad[1], bad[2], bad[3], "--actor", MEGAN);
      r.exited(ExitCode.USAGE);
      assertThat(r.err()).as(String.join(" ", bad)).startsWith("posture: Invalid value for option '" + (bad[1].equals("70") ? "--by" : "--target") + "'");
    }
    Cli.Result past = run("goals", "set", tenant.toString(), "--target", "70", "--by", "2026-01-31", "--actor", MEGAN);
    past.oneLineError().errContains("--by 2026-01-31 has passed; a goal is for a day to come");
    assertThat(past.exitCode()).isNotZero();
    assertThat(Tenants.text(tenant.resolve("posture-state.yaml"))).isEqualTo(before);
  }

  @Test
  void setAgainReplacesAndRemoveTakesItOut() {
    run("goals", "set", tenant.toString(), "--target", "70", "--by", "2027-03-31", "--actor", MEGAN).succeeded();
    Cli.Result again = run("goals", "set", tenant.toString(), "--target", "75", "--by", "2027-06-30", "--actor", MEGAN).succeeded();
    assertThat(again.out()).isEqualTo("current goal: 75.00% by 2027-06-30; saved to " + tenant.resolve("posture-state.yaml") + "\n");
    assertThat(Tenants.text(tenant.resolve("posture-state.yaml"))).containsOnlyOnce("- view: current");

    run("goals", "remove", tenant.toString(), "--actor", MEGAN).succeeded();

    assertThat(Tenants.text(tenant.resolve("posture-state.yaml"))).doesNotContain("goals:");
    assertThat(run("goals", "list", tenant.toString()).succeeded().out()).isEqualTo("No goal set.\n");
  }

  @Test
  void aReadOnlyRoleMayNotEditGoalsOrZones() {
    run("goals", "set", tenant.toString(), "--target", "70", "--by", "2027-03-31", "--actor", READER)
        .exited(ExitCode.PERMISSION_DENIED).oneLineError();
    run("goals", "zones", tenant.toString(), "--red-under", "40", "--amber-under", "70", "--actor", READER)
        .exited(ExitCode.PERMISSION_DENIED).oneLineError();

    assertThat(Tenants.text(tenant.resolve("posture-state.yaml"))).isEqualTo(Tenants.text(Tenants.CONTOSO.resolve("posture-state.yaml")));
  }

  @Test
  void aPassedGoalUnmetFailsTheGate() {
    Clock march = Clock.fixed(Instant.parse("2026-11-22T06:00:00Z"), ZoneOffset.UTC);
    Cli.runAt(march, "", withCatalog("goals", "set", tenant.toString(), "--target", "70", "--by", "2027-03-31", "--actor", MEGAN))
        .succeeded();
    Clock april = Clock.fixed(Instant.parse("2027-04-01T06:00:00Z"), ZoneOffset.UTC);

    Cli.runAt(march, "", withCatalog("assess", tenant.toString(), "--fail-on-goal")).succeeded();
    Cli.Result late = Cli.runAt(april, "", withCatalog("assess", tenant.toString(), "--fail-on-goal"))
        .exited(ExitCode.GATE_FAILED);

    assertThat(late.err()).endsWith("posture: gate failed: current goal of 70.00% by 2027-03-31 missed (52.27% now)\n");
    assertThat(late.out()).contains("  -1  missed");
  }

  @Test
  void zonesColourTheScoreAndShowInMarkdown() {
    run("goals", "zones", tenant.toString(), "--red-under", "50", "--amber-under", "80", "--actor", MEGAN).succeeded();

    assertThat(run("assess", tenant.toString()).succeeded().out())
        .contains("Score zone: amber (red under 50.00%, amber under 80.00%, green from 80.00%)");
    assertThat(run("assess", tenant.toString(), "--format", "markdown").succeeded().out())
        .contains("Score zone: amber (red under 50.00%, amber under 80.00%, green from 80.00%).");
    assertThat(Tenants.text(tenant.resolve("posture-state.yaml"))).endsWith("zones:\n  redUnder: 50\n  amberUnder: 80\n");
  }

  @Test
  void redAboveAmberIsRefused() {
    run("goals", "zones", tenant.toString(), "--red-under", "80", "--amber-under", "70", "--actor", MEGAN)
        .exited(ExitCode.USAGE).oneLineError().errContains("--red-under 80 is above --amber-under 70");
  }

  /**
   * The stored runs rise from 51.77% to 52.27% (current) and fall from 87.20% to 85.71% (achievable):
   * 53% by March is on track, 99% achievable by December behind.
   */
  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgresql"})
  void theTrendOfTheStoredRunsSaysWhetherAGoalIsOnTrack(String kind) throws Exception {
    String store = HistoryCommandTest.recordThreeRuns(kind, dir);
    run("goals", "set", tenant.toString(), "--target", "53", "--by", "2027-03-31", "--actor", MEGAN).succeeded();
    run("goals", "set", tenant.toString(), "--view", "achievable", "--target", "99", "--by", "2026-12-01", "--actor", MEGAN).succeeded();

    String list = run("goals", "list", tenant.toString(), "--store", store).succeeded().out();

    assertThat(list).contains("current     53.00%  2027-03-31").contains("on track");
    assertThat(list).contains("achievable  99.00%  2026-12-01").contains("behind");
  }
}
