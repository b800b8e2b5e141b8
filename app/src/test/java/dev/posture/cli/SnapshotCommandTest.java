package dev.posture.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotCommandTest {

  @Test
  void everySampleIsValid() {
    assertThat(Cli.run("snapshot", "validate", "../samples/contoso").succeeded().out()).isEqualTo(
        "../samples/contoso/snapshot.json: valid, Contoso Pharmaceuticals, 40 users, 18 devices, 31 mailboxes, 7 service plans;"
            + " ../samples/contoso/posture-state.yaml is valid too\n");
    assertThat(Cli.run("snapshot", "validate", "../samples/northwind").succeeded().out())
        .contains("Northwind Traders, 16 users, 0 devices, 16 mailboxes, 8 service plans");
    assertThat(Cli.run("snapshot", "validate", "../samples/fabrikam").succeeded().out())
        .contains("Fabrikam, Inc., 3002 users, 2200 devices, 2941 mailboxes, 14 service plans");
    assertThat(Cli.run("snapshot", "validate", "../samples/litware/snapshot.json").succeeded().out())
        .contains("Litware, Inc., 120 users, 32 devices, 121 mailboxes, 7 service plans");
  }

  @Test
  void everyGeneratedProfileMeetsTheSnapshotSchema(@TempDir Path dir) {
    for (String profile : new String[] {"smb", "enterprise", "neglected"}) {
      String file = dir.resolve(profile + ".json").toString();
      Cli.run("snapshot", "generate", "--profile", profile, "--users", "300", "--devices", "80", "--output", file).succeeded();

      assertThat(Cli.run("snapshot", "validate", file).succeeded().out()).as(profile)
          .startsWith(file + ": valid, ").contains("(synthetic, seed 1), 300 users, 80 devices, 300 mailboxes");
    }
  }

  @Test
  void snapshotWithoutStateSaysNothingAboutState(@TempDir Path dir) throws Exception {
    Path snapshot = Files.writeString(dir.resolve("snapshot.yaml"), "tenant: {id: t, displayName: T}\n");

    assertThat(Cli.run("snapshot", "validate", dir.toString()).succeeded().out())
        .isEqualTo(snapshot + ": valid, T, 0 users, 0 devices, 0 mailboxes, 0 service plans\n");
  }

  @Test
  void schemaErrorNamesFileLineAndPath(@TempDir Path dir) throws Exception {
    Path snapshot = Files.writeString(dir.resolve("snapshot.yaml"), """
        tenant: {id: t, displayName: T}
        identitySecurityDefaultsEnforcementPolicy:
          isEnabled: "yes"
        """);

    Cli.run("snapshot", "validate", snapshot.toString()).exited(ExitCode.INVALID_INPUT).oneLineError()
        .errContains(snapshot + ":3: $.identitySecurityDefaultsEnforcementPolicy.isEnabled: expected true or false, found 'yes'");
  }

  @Test
  void missingTenantSectionIsInvalid(@TempDir Path dir) throws Exception {
    Path snapshot = Files.writeString(dir.resolve("snapshot.json"), "{\"users\": []}\n");

    Cli.run("snapshot", "validate", snapshot.toString()).exited(ExitCode.INVALID_INPUT).oneLineError()
        .errContains(snapshot + ":1: $: missing required field 'tenant'");
  }

  @Test
  void brokenStateFileBesideItIsInvalid(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("snapshot.yaml"), "tenant: {id: t, displayName: T}\n");
    Files.writeString(dir.resolve("posture-state.yaml"), "actions:\n  AdminMFAV2:\n    stauts: planned\n");

    Cli.run("snapshot", "validate", dir.toString()).exited(ExitCode.INVALID_INPUT).oneLineError()
        .errContains("posture-state.yaml:3: $.actions.AdminMFAV2.stauts: unknown field 'stauts' (did you mean 'status'?)");
  }

  @Test
  void missingSnapshotIsInvalid() {
    Cli.run("snapshot", "validate", "no/such/tenant").exited(ExitCode.INVALID_INPUT).oneLineError()
        .errContains("no/such/tenant: no such snapshot file or tenant folder");
  }
}
