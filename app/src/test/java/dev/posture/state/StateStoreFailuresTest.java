package dev.posture.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.posture.catalog.Status;
import dev.posture.input.AtomicFile;
import dev.posture.input.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The state file holds people's decisions: a writer killed with SIGKILL, a full disk or a read-only
 * file system must leave the file as it was (or as the finished write made it), and say so.
 *
 * <p>The disk tests mount a small tmpfs of their own, which needs root and a system that allows it;
 * elsewhere they are skipped (the same paths are covered with an injected failure in
 * {@code AtomicFileTest}).
 */
class StateStoreFailuresTest {
  private static final int TAGS = 4000;

  @TempDir Path dir;

  /** Version {@code n} of the state: one action whose tags all name the version. */
  static State version(int n) {
    List<String> tags = IntStream.range(0, TAGS).mapToObj(i -> "v" + n + "-tag-" + i).toList();
    return new State(Map.of("A", new ActionState(Status.PLANNED, List.of(), tags, Optional.empty(), List.of())), List.of());
  }

  @Test
  void aWriterKilledMidWriteLeavesTheOldOrTheNewFileNeverATornOne() throws Exception {
    Path file = dir.resolve("posture-state.yaml");
    new StateStore(file).update(s -> version(0));
    Random random = new Random(7);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    int lastVersion = 0;
    int killedMidWrite = 0;
    for (int round = 0; round < 8; round++) {
      Process writer = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Rewriter.class.getName(),
          file.toString(), String.valueOf(lastVersion + 1))
          .redirectErrorStream(true).redirectOutput(dir.resolve("writer.log").toFile()).start();
      waitForFirstWrite(file, lastVersion);
      Thread.sleep(random.nextInt(20, 400));
      writer.destroyForcibly(); // SIGKILL: no shutdown hook, no finally
      assertThat(writer.waitFor(30, TimeUnit.SECONDS)).isTrue();
      killedMidWrite += hiddenTemporaryFiles().isEmpty() ? 0 : 1;

      State state = new StateLoader().load(file); // parses, or the test fails here
      List<String> tags = state.of("A").tags();
      String version = tags.get(0).substring(0, tags.get(0).indexOf('-'));
      assertThat(tags).as("round %d: one whole version", round).hasSize(TAGS).allMatch(t -> t.startsWith(version + "-"));
      assertThat(state).isEqualTo(version(Integer.parseInt(version.substring(1))));
      lastVersion = Integer.parseInt(version.substring(1));
    }
    assertThat(killedMidWrite).as("kills that landed while a new file was being written").isPositive();

    new StateStore(file).update(s -> version(-1));
    assertThat(hiddenTemporaryFiles()).as("what killed writers left is gone").isEmpty();
  }

  /** A writer has started writing once the file is at a newer version than the last round's. */
  private static void waitForFirstWrite(Path file, int lastVersion) throws Exception {
    String older = "v" + lastVersion + "-tag-0";
    for (int i = 0; i < 600; i++) {
      String content = Files.readString(file);
      if (!content.contains(older + "\n")) {
        return;
      }
      Thread.sleep(10);
    }
    throw new AssertionError("the writer never wrote");
  }

  @Test
  void aFullDiskLeavesTheOldFileAndSaysSo() throws Exception {
    try (TinyDisk disk = TinyDisk.mount(dir.resolve("disk"), "256k")) {
      Path file = disk.path().resolve("posture-state.yaml");
      new StateStore(file).update(s -> new State(Map.of("A", ActionState.DEFAULT.withTags(List.of("small"))), List.of()));
      byte[] before = Files.readAllBytes(file);
      disk.fill();

      assertThatThrownBy(() -> new StateStore(file).update(s -> version(1)))
          .isInstanceOf(InputException.class)
          .hasMessage(file + ": cannot be written (No space left on device); it is as it was");

      assertThat(Files.readAllBytes(file)).isEqualTo(before);
      assertThat(hiddenTemporaryFiles(disk.path())).isEmpty();
    }
  }

  @Test
  void aReadOnlyFileSystemLeavesTheOldFileAndSaysSo() throws Exception {
    try (TinyDisk disk = TinyDisk.mount(dir.resolve("disk"), "1m")) {
      Path file = disk.path().resolve("posture-state.yaml");
      new StateStore(file).update(s -> version(0));
      byte[] before = Files.readAllBytes(file);
      disk.readOnly();

      assertThatThrownBy(() -> new StateStore(file).update(s -> version(1)))
          .isInstanceOf(InputException.class)
          .hasMessageStartingWith(file.toString())
          .hasMessageContaining("Read-only file system")
          .hasMessageEndingWith("nothing was written");

      assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }
  }

  private List<String> hiddenTemporaryFiles() throws IOException {
    return hiddenTemporaryFiles(dir);
  }

  private static List<String> hiddenTemporaryFiles(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp")).toList();
    }
  }

  /**
   * Writes version after version of the state file until it is killed, the way {@link StateStore}
   * does, but handing over the bytes slowly, so that most kills land in the middle of a write.
   */
  public static final class Rewriter {
    public static void main(String[] args) {
      Path file = Path.of(args[0]);
      for (int n = Integer.parseInt(args[1]); ; n++) {
        byte[] next = new StateWriter().write(version(n), "").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        AtomicFile.replace(file, out -> {
          for (int at = 0; at < next.length; at += 4096) {
            out.write(next, at, Math.min(4096, next.length - at));
            out.flush();
            sleep();
          }
        });
      }
    }

    private static void sleep() {
      try {
        Thread.sleep(2);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** A tmpfs of a few hundred kilobytes, mounted for one test. */
  private record TinyDisk(Path path) implements AutoCloseable {
    static TinyDisk mount(Path path, String size) throws IOException {
      Files.createDirectories(path);
      assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", path.toString()),
          "this system does not let the tests mount a tmpfs");
      return new TinyDisk(path);
    }

    void fill() throws IOException {
      try (var out = Files.newOutputStream(path.resolve("filler"))) {
        byte[] block = new byte[4096];
        while (true) {
          out.write(block);
        }
      } catch (IOException full) {
        // the disk is full
      }
    }

    void readOnly() {
      assertThat(run("mount", "-o", "remount,ro", path.toString())).isTrue();
    }

    @Override
    public void close() {
      run("umount", path.toString());
    }

    private static boolean run(String... command) {
      try {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
      } catch (IOException noMount) {
        return false;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
  }
}
