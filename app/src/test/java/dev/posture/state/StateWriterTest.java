package dev.posture.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.posture.catalog.Status;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StateWriterTest {
  private static final Path SAMPLE = Path.of("../samples/contoso/posture-state.yaml");

  private static State read(String yaml) {
    return new StateLoader().parse("test.yaml", yaml.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void theSampleSurvivesARoundTripAndWritingIsStable() throws Exception {
    String original = Files.readString(SAMPLE);
    State state = new StateLoader().load(SAMPLE);

    String written = new StateWriter().write(state, StateWriter.header(original));

    assertThat(read(written)).isEqualTo(state);
    assertThat(new StateWriter().write(read(written), StateWriter.header(written))).isEqualTo(written);
    assertThat(written).startsWith("# Decisions about Contoso's improvement actions. Edited by posture; reviewed in pull requests.\nactions:\n");
  }

  @Test
  void fieldsComeInAFixedOrderAndActionsSortedById() {
    ActionState action = new ActionState(Status.RISK_ACCEPTED,
        List.of(new ActionState.Note("why", "a@x.com", "2026-11-01T00:00:00Z")), List.of("q1"),
        Optional.of(LocalDate.of(2027, 1, 31)),
        List.of(new ActionState.Change("2026-11-01T00:00:00Z", "a@x.com", Status.TO_ADDRESS, Status.RISK_ACCEPTED, "ok")));
    State state = new State(Map.of("b", action, "a", ActionState.DEFAULT.withTags(List.of("t"))),
        List.of(new RemediationRequest("a", LocalDate.of(2026, 12, 1), "", "fix it", "a@x.com", "2026-11-02T00:00:00Z")));

    assertThat(new StateWriter().write(state, "")).isEqualTo("""
        actions:
          a:
            status: to-address
            tags:
              - t
          b:
            status: risk-accepted
            reviewBy: 2027-01-31
            tags:
              - q1
            notes:
              - text: why
                by: a@x.com
                at: 2026-11-01T00:00:00Z
            history:
              - at: 2026-11-01T00:00:00Z
                by: a@x.com
                from: to-address
                to: risk-accepted
                note: ok
        remediationRequests:
          - action: a
            due: 2026-12-01
            note: fix it
            requestedBy: a@x.com
            requestedAt: 2026-11-02T00:00:00Z
        """);
  }

  @Test
  void anEmptyStateIsAnEmptyMapping() {
    assertThat(new StateWriter().write(State.EMPTY, "")).isEqualTo("actions: {}\n");
    assertThat(read("actions: {}\n")).isEqualTo(State.EMPTY);
  }

  @Test
  void textThatPlainYamlWouldMisreadIsQuotedAndReadsBackTheSame() {
    List<String> hostile = List.of(
        "yes", "No", "null", "~", "true", "2026", "1.5", "0x1F", "12:30", "-dash", "- item", "key: value", "a # comment",
        "ends with colon:", "#hash", "'single'", "\"double\"", "[list]", "{map}", "&anchor", "*alias", "!tag", "%directive",
        "@at", "`tick", "|pipe", ">fold", "?question", " leading space", "trailing space ", "line\nbreak", "tab\there",
        "back\\slash", "bell\u0007", "line\u2028separator", "naïve café 日本", "emoji 🎉", "=HYPERLINK(\"x\")", "a,b;c");
    ActionState action = ActionState.DEFAULT.withTags(hostile);
    State state = new State(Map.of("id", action), List.of());

    String written = new StateWriter().write(state, "");

    assertThat(read(written).of("id").tags()).containsExactlyElementsOf(hostile);
  }

  @Test
  void plainScalarsStayPlain() {
    assertThat(StateWriter.scalar("megan.bowen@contoso.com")).isEqualTo("megan.bowen@contoso.com");
    assertThat(StateWriter.scalar("2027-03-31")).isEqualTo("2027-03-31");
    assertThat(StateWriter.scalar("2026-11-03T09:12:00Z")).isEqualTo("2026-11-03T09:12:00Z");
    assertThat(StateWriter.scalar("Turn on after the scanners move, then check.")).isEqualTo("Turn on after the scanners move, then check.");
    assertThat(StateWriter.scalar("yes")).isEqualTo("\"yes\"");
    assertThat(StateWriter.scalar("2026")).isEqualTo("\"2026\"");
  }

  @Test
  void deviceGroupExceptionsAreWrittenAndRead() {
    ActionState action = ActionState.DEFAULT.withDeviceGroupException(new ActionState.DeviceGroupException(
        "Lab", Status.THIRD_PARTY, "vendor AV", Optional.of(LocalDate.of(2027, 6, 30)), "a@x.com", "2026-11-22T06:00:00Z"));
    State state = new State(Map.of("scid_2010", action), List.of());

    String written = new StateWriter().write(state, "");

    assertThat(written).contains("""
            deviceGroupExceptions:
              - group: Lab
                status: third-party
                note: vendor AV
                reviewBy: 2027-06-30
                by: a@x.com
                at: 2026-11-22T06:00:00Z
        """);
    assertThat(read(written)).isEqualTo(state);
  }

  @Test
  void theHeaderIsTheLeadingCommentBlock() {
    assertThat(StateWriter.header("# one\n\n# two\nactions:\n  # inside\n")).isEqualTo("# one\n\n# two\n");
    assertThat(StateWriter.header("actions: {}\n")).isEmpty();
  }
}
