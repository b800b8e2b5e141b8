package dev.posture.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
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

  /** Read-only is the file's mode, not whether this user could write it anyway: root too is refused. */
  @Test
  void aReadOnlyFileIsNotReplaced() throws IOException {
    for (String mode : List.of("r--r--r--", "r--rw-rw-", "r--------")) {
      Path file = Files.writeString(dir.resolve("posture-state.yaml"), "actions: {}\n");
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));

      assertThatThrownBy(() -> AtomicFile.replace(file, "changed")).as(mode).hasMessage(file + ": is read-only; nothing was written");
      assertThat(Files.readString(file)).isEqualTo("actions: {}\n");
      Files.delete(file);
    }
  }

  @Test
  void aReadOnlyFileBehindALinkIsNotReplacedEither() throws IOException {
    Path real = Files.writeString(dir.resolve("real.json"), "old");
    Files.setPosixFilePermissions(real, PosixFilePermissions.fromString("r--r--r--"));
    Path link = Files.createSymbolicLink(dir.resolve("report.json"), real);

    assertThatThrownBy(() -> AtomicFile.replace(link, "new")).hasMessage(link + ": is read-only; nothing was written");
    assertThat(Files.readString(real)).isEqualTo("old");
  }

  /** /dev/null renamed over would become a regular file for every program on the machine. */
  @Test
  void onlyRegularFilesAreWrittenDirectlyOrThroughALink() throws Exception {
    Path fifo = dir.resolve("fifo");
    assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
    Path link = Files.createSymbolicLink(dir.resolve("null.json"), Path.of("/dev/null"));

    assertThatThrownBy(() -> AtomicFile.replace(Path.of("/dev/null"), "x")).isInstanceOf(InputException.class)
        .hasMessage("/dev/null: is a device, not a regular file; posture writes only regular files");
    assertThatThrownBy(() -> AtomicFile.replace(link, "x")).hasMessage(link + ": is a device, not a regular file; posture writes only regular files");
    assertThatThrownBy(() -> AtomicFile.replace(fifo, "x")).hasMessage(fifo + ": is a named pipe, not a regular file; posture writes only regular files");
    assertThatThrownBy(() -> AtomicFile.replace(dir, "x")).hasMessage(dir + ": is a folder, not a regular file; posture writes only regular files");

    assertThat((Integer) Files.getAttribute(Path.of("/dev/null"), "unix:mode") & 0170000).as("still a device").isEqualTo(0020000);
    assertThat(Files.isSymbolicLink(link)).isTrue();
  }

  @Test
  void aLinkToAFileNotYetWrittenCreatesThatFileAndStaysALink() throws IOException {
    Path real = Files.createDirectory(dir.resolve("shared")).resolve("decisions.yaml");
    Path link = Files.createSymbolicLink(dir.resolve("posture-state.yaml"), Path.of("shared/decisions.yaml"));

    AtomicFile.replace(link, "new");

    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(Files.readString(real)).isEqualTo("new");
  }

  @Test
  void anEntryIsReplacedItselfAndALinkThereIsNeverFollowed() throws IOException {
    Path outside = Files.writeString(Files.createDirectory(dir.resolve("outside")).resolve("precious"), "keep");
    Path cache = Files.createDirectory(dir.resolve("cache"));
    Path entry = Files.createSymbolicLink(cache.resolve("catalog-1.bin"), outside);

    AtomicFile.replaceEntry(entry, out -> out.write(1));

    assertThat(Files.isSymbolicLink(entry)).isFalse();
    assertThat(Files.readAllBytes(entry)).containsExactly(1);
    assertThat(Files.readString(outside)).isEqualTo("keep");
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
