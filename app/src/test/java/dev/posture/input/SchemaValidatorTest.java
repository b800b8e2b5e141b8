package dev.posture.input;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Schema errors read like the loaders' own: file, line, JSON path and what was expected. */
class SchemaValidatorTest {
  private static final String ACTION = """
      actions:
        - id: A1
          title: An action
          category: Apps
          product: Exchange Online
          maxScore: 3
          tier: Core
          implementationCost: Low
          userImpact: Low
          check: {passes: 'true'}
      """;

  private static Document yaml(String name, String text) {
    return DocumentReader.read(name, text.getBytes(StandardCharsets.UTF_8), true, true);
  }

  @Test
  void aValidActionPasses() {
    assertThatCode(() -> SchemaValidator.CATALOG.validate(yaml("a.yaml", ACTION))).doesNotThrowAnyException();
  }

  @Test
  void unknownFieldSuggestsTheClosestSpelling() {
    Document document = yaml("a.yaml", ACTION.replace("    title:", "    titel:"));

    assertThatThrownBy(() -> SchemaValidator.CATALOG.validate(document))
        .hasMessage("a.yaml:3: $.actions[0].titel: unknown field 'titel' (did you mean 'title'?)");
  }

  @Test
  void missingFieldNamesTheAction() {
    Document document = yaml("a.yaml", ACTION.replace("    product: Exchange Online\n", ""));

    assertThatThrownBy(() -> SchemaValidator.CATALOG.validate(document))
        .hasMessage("a.yaml:2: $.actions[0]: missing required field 'product'");
  }

  @Test
  void maxScoreAboveTenNamesTheLimit() {
    Document document = yaml("a.yaml", ACTION.replace("maxScore: 3", "maxScore: 12"));

    assertThatThrownBy(() -> SchemaValidator.CATALOG.validate(document))
        .hasMessage("a.yaml:6: $.actions[0].maxScore: expected a number greater than 0 and at most 10, found 12");
  }

  @Test
  void badIdSaysWhatAnIdIs() {
    Document document = yaml("a.yaml", ACTION.replace("id: A1", "id: two words"));

    assertThatThrownBy(() -> SchemaValidator.CATALOG.validate(document))
        .hasMessage("a.yaml:2: $.actions[0].id: expected an id of letters, digits, '_', '.' or '-' (at most 128), found 'two words'");
  }

  @Test
  void wrongTypeSaysWhatWasExpected() {
    Document document = yaml("a.yaml", ACTION.replace("tier: Core", "tier: Core\n    scored: maybe"));

    assertThatThrownBy(() -> SchemaValidator.CATALOG.validate(document))
        .hasMessage("a.yaml:8: $.actions[0].scored: expected true or false, found 'maybe'");
  }

  @Test
  void theFirstProblemInTheFileIsReported() {
    Document document = yaml("s.yaml", """
        tenant: {id: t, displayName: T}
        users:
          - {userPrincipalName: a@b.c, accountEnabled: yes please}
        licenses: 3
        """);

    assertThatThrownBy(() -> SchemaValidator.SNAPSHOT.validate(document))
        .hasMessage("s.yaml:3: $.users[0].accountEnabled: expected true or false, found 'yes please'");
  }

  @Test
  void enumeratedValuesAreListed() {
    Document document = yaml("s.yaml", """
        tenant: {id: t, displayName: T}
        conditionalAccessPolicies:
          - state: on
            conditions: {users: {includeUsers: [], excludeUsers: [], includeRoles: []}, clientAppTypes: [], signInRiskLevels: [], userRiskLevels: []}
            grantControls: {builtInControls: [mfa]}
        """);

    assertThatThrownBy(() -> SchemaValidator.SNAPSHOT.validate(document))
        .hasMessage("s.yaml:3: $.conditionalAccessPolicies[0].state: expected one of enabled, disabled, "
            + "enabledForReportingButNotEnforced, found 'on'");
  }

  @Test
  void oddFieldNamesAreQuotedInThePath() {
    Document document = yaml("st.yaml", """
        actions:
          Admin MFA:
            status: planned
            reviewBy: next spring
        """);

    assertThatThrownBy(() -> SchemaValidator.STATE.validate(document))
        .hasMessage("st.yaml:4: $.actions['Admin MFA'].reviewBy: expected a date such as 2027-03-31, found 'next spring'");
  }

  @Test
  void aStateWithNoDecisionsIsValid() {
    assertThatCode(() -> SchemaValidator.STATE.validate(yaml("st.yaml", "actions: {}\n"))).doesNotThrowAnyException();
  }
}
