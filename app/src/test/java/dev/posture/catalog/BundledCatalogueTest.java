package dev.posture.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.posture.input.Labelled;
import dev.posture.input.Node;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The shipped catalogue: its breadth, and its agreement with Microsoft's control profiles. */
class BundledCatalogueTest {
  static final Catalog CATALOG = new CatalogLoader().load(Path.of("../catalog"));

  @Test
  void atLeastSixtyScoredActionsSomeNotScored() {
    long scored = CATALOG.actions().stream().filter(Action::scored).count();

    assertThat(scored).isGreaterThanOrEqualTo(60);
    assertThat(CATALOG.actions().size() - scored).isGreaterThanOrEqualTo(3);
  }

  @Test
  void everyCategoryAndDeviceCategoryHasScoredActions() {
    Map<Category, Long> perCategory = new EnumMap<>(Category.class);
    Map<DeviceCategory, Long> perDeviceCategory = new EnumMap<>(DeviceCategory.class);
    for (Action a : CATALOG.actions()) {
      if (a.scored()) {
        perCategory.merge(a.category(), 1L, Long::sum);
        a.deviceCategory().ifPresent(d -> perDeviceCategory.merge(d, 1L, Long::sum));
      }
    }

    assertThat(perCategory).containsOnlyKeys(Category.values());
    assertThat(perDeviceCategory).containsOnlyKeys(DeviceCategory.values());
  }

  @Test
  void everyLicenceIsAKnownServicePlan() {
    assertThatCode(() -> ServicePlans.requireKnown(CATALOG)).doesNotThrowAnyException();
  }

  @Test
  void everyActionSaysWhatToDoAndWhere() {
    for (Action a : CATALOG.actions()) {
      assertThat(a.threats()).as(a.id()).isNotEmpty();
      assertThat(a.remediation()).as(a.id()).isNotEmpty();
      assertThat(a.learnMore()).as(a.id()).isNotEmpty();
      assertThat(a.usersAffected()).as(a.id()).isNotBlank();
      assertThat(a.actionUrl()).as(a.id()).startsWith("https://");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("controls")
  void agreesWithMicrosoftsControlProfile(String id, CSVRecord control) {
    Action action = CATALOG.find(id).orElseThrow();

    assertThat(action.maxScore()).isEqualTo(Double.parseDouble(control.get("maxScore")));
    assertThat(action.category().label()).isEqualTo(control.get("category"));
    assertSameWhenKnown(control.get("tier"), action.tier(), Tier.values());
    assertSameWhenKnown(control.get("implementationCost"), action.implementationCost(), Level.values());
    assertSameWhenKnown(control.get("userImpact"), action.userImpact(), Level.values());
  }

  @Test
  void onlyPostureOwnActionsAreMissingFromMicrosoftsProfiles() {
    Set<String> listed = microsoftControls().stream().map(r -> r.get("controlName")).collect(Collectors.toSet());
    Set<String> own = new TreeSet<>();
    CATALOG.actions().stream().map(Action::id).filter(id -> !listed.contains(id)).forEach(own::add);

    assertThat(own).containsExactly("EmergencyAccessAccounts", "LimitGlobalAdmins", "RestrictGuestAccess");
  }

  /** Microsoft leaves tier, cost and impact unstated for many controls; the catalogue chooses those. */
  private static <T extends Labelled> void assertSameWhenKnown(String expected, T actual, T[] values) {
    if (!expected.equals("Unknown")) {
      assertThat(Node.match(expected, values)).as(expected).contains(actual);
    }
  }

  static Stream<Arguments> controls() {
    return microsoftControls().stream().map(r -> Arguments.of(r.get("controlName"), r));
  }

  /** Facts taken from Microsoft's published control profiles for the controls the catalogue uses. */
  static List<CSVRecord> microsoftControls() {
    try (Reader in = new InputStreamReader(BundledCatalogueTest.class.getResourceAsStream("/reference/controls.csv"), StandardCharsets.UTF_8)) {
      return CSVFormat.DEFAULT.builder().setCommentMarker('#').setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
