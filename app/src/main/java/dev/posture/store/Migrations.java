package dev.posture.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The store's schema, versioned: the scripts {@code V<n>__<what>.sql} beside this class, applied in
 * order on first use, each in the same transaction as its row in {@code schema_version}. A store of a
 * newer version than this posture knows is refused, never changed.
 */
final class Migrations {
  /** Every version this posture knows, oldest first. */
  static final List<String> SCRIPTS = List.of("V1__history.sql", "V2__groups.sql");
  static final int LATEST = SCRIPTS.size();

  private Migrations() {}

  /**
   * Brings the store to {@code target} and returns the version it then has. A store already there is
   * only read; otherwise the migrations run under the dialect's lock, after a second look at the version
   * (another process may have migrated meanwhile).
   */
  static int migrate(Connection connection, Dialect dialect, StoreLocation store, int target) throws SQLException {
    int found = version(connection, dialect, store);
    if (found >= target) {
      return refuseNewer(store, found);
    }
    return HistoryStore.inTransaction(connection, c -> {
      dialect.lockForMigration(c);
      int current = version(c, dialect, store);
      if (current < 0) {
        try (Statement s = c.createStatement()) {
          s.execute("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, script TEXT NOT NULL, applied_at TEXT NOT NULL)");
        }
        current = 0;
      }
      refuseNewer(store, current);
      for (int v = current + 1; v <= target; v++) {
        apply(c, dialect, v);
      }
      return Math.max(current, target);
    });
  }

  private static int refuseNewer(StoreLocation store, int version) {
    if (version > LATEST) {
      throw new StoreException(store, "its schema is version " + version + ", newer than this posture knows ("
          + LATEST + "); use a newer posture");
    }
    return version;
  }

  /** The store's version: -1 for an empty database; a database with other tables is not a posture store. */
  private static int version(Connection connection, Dialect dialect, StoreLocation store) throws SQLException {
    Set<String> tables = new HashSet<>();
    try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(dialect.tablesQuery())) {
      while (rs.next()) {
        tables.add(rs.getString(1).toLowerCase(java.util.Locale.ROOT));
      }
    }
    if (!tables.contains("schema_version")) {
      if (!tables.isEmpty()) {
        throw new StoreException(store, "not a posture history store: it holds other tables and no schema_version");
      }
      return -1;
    }
    try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT MAX(version) FROM schema_version")) {
      return rs.next() ? rs.getInt(1) : 0;
    }
  }

  private static void apply(Connection connection, Dialect dialect, int version) throws SQLException {
    String script = SCRIPTS.get(version - 1);
    try (Statement s = connection.createStatement()) {
      for (String sql : statements(read(script).replace("${id}", dialect.generatedKey()))) {
        s.execute(sql);
      }
    }
    try (PreparedStatement insert = connection.prepareStatement(
        "INSERT INTO schema_version (version, script, applied_at) VALUES (?, ?, ?)")) {
      insert.setInt(1, version);
      insert.setString(2, script);
      insert.setString(3, Times.format(Instant.now()));
      insert.executeUpdate();
    }
  }

  private static String read(String script) {
    try (InputStream in = Migrations.class.getResourceAsStream(script)) {
      if (in == null) {
        throw new IllegalStateException("migration " + script + " is missing from the build");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The script's statements: comments dropped, split at the semicolons that end a line. */
  static List<String> statements(String script) {
    List<String> statements = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : script.split("\n")) {
      String code = line.strip();
      if (code.startsWith("--") || code.isEmpty()) {
        continue;
      }
      current.append(line).append('\n');
      if (code.endsWith(";")) {
        statements.add(current.toString().strip().replaceFirst(";$", ""));
        current.setLength(0);
      }
    }
    if (!current.toString().isBlank()) {
      statements.add(current.toString().strip());
    }
    return statements;
  }
}
