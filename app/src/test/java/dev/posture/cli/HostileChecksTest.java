package dev.posture.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A catalogue from a pull request whose checks would take the machine's memory or hours, run against
 * a tenant with large (but allowed) data: each such action is Error with the reason, the honest ones
 * are scored, and the run ends in seconds with exit code 0.
 */
class HostileChecksTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static String action(String id, String check) {
    return """
          - id: %s
            title: A check from a pull request
            category: Identity
            product: Microsoft Entra ID
            maxScore: 5
            tier: Core
            implementationCost: Low
            userImpact: Low
            check:
        %s
        """.formatted(id, check.indent(6).stripTrailing());
  }

  @Test
  void eachCostlyCheckIsAnErrorWithItsReasonAndTheRunGoesOn(@TempDir Path dir) throws Exception {
    Path catalogue = Files.writeString(dir.resolve("hostile.yaml"), "actions:\n"
        + action("Scan", "passes: \"tenant.notes.items.exists(i, tenant.notes.text.contains('zz'))\"")
        + action("Grow", "passes: \"tenant.notes.items.map(i, tenant.notes.text + tenant.notes.text).size() > 0\"")
        + action("WhereMacro", """
            of: users
            where: "tenant.notes.items.all(i, !tenant.notes.text.contains(user.userPrincipalName))"
            covered: user.isMfaRegistered""")
        + action("DataPattern", "passes: \"tenant.notes.text.matches(tenant.notes.pattern)\"")
        + action("Honest", "passes: \"size(tenant.notes.items) == 1000\"")
        + action("HonestCoverage", """
            of: users
            where: user.accountEnabled
            covered: user.isMfaRegistered"""));
    ObjectNode snapshot = (ObjectNode) JSON.readTree(Tenants.CONTOSO.resolve("snapshot.json").toFile());
    Map<String, Object> notes = new LinkedHashMap<>();
    notes.put("text", "a".repeat(60_000));
    notes.put("items", LongStream.range(0, 1000).boxed().toList());
    notes.put("pattern", "((a{1000}){1000}){1000}");
    snapshot.set("notes", JSON.valueToTree(notes));
    Path tenant = dir.resolve("snapshot.json");
    JSON.writeValue(tenant.toFile(), snapshot);

    Cli.Result r = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> Cli.run("assess", tenant.toString(),
        "--catalog", catalogue.toString(), "--state", dir.resolve("none.yaml").toString(), "--format", "json"));

    assertThat(r.exitCode()).as(r.err()).isZero();
    Map<String, JsonNode> actions = new LinkedHashMap<>();
    JSON.readTree(r.out()).path("actions").forEach(a -> actions.put(a.path("id").stringValue(), a));
    assertThat(actions.get("Scan").path("error").stringValue()).isEqualTo(
        "the check went over its budget of 10000000 cost units for one evaluation (a unit a step, a character of a string, an element of a list)");
    assertThat(actions.get("Grow").path("error").stringValue())
        .isEqualTo("the check built a string of 120000 characters; at most 100000 are allowed");
    assertThat(actions.get("WhereMacro").path("error").stringValue())
        .matches("users\\[0] \\(.*\\): the check went over its budget of 10000000 cost units for one evaluation .*");
    assertThat(actions.get("DataPattern").path("error").stringValue())
        .startsWith("the regular expression '((a{1000}){1000}){1000}' would compile to more than 10000 instructions");
    for (String hostile : new String[] {"Scan", "Grow", "WhereMacro", "DataPattern"}) {
      assertThat(actions.get(hostile).path("status").stringValue()).as(hostile).isEqualTo("Error");
    }
    assertThat(actions.get("Honest").path("status").stringValue()).isEqualTo("Completed");
    assertThat(actions.get("HonestCoverage").path("coverage").path("eligible").asLong()).isPositive();
    assertThat(actions.get("HonestCoverage").has("error")).isFalse();
  }
}
