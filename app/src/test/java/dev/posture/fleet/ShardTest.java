package dev.posture.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ShardTest {
  /** A fleet of tenant ids as Entra writes them, the same on every run. */
  private static List<String> fleet(int size) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      ids.add(UUID.nameUUIDFromBytes(("tenant-" + i).getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString());
    }
    return ids;
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 7, 16, 50})
  void theShardsTogetherTakeEveryTenantExactlyOnce(int count) {
    List<String> fleet = fleet(2000);
    Map<String, Integer> taken = new HashMap<>();
    for (int i = 1; i <= count; i++) {
      Shard shard = new Shard(i, count);
      for (String tenant : fleet) {
        if (shard.includes(tenant)) {
          assertThat(taken.put(tenant, i)).as(tenant + " taken twice").isNull();
        }
      }
    }
    assertThat(taken.keySet()).containsExactlyInAnyOrderElementsOf(fleet);
    // and evenly enough that no machine of a matrix gets much more than its share
    double share = 2000.0 / count;
    for (int i = 1; i <= count; i++) {
      int shard = i;
      long size = taken.values().stream().filter(s -> s == shard).count();
      assertThat((double) size).as("shard %d/%d", i, count).isBetween(share * 0.6, share * 1.4);
    }
  }

  @Test
  void aTenantsShardNeverChangesAcrossMachinesOrVersions() {
    // pinned (worked out apart from posture, from SHA-256's first 8 bytes): a matrix whose jobs run
    // different posture versions must still split the fleet the same way
    assertThat(fleet(2)).containsExactly("18710be0-abcd-3c0d-be54-237533d52e05", "e000342e-22c2-3525-9299-b35c4d538065");
    assertThat(IntStream.rangeClosed(1, 6).map(n -> Shard.of("contoso.onmicrosoft.com", n)).toArray())
        .containsExactly(PINNED_CONTOSO);
    assertThat(fleet(8).stream().mapToInt(id -> Shard.of(id, 4)).toArray()).containsExactly(PINNED_FLEET_OF_8);
  }

  private static final int[] PINNED_CONTOSO = {1, 2, 1, 4, 1, 4};
  private static final int[] PINNED_FLEET_OF_8 = {4, 4, 3, 3, 2, 2, 1, 4};

  @Test
  void theCaseAndSurroundingSpaceOfAnIdDoNotMatter() {
    for (String id : fleet(50)) {
      assertThat(Shard.of(" " + id.toUpperCase(java.util.Locale.ROOT) + "\n", 7)).isEqualTo(Shard.of(id, 7));
    }
  }

  @Test
  void aShardIsWrittenIOverN() {
    assertThat(Shard.parse("2/8")).isEqualTo(new Shard(2, 8));
    assertThat(Shard.parse(" 1 / 1 ")).isEqualTo(Shard.ALL);
    assertThat(Shard.parse("8/8").toString()).isEqualTo("8/8");
    assertThat(Shard.ALL.includes("anything")).isTrue();
    for (String bad : List.of("0/4", "5/4", "1/0", "2", "a/b", "-1/4", "1/4/2", "")) {
      assertThatThrownBy(() -> Shard.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("expected a shard I/N with 1 <= I <= N");
    }
    assertThatThrownBy(() -> Shard.parse("5/4")).hasMessage("expected a shard I/N with 1 <= I <= N, found 5/4");
    assertThatThrownBy(() -> Shard.parse("2")).hasMessage("expected a shard I/N with 1 <= I <= N, such as 2/8, found '2'");
  }
}
