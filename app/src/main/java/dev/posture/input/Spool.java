package dev.posture.input;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The bytes of a stream that can be read once (standard input, a pipe), kept as they are read so
 * they can be read again: the first {@link #IN_MEMORY} bytes in memory, the rest in a temporary file
 * that is deleted as soon as it is opened (only this process can reach it, and nothing is left
 * behind, even after a {@code kill -9}). So a pipe costs the same memory as a file, whatever its
 * bound. Each reading replays what earlier ones took, then goes on with the stream; readings follow
 * one another, never overlap.
 */
final class Spool {
  static final int IN_MEMORY = 4 << 20;
  private static final int CHUNK = 1 << 20;

  private final InputStream live;
  private final List<byte[]> chunks = new ArrayList<>();
  private long inMemory;
  private FileChannel spill;
  private long spilled;
  private boolean ended;

  Spool(InputStream live) {
    this.live = live;
  }

  InputStream replay() {
    List<InputStream> parts = new ArrayList<>();
    for (byte[] chunk : chunks) {
      parts.add(new ByteArrayInputStream(chunk));
    }
    parts.add(new BulkInputStream() {
      private long position;

      @Override
      public int read(byte[] buffer, int offset, int length) throws IOException {
        return position < spilled ? readSpilled(buffer, offset, length) : -1;
      }

      private int readSpilled(byte[] buffer, int offset, int length) throws IOException {
        int n = spill.read(ByteBuffer.wrap(buffer, offset, (int) Math.min(length, spilled - position)), position);
        position += n;
        return n;
      }
    });
    parts.add(new BufferedInputStream(new BulkInputStream() {
      @Override
      public int read(byte[] buffer, int offset, int length) throws IOException {
        return more(buffer, offset, length);
      }
    }, CHUNK));
    return new SequenceInputStream(Collections.enumeration(parts));
  }

  /** Everything the stream gives, as one array of its exact size (the stream's bound keeps it small enough). */
  byte[] readAll() throws IOException {
    try (InputStream whole = replay()) {
      whole.transferTo(OutputStream.nullOutputStream());
    }
    try (InputStream whole = replay()) {
      return whole.readNBytes(Math.toIntExact(inMemory + spilled));
    }
  }

  /** Reads on from the stream, keeping what it gives; only a reading that has replayed everything kept gets here. */
  private synchronized int more(byte[] buffer, int offset, int length) throws IOException {
    if (ended) {
      return -1;
    }
    byte[] chunk = live.readNBytes(Math.min(length, CHUNK));
    if (chunk.length == 0) {
      ended = true;
      return -1;
    }
    if (inMemory + chunk.length <= IN_MEMORY) {
      chunks.add(chunk);
      inMemory += chunk.length;
    } else {
      keepOnDisk(chunk);
    }
    System.arraycopy(chunk, 0, buffer, offset, chunk.length);
    return chunk.length;
  }

  private void keepOnDisk(byte[] chunk) throws IOException {
    if (spill == null) {
      Path file = Files.createTempFile("posture-", ".input");
      try {
        spill = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
      } finally {
        Files.delete(file);
      }
    }
    ByteBuffer bytes = ByteBuffer.wrap(chunk);
    while (bytes.hasRemaining()) {
      spilled += spill.write(bytes, spilled);
    }
  }
}
