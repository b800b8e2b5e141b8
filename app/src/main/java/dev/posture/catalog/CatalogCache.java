package dev.posture.catalog;

import dev.posture.input.AtomicFile;
import dev.posture.input.Document;
import dev.posture.input.InputException;
import dev.posture.input.InputFiles;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import tools.jackson.databind.json.JsonMapper;

/**
 * A catalogue as read and checked on an earlier run, kept on disk so a start neither parses the
 * YAML, nor validates it against the schema, nor type-checks every CEL expression again. It holds
 * the documents (as JSON, with their line numbers) and the checked expressions; documents are only
 * kept once the whole catalogue has loaded without a problem.
 *
 * <p>The file is named by a digest of the catalogue files' names and bytes, the tool's version and
 * this format, so a changed catalogue or tool never meets a stale cache. A file that is truncated,
 * corrupt or from another format is ignored and rewritten: the cache can make a run faster, never
 * wrong. An entry that is a symbolic link is neither read nor followed: it is replaced by the file.
 */
final class CatalogCache {
  /** Bump when the compiler's options or this file's layout change. */
  private static final int FORMAT = 2;
  private static final int MAGIC = 0x50434332; // "PCC2"
  private static final JsonMapper JSON = JsonMapper.builder().build();
  /** How many catalogues (bundled and custom, old and new) keep a file; older files are removed. */
  static final int KEPT = 8;

  /** One catalogue file as found on disk or in the jar. */
  record SourceFile(String name, byte[] bytes) {}

  private final Optional<Path> file;
  private final Map<String, byte[]> entries;
  private List<Document> documents;
  private boolean changed;

  private CatalogCache(Optional<Path> file, Map<String, byte[]> entries, List<Document> documents) {
    this.file = file;
    this.entries = entries;
    this.documents = documents;
  }

  /** No cache: every file is parsed and every expression compiled. */
  static CatalogCache disabled() {
    return new CatalogCache(Optional.empty(), new HashMap<>(), List.of());
  }

  /** The cache for a catalogue made of these files, in {@code folder}; empty when absent or unreadable. */
  static CatalogCache open(Path folder, List<SourceFile> files) {
    Path file = folder.resolve("catalog-" + digest(files) + ".bin");
    CatalogCache cache = new CatalogCache(Optional.of(file), new HashMap<>(), List.of());
    cache.read();
    return cache;
  }

  /** The documents of a catalogue that loaded cleanly before, or empty. */
  Optional<List<Document>> documents() {
    return documents.isEmpty() ? Optional.empty() : Optional.of(documents);
  }

  /** Keeps the documents of a catalogue that has just loaded cleanly. */
  void keep(List<Document> loaded) {
    if (documents.isEmpty()) {
      documents = List.copyOf(loaded);
      changed = true;
    }
  }

  Optional<byte[]> get(String scope, String text) {
    return Optional.ofNullable(entries.get(scope + '\u0000' + text));
  }

  void put(String scope, String text, byte[] checked) {
    entries.put(scope + '\u0000' + text, checked);
    changed = true;
  }

  /** Writes what is new, atomically; a cache that cannot be written is simply not kept. */
  void save() {
    if (!changed || file.isEmpty()) {
      return;
    }
    try {
      Files.createDirectories(file.get().getParent());
      byte[] content = serialise();
      AtomicFile.replaceEntry(file.get(), out -> out.write(content)); // a link planted here is replaced, never followed
      prune(file.get().getParent());
    } catch (IOException | InputException | SecurityException e) {
      // Only an optimisation: the next run reads and compiles again.
    }
  }

  /** Each edit of a catalogue leaves a file behind: keep the newest few. */
  private static void prune(Path folder) throws IOException {
    List<Path> files;
    try (Stream<Path> listed = Files.list(folder)) {
      files = listed.filter(f -> f.getFileName().toString().matches("catalog-[0-9a-f]+\\.bin"))
          .sorted(Comparator.comparing(CatalogCache::modified).reversed())
          .toList();
    }
    for (Path old : files.subList(Math.min(KEPT, files.size()), files.size())) {
      Files.deleteIfExists(old);
    }
  }

