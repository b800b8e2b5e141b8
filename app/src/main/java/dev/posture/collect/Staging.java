package dev.posture.collect;

import dev.posture.input.AtomicFile;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A collection is written into a hidden folder inside the tenant folder and moved into place only
 * when it is whole, so a failure or an interruption leaves the previous collection as it was. Every
 * file and folder it makes is readable by its owner alone: the snapshot lists every user's MFA state.
 * The state file and anything else in the tenant folder are never touched.
 */
final class Staging implements AutoCloseable {
  static final String SNAPSHOT = "snapshot.json";
  static final String COLLECTION = "collection.json";
  static final String SECURE_SCORE = "secure-score";
  private static final String PREFIX = ".posture-collect-";
  /** The pages a collection writes into secure-score/; other files there are someone else's. */
  private static final Pattern PAGE = Pattern.compile("(secureScores|secureScoreControlProfiles)-\\d{3,}\\.json");

  private final Path tenant;
  private final Path folder;
  private final boolean createdTenant;
  /** Cleans up after an interrupted run (Ctrl-C); removed once the run ends by itself. */
  private final Thread cleanup = new Thread(this::close, "posture-collect-cleanup");
  private boolean committed;

  private Staging(Path tenant, Path folder, boolean createdTenant) {
    this.tenant = tenant;
    this.folder = folder;
    this.createdTenant = createdTenant;
  }

  /** @throws UncheckedIOException when the tenant folder cannot be made or written */
  static Staging in(Path tenant) {
    try {
      boolean created = false;
      if (!Files.isDirectory(tenant)) {
        Files.createDirectories(tenant.toAbsolutePath().getParent());
        try {
          Files.createDirectory(tenant, privateFolder(tenant));
          created = true;
        } catch (FileAlreadyExistsException e) {
          throw new IOException(tenant + " exists and is not a folder");
        }
      }
      removeLeftovers(tenant);
      Path folder = Files.createDirectory(tenant.resolve(PREFIX + ProcessHandle.current().pid()), privateFolder(tenant));
      Files.createDirectory(folder.resolve(SECURE_SCORE), privateFolder(tenant));
      Files.createDirectory(folder.resolve("spill"), privateFolder(tenant));
      Staging staging = new Staging(tenant, folder, created);
      Runtime.getRuntime().addShutdownHook(staging.cleanup);
      return staging;
    } catch (IOException e) {
      throw new UncheckedIOException(tenant + " cannot be written (" + AtomicFile.reason(e) + ")", e);
    }
  }

  /** Where the join spills its partitions; gone once the collection ends. */
  Path spill() {
    return folder.resolve("spill");
  }

  /** A new file of the collection, {@code name} relative to the tenant folder, owner-only. */
  OutputStream create(String name) throws IOException {
    Path file = folder.resolve(name);
    Files.createFile(file, privateFile(file));
    return Files.newOutputStream(file, StandardOpenOption.WRITE);
  }

  /**
   * Moves the collection into the tenant folder: the Secure Score pages, then the snapshot, then
   * {@code collection.json}, each by a rename; pages of an earlier collection that this one did not
   * write again are removed.
   */
  synchronized void commit() throws IOException {
    deleteTree(spill());
    Path pages = tenant.resolve(SECURE_SCORE);
    Set<String> written = new HashSet<>();
    try (Stream<Path> files = Files.list(folder.resolve(SECURE_SCORE))) {
      for (Path f : files.toList()) {
        if (written.isEmpty() && !Files.isDirectory(pages)) {
          Files.createDirectory(pages, privateFolder(tenant));
        }
        force(f);
        move(f, pages.resolve(f.getFileName().toString()));
        written.add(f.getFileName().toString());
      }
    }
    if (Files.isDirectory(pages)) {
      try (DirectoryStream<Path> old = Files.newDirectoryStream(pages,
          p -> PAGE.matcher(p.getFileName().toString()).matches() && !written.contains(p.getFileName().toString()))) {
        for (Path p : old) {
          Files.delete(p);
        }
      }
    }
    for (String name : new String[] {SNAPSHOT, COLLECTION}) {
      Path f = folder.resolve(name);
      force(f);
      move(f, tenant.resolve(name));
    }
    sync(tenant);
    committed = true;
    deleteTree(folder);
  }

  /** Removes what was staged unless it was committed; a tenant folder this run made and left empty goes too. */
  @Override
  public synchronized void close() {
    if (Thread.currentThread() != cleanup) {
      try {
        Runtime.getRuntime().removeShutdownHook(cleanup);
      } catch (IllegalStateException e) {
        // the JVM is shutting down: the hook runs anyway
      }
    }
    try {
      deleteTree(folder);
      if (!committed && createdTenant) {
        try (Stream<Path> left = Files.list(tenant)) {
          if (left.findAny().isEmpty()) {
            Files.delete(tenant);
          }
        }
      }
    } catch (IOException | UncheckedIOException e) {
      // a hidden leftover; the next collection removes it
    }
  }

  /** Staging folders of collections that were killed (their process is gone). */
  private static void removeLeftovers(Path tenant) throws IOException {
    try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(tenant, PREFIX + "*")) {
      for (Path p : leftovers) {
        String pid = p.getFileName().toString().substring(PREFIX.length());
        if (pid.matches("\\d+") && ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false)) {
          continue;
        }
        deleteTree(p);
      }
    }
  }

  private static void move(Path from, Path to) throws IOException {
    Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  private static void force(Path file) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      channel.force(true);
    }
  }

  private static void sync(Path folder) {
    try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      // not every file system opens folders; the files themselves are on disk
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> all = Files.walk(root)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  private static boolean posix(Path p) {
    return p.toAbsolutePath().getFileSystem().supportedFileAttributeViews().contains("posix");
  }

  private static FileAttribute<?>[] privateFolder(Path p) {
    return posix(p) ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(Set.of(
        PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE))} : new FileAttribute<?>[0];
  }

  private static FileAttribute<?>[] privateFile(Path p) {
    return posix(p) ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(Set.of(
        PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE))} : new FileAttribute<?>[0];
  }
}
