package dev.posture.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.posture.input.InputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A catalogue may come from a pull request: each of its checks, however written, stops within its
 * budget, in seconds and a little memory, with the reason. Each case here would run for minutes or
 * exhaust the heap without it.
 */
class CheckBudgetTest {
  private static final Duration SECONDS = Duration.ofSeconds(10);

  @TempDir Path dir;

  private Expression compile(String passes) throws Exception {
    Path file = Files.writeString(dir.resolve("a.yaml"), """
        actions:
          - id: Hostile
            title: A check from a pull request
            category: Identity
            product: Microsoft Entra ID
            maxScore: 1
            tier: Core
            implementationCost: Low
            userImpact: Low
            check:
              passes: "%s"
        """.formatted(passes));
    return ((Check.Binary) new CatalogLoader(java.util.Optional.empty()).load(file).find("Hostile").orElseThrow().check()).passes();
  }

  private static Map<String, Object> tenant(Map<String, Object> settings) {
    return Map.of("tenant", settings);
  }

  private static List<Long> numbers(int n) {
    return LongStream.range(0, n).boxed().toList();
  }

  @Test
  void aStringBuiltPastItsLimitStopsTheCheck() throws Exception {
    Expression check = compile("tenant.big.map(x, tenant.s + tenant.s + tenant.s).size() > 0");

    assertTimeoutPreemptively(SECONDS, () -> assertThatThrownBy(
        () -> check.test(tenant(Map.of("big", numbers(100_000), "s", "a".repeat(50_000)))))
        .isInstanceOf(CheckFailedException.class)
        .hasMessage("the check built a string of 150000 characters; at most 100000 are allowed"));
  }

  @Test
  void concatenationRepeatedInAComprehensionRunsOutOfCost() throws Exception {
    // 100,000 strings of 80,000 characters: 8 GB if nothing stopped it
    Expression check = compile("tenant.big.map(x, tenant.s + tenant.s).size() > 0");

    assertTimeoutPreemptively(SECONDS, () -> assertThatThrownBy(
        () -> check.test(tenant(Map.of("big", numbers(100_000), "s", "a".repeat(40_000)))))
        .isInstanceOf(CheckFailedException.class)
        .hasMessage("the check went over its budget of 10000000 cost units for one evaluation"
            + " (a unit a step, a character of a string, an element of a list)"));
  }

  @Test
  void aListBuiltPastItsLimitStopsTheCheck() throws Exception {
    Expression check = compile("size(tenant.big + tenant.big) > 0");

    assertThatThrownBy(() -> check.test(tenant(Map.of("big", numbers(60_000)))))
        .isInstanceOf(CheckFailedException.class)
        .hasMessage("the check built a list of 120000 elements; at most 100000 are allowed");
  }

  @Test
  void scanningLargeDataOverAndOverRunsOutOfCost() throws Exception {
    // a hundred thousand scans of a megabyte: minutes of work
    Expression contains = compile("tenant.big.exists(x, tenant.s.contains('zz'))");
    Expression matches = compile("tenant.big.exists(x, tenant.s.matches('z+$'))");
    Map<String, Object> data = tenant(Map.of("big", numbers(100_000), "s", "a".repeat(1 << 20)));

    for (Expression check : List.of(contains, matches)) {
      assertTimeoutPreemptively(SECONDS, () -> assertThatThrownBy(() -> check.test(data))
          .isInstanceOf(CheckFailedException.class)
          .hasMessageStartingWith("the check went over its budget of 10000000 cost units"));
    }
  }

  @Test
  void aChecksWorkWithinBudgetIsDecided() throws Exception {
    Expression check = compile("tenant.big.exists(x, x == 99999) && tenant.s.matches('^a+$') && size(tenant.s + tenant.s) == 100000");

    assertThat(check.test(tenant(Map.of("big", numbers(100_000), "s", "a".repeat(50_000))))).isTrue();
  }

