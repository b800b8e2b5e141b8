package dev.posture.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.posture.catalog.Category;
import dev.posture.catalog.Status;
import dev.posture.input.InputException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * A change rewrites only what changed: the rest of a hand-written file keeps its style line for
 * line, so that the pull request of an edit shows the edit alone.
 */
class StateFileTest {
  private static final Stamp LEE = new Stamp("lee@x.com", Instant.parse("2026-11-23T08:30:00Z"));

  /** Written by hand: flow-style tags, a plain note, a note as a string, comments, README style lists. */
  private static final String HAND_WRITTEN = """
      # Contoso's decisions
      actions:
        AdminMFAV2:
          status: risk-accepted   # until the partner portal moves
          reviewBy: 2027-03-31
          tags: [q1-2027, partners]
          notes:
            - Partner CRMs cannot do MFA yet
            - {text: Checked with the vendor, by: megan@x.com, at: 2026-11-03T09:12:00Z}
          history:
            - {at: 2026-11-03T09:12:00Z, by: megan@x.com, from: to-address, to: risk-accepted, note: Partner CRMs}

        # the laptops
        scid_2090:
          status: planned
          tags:
            - laptops
      remediationRequests:
        - {action: scid_2090, due: 2026-12-15, owner: lee@x.com, requestedBy: megan@x.com, requestedAt: 2026-11-22T06:00:00Z}
      """;

  private static Decisions on(String id) {
    return new Decisions(TestActions.action(id, id.startsWith("scid") ? Category.DEVICE : Category.IDENTITY), false, LEE);
  }

  private static String edit(String file, UnaryOperator<State> change) {
    StateFile read = StateFile.read("posture-state.yaml", file.getBytes(StandardCharsets.UTF_8));
    State after = change.apply(read.state());
    String written = read.write(after);
    assertThat(new StateLoader().parse("written.yaml", written.getBytes(StandardCharsets.UTF_8))).isEqualTo(after);
    return written;
  }

  @Test
  void aTagOnOneActionLeavesEveryOtherLineAsItWas() {
    String written = edit(HAND_WRITTEN, s -> on("scid_2090").addTags(s, List.of("q2-2027")));

    assertThat(written).isEqualTo(HAND_WRITTEN.replace("      - laptops\n", "      - laptops\n      - q2-2027\n"));
  }

  @Test
  void aTagAddedToAFlowListStaysInFlowStyle() {
    String written = edit(HAND_WRITTEN, s -> on("AdminMFAV2").addTags(s, List.of("vip")));

    assertThat(written).isEqualTo(HAND_WRITTEN.replace("tags: [q1-2027, partners]", "tags: [q1-2027, partners, vip]"));
  }

  @Test
  void aReviewOfTheStatusAddsANoteAndAHistoryItemInTheStyleOfTheirLists() {
    String written = edit(HAND_WRITTEN, s -> on("AdminMFAV2").setStatus(s, Status.RISK_ACCEPTED, "Re-reviewed: still needed",
        Optional.of(LocalDate.of(2027, 6, 30)), false));

    assertThat(written).isEqualTo(HAND_WRITTEN
        .replace("reviewBy: 2027-03-31", "reviewBy: 2027-06-30")
        .replace("at: 2026-11-03T09:12:00Z}\n    history:", "at: 2026-11-03T09:12:00Z}\n"
            + "      - {text: \"Re-reviewed: still needed\", by: lee@x.com, at: 2026-11-23T08:30:00Z}\n    history:")
        .replace("note: Partner CRMs}\n", "note: Partner CRMs}\n"
            + "      - {at: 2026-11-23T08:30:00Z, by: lee@x.com, from: risk-accepted, to: risk-accepted, note: \"Re-reviewed: still needed\", reviewBy: 2027-06-30}\n"));
  }

  @Test
  void aRemovedNoteTakesOnlyItsOwnLines() {
    String written = edit(HAND_WRITTEN, s -> on("AdminMFAV2").removeNote(s, 1));

    assertThat(written).isEqualTo(HAND_WRITTEN.replace("      - Partner CRMs cannot do MFA yet\n", ""));
  }

