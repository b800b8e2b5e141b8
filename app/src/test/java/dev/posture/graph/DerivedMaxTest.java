package dev.posture.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.posture.catalog.CatalogLoader;
import dev.posture.catalog.Category;
import dev.posture.scoring.CategoryScores;
import dev.posture.scoring.ScoreView;
import dev.posture.state.State;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Controls Microsoft scores without a profile, a catalogue entry, published max points or points of
 * their own: an export of 192 controls, 188 with profiles worth 1,095, and four Device controls
 * (scid_6003 to scid_6006) at 0, on a day Microsoft reports a maxScore of 1,127.
 */
class DerivedMaxTest {
  private static final GraphExport EXPORT = new GraphReader().read(List.of(Path.of("src/test/resources/graph/derived-max")));
  private final GraphAssessor assessor = new GraphAssessor(new CatalogLoader().load(Path.of("../catalog")), KnownControls.bundled());

  @Test
  void theirTotalIsWhatIsLeftOfMicrosoftsMaxScore_32of1127_soTheTotalIsExact() {
    GraphAssessment graph = assessor.assess(EXPORT, State.EMPTY);

    assertThat(graph.controls()).hasSize(192);
    assertThat(graph.assessment().scores().current()).isEqualTo(new ScoreView(537, 1127));
    assertThat(graph.differsFromReported()).isFalse();
    assertThat(graph.missingMax()).isEmpty();
    DerivedMax derived = graph.derivedMax().orElseThrow();
    assertThat(derived.controls()).containsExactly("scid_6003", "scid_6004", "scid_6005", "scid_6006");
    assertThat(derived.points()).isEqualTo(32);
    assertThat(derived.others()).isEqualTo(1095);
    assertThat(derived.each()).isEqualTo(8);
    assertThat(derived.category()).contains(Category.DEVICE);
    assertThat(graph.controls()).filteredOn(c -> c.id().equals("scid_6003"))
        .extracting(GraphControl::maxSource, GraphControl::maxScore).containsExactly(org.assertj.core.groups.Tuple.tuple("derived", Optional.of(8.0)));
  }

  @Test
  void theyCountInTheCategoryTheyShare() {
    GraphAssessment graph = assessor.assess(EXPORT, State.EMPTY);

    double categories = graph.assessment().categories().stream().mapToDouble(c -> c.scores().current().max()).sum();
    assertThat(categories).isEqualTo(1127);
    assertThat(graph.assessment().action("scid_6005").orElseThrow().countedInCategory()).isTrue();
  }

  @Test
  void spreadOverCategoriesTheyCountOverallButInNoCategory() {
    GraphExport mixed = newestDay(EXPORT, day -> withControls(day, day.controls().stream()
        .map(c -> c.name().equals("scid_6006") ? new ControlScore(c.name(), "Apps", 0, c.scoreInPercentage(), c.count(), c.total(), "") : c)
        .toList()));

    GraphAssessment graph = assessor.assess(mixed, State.EMPTY);

    assertThat(graph.derivedMax().orElseThrow().category()).isEmpty();
    assertThat(graph.assessment().scores().current().max()).isEqualTo(1127);
    assertThat(graph.assessment().categories().stream().mapToDouble(c -> c.scores().current().max()).sum()).isEqualTo(1095);
    assertThat(graph.assessment().action("scid_6006").orElseThrow().countedInOverall()).isTrue();
    assertThat(graph.assessment().action("scid_6006").orElseThrow().countedInCategory()).isFalse();
  }

  @Test
  void theHistoryAddsUpTheSameWayEachDay() {
    assertThat(assessor.assess(EXPORT, State.EMPTY).history().series())
        .extracting(History.Day::max).containsExactly(1127.0, 1127.0);
  }

  @Test
  void notWhenOneOfThemHasPoints_thenTheyAreListed() {
    GraphExport scored = newestDay(EXPORT, day -> withControls(day, day.controls().stream()
        .map(c -> c.name().equals("scid_6004") ? new ControlScore(c.name(), c.category(), 2, c.scoreInPercentage(), c.count(), c.total(), "") : c)
        .toList()));

    GraphAssessment graph = assessor.assess(scored, State.EMPTY);

    assertThat(graph.derivedMax()).isEmpty();
    assertThat(graph.missingMax()).containsExactly("scid_6003", "scid_6004", "scid_6005", "scid_6006");
    assertThat(graph.assessment().scores().current().max()).isEqualTo(1095);
  }

  @Test
  void notWhenTheLeftoverIsMoreThanTheyCouldBeWorth_orMicrosoftsMaxIsUnknown() {
    GraphExport tooMuch = newestDay(EXPORT, day -> withMax(day, 1095 + 41));
    GraphExport unknown = newestDay(EXPORT, day -> withMax(day, Double.NaN));
    GraphExport nothingLeft = newestDay(EXPORT, day -> withMax(day, 1095));

    assertThat(assessor.assess(tooMuch, State.EMPTY).derivedMax()).isEmpty();
    assertThat(assessor.assess(unknown, State.EMPTY).derivedMax()).isEmpty();
    assertThat(assessor.assess(nothingLeft, State.EMPTY).derivedMax()).isEmpty();
    assertThat(assessor.assess(newestDay(EXPORT, day -> withMax(day, 1095 + 40)), State.EMPTY).derivedMax().orElseThrow().each())
        .isEqualTo(10);
  }

  @Test
  void theCategoriesOfEveryOtherControlAreUntouched() {
    List<CategoryScores> categories = assessor.assess(EXPORT, State.EMPTY).assessment().categories();

    assertThat(categories).filteredOn(c -> c.category() == Category.DEVICE).singleElement()
        .satisfies(c -> assertThat(c.scores().current().max()).isEqualTo(deviceMaxOfProfiles() + 32));
  }

  private static double deviceMaxOfProfiles() {
    return EXPORT.profiles().values().stream().filter(p -> p.category().equals("Device")).mapToDouble(ControlProfile::maxScore).sum();
  }

  private static GraphExport newestDay(GraphExport export, UnaryOperator<DailyScore> change) {
    List<DailyScore> days = new ArrayList<>(export.days());
    days.set(days.size() - 1, change.apply(days.get(days.size() - 1)));
    return new GraphExport(List.copyOf(days), export.profiles());
  }

  private static DailyScore withControls(DailyScore d, List<ControlScore> controls) {
    return new DailyScore(d.tenantId(), d.date(), d.createdDateTime(), d.reportedCurrent(), d.reportedMax(), d.licensedUserCount(),
        d.enabledServices(), controls, d.comparisons());
  }

  private static DailyScore withMax(DailyScore d, double max) {
    return new DailyScore(d.tenantId(), d.date(), d.createdDateTime(), d.reportedCurrent(), max, d.licensedUserCount(),
        d.enabledServices(), d.controls(), d.comparisons());
  }
}
