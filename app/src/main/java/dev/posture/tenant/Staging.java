package dev.posture.tenant;

import dev.posture.input.AtomicFile;
import dev.posture.input.LockFiles;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Map;
import java.nio.channels.FileLock;
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
 * A tenant folder's snapshot and {@code collection.json} (and, for a collection, Microsoft's Secure
 * Score pages) are written into a hidden folder inside it and moved into place only when they are
 * whole, so a failure or an interruption leaves the previous ones as they were. Every file and folder
 * it makes is readable by its owner alone: the snapshot lists every user's MFA state. The state file
 * and anything else in the tenant folder are never touched.
 */
public final class Staging implements AutoCloseable {
  /** Taken while a run moves its files into place, so runs into one folder at once commit one after the other. */
  static final String COMMIT_LOCK = ".posture-commit.lock";
  /** A file lock is the process's, not a thread's: threads of one process take this first. */
  private static final Map<Path, ReentrantLock> COMMITS = new ConcurrentHashMap<>();
  /** Numbers the runs of one process, whose staging folders are named by the process and the run. */
  private static final AtomicInteger RUNS = new AtomicInteger();

  /** The pages a collection writes into secure-score/; other files there are someone else's. */
  private static final Pattern PAGE = Pattern.compile("(secureScores|secureScoreControlProfiles)-\\d{3,}\\.json");

  private final Path tenant;
  private final Path folder;
  private final boolean createdTenant;
  private final boolean replacesSecureScore;
  /** Cleans up after an interrupted run (Ctrl-C); removed once the run ends by itself. */
  private final Thread cleanup;
  private boolean committed;

  private Staging(Path tenant, Path folder, boolean createdTenant, boolean replacesSecureScore, String writer) {
    this.tenant = tenant;
    this.folder = folder;
    this.createdTenant = createdTenant;
    this.replacesSecureScore = replacesSecureScore;
    this.cleanup = new Thread(this::close, "posture-" + writer + "-cleanup");
  }

  /**
   * A collection: the snapshot, {@code collection.json} and Microsoft's Secure Score pages, which
   * replace those of an earlier collection.
   *
   * @throws UncheckedIOException when the tenant folder cannot be made or written
   */
  public static Staging forCollection(Path tenant) {
    return in(tenant, "collect", true);
  }

  /** An import: the snapshot and {@code collection.json}; {@code secure-score/} is left as it is. */
  public static Staging forImport(Path tenant) {
    return in(tenant, "import", false);
  }

  private static Staging in(Path tenant, String writer, boolean replacesSecureScore) {
    String prefix = ".posture-" + writer + "-";
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
      removeLeftovers(tenant, prefix);
      Path folder = Files.createDirectory(tenant.resolve(prefix + ProcessHandle.current().pid() + "." + RUNS.incrementAndGet()),
          privateFolder(tenant));
      if (replacesSecureScore) {
        Files.createDirectory(folder.resolve(TenantFolder.SECURE_SCORE), privateFolder(tenant));
      }
      Files.createDirectory(folder.resolve("spill"), privateFolder(tenant));
      Staging staging = new Staging(tenant, folder, created, replacesSecureScore, writer);
      Runtime.getRuntime().addShutdownHook(staging.cleanup);
      return staging;
    } catch (IOException e) {
      throw new UncheckedIOException(tenant + " cannot be written (" + AtomicFile.reason(e) + ")", e);
    }
  }

  /** Where a writer may spill what it cannot hold; gone once the run ends. */
  public Path spill() {
    return folder.resolve("spill");
  }

  /** A new file of the run, {@code name} relative to the tenant folder, owner-only. */
  public OutputStream create(String name) throws IOException {
    Path file = folder.resolve(name);
    Files.createFile(file, privateFile(file));
    return Files.newOutputStream(file, StandardOpenOption.WRITE);
  }

  /**
   * Moves what was written into the tenant folder, each file by a rename: for a collection, the Secure
   * Score pages first (pages of an earlier collection that this one did not write again are removed);
   * then the snapshot, then {@code collection.json}.
   */
  public synchronized void commit() throws IOException {
    deleteTree(spill());
    ReentrantLock local = COMMITS.computeIfAbsent(tenant.toAbsolutePath().normalize(), t -> new ReentrantLock());
    local.lock();
    // kept from interleaving with another run's commit (the pages of one with the snapshot of the other)
    Path lockFile = tenant.resolve(COMMIT_LOCK);
    try (FileChannel lock = LockFiles.open(lockFile, privateFile(lockFile)); FileLock ignored = lock.lock()) {
      if (replacesSecureScore) {
        commitSecureScore();
      }
      for (String name : new String[] {TenantFolder.SNAPSHOT, TenantFolder.COLLECTION}) {
        Path f = folder.resolve(name);
        force(f);
        move(f, tenant.resolve(name));
      }
      // a snapshot written as YAML before would otherwise sit beside the new one, stale
      for (String stale : new String[] {"snapshot.yaml", "snapshot.yml"}) {
        Files.deleteIfExists(tenant.resolve(stale));
      }
      sync(tenant);
      committed = true;
    } catch (LockFiles.NotALockFile e) {
      throw new IOException(lockFile + " is not a regular file of its own; remove it", e);
    } finally {
      local.unlock();
    }
    deleteTree(folder);
  }

  private void commitSecureScore() throws IOException {
    Path pages = tenant.resolve(TenantFolder.SECURE_SCORE);
    Set<String> written = new HashSet<>();
    try (Stream<Path> files = Files.list(folder.resolve(TenantFolder.SECURE_SCORE))) {
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
      // a hidden leftover; the next run removes it
    }
  }

  /** Staging folders of runs that were killed (their process is gone). */
  private static void removeLeftovers(Path tenant, String prefix) throws IOException {
    try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(tenant, prefix + "*")) {
      for (Path p : leftovers) {
        String pid = p.getFileName().toString().substring(prefix.length()).replaceFirst("\\..*", "");
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
