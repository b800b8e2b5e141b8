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

class CatalogLoaderTest {
  private static final String VALID = """
      actions:
        - id: AdminMFAV2
          title: Require MFA for admins
          category: Identity
          product: Microsoft Entra ID
          maxScore: 10
          tier: Core
          implementationCost: Low
          userImpact: Low
          threats: [Account breach]
          check:
            of: users
            where: user.isAdmin
            covered: user.isMfaRegistered
            satisfiedBy: tenant.securityDefaults.isEnabled
        - id: scid_2090
          title: Encrypt drives
          category: Device
          deviceCategory: Security controls
          product: Microsoft Defender for Endpoint
          maxScore: 9
          scored: false
          tier: Defense in depth
          implementationCost: Moderate
          userImpact: High
          check:
            passes: tenant.x == 1
      """;

  @TempDir Path dir;
  private final CatalogLoader loader = new CatalogLoader();

  private Path write(String name, String content) throws Exception {
    Path file = dir.resolve(name);
    Files.writeString(file, content);
    return file;
  }

  private InputException failure(String content) throws Exception {
    Path file = write("bad.yaml", content);
    return (InputException) org.assertj.core.api.Assertions.catchThrowable(() -> loader.load(file));
  }

  @Test
  void loadsAndCompilesAValidCatalogue() throws Exception {
    Catalog catalog = loader.load(write("actions.yaml", VALID));

    assertThat(catalog.actions()).extracting(Action::id).containsExactly("AdminMFAV2", "scid_2090");
    Action admin = catalog.find("AdminMFAV2").orElseThrow();
    assertThat(admin.check()).isInstanceOf(Check.Coverage.class);
    Check.Coverage coverage = (Check.Coverage) admin.check();
    assertThat(coverage.of()).isEqualTo(Collection.USERS);
    assertThat(coverage.covered().test(Map.of("tenant", Map.of(), "user", Map.of("isMfaRegistered", true)))).isTrue();
    Action device = catalog.find("scid_2090").orElseThrow();
    assertThat(device.deviceCategory()).contains(DeviceCategory.SECURITY_CONTROLS);
    assertThat(device.scored()).isFalse();
    assertThat(device.tier()).isEqualTo(Tier.DEFENSE_IN_DEPTH);
    assertThat(device.origin().toString()).endsWith("actions.yaml:16");
  }

  @Test
  void aFolderLoadsEveryYamlFileInNameOrder() throws Exception {
    write("b.yaml", VALID.replace("AdminMFAV2", "Second").replace("scid_2090", "scid_2"));
    write("a.yml", VALID);
    write("notes.txt", "not a catalogue");

    assertThat(loader.load(dir).actions()).extracting(Action::id).containsExactly("AdminMFAV2", "scid_2090", "Second", "scid_2");
  }

  @Test
  void theBundledCatalogueLoads() {
    Catalog bundled = new CatalogLoader().loadBundled();

    assertThat(bundled.actions()).isNotEmpty();
    assertThat(bundled.sources()).allMatch(s -> s.startsWith("catalog/"));
  }

  @Test
  void aCheckThatDoesNotCompileNamesActionFileAndLine() throws Exception {
    InputException e = failure(VALID.replace("covered: user.isMfaRegistered", "covered: usr.isMfaRegistered"));

    assertThat(e.getMessage()).startsWith(dir.resolve("bad.yaml") + ":14: $.actions[0].check.covered: action AdminMFAV2: check does not compile: undeclared reference to 'usr'");
  }

  @Test
  void anElementVariableOutsideItsCollectionDoesNotCompile() throws Exception {
    InputException e = failure(VALID.replace("passes: tenant.x == 1", "passes: user.isAdmin"));

    assertThat(e.getMessage()).contains("action scid_2090: check does not compile: undeclared reference to 'user'");
  }

  @Test
  void aSyntaxErrorDoesNotCompile() throws Exception {
    assertThat(failure(VALID.replace("tenant.x == 1", "tenant.x ==")).getMessage())
        .contains("$.actions[1].check.passes: action scid_2090: check does not compile");
  }

