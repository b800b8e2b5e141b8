package dev.posture.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.posture.catalog.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateLoaderTest {
  @TempDir Path dir;

  private State load(String content) throws Exception {
    Path file = dir.resolve("posture-state.yaml");
    Files.writeString(file, content);
    return new StateLoader().load(file);
  }

  @Test
  void aMissingStateFileIsEmpty() {
    assertThat(new StateLoader().load(dir.resolve("posture-state.yaml"))).isEqualTo(State.EMPTY);
  }

  @Test
  void readsStatusesNotesTagsReviewDatesHistoryAndRequests() throws Exception {
    State s = load("""
        actions:
          A:
            status: risk-accepted
            notes: [{text: Accepted for now, by: x@t.com, at: '2026-11-01T10:00:00Z'}, plain note]
            tags: [q1]
            reviewBy: 2027-01-31
            history:
              - {at: '2026-11-01T10:00:00Z', by: x@t.com, from: to-address, to: risk-accepted, note: why}
          B: {status: Planned}
        remediationRequests:
          - {action: scid_2090, due: 2026-12-15, owner: it@t.com, note: laptops first}
        """);

    ActionState a = s.of("A");
    assertThat(a.status()).isEqualTo(Status.RISK_ACCEPTED);
    assertThat(a.notes()).extracting(ActionState.Note::text).containsExactly("Accepted for now", "plain note");
    assertThat(a.tags()).containsExactly("q1");
    assertThat(a.reviewBy()).contains(LocalDate.of(2027, 1, 31));
    assertThat(a.history()).containsExactly(
        new ActionState.Change("2026-11-01T10:00:00Z", "x@t.com", Status.TO_ADDRESS, Status.RISK_ACCEPTED, "why"));
    assertThat(s.of("B").status()).as("labels are accepted too").isEqualTo(Status.PLANNED);
    assertThat(s.of("C")).isEqualTo(ActionState.DEFAULT);
    assertThat(s.remediationRequests()).containsExactly(
        new RemediationRequest("scid_2090", LocalDate.of(2026, 12, 15), "it@t.com", "laptops first", "", ""));
  }

  @Test
  void anEmptyFileIsAnEmptyState() throws Exception {
    assertThat(load("# nothing decided yet\n---\n")).isEqualTo(State.EMPTY);
  }

  @Test
  void derivedStatusesCannotBeRecorded() {
    assertThatThrownBy(() -> load("actions:\n  A:\n    status: regressed\n"))
        .hasMessageEndingWith("posture-state.yaml:3: $.actions.A.status: Regressed is derived from the data and cannot be recorded; "
            + "expected to-address, planned, risk-accepted, third-party or alternate-mitigation");
  }

  @Test
  void badDatesAndUnknownFields() {
    assertThatThrownBy(() -> load("actions:\n  A:\n    reviewBy: next week\n"))
        .hasMessageEndingWith("$.actions.A.reviewBy: expected a date such as 2027-03-31, found 'next week'");
    assertThatThrownBy(() -> load("actions:\n  A:\n    statut: planned\n"))
        .hasMessageEndingWith("unknown field 'statut' (did you mean 'status'?)");
    assertThatThrownBy(() -> load("remediationRequests:\n  - {action: A}\n"))
        .hasMessageEndingWith("$.remediationRequests[0]: missing required field 'due'");
  }
}