  private static FileTime modified(Path file) {
    try {
      return Files.getLastModifiedTime(file);
    } catch (IOException e) {
      return FileTime.fromMillis(0);
    }
  }

  private byte[] serialise() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(MAGIC);
      out.writeInt(documents.size());
      for (Document d : documents) {
        writeString(out, d.source());
        writeBytes(out, JSON.writeValueAsBytes(d.root()));
        Map<String, Integer> lines = new TreeMap<>(d.lines());
        out.writeInt(lines.size());
        for (Map.Entry<String, Integer> line : lines.entrySet()) {
          writeString(out, line.getKey());
          out.writeInt(line.getValue());
        }
      }
      Map<String, byte[]> sorted = new TreeMap<>(entries);
      out.writeInt(sorted.size());
      for (Map.Entry<String, byte[]> e : sorted.entrySet()) {
        writeString(out, e.getKey());
        writeBytes(out, e.getValue());
      }
    }
    byte[] body = bytes.toByteArray();
    CRC32 crc = new CRC32();
    crc.update(body);
    return ByteBuffer.allocate(body.length + 8).put(body).putLong(crc.getValue()).array();
  }

  private void read() {
    try {
      if (!Files.isRegularFile(file.get(), LinkOption.NOFOLLOW_LINKS) || Files.size(file.get()) > InputFiles.WHOLE_LIMIT) {
        return; // a link, which may point out of the cache folder, is not read but replaced
      }
      byte[] all;
      try (InputStream in = Files.newInputStream(file.get(), LinkOption.NOFOLLOW_LINKS)) {
        all = in.readNBytes((int) InputFiles.WHOLE_LIMIT + 1);
      }
      if (all.length < 16 || all.length > InputFiles.WHOLE_LIMIT) {
        return;
      }
      CRC32 crc = new CRC32();
      crc.update(all, 0, all.length - 8);
      if (crc.getValue() != ByteBuffer.wrap(all, all.length - 8, 8).getLong()) {
        return;
      }
      List<Document> read = new ArrayList<>();
      Map<String, byte[]> checked = new HashMap<>();
      try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(all, 0, all.length - 8))) {
        if (in.readInt() != MAGIC) {
          return;
        }
        for (int d = in.readInt(); d > 0; d--) {
          String source = readString(in);
          byte[] json = readBytes(in);
          Map<String, Integer> lines = new HashMap<>();
          for (int l = in.readInt(); l > 0; l--) {
            lines.put(readString(in), in.readInt());
          }
          read.add(new Document(source, JSON.readTree(json), lines));
        }
        for (int e = in.readInt(); e > 0; e--) {
          checked.put(readString(in), readBytes(in));
        }
      }
      documents = List.copyOf(read);
      entries.putAll(checked);
    } catch (IOException | RuntimeException e) {
      // ignored: the catalogue is read and compiled from its files, and the cache rewritten
    }
  }

  private static void writeString(DataOutputStream out, String text) throws IOException {
    writeBytes(out, text.getBytes(StandardCharsets.UTF_8));
  }

  private static void writeBytes(DataOutputStream out, byte[] bytes) throws IOException {
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  private static String readString(DataInputStream in) throws IOException {
    return new String(readBytes(in), StandardCharsets.UTF_8);
  }

  private static byte[] readBytes(DataInputStream in) throws IOException {
    int length = in.readInt();
    if (length < 0 || length > in.available()) {
      throw new IOException("a length past the end of the cache file");
    }
    return in.readNBytes(length);
  }

  private static String digest(List<SourceFile> files) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      String version = CatalogCache.class.getPackage().getImplementationVersion();
      sha.update(("posture " + version + " format " + FORMAT + "\n").getBytes(StandardCharsets.UTF_8));
      for (SourceFile f : files) {
        sha.update(f.name().getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        sha.update(ByteBuffer.allocate(8).putLong(f.bytes().length).array());
        sha.update(f.bytes());
      }
      return HexFormat.of().formatHex(sha.digest(), 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