  @Test
  void maxScoreMustBeAboveZeroAndAtMostTen() throws Exception {
    for (String bad : new String[] {"0", "11", "-1", ".nan", "'ten'"}) {
      InputException e = failure(VALID.replace("maxScore: 10", "maxScore: " + bad));
      assertThat(e.line()).as(bad).isEqualTo(6);
      assertThat(e.path()).as(bad).isEqualTo("$.actions[0].maxScore");
    }
    assertThat(failure(VALID.replace("maxScore: 10", "maxScore: 11")).problem())
        .isEqualTo("expected a number greater than 0 and at most 10, found 11");
  }

  @Test
  void duplicateIdsNameTheFirstDefinition() throws Exception {
    InputException e = failure(VALID.replace("scid_2090", "AdminMFAV2"));

    assertThat(e.getMessage()).endsWith("duplicate action id 'AdminMFAV2'; first defined at " + dir.resolve("bad.yaml") + ":2");
  }

  @Test
  void unknownFieldsAreTypos() throws Exception {
    assertThat(failure(VALID.replace("userImpact: Low", "userImpakt: Low")).getMessage())
        .endsWith("$.actions[0].userImpakt: unknown field 'userImpakt' (did you mean 'userImpact'?)");
  }

  @Test
  void deviceActionsNeedADeviceCategoryAndOthersMayNotHaveOne() throws Exception {
    assertThat(failure(VALID.replace("    deviceCategory: Security controls\n", "")).getMessage())
        .contains("Device action scid_2090 needs a deviceCategory");
    assertThat(failure(VALID.replace("category: Identity", "category: Identity\n    deviceCategory: Network")).getMessage())
        .contains("only Device actions have a deviceCategory");
  }

  @Test
  void aCheckIsEitherBinaryOrCoverage() throws Exception {
    assertThat(failure(VALID.replace("passes: tenant.x == 1", "passes: tenant.x == 1\n      covered: 'true'")).getMessage())
        .contains("a check has one of 'passes' (all or nothing), 'of' and 'covered' (coverage) or 'configuration' "
            + "(a Defender for Endpoint secure configuration), not 'passes' (all or nothing) and 'of' and 'covered' (coverage)");
    assertThat(failure(VALID.replace("      of: users\n", "")).getMessage())
        .contains("a coverage check needs both 'of' and 'covered'");
    assertThat(failure(VALID.replace("of: users", "of: printers")).getMessage())
        .contains("expected one of users, devices, mailboxes, found 'printers'");
  }

  @Test
  void aConfigurationCheckNamesADefenderConfiguration() throws Exception {
    Catalog catalog = loader.load(write("actions.yaml", VALID.replace("passes: tenant.x == 1", "configuration: scid-2090")));

    Check check = catalog.find("scid_2090").orElseThrow().check();
    assertThat(check).isEqualTo(new Check.Configuration("scid-2090", java.util.Optional.empty()));
    assertThat(check.sections()).containsExactly("devices");
    assertThat(failure(VALID.replace("passes: tenant.x == 1", "configuration: scid_2090")).getMessage())
        .contains("$.actions[1].check.configuration").contains("a Defender for Endpoint configuration id such as scid-2090");
    assertThat(failure(VALID.replace("passes: tenant.x == 1", "configuration: scid-2090\n      passes: 'true'")).getMessage())
        .contains("not 'passes' (all or nothing) and 'configuration' (a Defender for Endpoint secure configuration)");
  }

  @Test
  void aMicrosoftOnlyCheckSaysWhyAndTakesNothingElse() throws Exception {
    Catalog catalog = loader.load(write("actions.yaml",
        VALID.replace("passes: tenant.x == 1", "microsoftOnly: no Microsoft API exposes the setting")));

    assertThat(catalog.find("scid_2090").orElseThrow().check()).isEqualTo(new Check.MicrosoftOnly("no Microsoft API exposes the setting"));
    assertThat(failure(VALID.replace("passes: tenant.x == 1", "microsoftOnly: no API\n      satisfiedBy: 'true'")).getMessage())
        .contains("a 'microsoftOnly' check takes nothing else");
  }

