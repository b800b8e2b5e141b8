package dev.posture.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CompletionCommandTest {
  @Test
  void bashScriptCompletesEveryCommand() {
    Cli.Result r = Cli.run("completion", "bash").succeeded();

    assertThat(r.out())
        .startsWith("#!/usr/bin/env bash")
        .contains("complete -F _complete_posture", "assess", "actions", "status", "remediation", "completion")
        // subcommands of groups, and options of a subcommand
        .contains("function _picocli_posture_actions_show()", "--affected");
  }

  @Test
  void statusSetCompletesOnlyTheStatusesItTakesAndActionsCompleteTheirIds() {
    String script = Cli.run("completion", "bash").succeeded().out();
    String statusSet = script.substring(script.indexOf("function _picocli_posture_status_set()"));
    statusSet = statusSet.substring(0, statusSet.indexOf("\n}\n"));

    assertThat(statusSet).contains("(\"to-address\" \"planned\" \"risk-accepted\" \"third-party\" \"alternate-mitigation\") # --status values")
        .doesNotContain("completed", "regressed", "error");
    assertThat(statusSet).contains("AdminMFAV2", "scid_2090", "mdo_blockmailforward");
  }

  @Test
  void zshGetsTheSameScriptWhichLoadsBashcompinit() {
    String zsh = Cli.run("completion", "zsh").succeeded().out();

    assertThat(zsh).isEqualTo(Cli.run("completion", "bash").out()).contains("bashcompinit");
  }

  @Test
  void unknownShellIsAUsageError() {
    Cli.Result r = Cli.run("completion", "fish");

    assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(r.err()).contains("fish");
  }
}