  @Test
  void nestedCountedRepeatsAreRefusedWhenTheCheckCompiles() throws Exception {
    for (String pattern : List.of("((a{1000}){1000}){1000}", "(a{100}){101}", "[a-z]{1000}[0-9]{1000}(x{999}){9}")) {
      assertTimeoutPreemptively(SECONDS, () -> assertThatThrownBy(() -> compile("tenant.s.matches('" + pattern + "')"))
          .isInstanceOf(InputException.class)
          .as(pattern)
          .hasMessageContaining("check does not compile")
          .hasMessageContaining("would compile to more than 10000 instructions"));
    }
    assertThatThrownBy(() -> compile("tenant.s.matches('(unclosed')"))
        .hasMessageContaining("the regular expression '(unclosed' is not valid: missing closing )");
    assertThat(compile("matches(tenant.s, '^[A-Za-z0-9._%+-]{1,64}@(contoso|fabrikam)[.]com$')").test(tenant(Map.of("s", "megan@contoso.com"))))
        .isTrue();
  }

  @Test
  void aPatternFromTheDataIsBoundedToo() throws Exception {
    Expression check = compile("tenant.s.matches(tenant.pattern)");

    assertTimeoutPreemptively(SECONDS, () -> assertThatThrownBy(
        () -> check.test(tenant(Map.of("s", "aaaa", "pattern", "((a{1000}){1000}){1000}")))).isInstanceOf(CheckFailedException.class)
        .hasMessageContaining("the regular expression '((a{1000}){1000}){1000}' would compile to more than 10000 instructions"));
  }

  @Test
  void theEstimateFollowsRepeatsGroupsAndClasses() {
    assertThat(Regexes.estimatedSize("abc")).isEqualTo(3);
    assertThat(Regexes.estimatedSize("(ab){3}")).isEqualTo(7);
    assertThat(Regexes.estimatedSize("((a{10}){10}){10}")).isGreaterThanOrEqualTo(1000);
    assertThat(Regexes.estimatedSize("[{}()]{5}\\{\\(")).isEqualTo(8);
    assertThat(Regexes.estimatedSize("(?i:x)+|y*")).isEqualTo(4);
    assertThat(Regexes.estimatedSize("((a{1000}){1000}){1000}")).isGreaterThan(1_000_000_000L);
  }

  @Test
  void aCheckRepeatedOverManyElementsHasATimeBound() throws Exception {
    Expression check = compile("tenant.big.exists(x, x < 0)");
    Map<String, Object> data = tenant(Map.of("big", numbers(1_000)));
    long started = System.nanoTime(); // before the budget, whose time runs from when it is made
    CheckBudget budget = new CheckBudget(new CheckBudget.Limits(Long.MAX_VALUE, 100_000, 100_000, Duration.ofMillis(200)));

    int evaluations = assertTimeoutPreemptively(SECONDS, () -> {
      int n = 0;
      try {
        while (true) {
          check.test(data, budget);
          n++;
        }
      } catch (CheckFailedException e) {
        assertThat(e).hasMessage("the check took more than 200 ms, the time a check may take");
      }
      return n;
    });

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
    assertThat(evaluations).isPositive();
    assertThatThrownBy(() -> check.test(data, budget)).as("spent for good").hasMessageContaining("took more than 200 ms");
  }

  @Test
  void oneLongEvaluationIsStoppedWhenItsTimeRunsOut() throws Exception {
    // within the iteration budget, and with no cost budget: 90,000 scans of 100,000 characters, seconds of work
    Expression check = compile("tenant.big.all(x, !tenant.s.contains('zz'))");
    CheckBudget budget = new CheckBudget(new CheckBudget.Limits(Long.MAX_VALUE, 100_000, 100_000, Duration.ofMillis(100)));
    Map<String, Object> data = tenant(Map.of("big", numbers(90_000), "s", "a".repeat(100_000)));

    long started = System.nanoTime();
    assertThatThrownBy(() -> check.test(data, budget)).hasMessage("the check took more than 100 ms, the time a check may take");

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
  }
}
