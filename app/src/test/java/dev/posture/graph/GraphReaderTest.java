package dev.posture.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.posture.catalog.Level;
import dev.posture.catalog.Tier;
import dev.posture.input.InputException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GraphReaderTest {
  static final Path TENANT = Path.of("src/test/resources/graph/tenant");
  private static final Path MIXED = Path.of("src/test/resources/graph/mixed");

  private final GraphReader reader = new GraphReader();

  @Test
  void folderOfPagesGivesDaysOldestFirstAndEveryProfile() {
    GraphExport export = reader.read(List.of(TENANT));

    assertThat(export.days()).extracting(DailyScore::date).containsExactly("2026-03-01", "2026-03-02", "2026-03-03");
    assertThat(export.profiles()).hasSize(7);
    assertThat(export.newest().orElseThrow().points()).isEqualTo(27.0);
  }

  @Test
  void filesOneByOneReadLikeTheirFolder() {
    GraphExport files = reader.read(List.of(TENANT.resolve("controlProfiles-powershell.json"),
        TENANT.resolve("secureScores.json"), TENANT.resolve("controlProfiles-page1.json")));

    assertThat(files).isEqualTo(reader.read(List.of(TENANT)));
  }

  @Test
  void theSameDayTwiceIsReadOnce() {
    GraphExport twice = reader.read(List.of(TENANT.resolve("secureScores.json"), TENANT.resolve("secureScores.json")));

    assertThat(twice.days()).hasSize(3);
  }

  @Test
  void powerShellExportWithByteOrderMarkAndPascalCaseKeys() {
    ControlProfile forward = reader.read(List.of(TENANT)).profile("mdo_blockmailforward").orElseThrow();

    assertThat(forward.maxScore()).isEqualTo(5.0);
    assertThat(forward.category()).isEqualTo("Apps");
    assertThat(forward.implementationCost()).contains(Level.MODERATE); // "Medium"
    assertThat(forward.userImpact()).contains(Level.MODERATE);
    assertThat(forward.state().map(StateUpdate::state)).contains("Ignored");
    assertThat(forward.tier()).isEmpty();
  }

  @Test
  void oneObjectFromThePowerShellSdk() {
    GraphExport export = reader.read(List.of(Path.of("src/test/resources/graph/powershell-sdk/secureScore.json")));

    DailyScore day = export.newest().orElseThrow();
    assertThat(day.createdDateTime()).isEqualTo("2024-01-02T00:00:00Z"); // from \/Date(1704153600000)\/
    assertThat(day.controls().get(0).scoreInPercentage().getAsDouble()).isEqualTo(50.0); // in AdditionalProperties
    assertThat(day.controls().get(0).total().getAsDouble()).isEqualTo(4.0);
    assertThat(day.controls().get(1).category()).isEqualTo("APPS");
    assertThat(day.comparisons().get(0).categories()).containsOnlyKeys("Identity");
    assertThat(day.comparisons().get(1).seatRange()).contains("1-100");
  }

  @Test
  void mixedCaseLevelsUnknownAndNull() {
    GraphExport export = reader.read(List.of(TENANT));

    assertThat(export.profile("AdminMFAV2").orElseThrow().userImpact()).contains(Level.LOW); // "low"
    assertThat(export.profile("AATP_sensor").orElseThrow().implementationCost()).contains(Level.HIGH); // "high"
    ControlProfile consent = export.profile("aad_admin_consent_workflow").orElseThrow();
    assertThat(consent.implementationCost()).isEmpty(); // "Unknown"
    assertThat(consent.userImpact()).isEmpty(); // null
  }

  @Test
  void tierAndServiceSpellings() {
    GraphExport export = reader.read(List.of(TENANT));

    assertThat(export.profile("IntegratedApps").orElseThrow().tier()).contains(Tier.DEFENSE_IN_DEPTH);
    assertThat(export.profile("AATP_sensor").orElseThrow().service()).isEqualTo("Azure ATP");
  }

  @Test
  void latestControlStateUpdateWins() {
    assertThat(reader.read(List.of(TENANT)).profile("IntegratedApps").orElseThrow().state().map(StateUpdate::state)).contains("Reviewed");
  }

  @Test
  void numericPrefixMatchesTheBareName() {
    GraphExport export = reader.read(List.of(TENANT));

    assertThat(export.profile("MDA_Google_EnableTwoFactorAuth")).isEqualTo(export.profile("11770.MDA_Google_EnableTwoFactorAuth"));
    assertThat(export.profile("MDA_Google_EnableTwoFactorAuth")).isPresent();
    assertThat(ControlIds.bare("11770.MDA_Google_EnableTwoFactorAuth")).isEqualTo("MDA_Google_EnableTwoFactorAuth");
  }

  @Test
  void numbersWrittenAsStrings() {
    DailyScore today = reader.read(List.of(TENANT)).newest().orElseThrow();
    ControlScore admin = today.controls().get(0);

    assertThat(admin.count().getAsDouble()).isEqualTo(3.0);
    assertThat(admin.total().getAsDouble()).isEqualTo(4.0);
    assertThat(today.comparisons().get(1).seatRange()).contains("1-100");
    assertThat(today.comparisons().get(2).seatRange()).isEmpty();
  }

  @Test
  void categoriesOfOneControlChangeOverTime() {
    GraphExport export = reader.read(List.of(TENANT));

    assertThat(category(export.days().get(0), "aad_admin_consent_workflow")).isEqualTo("Apps");
    assertThat(category(export.days().get(2), "aad_admin_consent_workflow")).isEqualTo("Identity");
  }

  private static String category(DailyScore day, String control) {
    return day.controls().stream().filter(c -> c.name().equals(control)).findFirst().orElseThrow().category();
  }

  @Test
  void invalidJsonNamesFileLineAndColumn() {
    Path file = Path.of("src/test/resources/graph/invalid/trailing-comma.json");

    assertThatThrownBy(() -> reader.read(List.of(file)))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith(file + ":8: not valid JSON: ")
        .hasMessageContaining("(column 7)");
  }

  @Test
  void anItemThatIsNeitherScoreNorProfile() {
    assertThatThrownBy(() -> reader.read(List.of(MIXED.resolve("not-graph.json"))))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("not-graph.json:3: $.value[0]: expected a secureScore (with controlScores) or a secureScoreControlProfile");
  }

  @Test
  void aStringThatIsNotANumber() {
    assertThatThrownBy(() -> reader.read(List.of(MIXED.resolve("bad-count.json"))))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("bad-count.json:5: $[0].controlScores[0].count: expected a number, found 'many'");
  }

  @Test
  void anUnknownCategory() {
    assertThatThrownBy(() -> reader.read(List.of(MIXED.resolve("bad-category.json"))))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("bad-category.json:6: $.value[0].controlScores[0].controlCategory: expected one of Identity, Device, Apps, Data, Infrastructure, found 'Network'");
  }

  @Test
  void profilesWithoutScores() {
    assertThatThrownBy(() -> reader.read(List.of(TENANT.resolve("controlProfiles-page1.json"))))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("no secureScores found");
  }

  @Test
  void aFolderWithoutExports() {
    assertThatThrownBy(() -> reader.read(List.of(Path.of("src/test/resources/graph"))))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("holds no *.json Graph exports");
  }

  private static Path export(Path dir, String json) throws java.io.IOException {
    return java.nio.file.Files.writeString(dir.resolve("export.json"), json);
  }

  private static String day(String created, String controls) {
    return "{\"value\": [{\"createdDateTime\": " + created + ", \"currentScore\": 5, \"maxScore\": 10, \"controlScores\": ["
        + controls + "]}]}";
  }

  private static final String ADMIN_MFA = "{\"controlCategory\": \"Identity\", \"controlName\": \"AdminMFAV2\", \"score\": 5}";

  @Test
  void datesAreCheckedAndWrittenTheOneWay(@TempDir Path dir) throws Exception {
    DailyScore local = reader.read(List.of(export(dir, day("\"2026-11-20T06:30:00\"", ADMIN_MFA)))).newest().orElseThrow();
    DailyScore offset = reader.read(List.of(export(dir, day("\"2026-11-20T23:30:00.1234567-05:00\"", ADMIN_MFA)))).newest().orElseThrow();
    DailyScore windows = reader.read(List.of(export(dir, day("\"\\/Date(0)\\/\"", ADMIN_MFA)))).newest().orElseThrow();

    assertThat(local.createdDateTime()).isEqualTo("2026-11-20T06:30:00Z"); // no offset: UTC
    assertThat(offset.date()).isEqualTo("2026-11-20"); // the day as written
    assertThat(offset.createdDateTime()).isEqualTo("2026-11-20T23:30:00.1234567-05:00");
    assertThat(windows.createdDateTime()).isEqualTo("1970-01-01T00:00:00Z");
    assertThatThrownBy(() -> reader.read(List.of(export(dir, day("\"\\/Date(-1)\\/\"", ADMIN_MFA)))))
        .hasMessageEndingWith("$.value[0].createdDateTime: expected a date and time from 1970 to 9999 (2026-03-01T00:00:00Z), found '/Date(-1)/'");
    assertThatThrownBy(() -> reader.read(List.of(export(dir, day("\"10000-01-01T00:00:00Z\"", ADMIN_MFA)))))
        .hasMessageContaining("$.value[0].createdDateTime: expected a date and time from 1970 to 9999");
  }

  @Test
  void everyBoundHoldsAtItsEdge(@TempDir Path dir) throws Exception {
    String edges = "{\"controlCategory\": \"Identity\", \"controlName\": \"A\", \"score\": 10, \"scoreInPercentage\": 100,"
        + " \"count\": \"2147483647\", \"total\": 2147483647}, {\"controlCategory\": \"Apps\", \"controlName\": \"B\", \"score\": 0,"
        + " \"scoreInPercentage\": 0, \"count\": 0, \"total\": 0}, {\"controlCategory\": \"Data\", \"controlName\": \"C\", \"score\": 6.67,"
        + " \"scoreInPercentage\": 66.67}";
    ControlScore a = reader.read(List.of(export(dir, day("\"9999-12-31T23:59:59Z\"", edges)))).newest().orElseThrow().controls().get(0);

    assertThat(a.count().getAsDouble()).isEqualTo(Integer.MAX_VALUE);
    assertThatThrownBy(() -> reader.read(List.of(export(dir, day("\"2026-01-01T00:00:00Z\"", ADMIN_MFA.replace("5}", "10.01}"))))))
        .hasMessageEndingWith("$.value[0].controlScores[0].score: expected a number of at least 0 and at most 10, found 10.01");
    assertThatThrownBy(() -> reader.read(List.of(export(dir, day("\"2026-01-01T00:00:00Z\"", ADMIN_MFA.replace("5}", "\"5d\"}"))))))
        .hasMessageEndingWith("$.value[0].controlScores[0].score: expected a number, found '5d'");
  }

  @Test
  void keysThatDifferOnlyInCaseAreDuplicatesAtAnyDepth(@TempDir Path dir) throws Exception {
    String profile = "{\"id\": \"AdminMFAV2\", \"maxScore\": 10, \"complianceInformation\": [{\"certificationName\": \"a\", \"CertificationName\": \"b\"}]}";
    Path file = export(dir, "[" + day("\"2026-01-01T00:00:00Z\"", ADMIN_MFA).replaceAll("^\\{\"value\": \\[|]}$", "") + ", " + profile + "]");

    assertThatThrownBy(() -> reader.read(List.of(file)))
        .isInstanceOf(InputException.class)
        .hasMessageEndingWith(":1: $[1].complianceInformation[0].CertificationName: duplicate key 'CertificationName': keys match ignoring case, and 'certificationName' is given too");
  }

  @Test
  void aPageWhoseValueIsNoListSaysSo(@TempDir Path dir) throws Exception {
    assertThatThrownBy(() -> reader.read(List.of(export(dir, "{\"@odata.context\": \"x\", \"value\": {\"id\": 1}}"))))
        .hasMessageEndingWith(":1: $.value: expected a list of secureScores or secureScoreControlProfiles, found a mapping");
  }

  @Test
  void graphStatesMapToStatuses() {
    assertThat(GraphAssessor.status("Ignored")).hasToString("Risk accepted");
    assertThat(GraphAssessor.status("ThirdParty")).hasToString("Resolved through third party");
    assertThat(GraphAssessor.status("Default")).hasToString("To address");
    assertThat(GraphAssessor.status("Reviewed")).hasToString("To address");
    assertThat(Optional.of(GraphAssessor.status("thirdParty"))).hasValueSatisfying(s -> assertThat(s.resolvedElsewhere()).isTrue());
  }
}
