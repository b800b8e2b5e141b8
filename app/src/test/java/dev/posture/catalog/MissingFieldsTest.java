package dev.posture.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A field missing at run time is named as the snapshot names it, not in CEL's words. */
class MissingFieldsTest {
  @TempDir Path dir;

  private Catalog load(String check, Optional<Path> cache) throws Exception {
    Path file = dir.resolve("checks.yaml");
    Files.writeString(file, """
        actions:
          - id: X
            title: t
            category: Identity
            product: p
            maxScore: 1
            tier: Core
            implementationCost: Low
            userImpact: Low
            check:
        """ + check.indent(6));
    return new CatalogLoader(cache).load(file);
  }

  private String failure(String passes, Map<String, Object> tenant) throws Exception {
    Check.Binary check = (Check.Binary) load("passes: \"" + passes + "\"", Optional.empty()).find("X").orElseThrow().check();
    return catchThrowableOfType(CheckFailedException.class, () -> check.passes().test(Map.of("tenant", tenant))).getMessage();
  }

  @Test
  void aMissingFieldOfASectionIsNamedWithItsPath() throws Exception {
    assertThat(failure("tenant.identitySecurityDefaultsEnforcementPolicy.isEnabled", Map.of("identitySecurityDefaultsEnforcementPolicy", Map.of())))
        .isEqualTo("the snapshot has no identitySecurityDefaultsEnforcementPolicy.isEnabled");
  }

  @Test
  void aMissingSectionIsNamedAsOne() throws Exception {
    assertThat(failure("tenant.identitySecurityDefaultsEnforcementPolicy.isEnabled", Map.of()))
        .isEqualTo("the snapshot has no identitySecurityDefaultsEnforcementPolicy section");
    assertThat(failure("tenant['sharepointSettings'].isResharingByExternalUsersEnabled", Map.of()))
        .isEqualTo("the snapshot has no sharepointSettings section");
  }

  @Test
  void theSelectionThatFailedIsTheOneNamed() throws Exception {
    Map<String, Object> tenant = Map.of("a", Map.of("isEnabled", false), "b", Map.of("other", true));

    assertThat(failure("tenant.a.isEnabled || tenant.b.isEnabled", tenant)).isEqualTo("the snapshot has no b.isEnabled");
    assertThat(failure("tenant.a.b.c == 1", Map.of("a", Map.of("b", Map.of())))).isEqualTo("the snapshot has no a.b.c");
  }

  @Test
  void anEntryOfAListIsNamedByItsList() throws Exception {
    assertThat(failure("tenant.conditionalAccessPolicies.exists(p, 'mfa' in p.grantControls.builtInControls)",
        Map.of("conditionalAccessPolicies", List.of(Map.of("state", "enabled")))))
        .isEqualTo("an entry of conditionalAccessPolicies has no grantControls");
    assertThat(failure("tenant.domains[0].isVerified", Map.of("domains", List.of(Map.of()))))
        .isEqualTo("the snapshot has no domains[0].isVerified");
  }

  @Test
  void aCoveragePredicateNamesTheElement() throws Exception {
    Check.Coverage check = (Check.Coverage) load("""
        of: users
        covered: user.isMfaRegistered && user.transitiveMemberOf.exists(g, g.id == 'x')
        """, Optional.empty()).find("X").orElseThrow().check();

    assertThat(catchThrowableOfType(CheckFailedException.class,
        () -> check.covered().test(Map.of("tenant", Map.of(), "user", Map.of()))).getMessage())
        .isEqualTo("the user has no isMfaRegistered");
    assertThat(catchThrowableOfType(CheckFailedException.class, () -> check.covered().test(Map.of("tenant", Map.of(),
        "user", Map.of("isMfaRegistered", true, "transitiveMemberOf", List.of(Map.of())))))
        .getMessage())
        .isEqualTo("an entry of the user's transitiveMemberOf has no id");
  }

  @Test
  void theWordingHoldsForChecksReadFromTheCache() throws Exception {
    Optional<Path> cache = Optional.of(dir.resolve("cache"));
    load("passes: tenant.authorizationPolicy.allowInvitesFrom == 'none'", cache);
    Check.Binary cached = (Check.Binary) load("passes: tenant.authorizationPolicy.allowInvitesFrom == 'none'", cache)
        .find("X").orElseThrow().check();

    assertThat(catchThrowableOfType(CheckFailedException.class,
        () -> cached.passes().test(Map.of("tenant", Map.of("authorizationPolicy", Map.of())))).getMessage())
        .isEqualTo("the snapshot has no authorizationPolicy.allowInvitesFrom");
  }

  @Test
  void otherProblemsKeepCelsWords() throws Exception {
    assertThat(failure("tenant.domains[1].isVerified", Map.of("domains", List.of(Map.of())))).isEqualTo("Index out of bounds: 1");
  }
}
