package dev.posture.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Arguments in the wrong order, or a command misspelt, get a message that says what to type. */
class ArgumentOrderTest {
  private static final String CONTOSO = "../samples/contoso";

  @Test
  void anActionIdWhereTheTenantGoesSaysTheTenantComesFirst() {
    Cli.Result r = Cli.run("actions", "show", "AdminMFAV2").exited(ExitCode.USAGE);

    assertThat(r.err()).startsWith("posture: 'AdminMFAV2' is an action id, not a tenant: the tenant comes first, "
        + "as in 'posture actions show TENANT AdminMFAV2'\n");
  }

  @Test
  void anActionIdAndATenantSwappedSaySo() {
    Cli.Result r = Cli.run("status", "set", "AdminMFAV2", CONTOSO, "--status", "planned", "--actor", "megan.bowen@contoso.com")
        .exited(ExitCode.USAGE).oneLineError();

    assertThat(r.err()).isEqualTo("posture: the tenant comes first, then the action's id: 'posture status set " + CONTOSO + " AdminMFAV2'\n");
  }

  @Test
  void aTenantBeforeTheCommandSaysTheCommandComesFirst() {
    Cli.Result r = Cli.run(CONTOSO, "assess").exited(ExitCode.USAGE);

    assertThat(r.err()).startsWith("posture: the command comes first: 'posture assess " + CONTOSO + "'\n");
  }

  @Test
  void aMisspeltCommandSuggestsTheClosestCommands() {
    Cli.Result r = Cli.run("asses", CONTOSO).exited(ExitCode.USAGE);

    assertThat(r.err()).startsWith("posture: unknown command 'asses'; did you mean assess?\n").doesNotContain("notes");
  }

  @Test
  void aMisspeltSubcommandSuggestsItsGroupsCommands() {
    Cli.Result r = Cli.run("actions", "lsit", CONTOSO).exited(ExitCode.USAGE);

    assertThat(r.err()).startsWith("posture: unknown command 'actions lsit'; did you mean list?\n");
  }
}
