package dev.posture.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A pgpass file as libpq reads it: lines of {@code host:port:database:user:password}, {@code *} matching
 * anything in the first four, {@code \:} and {@code \\} escaped, {@code #} comments, the first match
 * winning. Like libpq, a file that others may read is not used.
 */
final class PgPass {
  private static final Set<PosixFilePermission> OTHERS = EnumSet.of(
      PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
      PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

  /** The password found, or why a file that was there gave none. */
  record Lookup(Optional<String> password, Optional<String> note) {
    static final Lookup NONE = new Lookup(Optional.empty(), Optional.empty());
  }

  private PgPass() {}

  /** @param hostAndPort as in the URL, {@code host:port} */
  static Lookup lookup(Optional<Path> file, String hostAndPort, String database, String user) {
    if (file.isEmpty() || !Files.isRegularFile(file.get())) {
      return Lookup.NONE;
    }
    Path path = file.get();
    try {
      Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path);
      if (permissions.stream().anyMatch(OTHERS::contains)) {
        return new Lookup(Optional.empty(), Optional.of("the pgpass file " + path + " was not used: others may read it (chmod 600 it)"));
      }
    } catch (UnsupportedOperationException e) {
      // no POSIX permissions on this file system: libpq does not check them there either
    } catch (IOException e) {
      return new Lookup(Optional.empty(), Optional.of("the pgpass file " + path + " could not be read"));
    }
    int colon = hostAndPort.lastIndexOf(':');
    String host = hostAndPort.substring(0, colon).replace("[", "").replace("]", "");
    String port = hostAndPort.substring(colon + 1);
    try {
      for (String line : Files.readAllLines(path)) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        List<String> fields = fields(line);
        if (fields.size() == 5 && matches(fields.get(0), host) && matches(fields.get(1), port)
            && matches(fields.get(2), database) && matches(fields.get(3), user)) {
          return new Lookup(Optional.of(fields.get(4)), Optional.empty());
        }
      }
    } catch (IOException e) {
      return new Lookup(Optional.empty(), Optional.of("the pgpass file " + path + " could not be read"));
    }
    return Lookup.NONE;
  }

  private static boolean matches(String pattern, String value) {
    return pattern.equals("*") || pattern.equals(value);
  }

  /** Splits at unescaped colons; the password is the rest of the line, colons and all once unescaped. */
  private static List<String> fields(String line) {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\\' && i + 1 < line.length()) {
        field.append(line.charAt(++i));
      } else if (c == ':' && fields.size() < 4) {
        fields.add(field.toString());
        field.setLength(0);
      } else {
        field.append(c);
      }
    }
    fields.add(field.toString());
    return fields;
  }
}