  @Test
  void aCheckKnowsTheSectionsItReads() throws Exception {
    Catalog catalog = loader.load(write("actions.yaml", VALID.replace("passes: tenant.x == 1",
        "passes: \"tenant.organization.onPremisesSyncEnabled != true || tenant['groupSettings'].exists(s, s.on)"
            + " || has(tenant.teamsMeetingPolicies) || has(tenant.sharepointSettings.isEnabled)\"")));

    assertThat(catalog.find("scid_2090").orElseThrow().check().sections())
        .containsExactlyInAnyOrder("organization", "groupSettings", "sharepointSettings");
    assertThat(catalog.find("AdminMFAV2").orElseThrow().check().sections()).containsExactly("users");
  }

  @Test
  void aFileWithoutActions() throws Exception {
    assertThat(failure("title: nothing here\n").getMessage()).contains("unknown field 'title'");
    assertThat(failure("{}\n").getMessage()).contains("missing required field 'actions'");
  }

  @Test
  void anEmptyFolderOrMissingPath() {
    assertThatThrownBy(() -> loader.load(dir)).hasMessageContaining("the folder holds no catalogue files");
    assertThatThrownBy(() -> loader.load(dir.resolve("missing"))).hasMessageContaining("no such catalogue file or folder");
  }

  @Test
  void aNonBooleanResultFailsAtRunTimeNotSilently() throws Exception {
    Catalog catalog = loader.load(write("a.yaml", VALID.replace("passes: tenant.x == 1", "passes: tenant.x")));
    Check.Binary check = (Check.Binary) catalog.find("scid_2090").orElseThrow().check();

    assertThatThrownBy(() -> check.passes().test(Map.of("tenant", Map.of("x", 3L))))
        .isInstanceOf(CheckFailedException.class)
        .hasMessage("'tenant.x' gave 3, expected true or false");
    assertThatThrownBy(() -> check.passes().test(Map.of("tenant", Map.of())))
        .isInstanceOf(CheckFailedException.class)
        .hasMessage("the snapshot has no x section");
  }

  @Test
  void aCheckHasABudgetOfLoopIterations() throws Exception {
    Catalog catalog = loader.load(write("a.yaml", VALID.replace("passes: tenant.x == 1",
        "passes: tenant.big.all(a, tenant.big.all(b, tenant.big.all(c, a + b + c >= 0)))")));
    Check.Binary check = (Check.Binary) catalog.find("scid_2090").orElseThrow().check();
    List<Long> thousand = LongStream.range(0, 1000).boxed().toList();

    // a billion iterations if nothing stopped it
    assertTimeoutPreemptively(Duration.ofSeconds(10), () ->
        assertThatThrownBy(() -> check.passes().test(Map.of("tenant", Map.of("big", thousand))))
            .isInstanceOf(CheckFailedException.class)
            .hasMessage("the check went over its budget of 100000 loop iterations (exists, all, map, filter)"));
  }

  @Test
  void regularExpressionsRunInLinearTime() throws Exception {
    Catalog catalog = loader.load(write("a.yaml", VALID.replace("passes: tenant.x == 1", "passes: \"tenant.s.matches('^(a+)+$')\"")));
    Check.Binary check = (Check.Binary) catalog.find("scid_2090").orElseThrow().check();

    // catastrophic backtracking for java.util.regex; CEL's RE2 answers at once
    assertTimeoutPreemptively(Duration.ofSeconds(5), () ->
        assertThat(check.passes().test(Map.of("tenant", Map.of("s", "a".repeat(50_000) + "!")))).isFalse());
  }

  @Test
  void checksReachNothingButTheirVariables() throws Exception {
    for (String outside : List.of("env.HOME == ''", "System.getenv('HOME') == ''", "dev.posture.cli.Main{} == null",
        "readFile('/etc/passwd') == ''", "java.lang.Runtime.getRuntime() == null")) {
      assertThat(failure(VALID.replace("passes: tenant.x == 1", "passes: \"" + outside + "\"")))
          .as(outside).hasMessageContaining("check does not compile");
    }
  }
}
