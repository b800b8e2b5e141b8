package dev.posture.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cel.bundle.CelFactory;
import dev.cel.common.CelProtoAbstractSyntaxTree;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.posture.input.DocumentReader;
import dev.posture.input.InputException;
import dev.posture.input.InputFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogCacheTest {
  private static final String CATALOGUE = """
      actions:
        - id: A
          title: a
          category: Identity
          product: p
          maxScore: 1
          tier: Core
          implementationCost: Low
          userImpact: Low
          check:
            passes: tenant.on == true
      """;
  private static final Map<String, Object> ON = Map.of("tenant", Map.of("on", true));

  @TempDir Path dir;

  private Path catalogue(String content) throws Exception {
    Path file = dir.resolve("catalogue.yaml");
    Files.writeString(file, content);
    return file;
  }

  private Path cacheFolder() {
    return dir.resolve("cache");
  }

  private List<Path> cacheFiles() throws Exception {
    if (!Files.exists(cacheFolder())) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(cacheFolder())) {
      return files.toList();
    }
  }

  private static List<CatalogCache.SourceFile> sources(Path file) throws Exception {
    return List.of(new CatalogCache.SourceFile(file.toString(), Files.readAllBytes(file)));
  }

  private boolean passes(Path catalogue) {
    Catalog catalog = new CatalogLoader(Optional.of(cacheFolder())).load(catalogue);
    return ((Check.Binary) catalog.find("A").orElseThrow().check()).passes().test(ON);
  }

  @Test
  void aSecondLoadReadsTheCheckedExpressionsFromTheCache() throws Exception {
    Path file = catalogue(CATALOGUE);
    assertThat(passes(file)).isTrue();
    assertThat(cacheFiles()).hasSize(1);

    // Plant a different, valid checked expression under the same text: only a cache hit can return it.
    CatalogCache cache = CatalogCache.open(cacheFolder(), sources(file));
    byte[] planted = CelProtoAbstractSyntaxTree.fromCelAst(CelFactory.standardCelBuilder()
        .addVar("tenant", MapType.create(SimpleType.STRING, SimpleType.DYN)).build().compile("false").getAst())
        .toCheckedExpr().toByteArray();
    cache.put("tenant", "tenant.on == true", planted);
    cache.save();

    assertThat(passes(file)).isFalse();
  }

  @Test
  void aSecondLoadTakesTheDocumentsFromTheCacheInsteadOfTheYaml() throws Exception {
    Path file = catalogue(CATALOGUE);
    passes(file);
    Files.delete(cacheFiles().get(0));

    // A cache for these very bytes, holding a document with another title: only a cache hit can show it.
    CatalogCache planted = CatalogCache.open(cacheFolder(), sources(file));
    planted.keep(List.of(DocumentReader.read(file.toString(), CATALOGUE.replace("title: a", "title: from the cache")
        .getBytes(StandardCharsets.UTF_8), true, true)));
    planted.save();

    Catalog catalog = new CatalogLoader(Optional.of(cacheFolder())).load(file);
    assertThat(catalog.find("A").orElseThrow().title()).isEqualTo("from the cache");
    assertThat(catalog.find("A").orElseThrow().origin().toString()).isEqualTo(file + ":2");
  }

  @Test
  void aCatalogueThatFailsToLoadIsNeverKept() throws Exception {
    Path file = catalogue(CATALOGUE.replace("maxScore: 1", "maxScore: 11"));

    assertThatThrownBy(() -> new CatalogLoader(Optional.of(cacheFolder())).load(file)).isInstanceOf(InputException.class);
    assertThat(CatalogCache.open(cacheFolder(), sources(file)).documents()).isEmpty();
  }

  @Test
  void aCorruptCacheIsIgnoredAndRewritten() throws Exception {
    Path file = catalogue(CATALOGUE);
    passes(file);
    Path cached = cacheFiles().get(0);
    byte[] good = Files.readAllBytes(cached);
    Files.write(cached, new byte[] {1, 2, 3});

    assertThat(passes(file)).isTrue();
    assertThat(Files.readAllBytes(cached)).isEqualTo(good);

    byte[] flipped = good.clone();
    flipped[flipped.length / 2] ^= 0x5A;
    Files.write(cached, flipped);
    assertThat(passes(file)).isTrue();
    assertThat(Files.readAllBytes(cached)).isEqualTo(good);
  }

  /** A link planted in the cache folder is neither read nor followed: the cache file replaces the link. */
  @Test
  void anEntryThatIsASymbolicLinkIsReplacedNeverItsTarget() throws Exception {
    Path file = catalogue(CATALOGUE);
    passes(file);
    Path cached = cacheFiles().get(0);
    byte[] good = Files.readAllBytes(cached);
    Path outside = Files.write(Files.createDirectory(dir.resolve("outside")).resolve("precious"), good);
    for (Path target : List.of(outside, Path.of("/dev/zero"))) {
      Files.delete(cached);
      Files.createSymbolicLink(cached, target);

      assertThat(passes(file)).isTrue();

      assertThat(Files.isSymbolicLink(cached)).as(target.toString()).isFalse();
      assertThat(Files.readAllBytes(cached)).isEqualTo(good);
    }
    assertThat(Files.readAllBytes(outside)).isEqualTo(good);
    assertThat(Files.isRegularFile(Path.of("/dev/zero"))).isFalse();
  }

  @Test
  void aCacheFileLargerThanTheBoundIsIgnored() throws Exception {
    Path file = catalogue(CATALOGUE);
    passes(file);
    Path cached = cacheFiles().get(0);
    try (var channel = java.nio.channels.FileChannel.open(cached, java.nio.file.StandardOpenOption.WRITE)) {
      channel.write(java.nio.ByteBuffer.wrap(new byte[] {1}), InputFiles.WHOLE_LIMIT + 1); // sparse: no disk used
    }

    assertThat(passes(file)).isTrue();
    assertThat(Files.size(cached)).isLessThan(1 << 20);
  }

  @Test
  void aChangedCatalogueNeverMeetsAStaleCache() throws Exception {
    Path file = catalogue(CATALOGUE);
    assertThat(passes(file)).isTrue();

    catalogue(CATALOGUE.replace("tenant.on == true", "tenant.on == false"));

    assertThat(passes(file)).isFalse();
    assertThat(cacheFiles()).hasSize(2);
  }

  @Test
  void onlyTheNewestCataloguesKeepAFile() throws Exception {
    for (int i = 0; i < CatalogCache.KEPT + 3; i++) {
      catalogue(CATALOGUE.replace("title: a", "title: edit " + i));
      passes(dir.resolve("catalogue.yaml"));
    }

    assertThat(cacheFiles()).hasSize(CatalogCache.KEPT);
  }

  @Test
  void anUnwritableCacheFolderOnlyCostsTime() throws Exception {
    Path file = catalogue(CATALOGUE);
    Files.writeString(cacheFolder(), "a file where the folder should be");

    assertThat(passes(file)).isTrue();
  }
}
