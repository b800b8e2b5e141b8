package dev.posture.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A tenant folder is replaced whole, owner-only, or left as it was; the state file is never touched. */
class StagingTest {
  @TempDir Path dir;

  private static void write(Staging staging, String name, String content) throws IOException {
    try (OutputStream out = staging.create(name)) {
      out.write(content.getBytes(StandardCharsets.UTF_8));
    }
  }

  private static void stage(Staging staging, String snapshot) throws IOException {
    write(staging, TenantFolder.SNAPSHOT, snapshot);
    write(staging, TenantFolder.COLLECTION, "{\"schemaVersion\": 1, \"sections\": []}");
  }

  @Test
  void anImportReplacesTheSnapshotAndLeavesSecureScoreAndTheStateFileAlone() throws IOException {
    Path tenant = Files.createDirectory(dir.resolve("contoso"));
    Files.writeString(tenant.resolve("snapshot.json"), "old");
    Files.writeString(tenant.resolve("posture-state.yaml"), "actions: {}\n");
    Path page = Files.createDirectory(tenant.resolve("secure-score")).resolve("secureScores-001.json");
    Files.writeString(page, "{\"value\": []}");

    try (Staging staging = Staging.forImport(tenant)) {
      stage(staging, "new");
      staging.commit();
    }

    assertThat(Files.readString(tenant.resolve("snapshot.json"))).isEqualTo("new");
    assertThat(tenant.resolve("collection.json")).exists();
    assertThat(Files.readString(tenant.resolve("posture-state.yaml"))).isEqualTo("actions: {}\n");
    assertThat(Files.readString(page)).isEqualTo("{\"value\": []}");
    try (Stream<Path> left = Files.list(tenant)) {
      assertThat(left.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(
          "snapshot.json", "collection.json", "posture-state.yaml", "secure-score", Staging.COMMIT_LOCK);
    }
  }

  @Test
  void aCollectionReplacesTheSecureScorePagesItWrites_andKeepsOtherFiles() throws IOException {
    Path tenant = Files.createDirectories(dir.resolve("contoso/secure-score"));
    Files.writeString(tenant.resolve("secureScores-002.json"), "older page");
    Files.writeString(tenant.resolve("exported-by-hand.json"), "mine");

    try (Staging staging = Staging.forCollection(tenant.getParent())) {
      stage(staging, "{}");
      write(staging, "secure-score/secureScores-001.json", "page");
      staging.commit();
    }

    assertThat(Files.readString(tenant.resolve("secureScores-001.json"))).isEqualTo("page");
    assertThat(tenant.resolve("secureScores-002.json")).doesNotExist();
    assertThat(Files.readString(tenant.resolve("exported-by-hand.json"))).isEqualTo("mine");
  }

  @Test
  void aSnapshotWrittenAsYamlBeforeIsReplacedNotLeftBesideTheNewOne() throws IOException {
    Path tenant = Files.createDirectory(dir.resolve("contoso"));
    Files.writeString(tenant.resolve("snapshot.yaml"), "tenant: {id: old, displayName: Old}\n");

    try (Staging staging = Staging.forCollection(tenant)) {
      stage(staging, "{}");
      staging.commit();
    }

    assertThat(tenant.resolve("snapshot.yaml")).doesNotExist();
    assertThat(Files.readString(tenant.resolve("snapshot.json"))).isEqualTo("{}");
  }

  @Test
  void runsIntoOneFolderAtOnceCommitOneAfterTheOtherNeverMixed() throws Exception {
    Path tenant = Files.createDirectory(dir.resolve("contoso"));
    int runs = 8;
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(runs);
    java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
    java.util.List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
    for (int run = 0; run < runs; run++) {
      String name = "run" + run;
      Staging staging = Staging.forCollection(tenant);
      write(staging, TenantFolder.SNAPSHOT, name);
      write(staging, TenantFolder.COLLECTION, name);
      for (int page = 1; page <= 3; page++) {
        write(staging, "secure-score/secureScores-00" + page + ".json", name);
      }
      done.add(pool.submit(() -> {
        start.await();
        try (staging) {
          staging.commit();
        }
        return null;
      }));
    }
    start.countDown();
    for (java.util.concurrent.Future<?> f : done) {
      f.get();
    }
    pool.shutdown();

    String winner = Files.readString(tenant.resolve("snapshot.json"));
    assertThat(Files.readString(tenant.resolve("collection.json"))).isEqualTo(winner);
    for (int page = 1; page <= 3; page++) {
      assertThat(Files.readString(tenant.resolve("secure-score/secureScores-00" + page + ".json"))).isEqualTo(winner);
    }
  }

  @Test
  void aCommitLockThatIsALinkIsRefused() throws IOException {
    Path tenant = Files.createDirectory(dir.resolve("contoso"));
    Path elsewhere = dir.resolve("elsewhere.lock");
    Files.createSymbolicLink(tenant.resolve(Staging.COMMIT_LOCK), elsewhere);

    try (Staging staging = Staging.forCollection(tenant)) {
      stage(staging, "{}");
      assertThatThrownBy(staging::commit).isInstanceOf(IOException.class).hasMessageContaining("is not a regular file of its own");
    }
    assertThat(elsewhere).doesNotExist();
    assertThat(tenant.resolve("snapshot.json")).doesNotExist();
  }

  @Test
  void whatItMakesIsTheOwnersAlone() throws IOException {
    Path tenant = dir.resolve("new/contoso");
    try (Staging staging = Staging.forImport(tenant)) {
      stage(staging, "{}");
      staging.commit();
    }
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tenant))).isEqualTo("rwx------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tenant.resolve("snapshot.json")))).isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tenant.resolve("collection.json")))).isEqualTo("rw-------");
  }

  @Test
  void closedWithoutCommittingLeavesTheFolderAsItWas() throws IOException {
    Path tenant = Files.createDirectory(dir.resolve("contoso"));
    Files.writeString(tenant.resolve("snapshot.json"), "old");
    try (Staging staging = Staging.forImport(tenant)) {
      stage(staging, "half");
    }
    try (Stream<Path> left = Files.list(tenant)) {
      assertThat(left.map(p -> p.getFileName().toString())).containsExactly("snapshot.json");
    }
    assertThat(Files.readString(tenant.resolve("snapshot.json"))).isEqualTo("old");
  }

  @Test
  void aFolderItMadeAndNeverFilledIsRemoved() throws IOException {
    Path tenant = dir.resolve("contoso");
    try (Staging staging = Staging.forImport(tenant)) {
      assertThat(tenant).isDirectory();
    }
    assertThat(tenant).doesNotExist();
  }

  @Test
  void theLeftoversOfAKilledRunAreRemoved() throws IOException {
    Path tenant = Files.createDirectory(dir.resolve("contoso"));
    Path leftover = Files.createDirectories(tenant.resolve(".posture-import-999999999/spill"));
    Path stateWrite = Files.writeString(tenant.resolve(".posture-state.yaml123.tmp"), "a state write under way");
    try (Staging staging = Staging.forImport(tenant)) {
      stage(staging, "{}");
      staging.commit();
    }
    assertThat(leftover.getParent()).doesNotExist();
    assertThat(stateWrite).exists();
  }

  @Test
  void aFileWhereTheFolderShouldBe() throws IOException {
    Path file = Files.writeString(dir.resolve("contoso"), "not a folder");
    assertThatThrownBy(() -> Staging.forImport(file))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessage(file + " cannot be written (" + file + " exists and is not a folder)");
  }
}
