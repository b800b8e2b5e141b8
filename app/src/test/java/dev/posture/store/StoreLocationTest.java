package dev.posture.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the store is, from the name the user gave and the environment the process was given. */
class StoreLocationTest {
  @TempDir
  Path folder;

  private static StoreLocation resolve(String name, Map<String, String> env) {
    return StoreLocation.resolve(Optional.ofNullable(name), env);
  }

  @Test
  void theDefaultStoreIsInXdgDataHomeElseInHomesLocalShare() {
    assertThat(resolve(null, Map.of("XDG_DATA_HOME", "/srv/data", "HOME", "/home/ann")).file())
        .contains(Path.of("/srv/data/posture/history.db"));
    assertThat(resolve(null, Map.of("HOME", "/home/ann")).file()).contains(Path.of("/home/ann/.local/share/posture/history.db"));
    assertThat(resolve("  ", Map.of("XDG_DATA_HOME", "", "HOME", "/home/ann")).file())
        .contains(Path.of("/home/ann/.local/share/posture/history.db"));
    // the XDG specification has relative paths ignored
    assertThat(resolve(null, Map.of("XDG_DATA_HOME", "data", "HOME", "/home/ann")).toString())
        .isEqualTo("/home/ann/.local/share/posture/history.db");
    assertThatThrownBy(() -> resolve(null, Map.of()))
        .isInstanceOf(StoreException.class)
        .hasMessage("history store: no place for it: neither XDG_DATA_HOME nor HOME is set; name a store");
  }

  @Test
  void aNamedFileIsAnSqliteStore() {
    StoreLocation plain = resolve("/var/lib/posture/fleet.db", Map.of());
    assertThat(plain.dialect()).isEqualTo(Dialect.SQLITE);
    assertThat(plain.toString()).isEqualTo("/var/lib/posture/fleet.db");
    assertThat(plain.jdbcUrl()).isEqualTo("jdbc:sqlite:/var/lib/posture/fleet.db");
    assertThat(resolve("jdbc:sqlite:/tmp/h.db", Map.of()).file()).contains(Path.of("/tmp/h.db"));
    assertThatThrownBy(() -> resolve("jdbc:sqlite::memory:", Map.of()))
        .isInstanceOf(StoreException.class)
        .hasMessage("jdbc:sqlite::memory:: expected a file path, jdbc:sqlite:PATH, jdbc:postgresql://... or postgresql://...");
  }

  @Test
  void aPostgresqlUrlIsShownWithoutItsCredentialsOrOptions() {
    StoreLocation store = resolve("postgresql://alice:s3cr%40t@DB.example:6543/posture?sslmode=require", Map.of());

    assertThat(store.dialect()).isEqualTo(Dialect.POSTGRESQL);
    assertThat(store.toString()).isEqualTo("postgresql://db.example:6543/posture");
    assertThat(store.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example:6543/posture");
    Properties properties = store.properties();
    assertThat(properties.getProperty("user")).isEqualTo("alice");
    assertThat(properties.getProperty("password")).isEqualTo("s3cr@t");
    assertThat(properties.getProperty("sslmode")).isEqualTo("require");
    assertThat(store.redact("password s3cr@t was wrong")).isEqualTo("password *** was wrong");
    assertThat(store.file()).isEmpty();
  }

  @Test
  void aJdbcUrlMayCarryUserAndPasswordAsOptions() {
    StoreLocation store = resolve("jdbc:postgresql://db.example/posture?user=bob&password=pw", Map.of());

    assertThat(store.toString()).isEqualTo("postgresql://db.example:5432/posture");
    assertThat(store.properties().getProperty("user")).isEqualTo("bob");
    assertThat(store.properties().getProperty("password")).isEqualTo("pw");
  }

  @Test
  void whatTheUrlLeavesOutComesFromTheEnvironmentAsLibpqTakesIt() {
    StoreLocation store = resolve("postgresql://", Map.of("PGHOST", "pg.internal", "PGPORT", "6000", "PGDATABASE", "history",
        "PGUSER", "carol", "PGPASSWORD", "from-env", "USER", "root"));

    assertThat(store.toString()).isEqualTo("postgresql://pg.internal:6000/history");
    assertThat(store.properties().getProperty("user")).isEqualTo("carol");
    assertThat(store.properties().getProperty("password")).isEqualTo("from-env");
    // libpq's defaults: the operating system's user, and a database of that name
    assertThat(resolve("postgres://[::1]:5433,backup/", Map.of("USER", "dave")).toString())
        .isEqualTo("postgresql://[::1]:5433,backup:5432/dave");
    assertThatThrownBy(() -> resolve("postgresql://db.example/posture", Map.of()))
        .isInstanceOf(StoreException.class)
        .hasMessage("postgresql://db.example:5432/posture: no user to sign in as: name one in the URL or set PGUSER");
    assertThatThrownBy(() -> resolve("postgresql://eve:pw@db.example/posture?sslmode", Map.of()))
        .isInstanceOf(StoreException.class)
        .hasMessage("postgresql://db.example/posture: expected option=value after '?' in the URL");
  }

  @Test
  void thePasswordComesFromTheFirstMatchingLineOfThePgpassFile() throws Exception {
    Path pgpass = folder.resolve("pgpass");
    Files.writeString(pgpass, String.join("\n",
        "# host:port:database:user:password",
        "other.example:5432:*:*:not-this-one",
        "db.example:5432:posture:alice:pa\\:ss\\\\word",
        "*:*:*:*:anything-else", ""));
    Files.setPosixFilePermissions(pgpass, PosixFilePermissions.fromString("rw-------"));
    Map<String, String> env = Map.of("PGPASSFILE", pgpass.toString());

    assertThat(resolve("postgresql://alice@db.example/posture", env).properties().getProperty("password")).isEqualTo("pa:ss\\word");
    assertThat(resolve("postgresql://bob@db.example:6543/x", env).properties().getProperty("password")).isEqualTo("anything-else");
    // PGPASSWORD comes before the file, the URL's password before both
    assertThat(resolve("postgresql://alice@db.example/posture", Map.of("PGPASSFILE", pgpass.toString(), "PGPASSWORD", "env"))
        .properties().getProperty("password")).isEqualTo("env");
    assertThat(resolve("postgresql://alice:url@db.example/posture", env).properties().getProperty("password")).isEqualTo("url");
    // ~/.pgpass when PGPASSFILE is not set
    Files.move(pgpass, folder.resolve(".pgpass"));
    assertThat(resolve("postgresql://alice@db.example/posture", Map.of("HOME", folder.toString())).properties()
        .getProperty("password")).isEqualTo("pa:ss\\word");
  }

  @Test
  void aPgpassFileOthersMayReadIsNotUsedAndSaysWhy() throws Exception {
    Path pgpass = folder.resolve("pgpass");
    Files.writeString(pgpass, "*:*:*:*:exposed\n");
    Files.setPosixFilePermissions(pgpass, PosixFilePermissions.fromString("rw-r--r--"));

    StoreLocation store = resolve("postgresql://alice@db.example/posture", Map.of("PGPASSFILE", pgpass.toString()));

    assertThat(store.properties().getProperty("password")).isNull();
    assertThat(store.credentialsNote()).contains("the pgpass file " + pgpass + " was not used: others may read it (chmod 600 it)");
  }
}
