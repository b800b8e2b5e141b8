package dev.posture.state;

import dev.posture.input.AtomicFile;
import dev.posture.input.DocumentReader;
import dev.posture.input.InputException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.UnaryOperator;

/**
 * Changes a state file safely. Each change is a read-modify-write under a lock: the file is read
 * again once the lock is held, so two people editing at once both keep their change. The new file is
 * written beside the old one, flushed to disk and renamed over it, so a reader sees the old or the
 * new file, never half of one. A file that cannot be parsed is reported and left exactly as it is.
 * What a writer killed mid-write left behind is removed by the next one, under the lock.
 *
 * <p>The lock is an OS lock on a sibling {@code .NAME.lock} file (other processes), held together
 * with an in-process lock (the OS lock belongs to the whole JVM, so it cannot order its threads).
 */
public final class StateStore {
  private static final Map<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

  private final Path file;

  public StateStore(Path file) {
    this.file = file.toAbsolutePath().normalize();
  }

  /**
   * Applies {@code change} to the state as it is on disk now and writes the result, unless it is
   * unchanged. Anything {@code change} throws leaves the file untouched.
   *
   * @return the state before and after the change
   */
  public Update update(UnaryOperator<State> change) {
    ReentrantLock local = IN_PROCESS.computeIfAbsent(file, f -> new ReentrantLock());
    local.lock();
    try (FileChannel lockFile = FileChannel.open(lockPath(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock ignored = lockFile.lock()) {
      AtomicFile.removeLeftovers(file);
      byte[] existing = Files.exists(file) ? DocumentReader.readBytes(file) : null;
      State before = existing == null ? State.EMPTY : new StateLoader().parse(file.toString(), existing);
      State after = change.apply(before);
      if (!after.equals(before)) {
        String header = existing == null ? "" : StateWriter.header(new String(existing, StandardCharsets.UTF_8).replaceFirst("^\uFEFF", ""));
        AtomicFile.replace(file, new StateWriter().write(after, header));
      }
      return new Update(before, after);
    } catch (IOException e) {
      throw new InputException(file.toString(), "cannot be locked for writing (" + AtomicFile.reason(e) + "); nothing was written");
    } finally {
      local.unlock();
    }
  }

  /** The state read under the lock, and what the change made of it. */
  public record Update(State before, State after) {
    public boolean changed() {
      return !before.equals(after);
    }
  }

  private Path lockPath() {
    return file.resolveSibling("." + file.getFileName() + ".lock");
  }
}
