package dev.posture.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.posture.input.InputException;
import dev.posture.catalog.Category;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateStoreTest {
  @TempDir Path dir;

  private static State tag(State state, String id, String tag) {
    return new Decisions(TestActions.action(id, Category.IDENTITY), false, new Stamp("a@x.com", Instant.EPOCH)).addTags(state, List.of(tag));
  }

  @Test
  void aMissingFileIsCreated() throws Exception {
    Path file = dir.resolve("posture-state.yaml");

    StateStore.Update update = new StateStore(file).update(s -> tag(s, "A", "x"));

    assertThat(update.changed()).isTrue();
    assertThat(Files.readString(file)).isEqualTo("actions:\n  A:\n    status: to-address\n    tags:\n      - x\n");
  }

  @Test
  void anUnchangedStateLeavesTheFileAsItWas() throws Exception {
    Path file = dir.resolve("posture-state.yaml");
    String handWritten = "actions:\n  A: {status: planned, tags: [x]}   # kept as written\n";
    Files.writeString(file, handWritten);

    StateStore.Update update = new StateStore(file).update(s -> tag(s, "A", "x"));

    assertThat(update.changed()).isFalse();
    assertThat(Files.readString(file)).isEqualTo(handWritten);
  }

  @Test
  void aFileThatCannotBeParsedIsReportedAndNeverOverwritten() throws Exception {
    Path file = dir.resolve("posture-state.yaml");
    byte[] broken = "actions:\n  A:\n    status: planned\n   tags: [x\n".getBytes();
    Files.write(file, broken);

    assertThatThrownBy(() -> new StateStore(file).update(s -> tag(s, "A", "y")))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith(file.toAbsolutePath().toString() + ":");

    assertThat(Files.readAllBytes(file)).isEqualTo(broken);
    assertThat(tempFiles()).isEmpty();
  }

  @Test
  void aStatusTheFileCannotHoldIsReportedAndNeverOverwritten() throws Exception {
    Path file = dir.resolve("posture-state.yaml");
    byte[] invalid = "actions:\n  A:\n    status: completed\n".getBytes();
    Files.write(file, invalid);

    assertThatThrownBy(() -> new StateStore(file).update(s -> tag(s, "A", "y")))
        .isInstanceOf(InputException.class)
        .hasMessageContaining(":3: $.actions.A.status: Completed is derived from the data");

    assertThat(Files.readAllBytes(file)).isEqualTo(invalid);
  }

  @Test
  void aRefusedChangeWritesNothing() throws Exception {
    Path file = dir.resolve("posture-state.yaml");
    new StateStore(file).update(s -> tag(s, "A", "x"));
    byte[] before = Files.readAllBytes(file);

    assertThatThrownBy(() -> new StateStore(file).update(s -> {
      throw new RefusedEditException("no");
    })).isInstanceOf(RefusedEditException.class);

    assertThat(Files.readAllBytes(file)).isEqualTo(before);
    assertThat(tempFiles()).isEmpty();
  }

  @Test
  void threadsEditingAtOnceLoseNothing() throws Exception {
    Path file = dir.resolve("posture-state.yaml");
    int threads = 8;
    int edits = 15;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      String id = "A" + (t % 3);
      int thread = t;
      done.add(pool.submit(() -> {
        start.await();
        for (int e = 0; e < edits; e++) {
          String tag = "t" + thread + "-" + e;
          new StateStore(file).update(s -> tag(s, id, tag));
        }
        return null;
      }));
    }
    start.countDown();
    for (Future<?> f : done) {
      f.get(60, TimeUnit.SECONDS);
    }
    pool.shutdown();

    State state = new StateLoader().load(file);
    assertThat(Stream.of("A0", "A1", "A2").mapToInt(id -> state.of(id).tags().size()).sum()).isEqualTo(threads * edits);
    assertThat(state.of("A0").tags()).contains("t0-0", "t3-14", "t6-7");
    assertThat(tempFiles()).isEmpty();
  }

  @Test
  void processesEditingAtOnceLoseNothing() throws Exception {
    Path file = dir.resolve("posture-state.yaml");
    int processes = 3;
    int edits = 20;
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<Process> running = new ArrayList<>();
    for (int p = 0; p < processes; p++) {
      running.add(new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), TagWriter.class.getName(),
          file.toString(), "P" + p, String.valueOf(edits))
          .redirectErrorStream(true).redirectOutput(dir.resolve("p" + p + ".log").toFile()).start());
    }
    for (Process p : running) {
      assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).as(Files.readString(dir.resolve("p" + running.indexOf(p) + ".log"))).isZero();
    }

    List<String> tags = new StateLoader().load(file).of("A").tags();
    assertThat(tags).hasSize(processes * edits);
    assertThat(tags).containsAll(IntStream.range(0, edits).mapToObj(e -> "P2-" + e).toList());
  }

  /**
   * Two tenant folders whose state files are links to one shared file, and twenty processes writing
   * through them at once: each decision a writer said it saved is in the file.
   */
  @Test
  void writersThroughLinksToOneFileLoseNothing() throws Exception {
    Path shared = Files.createDirectory(dir.resolve("shared")).resolve("decisions.yaml");
    List<Path> links = new ArrayList<>();
    for (String tenant : List.of("contoso", "fabrikam")) {
      links.add(Files.createSymbolicLink(Files.createDirectory(dir.resolve(tenant)).resolve("posture-state.yaml"), shared));
    }
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<Process> running = new ArrayList<>();
    for (int p = 0; p < 20; p++) {
      running.add(new ProcessBuilder(java, "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
          TagWriter.class.getName(), links.get(p % 2).toString(), "W" + p, "1")
          .redirectErrorStream(true).redirectOutput(dir.resolve("w" + p + ".log").toFile()).start());
    }
    List<String> saved = new ArrayList<>();
    for (int p = 0; p < running.size(); p++) {
      assertThat(running.get(p).waitFor(180, TimeUnit.SECONDS)).isTrue();
      String log = Files.readString(dir.resolve("w" + p + ".log"));
      assertThat(running.get(p).exitValue()).as(log).isZero();
      log.lines().filter(l -> l.startsWith("saved ")).map(l -> l.substring("saved ".length())).forEach(saved::add);
    }

    assertThat(saved).hasSize(20);
    assertThat(new StateLoader().load(shared).of("A").tags()).containsExactlyInAnyOrderElementsOf(saved);
    assertThat(links).allMatch(Files::isSymbolicLink);
    assertThat(Files.exists(shared.resolveSibling(".decisions.yaml.lock"))).as("the lock is beside the file written").isTrue();
    assertThat(Files.exists(dir.resolve("contoso/.posture-state.yaml.lock"))).as("not beside the link").isFalse();
  }

  @Test
  void threadsWritingThroughTwoLinksToOneFileLoseNothing() throws Exception {
    Path shared = dir.resolve("decisions.yaml");
    Path one = Files.createSymbolicLink(dir.resolve("one.yaml"), shared);
    Path two = Files.createSymbolicLink(Files.createDirectory(dir.resolve("sub")).resolve("two.yaml"), Path.of("../decisions.yaml"));
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      Path link = t % 2 == 0 ? one : two;
      int thread = t;
      done.add(pool.submit(() -> {
        for (int e = 0; e < 10; e++) {
          String tag = "t" + thread + "-" + e;
          new StateStore(link).update(s -> tag(s, "A", tag));
        }
        return null;
      }));
    }
    for (Future<?> f : done) {
      f.get(60, TimeUnit.SECONDS);
    }
    pool.shutdown();

    assertThat(new StateLoader().load(shared).of("A").tags()).hasSize(40);
  }

  @Test
  void aLockFileThatIsASymbolicLinkIsRefusedAndNotFollowed() throws Exception {
    Path file = Files.writeString(dir.resolve("posture-state.yaml"), "actions: {}\n");
    Path outside = Files.createDirectory(dir.resolve("elsewhere")).resolve("planted");
    Path lock = Files.createSymbolicLink(dir.resolve(".posture-state.yaml.lock"), outside);

    assertThatThrownBy(() -> new StateStore(file).update(s -> tag(s, "A", "x")))
        .isInstanceOf(InputException.class)
        .hasMessage(lock + ": is a symbolic link; the lock file of " + file + " must be a file of its own: remove it; nothing was written");

    assertThat(outside).doesNotExist();
    assertThat(Files.readString(file)).isEqualTo("actions: {}\n");
  }

  @Test
  void aStateFileThatIsADeviceGetsNoLockFileBesideIt() {
    assertThatThrownBy(() -> new StateStore(Path.of("/dev/null")).update(s -> tag(s, "A", "x")))
        .isInstanceOf(InputException.class)
        .hasMessage("/dev/null: is a device, not a regular file; posture writes only regular files");
    assertThat(Path.of("/dev/.null.lock")).doesNotExist();
  }

  private List<String> tempFiles() throws Exception {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(Path::getFileName).map(Path::toString).filter(n -> n.endsWith(".tmp")).toList();
    }
  }

  /** A separate process adding tags one update at a time. */
  public static final class TagWriter {
    public static void main(String[] args) {
      Path file = Path.of(args[0]);
      for (int e = 0; e < Integer.parseInt(args[2]); e++) {
        String tag = args[1] + "-" + e;
        new StateStore(file).update(s -> tag(s, "A", tag));
        System.out.println("saved " + tag);
      }
    }
  }
}
