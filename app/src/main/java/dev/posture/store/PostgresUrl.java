package dev.posture.store;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * A PostgreSQL store's URL, {@code postgresql://[user[:password]@]host[:port][,...][/database][?option=value&...]}
 * as libpq writes it, or the same after {@code jdbc:}. What the URL leaves out comes from the
 * environment as libpq takes it: PGHOST, PGPORT, PGDATABASE, PGUSER (else USER), PGPASSWORD, then the
 * pgpass file (PGPASSFILE, else ~/.pgpass).
 *
 * @param name what messages show: scheme, hosts and database, never user, password or options
 * @param properties user, password and the URL's options, for the driver
 * @param credentialsNote why no password was found, when a pgpass file was there but not used
 */
record PostgresUrl(String name, String jdbcUrl, Properties properties, Optional<String> credentialsNote) {
  private static final String[] SCHEMES = {"jdbc:postgresql://", "postgresql://", "postgres://"};

  static boolean isPostgres(String text) {
    return scheme(text).isPresent();
  }

  private static Optional<String> scheme(String text) {
    for (String s : SCHEMES) {
      if (text.regionMatches(true, 0, s, 0, s.length())) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  /** The text with anything between {@code //} and {@code @} taken out, to quote a URL that is not understood. */
  static String withoutUserInfo(String text) {
    int start = text.indexOf("//");
    int at = text.indexOf('@', Math.max(start, 0));
    return start >= 0 && at > start ? text.substring(0, start + 2) + text.substring(at + 1) : text;
  }

  static PostgresUrl parse(String text, Map<String, String> env) {
    String rest = text.substring(scheme(text).orElseThrow().length());
    String shown = withoutUserInfo(text);
    Properties properties = new Properties();
    int query = rest.indexOf('?');
    if (query >= 0) {
      for (String pair : rest.substring(query + 1).split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        int eq = pair.indexOf('=');
        if (eq <= 0) {
          throw new StoreException(shown.substring(0, shown.indexOf('?') >= 0 ? shown.indexOf('?') : shown.length()),
              "expected option=value after '?' in the URL");
        }
        properties.setProperty(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
      }
      rest = rest.substring(0, query);
    }
    int slash = rest.indexOf('/');
    String authority = slash >= 0 ? rest.substring(0, slash) : rest;
    String database = slash >= 0 ? decode(rest.substring(slash + 1)) : "";
    int at = authority.lastIndexOf('@');
    if (at >= 0) {
      String userInfo = authority.substring(0, at);
      int colon = userInfo.indexOf(':');
      properties.setProperty("user", decode(colon >= 0 ? userInfo.substring(0, colon) : userInfo));
      if (colon >= 0) {
        properties.setProperty("password", decode(userInfo.substring(colon + 1)));
      }
      authority = authority.substring(at + 1);
    }
    List<String> hosts = hosts(authority, env);
    String user = nonEmpty(properties.getProperty("user")).or(() -> nonEmpty(env.get("PGUSER")))
        .or(() -> nonEmpty(env.get("USER"))).orElse("");
    if (database.isEmpty()) {
      database = properties.containsKey("dbname") ? properties.getProperty("dbname")
          : nonEmpty(env.get("PGDATABASE")).orElse(user);
    }
    properties.remove("dbname");
    String name = "postgresql://" + String.join(",", hosts) + "/" + database;
    if (user.isEmpty()) {
      throw new StoreException(name, "no user to sign in as: name one in the URL or set PGUSER");
    }
    properties.setProperty("user", user);
    Optional<String> note = Optional.empty();
    if (!properties.containsKey("password")) {
      Optional<String> password = nonEmpty(env.get("PGPASSWORD"));
      if (password.isEmpty()) {
        PgPass.Lookup found = PgPass.lookup(pgpassFile(env), hosts.get(0), database, user);
        password = found.password();
        note = found.note();
      }
      password.ifPresent(p -> properties.setProperty("password", p));
    }
    String jdbcUrl = "jdbc:postgresql://" + String.join(",", hosts) + "/" + URLEncoder.encode(database, StandardCharsets.UTF_8);
    return new PostgresUrl(name, jdbcUrl, properties, note);
  }

  /** Each host with its port: the URL's, else PGHOST and PGPORT, else localhost:5432. */
  private static List<String> hosts(String authority, Map<String, String> env) {
    String port = nonEmpty(env.get("PGPORT")).orElse("5432");
    String spec = authority.isEmpty()
        ? nonEmpty(env.get("PGHOST")).filter(h -> !h.startsWith("/")).orElse("localhost")
        : authority;
    List<String> hosts = new ArrayList<>();
    for (String host : spec.split(",")) {
      boolean hasPort = host.lastIndexOf(':') > host.lastIndexOf(']');
      hosts.add(host.toLowerCase(Locale.ROOT) + (hasPort ? "" : ":" + port));
    }
    return hosts;
  }

  private static Optional<Path> pgpassFile(Map<String, String> env) {
    return nonEmpty(env.get("PGPASSFILE")).map(Path::of)
        .or(() -> nonEmpty(env.get("HOME")).map(home -> Path.of(home, ".pgpass")));
  }

  private static Optional<String> nonEmpty(String text) {
    return text == null || text.isEmpty() ? Optional.empty() : Optional.of(text);
  }

  private static String decode(String text) {
    return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
  }
}
