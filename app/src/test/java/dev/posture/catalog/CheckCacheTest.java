package dev.posture.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cel.bundle.CelFactory;
import dev.cel.common.CelProtoAbstractSyntaxTree;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckCacheTest {
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
    CheckCache cache = CheckCache.open(cacheFolder(), List.of(file + "\n" + dev.posture.input.DocumentReader.read(file).root()));
    byte[] planted = CelProtoAbstractSyntaxTree.fromCelAst(CelFactory.standardCelBuilder()
        .addVar("tenant", MapType.create(SimpleType.STRING, SimpleType.DYN)).build().compile("false").getAst())
        .toCheckedExpr().toByteArray();
    cache.put("tenant", "tenant.on == true", planted);
    cache.save();

    assertThat(passes(file)).isFalse();
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

  @Test
  void aChangedCatalogueNeverMeetsAStaleCache() throws Exception {
    Path file = catalogue(CATALOGUE);
    assertThat(passes(file)).isTrue();

    catalogue(CATALOGUE.replace("tenant.on == true", "tenant.on == false"));

    assertThat(passes(file)).isFalse();
    assertThat(cacheFiles()).hasSize(2);
  }

  @Test
  void anUnwritableCacheFolderOnlyCostsTime() throws Exception {
    Path file = catalogue(CATALOGUE);
    Files.writeString(cacheFolder(), "a file where the folder should be");

    assertThat(passes(file)).isTrue();
  }
}
