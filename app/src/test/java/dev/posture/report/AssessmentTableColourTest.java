package dev.posture.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.posture.catalog.CatalogLoader;
import dev.posture.scoring.Assessment;
import dev.posture.scoring.ExpiredReview;
import dev.posture.scoring.ScoringEngine;
import dev.posture.snapshot.SnapshotLoader;
import dev.posture.snapshot.SnapshotLocation;
import dev.posture.state.State;
import dev.posture.state.StateLoader;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class AssessmentTableColourTest {

  @Test
  void statusesAreColouredWithoutMovingColumns() {
    Report report = contoso();

    String plain = render(false, report);
    String coloured = render(true, report);

    assertThat(plain).doesNotContain("\u001B[");
    assertThat(coloured).contains("\u001B[31mTo address\u001B[0m", "\u001B[33mPlanned\u001B[0m");
    assertThat(coloured.replaceAll("\u001B\\[[0-9;]*m", "")).isEqualTo(plain);
  }

  private static String render(boolean colour, Report report) {
    StringWriter out = new StringWriter();
    Report.RENDERERS.render(Format.TABLE, report, new OutputContext(OptionalInt.empty(), false, colour, colour), new PrintWriter(out));
    return out.toString();
  }

  private static Report contoso() {
    SnapshotLocation location = SnapshotLocation.resolve("../samples/contoso", Optional.empty());
    State state = new StateLoader().load(location.state());
    Assessment assessment = new ScoringEngine().assess(new CatalogLoader().load(Path.of("../catalog")),
        new SnapshotLoader().load(location, InputStream.nullInputStream()), state, Map.of());
    return new Report(assessment, state, Optional.empty(), ExpiredReview.of(state, LocalDate.of(2026, 11, 22)), Optional.empty(), 66);
  }
}
