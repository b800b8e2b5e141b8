package dev.posture.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PicturesTest {
  private static final String CONTOSO = "../samples/contoso";

  @Test
  void theScoreTileShowsEachViewAsABar() {
    String out = Cli.run("assess", CONTOSO).succeeded().out();

    // 52.27% of 20 cells: 10 full cells and 4 eighths
    assertThat(out).contains("Current          175.62    336   52.27%  ██████████▌░░░░░░░░░\n");
    // Device, worth the most, spans the 20 cells; Identity's 61 points take 7.9 of them, 19 filled
    assertThat(out).contains(
        "Identity                 19   61  ██▌░░░░░\n",
        "Device               116.92  155  ███████████████▏░░░░\n");
  }

  @Test
  void asciiDrawsWithPlainCharacters() {
    String out = Cli.run("assess", CONTOSO, "--ascii").succeeded().out();

    // whole cells only: 10.45 of 20 cells is 10, Identity's 2.49 of 8 is 2
    assertThat(out).contains("Current          175.62    336   52.27%  ##########..........\n",
        "Identity                 19   61  ##......\n");
    assertThat(out.chars()).allMatch(c -> c < 128);
  }

  @Test
  void theGraphHistorySparklineFollowsAscii() {
    String out = Cli.run("assess", "--graph", "src/test/resources/graph/tenant", "--catalog", "../catalog", "--ascii").out();

    assertThat(out).contains("History: 3 days, 2026-03-01 to 2026-03-03  -::\n");
  }

  @Test
  void noColourWhenNotOnATerminal() {
    assertThat(Cli.run("assess", CONTOSO).succeeded().out()).doesNotContain("\u001B");
    assertThat(Cli.run("actions", "list", CONTOSO).succeeded().out()).doesNotContain("\u001B");
    assertThat(Cli.run("actions", "show", CONTOSO, "MFARegistrationV2").succeeded().out()).doesNotContain("\u001B");
  }
}
