package dev.posture.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A store that cannot be used is one line naming it, never its credentials; nothing in it is changed. */
class StoreFailuresTest {
  private static final Instant AT = Instant.parse("2026-11-01T10:00:00Z");

  @TempDir
  Path folder;

  @Test
  void aFileThatIsNotADatabaseIsReportedAndLeftAsItWas() throws Exception {
    Path file = folder.resolve("history.db");
    String text = "these are someone's notes, not a database\n".repeat(200);
    Files.writeString(file, text);
    StoreLocation store = StoreLocation.resolve(Optional.of(file.toString()), Map.of());

    assertThatThrownBy(() -> HistoryStore.open(store))
        .isInstanceOf(StoreException.class)
        .hasMessage(file + ": not a posture history store, or damaged (file is not a database)");
    assertThat(Files.readString(file)).isEqualTo(text);
  }

  @Test
  void aDamagedDatabaseIsReported() throws Exception {
    StoreLocation store = StoreLocation.resolve(Optional.of(folder.resolve("history.db").toString()), Map.of());
    try (HistoryStore opened = HistoryStore.open(store)) {
      opened.record(Stores.run("t1", AT, 8, 0));
    }
    byte[] bytes = Files.readAllBytes(Stores.file(store));
    // keep the header, overwrite the pages that hold the schema and the tables
    for (int i = 100; i < bytes.length; i++) {
      bytes[i] = (byte) 0x5a;
    }
    Files.write(Stores.file(store), bytes);

    assertThatThrownBy(() -> HistoryStore.open(store))
        .isInstanceOf(StoreException.class)
        .hasMessageStartingWith(store + ": not a posture history store, or damaged (");
  }

  @Test
  void aFolderThatCannotBeMadeIsReported() throws Exception {
    Path blocker = Files.writeString(folder.resolve("data"), "a file where the folder would go");
    StoreLocation store = StoreLocation.resolve(Optional.empty(), Map.of("XDG_DATA_HOME", blocker.toString()));

    assertThatThrownBy(() -> HistoryStore.open(store))
        .isInstanceOf(StoreException.class)
        .hasMessageStartingWith(blocker.resolve("posture/history.db") + ": cannot create its folder (");
  }

  @Test
  void anUnreachableServerIsReportedWithinTheTimeout() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    StoreLocation store = StoreLocation.resolve(Optional.of("postgresql://alice:hunter2@127.0.0.1:" + port + "/posture"), Map.of());

    assertThatThrownBy(() -> HistoryStore.open(store, Duration.ofSeconds(2)))
        .isInstanceOf(StoreException.class)
        .hasMessage("postgresql://127.0.0.1:" + port + "/posture: cannot reach the server (Connection to 127.0.0.1:" + port + " refused)")
        .message().doesNotContain("hunter2").doesNotContain("alice");
  }

  @Test
  void refusedCredentialsAreReportedWithoutThem() {
    String url = Stores.freshDatabaseUrl().replace("postgres@", Stores.ROLE + ":wrong-password@");
    StoreLocation store = StoreLocation.resolve(Optional.of(url), Map.of());

    assertThatThrownBy(() -> HistoryStore.open(store))
        .isInstanceOf(StoreException.class)
        .hasMessage(store + ": the server refused the credentials; set PGUSER and PGPASSWORD, or a pgpass file")
        .message().doesNotContain("wrong-password").doesNotContain(Stores.ROLE);
  }

  @Test
  void aPasswordFromThePgpassFileOrPgpasswordSignsIn() throws Exception {
    String url = Stores.freshDatabaseUrl().replace("postgres@", "");
    Path pgpass = Files.writeString(folder.resolve("pgpass"), "localhost:*:*:" + Stores.ROLE + ":" + Stores.ROLE_PASSWORD + "\n");
    Files.setPosixFilePermissions(pgpass, PosixFilePermissions.fromString("rw-------"));

    try (HistoryStore store = HistoryStore.open(StoreLocation.resolve(Optional.of(url),
        Map.of("PGUSER", Stores.ROLE, "PGPASSFILE", pgpass.toString())))) {
      store.record(Stores.run("t1", AT, 8, 0));
    }
    try (HistoryStore store = HistoryStore.open(StoreLocation.resolve(Optional.of(url),
        Map.of("PGUSER", Stores.ROLE, "PGPASSWORD", Stores.ROLE_PASSWORD)))) {
      assertThat(store.tenants()).hasSize(1);
    }
  }

  @Test
  void anUnusedPgpassFileIsNamedWhenTheServerRefuses() throws Exception {
    String url = Stores.freshDatabaseUrl().replace("postgres@", Stores.ROLE + "@");
    Path pgpass = Files.writeString(folder.resolve("pgpass"), "*:*:*:*:" + Stores.ROLE_PASSWORD + "\n");
    Files.setPosixFilePermissions(pgpass, PosixFilePermissions.fromString("rw-rw-r--"));
    StoreLocation store = StoreLocation.resolve(Optional.of(url), Map.of("PGPASSFILE", pgpass.toString()));

    assertThatThrownBy(() -> HistoryStore.open(store))
        .isInstanceOf(StoreException.class)
        .hasMessage(store + ": the server refused the credentials; set PGUSER and PGPASSWORD, or a pgpass file (the pgpass file "
            + pgpass + " was not used: others may read it (chmod 600 it))");
  }

  @Test
  void aMissingDatabaseIsReported() {
    String url = "postgresql://postgres@localhost:" + Stores.server().getPort() + "/no_such_store";
    StoreLocation store = StoreLocation.resolve(Optional.of(url), Map.of());

    assertThatThrownBy(() -> HistoryStore.open(store))
        .isInstanceOf(StoreException.class)
        .hasMessage("postgresql://localhost:" + Stores.server().getPort() + "/no_such_store: no such database on the server");
  }
}
