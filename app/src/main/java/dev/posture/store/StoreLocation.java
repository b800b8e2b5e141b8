package dev.posture.store;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Where the history store is and how to reach it: an SQLite file, or a PostgreSQL database named by a
 * URL. Shown by its name alone ({@link #toString}): a path, or {@code postgresql://host:port/db}
 * without user, password or options, so messages never carry credentials.
 */
public final class StoreLocation {
  private final Dialect dialect;
  private final String name;
  private final String jdbcUrl;
  private final Optional<Path> file;
  private final Properties properties;
  private final Optional<String> credentialsNote;

  private StoreLocation(
      Dialect dialect, String name, String jdbcUrl, Optional<Path> file, Properties properties, Optional<String> credentialsNote) {
    this.dialect = dialect;
    this.name = name;
    this.jdbcUrl = jdbcUrl;
    this.file = file;
    this.properties = properties;
    this.credentialsNote = credentialsNote;
  }

  /**
   * The store the user named ({@code --store}, {@code POSTURE_STORE}, {@code posture.yaml}), or the
   * default SQLite file {@code $XDG_DATA_HOME/posture/history.db}, else
   * {@code ~/.local/share/posture/history.db}.
   *
   * @param named a file path, {@code jdbc:sqlite:PATH}, {@code jdbc:postgresql://...} or
   *     {@code postgresql://...}
   * @param env the process environment: XDG_DATA_HOME and HOME, and for PostgreSQL PGHOST, PGPORT,
   *     PGDATABASE, PGUSER, PGPASSWORD, PGPASSFILE and USER
   */
  public static StoreLocation resolve(Optional<String> named, Map<String, String> env) {
    if (named.isEmpty() || named.get().isBlank()) {
      return sqlite(defaultFile(env));
    }
    String text = named.get().strip();
    if (PostgresUrl.isPostgres(text)) {
      PostgresUrl url = PostgresUrl.parse(text, env);
      return new StoreLocation(Dialect.POSTGRESQL, url.name(), url.jdbcUrl(), Optional.empty(), url.properties(),
          url.credentialsNote());
    }
    String path = text.regionMatches(true, 0, "jdbc:sqlite:", 0, 12) ? text.substring(12) : text;
    if (path.isEmpty() || path.startsWith(":memory:") || path.startsWith("file:")) {
      throw new StoreException(PostgresUrl.withoutUserInfo(text),
          "expected a file path, jdbc:sqlite:PATH, jdbc:postgresql://... or postgresql://...");
    }
    return sqlite(Path.of(path));
  }

  private static StoreLocation sqlite(Path path) {
    return new StoreLocation(Dialect.SQLITE, path.toString(), "jdbc:sqlite:" + path.toAbsolutePath(), Optional.of(path),
        new Properties(), Optional.empty());
  }

  /** XDG's data folder: XDG_DATA_HOME when it is an absolute path (the specification ignores others), else HOME's. */
  private static Path defaultFile(Map<String, String> env) {
    String xdg = env.getOrDefault("XDG_DATA_HOME", "");
    if (!xdg.isEmpty() && Path.of(xdg).isAbsolute()) {
      return Path.of(xdg, "posture", "history.db");
    }
    String home = env.getOrDefault("HOME", "");
    if (home.isEmpty()) {
      throw new StoreException("history store", "no place for it: neither XDG_DATA_HOME nor HOME is set; name a store");
    }
    return Path.of(home, ".local", "share", "posture", "history.db");
  }

  Dialect dialect() {
    return dialect;
  }

  String jdbcUrl() {
    return jdbcUrl;
  }

  /** The SQLite file; empty for PostgreSQL. */
  public Optional<Path> file() {
    return file;
  }

  /** A copy: user, password and the URL's options, for the driver only. */
  Properties properties() {
    Properties copy = new Properties();
    copy.putAll(properties);
    return copy;
  }

  /** Why the credentials may be missing (a pgpass file that was not used), for a refused sign-in. */
  Optional<String> credentialsNote() {
    return credentialsNote;
  }

  /** The text with the password taken out, for a driver message that might quote it. */
  String redact(String text) {
    String password = properties.getProperty("password", "");
    return password.isEmpty() ? text : text.replace(password, "***");
  }

  @Override
  public String toString() {
    return name;
  }
}
