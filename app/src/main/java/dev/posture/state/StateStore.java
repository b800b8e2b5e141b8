package dev.posture.state;

import dev.posture.input.AtomicFile;
import dev.posture.input.DocumentReader;
import dev.posture.input.InputException;
import dev.posture.input.LockFiles;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.UnaryOperator;

/**
 * Changes a state file safely. Each change is a read-modify-write under a lock: the file is read
 * again once the lock is held, so two people editing at once both keep their change. The new file is
 * written beside the old one, flushed to disk and renamed over it, so a reader sees the old or the
 * new file, never half of one; only what changed is rewritten (see {@link StateFile}), and only once
 * the new text reads back as the new state. A file that cannot be parsed is reported and left
 * exactly as it is. What a writer killed mid-write left behind is removed by the next one, under the lock.
 *
 * <p>What is locked is the file written: through a symbolic link (two tenant folders sharing one
 * decisions file), the file the link points to. The lock is an OS lock on a {@code .NAME.lock}
 * beside it, which must be a regular file, never a link (other processes), held together with an
 * in-process lock (the OS lock belongs to the whole JVM, so it cannot order its threads).
 */
public final class StateStore {
  private static final Map<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

  private final Path file;

  public StateStore(Path file) {
    this.file = file;
  }

  /**
   * Applies {@code change} to the state as it is on disk now and writes the result, unless it is
   * unchanged. Anything {@code change} throws leaves the file untouched.
   *
   * @return the state before and after the change
   */
  public Update update(UnaryOperator<State> change) {
    Path written = AtomicFile.resolve(file);
    AtomicFile.requireWritable(file); // before a lock file is made beside something that is no regular file
    ReentrantLock local = IN_PROCESS.computeIfAbsent(written, f -> new ReentrantLock());
    local.lock();
    Path lock = written.resolveSibling("." + written.getFileName() + ".lock");
    try (FileChannel lockFile = LockFiles.open(lock);
        FileLock ignored = lockFile.lock()) {
      AtomicFile.removeLeftovers(written);
      StateFile before = Files.exists(written)
          ? StateFile.read(file.toString(), DocumentReader.readBytes(file))
          : StateFile.missing(file.toString());
      State after = change.apply(before.state());
      if (!after.equals(before.state())) {
        AtomicFile.replace(file, before.write(after));
      }
      return new Update(before.state(), after);
    } catch (LockFiles.NotALockFile e) {
      throw new InputException(lock.toString(), e.what() + "; the lock file of " + file + " must be a file of its own: remove it; nothing was written");
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
}