  @Test
  void aNewActionGoesInIdOrderBeforeTheCommentsOfTheNext() {
    String written = edit(HAND_WRITTEN, s -> on("OneAdmin").addTags(s, List.of("q3")));

    assertThat(written).isEqualTo(HAND_WRITTEN.replace("\n  # the laptops\n", """
          OneAdmin:
            status: to-address
            tags:
              - q3

          # the laptops
        """));
  }

  @Test
  void anActionWithNothingLeftGoesAndTheCommentsAfterItStay() {
    String written = edit(HAND_WRITTEN, s -> on("scid_2090").removeTags(s, List.of("laptops")));

    assertThat(written).isEqualTo(HAND_WRITTEN.replace("    tags:\n      - laptops\n", ""));
  }

  @Test
  void closingARequestRewritesThatRequestAlone() {
    String written = edit(HAND_WRITTEN, s -> on("scid_2090").endRemediation(s, RemediationRequest.Kind.CLOSED, "done"));

    assertThat(written).isEqualTo(HAND_WRITTEN.replace("requestedAt: 2026-11-22T06:00:00Z}",
        "requestedAt: 2026-11-22T06:00:00Z, closed: {by: lee@x.com, at: 2026-11-23T08:30:00Z, note: done}}"));
  }

  @Test
  void aFileIndentedByFourKeepsItsIndentation() {
    String four = """
        actions:
            A:
                status: planned
        """;

    String written = edit(four, s -> on("A").addTags(on("B").addTags(s, List.of("b")), List.of("a")));

    assertThat(written).isEqualTo("""
        actions:
            A:
                status: planned
                tags:
                    - a
            B:
                status: to-address
                tags:
                    - b
        """);
  }

  @Test
  void aFlowActionIsWrittenAgainOnItsLine() {
    String written = edit("actions:\n  A: {status: planned, tags: [x]}\n  B: {status: planned}\n",
        s -> on("A").addTags(s, List.of("z")));

    assertThat(written).isEqualTo("actions:\n  A: {status: planned, tags: [x, z]}\n  B: {status: planned}\n");
  }

  @Test
  void aFileInJsonIsWrittenAgainInPosturesStyle() {
    String written = edit("{\"actions\": {\"A\": {\"status\": \"planned\"}}}\n", s -> on("A").addTags(s, List.of("x")));

    assertThat(written).isEqualTo("actions:\n  A:\n    status: planned\n    tags:\n      - x\n");
  }

  @Test
  void lineEndsAndAByteOrderMarkAreKept() {
    String crlf = "\uFEFFactions:\r\n  A:\r\n    status: planned\r\n";

    String written = edit(crlf, s -> on("A").addTags(s, List.of("x")));

    assertThat(written).isEqualTo("\uFEFFactions:\r\n  A:\r\n    status: planned\r\n    tags:\r\n      - x\r\n");
  }

  @Test
  void aStateFileHoldingOnlyNullIsEmptyAndIsWrittenWhole() {
    for (String empty : List.of("~\n", "null\n", "# nothing yet\n~\n")) {
      StateFile read = StateFile.read("posture-state.yaml", empty.getBytes(StandardCharsets.UTF_8));
      assertThat(read.state()).as(empty).isEqualTo(State.EMPTY);
      assertThat(read.write(on("A").addTags(read.state(), List.of("x")))).startsWith(empty.startsWith("#") ? "# nothing yet\n" : "actions:");
    }
  }

  @Test
  void aValueTheFileCannotHoldIsRefusedBeforeAnythingIsWritten() {
    StateFile read = StateFile.missing("posture-state.yaml");
    State blankTag = new State(Map.of("A", ActionState.DEFAULT.withTags(List.of(" "))), List.of());

    assertThatThrownBy(() -> read.write(blankTag))
        .isInstanceOf(InputException.class)
        .hasMessage("posture-state.yaml: cannot hold the change: $.actions.A.tags[0]: expected a non-empty string; nothing was written");
  }
}
