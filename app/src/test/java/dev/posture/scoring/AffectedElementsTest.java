package dev.posture.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.posture.catalog.Action;
import dev.posture.catalog.Check;
import dev.posture.catalog.Collection;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AffectedElementsTest {
  @SuppressWarnings("unchecked")
  private static boolean field(Map<String, Object> vars, String name) {
    return (Boolean) ((Map<String, Object>) vars.get("user")).get(name);
  }

  @Test
  void theUncoveredEligibleElementsInSnapshotOrder() {
    // users 0..9; odd ones are eligible; multiples of 3 are covered: eligible 1 3 5 7 9, covered 3 9
    Fixtures.TestSnapshot snapshot = new Fixtures.TestSnapshot().users(10, i -> i % 3 == 0);
    snapshot.elements.get(Collection.USERS).forEach(u -> u.put("eligible", u.get("userPrincipalName").toString().matches("user[13579]@.*")));
    Action action = Fixtures.action("Mfa").check(new Check.Coverage(Collection.USERS,
        Optional.of(Fixtures.expr("eligible", vars -> field(vars, "eligible"))),
        Fixtures.field("user", "protected"), Optional.empty())).build();

    AffectedElements affected = AffectedElements.of(action, snapshot.build()).orElseThrow();

    assertThat(affected.eligible()).isEqualTo(5);
    assertThat(affected.elements()).extracting(AffectedElements::name).containsExactly("user1@example.com", "user5@example.com", "user7@example.com");
    assertThat(affected.error()).isEmpty();
  }

  @Test
  void aBinaryCheckHasNoElements() {
    assertThat(AffectedElements.of(Fixtures.action("Binary").passes(false).build(), new Fixtures.TestSnapshot().build())).isEmpty();
  }

  @Test
  void anElementTheCheckCannotDecideStopsTheWalkAndSaysWhere() {
    Fixtures.TestSnapshot snapshot = new Fixtures.TestSnapshot().users(3, i -> false);
    Action action = Fixtures.action("Mfa").check(new Check.Coverage(Collection.USERS, Optional.empty(),
        Fixtures.expr("user.x", vars -> {
          if ("user1@example.com".equals(((Map<?, ?>) vars.get("user")).get("userPrincipalName"))) {
            throw new dev.posture.catalog.CheckFailedException("no such key: x");
          }
          return false;
        }), Optional.empty())).build();

    AffectedElements affected = AffectedElements.of(action, snapshot.build()).orElseThrow();

    assertThat(affected.error()).contains("users[1] (user1@example.com): no such key: x");
    assertThat(affected.elements()).hasSize(1);
  }
}
