package dev.posture.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {
  @TempDir Path dir;

  @Test
  void replacesTheWholeFileAndKeepsItsPermissions() throws IOException {
    Path file = Files.writeString(dir.resolve("report.json"), "old");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));

    AtomicFile.replace(file, "new");

    assertThat(Files.readString(file)).isEqualTo("new");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    assertThat(siblings()).containsExactly("report.json");
  }

  @Test
  void aWriteThatFailsHalfWayLeavesTheOldFileAndNoTemporaryFile() throws IOException {
    Path file = Files.writeString(dir.resolve("posture-state.yaml"), "actions: {}\n");

    assertThatThrownBy(() -> AtomicFile.replace(file, out -> {
      out.write("actions:\n  A:\n".getBytes(StandardCharsets.UTF_8));
      throw new java.nio.file.FileSystemException(null, null, "No space left on device");
    })).isInstanceOf(InputException.class)
        .hasMessage(file + ": cannot be written (No space left on device); it is as it was");

    assertThat(Files.readString(file)).isEqualTo("actions: {}\n");
    assertThat(siblings()).containsExactly("posture-state.yaml");
  }

  @Test
  void aNewFileThatCannotBeWrittenIsNotCreated() throws IOException {
    Path file = dir.resolve("report.csv");

    assertThatThrownBy(() -> AtomicFile.replace(file, out -> {
      throw new IOException("Input/output error");
    })).hasMessage(file + ": cannot be written (Input/output error); nothing was written");

    assertThat(siblings()).isEmpty();
  }

  @Test
  void aFileInAFolderThatDoesNotExist() {
    Path file = dir.resolve("missing/report.json");

    assertThatThrownBy(() -> AtomicFile.replace(file, "x")).isInstanceOf(InputException.class)
        .hasMessage(file + ": cannot be written: the folder " + dir.resolve("missing") + " does not exist");
  }

  /** Root may write any file, so this runs only for other users. */
  @Test
  void aReadOnlyFileIsNotReplaced() throws IOException {
    Path file = Files.writeString(dir.resolve("posture-state.yaml"), "actions: {}\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r--r--"));
    assumeFalse(Files.isWritable(file), "this user may write any file");

    assertThatThrownBy(() -> AtomicFile.replace(file, "changed")).hasMessage(file + ": is read-only; nothing was written");
    assertThat(Files.readString(file)).isEqualTo("actions: {}\n");
  }

  @Test
  void aSymbolicLinkStaysALinkAndItsFileIsReplaced() throws IOException {
    Path real = Files.writeString(Files.createDirectory(dir.resolve("decisions")).resolve("posture-state.yaml"), "old");
    Path link = Files.createSymbolicLink(dir.resolve("posture-state.yaml"), real);

    AtomicFile.replace(link, "new");

    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(Files.readString(real)).isEqualTo("new");
  }

  @Test
  void leftoversBehindASymbolicLinkAreFoundWhereTheyWereWritten() throws IOException {
    Path real = Files.writeString(Files.createDirectory(dir.resolve("decisions")).resolve("posture-state.yaml"), "old");
    Path leftover = Files.writeString(real.resolveSibling(".posture-state.yaml42.tmp"), "half");
    Path link = Files.createSymbolicLink(dir.resolve("posture-state.yaml"), real);

    AtomicFile.removeLeftovers(link);

    assertThat(leftover).doesNotExist();
  }

  @Test
  void leftoversOfUnfinishedWritesAreRemovedAndNothingElse() throws IOException {
    Path file = Files.writeString(dir.resolve("posture-state.yaml"), "actions: {}\n");
    Files.writeString(dir.resolve(".posture-state.yaml123456.tmp"), "half a fi");
    Files.writeString(dir.resolve(".posture-state.yaml.lock"), "");
    Files.writeString(dir.resolve(".other.yaml99.tmp"), "someone else's");

    AtomicFile.removeLeftovers(file);

    assertThat(siblings()).containsExactlyInAnyOrder("posture-state.yaml", ".posture-state.yaml.lock", ".other.yaml99.tmp");
  }

  private java.util.List<String> siblings() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
