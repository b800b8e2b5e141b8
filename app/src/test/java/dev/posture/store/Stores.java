package dev.posture.store;

import dev.posture.scoring.Source;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Real databases for the store's tests: an SQLite file in a temporary folder, or a fresh database on
 * one PostgreSQL server started for the test run (binaries from Maven Central), stopped when it ends.
 */
public final class Stores {
  /** A role that signs in with a password, for the credential tests; postgres itself is trusted. */
  static final String ROLE = "recorder";
  static final String ROLE_PASSWORD = "open-sesame-42";

  private static EmbeddedPostgres server;
  private static final AtomicInteger DATABASES = new AtomicInteger();

  private Stores() {}

  /** A new, empty store of the kind: "sqlite" or "postgresql". */
  static StoreLocation fresh(String kind, Path folder) {
    return switch (kind) {
      case "sqlite" -> StoreLocation.resolve(Optional.of(folder.resolve("history.db").toString()), Map.of());
      case "postgresql" -> StoreLocation.resolve(Optional.of(freshDatabaseUrl()), Map.of());
      default -> throw new IllegalArgumentException(kind);
    };
  }

  /** A new database on the server, as a URL that signs in as the trusted superuser. */
  public static String freshDatabaseUrl() {
    String name = "store_" + DATABASES.incrementAndGet();
    execute("postgres", "CREATE DATABASE " + name + " OWNER " + ROLE);
    return "postgresql://postgres@localhost:" + server().getPort() + "/" + name;
  }

  static synchronized EmbeddedPostgres server() {
    if (server == null) {
      try {
        server = EmbeddedPostgres.builder().setPGStartupWait(Duration.ofSeconds(60)).start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
          try {
            server.close();
          } catch (IOException ignored) {
            // the run is over
          }
        }));
        execute("postgres", "CREATE ROLE " + ROLE + " LOGIN PASSWORD '" + ROLE_PASSWORD + "'");
        // the superuser stays trusted; every other role must give its password
        Path hba = Path.of(query("postgres", "SHOW hba_file"));
        Files.writeString(hba, String.join("\n", List.of(
            "local all all trust",
            "host all postgres 127.0.0.1/32 trust",
            "host all postgres ::1/128 trust",
            "host all all 127.0.0.1/32 scram-sha-256",
            "host all all ::1/128 scram-sha-256", "")));
        query("postgres", "SELECT pg_reload_conf()");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return server;
  }

  private static void execute(String database, String sql) {
    try (Connection c = server().getDatabase("postgres", database).getConnection(); Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String query(String database, String sql) {
    try (Connection c = server().getDatabase("postgres", database).getConnection(); Statement s = c.createStatement();
        var rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A plain connection to the store, to do what posture never does: damage it, lock it, look inside. */
  static Connection raw(StoreLocation store) throws SQLException {
    return store.dialect().connect(store, Duration.ofSeconds(10));
  }

  static void sql(StoreLocation store, String sql) throws SQLException {
    try (Connection c = raw(store); Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  static long count(StoreLocation store, String sql) throws SQLException {
    try (Connection c = raw(store); Statement s = c.createStatement(); var rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** A small run: overall current and one category, two actions. */
  static RunRecord run(String tenant, Instant at, double identity, double mfa) {
    return new RunRecord(tenant, "Tenant " + tenant, at, Source.POSTURE,
        List.of(new RunRecord.Score("current", RunRecord.OVERALL, identity + 5, 30),
            new RunRecord.Score("current", "Identity", identity, 20),
            new RunRecord.Score("achievable", RunRecord.OVERALL, 28, 30)),
        List.of(new RunRecord.ActionOutcome("AdminMFAV2", mfa, Optional.of(10.0), Optional.of(mfa == 10 ? "completed" : "to-address"),
                Source.POSTURE),
            new RunRecord.ActionOutcome("DLPEnabled", 5, Optional.of(10.0), Optional.of("planned"), Source.MICROSOFT)));
  }

  static Path file(StoreLocation store) {
    return store.file().orElseThrow();
  }

  static boolean exists(StoreLocation store) {
    return Files.exists(file(store));
  }
}
