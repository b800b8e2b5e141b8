package dev.posture.input;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;

/**
 * Lock files, which are opened but never followed: a lock file that is a symbolic link would take the
 * lock on whatever it points to (and create a file there), so one that is not a regular file of its
 * own is refused.
 */
public final class LockFiles {
  private LockFiles() {}

  /** A lock file that is a link or not a regular file. */
  public static final class NotALockFile extends IOException {
    private final boolean link;

    NotALockFile(Path lock, boolean link) {
      super(lock + (link ? " is a symbolic link" : " is not a regular file"));
      this.link = link;
    }

    /** "is a symbolic link" or "is not a regular file". */
    public String what() {
      return link ? "is a symbolic link" : "is not a regular file";
    }
  }

  /** Opens {@code lock} for writing, creating it with {@code attributes} when it is missing. */
  public static FileChannel open(Path lock, FileAttribute<?>... attributes) throws IOException {
    try {
      BasicFileAttributes found = Files.readAttributes(lock, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      if (!found.isRegularFile()) {
        throw new NotALockFile(lock, found.isSymbolicLink());
      }
    } catch (NoSuchFileException absent) {
      try {
        Files.createFile(lock, attributes);
      } catch (FileAlreadyExistsException raced) {
        // another run made it first; it is looked at again below, without following a link
      }
    }
    return FileChannel.open(lock, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
  }
}
