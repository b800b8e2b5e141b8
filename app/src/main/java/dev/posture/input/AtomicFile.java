package dev.posture.input;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Replaces a file all at once: the content goes to a hidden temporary sibling, is flushed to disk,
 * and is renamed over the file, so a reader, a crash or a full disk sees the old file or the new
 * one, never half of one. Only regular files are written: a folder, a device, a pipe or a socket is
 * refused, as is a file whose mode says it is read-only (no write permission for its owner), for
 * root too. A symbolic link is followed, so the file it points to is replaced and the link stays a
 * link; {@link #replaceEntry} replaces a link itself instead, for folders posture owns.
 */
public final class AtomicFile {
  private static final String TEMPORARY = ".tmp";
  /** As many links as the system follows in one path before it gives up. */
  private static final int MAX_LINKS = 40;

  private AtomicFile() {}

  /** Something that writes bytes and may fail with an I/O error. */
  public interface ByteWriter {
    void writeTo(OutputStream out) throws IOException;
  }

  public static void replace(Path target, String content) {
    replace(target, out -> out.write(content.getBytes(StandardCharsets.UTF_8)));
  }

  /** @throws InputException naming {@code target} when it cannot be written; the old file is then intact */
  public static void replace(Path target, ByteWriter writer) {
    write(target, resolve(target), writer);
  }

  /**
   * Replaces the entry {@code target} names in its folder without following it: a symbolic link there
   * is replaced by the file, and what it pointed to is left alone.
   */
  public static void replaceEntry(Path target, ByteWriter writer) {
    write(target, realFolder(target.toAbsolutePath()), writer);
  }

  /**
   * Where a write of {@code target} lands: the file itself with every link on the way followed, or,
   * for a file that does not exist yet, the name in its folder's real path; a link to a file that
   * does not exist yet leads to that file, which the write creates. Whatever locks a file against
   * other writers locks this path.
   */
  public static Path resolve(Path target) {
    Path absolute = target.toAbsolutePath();
    try {
      return absolute.toRealPath();
    } catch (IOException missing) {
      for (int hops = 0; hops < MAX_LINKS && Files.isSymbolicLink(absolute); hops++) {
        try {
          absolute = absolute.resolveSibling(Files.readSymbolicLink(absolute)).normalize();
        } catch (IOException unreadable) {
          break;
        }
      }
      return realFolder(absolute);
    }
  }

  private static Path realFolder(Path absolute) {
    try {
      return absolute.getParent().toRealPath().resolve(absolute.getFileName());
    } catch (IOException noFolder) {
      return absolute.normalize();
    }
  }

  /**
   * Refuses, before anything else is done, a target {@link #replace} would refuse: no regular file,
   * read-only, or in a folder that does not exist.
   */
  public static void requireWritable(Path target) {
    refuseUnwritable(target, resolve(target));
  }

  private static void write(Path target, Path absolute, ByteWriter writer) {
    refuseUnwritable(target, absolute);
    Path temp = null;
    try {
      temp = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName(), TEMPORARY);
      keepPermissions(absolute, temp);
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
        writer.writeTo(new FilterOutputStream(out) {
          @Override
          public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
          }

          @Override
          public void close() throws IOException {
            flush(); // the file is closed here, once it is on disk
          }
        });
        out.flush();
        channel.force(true);
      }
      try {
        Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
      }
      temp = null;
      syncFolder(absolute.getParent());
    } catch (IOException e) {
      throw new InputException(target.toString(), "cannot be written (" + reason(e) + "); "
          + (Files.exists(absolute) ? "it is as it was" : "nothing was written"));
    } finally {
      deleteQuietly(temp);
    }
  }

  /**
   * Refuses, before anything is written, a file that is not a regular one (a link left here is one
   * to replace), one whose mode makes it read-only, and a file in a folder that does not exist.
   */
  private static void refuseUnwritable(Path target, Path absolute) {
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(absolute, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException e) {
      if (!Files.isDirectory(absolute.getParent())) {
        throw new InputException(target.toString(), "cannot be written: the folder " + absolute.getParent() + " does not exist");
      }
      return;
    } catch (IOException e) {
      return; // the write itself says what is wrong
    }
    if (attributes.isSymbolicLink()) {
      return;
    }
    if (!attributes.isRegularFile()) {
      throw new InputException(target.toString(), "is " + InputFiles.kind(absolute) + ", not a regular file; posture writes only regular files");
    }
    if (isReadOnly(absolute)) {
      throw new InputException(target.toString(), "is read-only; nothing was written");
    }
  }

  /**
   * Read-only by its mode (no write permission for its owner, as chmod a-w leaves it), whoever runs
   * posture, or not writable by this user; a read-only file system is left for the write to report.
   */
  static boolean isReadOnly(Path file) {
    try {
      if (file.getFileSystem().supportedFileAttributeViews().contains("posix")
          && !Files.getPosixFilePermissions(file).contains(PosixFilePermission.OWNER_WRITE)) {
        return true;
      }
      return !Files.isWritable(file) && !Files.getFileStore(file).isReadOnly();
    } catch (IOException e) {
      return false; // the write says what is wrong
    }
  }

  /**
   * Removes what writes of {@code target} that never finished left behind (a process killed while
   * writing). Only for a caller that holds a lock every writer of the file takes, so that no other
   * write is under way.
   */
  public static void removeLeftovers(Path target) {
    Path absolute = resolve(target); // where replace writes its temporary files
    String prefix = "." + absolute.getFileName();
    try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(absolute.getParent(),
        p -> p.getFileName().toString().startsWith(prefix) && p.getFileName().toString().endsWith(TEMPORARY))) {
      leftovers.forEach(AtomicFile::deleteQuietly);
    } catch (IOException | UncheckedIOException e) {
      // a leftover is hidden and harmless; the write itself will say if the folder is unusable
    }
  }

  /** Why a file operation failed, in the system's words, without the path it names. */
  public static String reason(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof FileSystemException f && f.getReason() != null) {
      return f.getReason();
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  /** The rename is on disk once the folder is: without this, a power cut could bring the old file back. */
  private static void syncFolder(Path folder) {
    try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      // not every file system lets a folder be opened; the file itself is on disk already
    }
  }

  /**
   * A temporary file is private to its owner; the replaced file keeps the permissions it had, and a
   * new one gets the usual rw-r--r--.
   */
  private static void keepPermissions(Path target, Path temp) throws IOException {
    if (!temp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      return;
    }
    Files.setPosixFilePermissions(temp,
        Files.exists(target) ? Files.getPosixFilePermissions(target) : PosixFilePermissions.fromString("rw-r--r--"));
  }

  private static void deleteQuietly(Path temp) {
    if (temp == null) {
      return;
    }
    try {
      Files.deleteIfExists(temp);
    } catch (IOException ignored) {
      // the temporary file is hidden and named after the target; nothing else depends on it
    }
  }
}
