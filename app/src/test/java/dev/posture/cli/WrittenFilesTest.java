package dev.posture.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * posture writes only regular files, and never one whose mode makes it read-only, whoever runs it:
 * a device, a pipe or a folder named by {@code --output} or as the state file is refused (3), directly or
 * through a link, and left as it was.
 */
class WrittenFilesTest {
  private static final String CONTOSO = Tenants.CONTOSO.toString();
  private static final String MEGAN = "megan.bowen@contoso.com";

  @TempDir Path dir;

  @Test
  void anOutputThatIsNoRegularFileIsRefused() throws Exception {
    Path link = Files.createSymbolicLink(dir.resolve("report.json"), Path.of("/dev/null"));

    Cli.run("assess", CONTOSO, "--catalog", Tenants.CATALOG, "--output", "/dev/null").exited(ExitCode.INVALID_INPUT).oneLineError()
        .errContains("posture: /dev/null: is a device, not a regular file; posture writes only regular files");
    Cli.run("assess", CONTOSO, "--catalog", Tenants.CATALOG, "--output", link.toString()).exited(ExitCode.INVALID_INPUT).oneLineError()
        .errContains("posture: " + link + ": is a device, not a regular file");
    Cli.run("assess", CONTOSO, "--catalog", Tenants.CATALOG, "--output", dir.toString()).exited(ExitCode.INVALID_INPUT).oneLineError()
        .errContains("posture: " + dir + ": is a folder, not a regular file");

    assertThat((Integer) Files.getAttribute(Path.of("/dev/null"), "unix:mode") & 0170000).isEqualTo(0020000);
    assertThat(Files.isSymbolicLink(link)).isTrue();
  }

  @Test
  void aReadOnlyOutputOrStateFileIsRefusedForRootToo() throws Exception {
    Path report = Files.writeString(dir.resolve("report.txt"), "old");
    Files.setPosixFilePermissions(report, PosixFilePermissions.fromString("r--r--r--"));
    Path tenant = Tenants.contoso(dir);
    Path state = tenant.resolve("posture-state.yaml");
    byte[] before = Tenants.bytes(state);
    Files.setPosixFilePermissions(state, PosixFilePermissions.fromString("r--r--r--"));

    Cli.run("assess", CONTOSO, "--catalog", Tenants.CATALOG, "--output", report.toString()).exited(ExitCode.INVALID_INPUT).oneLineError()
        .errContains("posture: " + report + ": is read-only; nothing was written");
    Cli.run("tags", "add", tenant.toString(), "SelfServicePasswordReset", "q1", "--catalog", Tenants.CATALOG, "--actor", MEGAN)
        .exited(ExitCode.INVALID_INPUT).oneLineError().errContains("posture: " + state + ": is read-only; nothing was written");

    assertThat(Files.readString(report)).isEqualTo("old");
    assertThat(Tenants.bytes(state)).isEqualTo(before);
  }

  @Test
  void aStateFileThatIsADeviceIsNeitherReadNorWritten() throws Exception {
    Path tenant = Tenants.contoso(dir);

    Cli.run("tags", "add", tenant.toString(), "SelfServicePasswordReset", "q1", "--catalog", Tenants.CATALOG, "--actor", MEGAN,
        "--state", "/dev/null").exited(ExitCode.INVALID_INPUT).oneLineError()
        .errContains("posture: /dev/null: is a device, not a regular file");
    assertThat((Integer) Files.getAttribute(Path.of("/dev/null"), "unix:mode") & 0170000).isEqualTo(0020000);
  }
}
