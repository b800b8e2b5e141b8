package dev.posture.catalog;

import dev.posture.input.AtomicFile;
import dev.posture.input.InputException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * Checked CEL expressions kept on disk between runs, so a start does not parse and type-check every
 * check again. The file is named by a digest of the catalogue's content, the tool's version and this
 * format, so a changed catalogue or tool never meets a stale cache. A file that is truncated, corrupt
 * or from another format is ignored and rewritten: the cache can make a run faster, never wrong.
 */
final class CheckCache {
  /** Bump when the compiler's options or this file's layout change. */
  private static final int FORMAT = 1;
  private static final int MAGIC = 0x50434331; // "PCC1"

  private final Optional<Path> file;
  private final Map<String, byte[]> entries;
  private boolean changed;

  private CheckCache(Optional<Path> file, Map<String, byte[]> entries) {
    this.file = file;
    this.entries = entries;
  }

  /** No cache: every expression is compiled. */
  static CheckCache disabled() {
    return new CheckCache(Optional.empty(), new HashMap<>());
  }

  /** The cache for a catalogue of this content, in {@code folder}; empty when absent or unreadable. */
  static CheckCache open(Path folder, List<String> catalogueContent) {
    Path file = folder.resolve("checks-" + digest(catalogueContent) + ".bin");
    return new CheckCache(Optional.of(file), read(file));
  }

  Optional<byte[]> get(String scope, String text) {
    return Optional.ofNullable(entries.get(scope + '\u0000' + text));
  }

  void put(String scope, String text, byte[] checked) {
    entries.put(scope + '\u0000' + text, checked);
    changed = true;
  }

  /** Writes new entries, atomically; a cache that cannot be written is simply not kept. */
  void save() {
    if (!changed || file.isEmpty()) {
      return;
    }
    try {
      Files.createDirectories(file.get().getParent());
      byte[] content = serialise();
      AtomicFile.replace(file.get(), out -> out.write(content));
    } catch (IOException | InputException | SecurityException e) {
      // Only an optimisation: the next run compiles again.
    }
  }

  private byte[] serialise() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(MAGIC);
      out.writeInt(entries.size());
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        byte[] key = e.getKey().getBytes(StandardCharsets.UTF_8);
        out.writeInt(key.length);
        out.write(key);
        out.writeInt(e.getValue().length);
        out.write(e.getValue());
      }
    }
    byte[] body = bytes.toByteArray();
    CRC32 crc = new CRC32();
    crc.update(body);
    ByteArrayOutputStream all = new ByteArrayOutputStream(body.length + 8);
    all.write(body);
    all.write(java.nio.ByteBuffer.allocate(8).putLong(crc.getValue()).array());
    return all.toByteArray();
  }

  private static Map<String, byte[]> read(Path file) {
    Map<String, byte[]> entries = new HashMap<>();
    try {
      if (!Files.isRegularFile(file)) {
        return entries;
      }
      byte[] all = Files.readAllBytes(file);
      if (all.length < 16) {
        return entries;
      }
      CRC32 crc = new CRC32();
      crc.update(all, 0, all.length - 8);
      if (crc.getValue() != java.nio.ByteBuffer.wrap(all, all.length - 8, 8).getLong()) {
        return entries;
      }
      try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(all, 0, all.length - 8))) {
        if (in.readInt() != MAGIC) {
          return entries;
        }
        int count = in.readInt();
        for (int i = 0; i < count; i++) {
          String key = new String(in.readNBytes(in.readInt()), StandardCharsets.UTF_8);
          entries.put(key, in.readNBytes(in.readInt()));
        }
      }
      return entries;
    } catch (IOException | RuntimeException e) {
      return new HashMap<>();
    }
  }

  private static String digest(List<String> content) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      String version = CheckCache.class.getPackage().getImplementationVersion();
      sha.update(("posture " + version + " format " + FORMAT + "\n").getBytes(StandardCharsets.UTF_8));
      for (String part : content) {
        sha.update(part.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
      }
      return HexFormat.of().formatHex(sha.digest(), 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
