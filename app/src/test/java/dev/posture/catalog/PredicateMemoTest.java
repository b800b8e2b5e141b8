package dev.posture.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cel.common.values.NullValue;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.posture.snapshot.Snapshot;
import dev.posture.snapshot.SnapshotLoader;
import dev.posture.snapshot.SnapshotLocation;
import dev.posture.snapshot.SyntheticTenant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A remembered predicate gives every element the answer its own evaluation would. */
class PredicateMemoTest {
  private static final String GROUP = "0f1e2d3c-4b5a-4968-8776-655443322110";
  private static final String ADA = "6e7b768e-07e2-4810-8459-485f84f8f204";

  @TempDir Path dir;

  private Expression covered(String expression) {
    return UserPredicates.covered(dir, expression);
  }

  private static Map<String, Object> policy(Map<String, Object> users) {
    return Map.of("displayName", "P", "state", "enabled", "conditions", Map.of("users", users));
  }

  private static Map<String, Object> user(String id, boolean inGroup, boolean registered) {
    Map<String, Object> user = new HashMap<>();
    user.put("id", id);
    user.put("userType", "Member");
    user.put("isMfaRegistered", registered);
    user.put("transitiveMemberOf", inGroup ? List.of(Map.of("@odata.type", "#microsoft.graph.group", "id", GROUP)) : List.of());
    return user;
  }

  private static boolean test(Expression e, Map<String, Object> tenant, Map<String, Object> user) {
    return e.test(Map.of("tenant", tenant, "user", user));
  }

  @Test
  void usersWhoDifferOnlyInWhatThePredicateDoesNotReadShareAnAnswer() throws Exception {
    Expression e = covered("user.isMfaRegistered && tenant.conditionalAccessPolicies.exists(p, p.appliesTo(user))");
    Map<String, Object> tenant = Map.of("conditionalAccessPolicies", List.of(policy(Map.of(
        "includeUsers", List.of("All"), "excludeUsers", List.of(ADA), "excludeGroups", List.of(GROUP)))));

    assertThat(e).isInstanceOf(PredicateMemo.class);
    List<Boolean> answers = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      answers.add(test(e, tenant, user("u-" + i, i % 2 == 0, i % 4 < 2)));
    }
    // in the excluded group on even i, registered for i % 4 < 2
    assertThat(answers).containsExactly(false, true, false, false, false, true, false, false);
    assertThat(test(e, tenant, user(ADA, false, true))).as("named by id in the exclusions").isFalse();
    assertThat(test(e, tenant, user("u-1", false, true))).as("the same view without the id").isTrue();
  }

  @Test
  void everyCoveragePredicateOfTheCatalogueAnswersAsItsOwnEvaluationOnAGeneratedTenant() throws Exception {
    Path file = dir.resolve("tenant.json");
    try (var out = Files.newOutputStream(file)) {
      new SyntheticTenant(SyntheticTenant.Profile.ENTERPRISE, 3000, 300, 5).write(out);
    }
    Snapshot snapshot = new SnapshotLoader().load(SnapshotLocation.resolve(file.toString(), Optional.empty()), null);
    List<Check.Coverage> checks = new CatalogLoader().load(Path.of("../catalog")).actions().stream()
        .map(Action::check).filter(Check.Coverage.class::isInstance).map(Check.Coverage.class::cast).toList();
    int[] compared = {0};
    snapshot.elements().forEach(EnumSet.allOf(Collection.class), (collection, element) -> {
      Map<String, Object> vars = Map.of("tenant", snapshot.settings(), collection.element(), element);
      for (Check.Coverage check : checks) {
        if (check.of() == collection) {
          for (Expression e : List.of(check.covered(), check.where().orElse(check.covered()))) {
            assertThat(e).as(e.text()).isInstanceOf(PredicateMemo.class);
            assertThat(e.test(vars)).as(e.text()).isEqualTo(((PredicateMemo) e).plain().test(vars));
            compared[0]++;
          }
        }
      }
    });
    assertThat(compared[0]).isGreaterThan(30_000);
  }

  @Test
  void anAbsentFieldIsNotANullOne() throws Exception {
    Expression e = covered("has(user.isMfaRegistered)");
    Map<String, Object> tenant = Map.of();

    assertThat(test(e, tenant, Map.of("id", "a"))).isFalse();
    assertThat(test(e, tenant, Map.of("id", "b", "isMfaRegistered", NullValue.NULL_VALUE))).isTrue();
    assertThat(test(e, tenant, Map.of("id", "c"))).isFalse();
  }

  @Test
  void anotherTenantIsAskedAfresh() throws Exception {
    Expression e = covered("tenant.conditionalAccessPolicies.exists(p, p.appliesTo(user))");
    Map<String, Object> everyone = Map.of("conditionalAccessPolicies", List.of(policy(Map.of("includeUsers", List.of("All")))));
    Map<String, Object> nobody = Map.of("conditionalAccessPolicies", List.of(policy(Map.of("includeUsers", List.of("None")))));

    assertThat(test(e, everyone, user("u-1", false, true))).isTrue();
    assertThat(test(e, nobody, user("u-1", false, true))).isFalse();
    assertThat(test(e, everyone, user("u-1", false, true))).isTrue();
  }

  @Test
  void aPredicateThatUsesTheElementOtherwiseIsEvaluatedEachTime() throws Exception {
    assertThat(covered("size(user) > 1")).isNotInstanceOf(PredicateMemo.class);
    assertThat(covered("[user].exists(u, u.isMfaRegistered)")).isNotInstanceOf(PredicateMemo.class);
    assertThat(covered("[{'state': 'enabled'}].exists(p, p.appliesTo(user))")).as("a policy not of the tenant's")
        .isNotInstanceOf(PredicateMemo.class);
    assertThat(covered("tenant.conditionalAccessPolicies.exists(p, [1].exists(p, true) && p.appliesTo(user))"))
        .as("p is the policy again once the inner loop is done").isInstanceOf(PredicateMemo.class);
    assertThat(covered("tenant.conditionalAccessPolicies.exists(p, [{'state': 'on'}].exists(p, p.appliesTo(user)))"))
        .as("an inner p that is no policy of the tenant's").isNotInstanceOf(PredicateMemo.class);
    assertThat(covered("user.isMfaRegistered")).isInstanceOf(PredicateMemo.class);
  }
}
