package dev.posture.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.posture.catalog.Category;
import dev.posture.catalog.Status;
import dev.posture.input.InputException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DecisionsTest {
  private static final Stamp MEGAN = new Stamp("megan@x.com", Instant.parse("2026-11-22T06:00:00Z"));
  private static final Stamp LEE = new Stamp("lee@x.com", Instant.parse("2026-11-23T08:30:00Z"));
  private static final Optional<LocalDate> NO_DATE = Optional.empty();

  private static Decisions identity(Stamp stamp) {
    return new Decisions(TestActions.action("Mfa", Category.IDENTITY), false, stamp);
  }

  private static Decisions device(Stamp stamp) {
    return new Decisions(TestActions.action("scid_1", Category.DEVICE), false, stamp);
  }

  @Test
  void aChangeIsRecordedWithWhoWhenFromToAndWhy() {
    State state = identity(MEGAN).setStatus(State.EMPTY, Status.PLANNED, "next sprint", NO_DATE, false);

    assertThat(state.of("Mfa").status()).isEqualTo(Status.PLANNED);
    assertThat(state.of("Mfa").history()).containsExactly(
        new ActionState.Change("2026-11-22T06:00:00Z", "megan@x.com", Status.TO_ADDRESS, Status.PLANNED, "next sprint"));
  }

  @Test
  void undoRestoresThePreviousStatusAndIsRecordedToo() {
    State planned = identity(MEGAN).setStatus(State.EMPTY, Status.PLANNED, "", NO_DATE, false);
    State accepted = identity(MEGAN).setStatus(planned, Status.RISK_ACCEPTED, "legacy app", Optional.of(LocalDate.of(2027, 1, 1)), false);

    State undone = identity(LEE).undo(accepted);
    State redone = identity(LEE).undo(undone);

    assertThat(undone.of("Mfa").status()).isEqualTo(Status.PLANNED);
    assertThat(undone.of("Mfa").reviewBy()).isEmpty();
    assertThat(undone.of("Mfa").history()).hasSize(3).last().isEqualTo(new ActionState.Change(
        "2026-11-23T08:30:00Z", "lee@x.com", Status.RISK_ACCEPTED, Status.PLANNED, "undo of the change of 2026-11-22T06:00:00Z"));
    assertThat(redone.of("Mfa").status()).isEqualTo(Status.RISK_ACCEPTED);
    assertThat(redone.of("Mfa").history()).hasSize(4);
  }

  @Test
  void nothingToUndoIsRefused() {
    assertThatThrownBy(() -> identity(MEGAN).undo(State.EMPTY))
        .isInstanceOf(RefusedEditException.class).hasMessage("Mfa has no status change to undo");
  }

  @Test
  void settingTheSameStatusWithNothingNewChangesNothing() {
    State planned = identity(MEGAN).setStatus(State.EMPTY, Status.PLANNED, "", NO_DATE, false);

    assertThat(identity(LEE).setStatus(planned, Status.PLANNED, "", NO_DATE, false)).isEqualTo(planned);
  }

  @Test
  void aNewJustificationOfTheSameStatusIsAReviewThatKeepsTheReviewDate() {
    Optional<LocalDate> march = Optional.of(LocalDate.of(2027, 3, 31));
    State accepted = identity(MEGAN).setStatus(State.EMPTY, Status.RISK_ACCEPTED, "Partner CRMs", march, false);

    State reviewed = identity(LEE).setStatus(accepted, Status.RISK_ACCEPTED, "Re-reviewed", NO_DATE, false);

    ActionState mfa = reviewed.of("Mfa");
    assertThat(mfa.status()).isEqualTo(Status.RISK_ACCEPTED);
    assertThat(mfa.reviewBy()).as("kept: the review gave no new date").isEqualTo(march);
    assertThat(mfa.history()).hasSize(2).last().isEqualTo(new ActionState.Change(
        "2026-11-23T08:30:00Z", "lee@x.com", Status.RISK_ACCEPTED, Status.RISK_ACCEPTED, "Re-reviewed", NO_DATE));
    assertThat(mfa.history().get(1).isReview()).isTrue();
    assertThat(mfa.history().get(0).isReview()).isFalse();

    Optional<LocalDate> june = Optional.of(LocalDate.of(2027, 6, 30));
    State extended = identity(LEE).setStatus(reviewed, Status.RISK_ACCEPTED, "Partners move in May", june, false);
    assertThat(extended.of("Mfa").reviewBy()).isEqualTo(june);
    assertThat(extended.of("Mfa").history()).last().extracting(ActionState.Change::reviewBy).isEqualTo(june);
  }

  @Test
  void aNoteGivenWithAStatusIsOneOfTheActionsNotes() {
    State accepted = identity(MEGAN).setStatus(State.EMPTY, Status.RISK_ACCEPTED, "Partner CRMs", NO_DATE, false);
    State reviewed = identity(LEE).setStatus(accepted, Status.RISK_ACCEPTED, "Re-reviewed", NO_DATE, false);
    State undone = identity(LEE).undo(reviewed);

    assertThat(reviewed.of("Mfa").notes()).containsExactly(
        new ActionState.Note("Partner CRMs", "megan@x.com", "2026-11-22T06:00:00Z"),
        new ActionState.Note("Re-reviewed", "lee@x.com", "2026-11-23T08:30:00Z"));
    assertThat(undone.of("Mfa").notes()).as("an undo writes its own reason in the history only").hasSize(2);
  }

  @Test
  void aValueTheStateFileCannotHoldIsInvalidInput() {
    assertThatThrownBy(() -> identity(MEGAN).addNote(State.EMPTY, " \n\n "))
        .isInstanceOf(InputException.class).hasMessage("Mfa: the note is empty; expected some text");
    assertThatThrownBy(() -> identity(MEGAN).addTags(State.EMPTY, List.of("q1", "  ")))
        .isInstanceOf(InputException.class).hasMessage("Mfa: a tag is empty; expected a word such as q1-2027");
    assertThatThrownBy(() -> identity(MEGAN).setStatus(State.EMPTY, Status.RISK_ACCEPTED, "ok", Optional.of(LocalDate.MAX), false))
        .isInstanceOf(InputException.class)
        .hasMessage("Mfa: the review date +999999999-12-31 is too far ahead; expected a date up to 9999-12-31");
    assertThatThrownBy(() -> identity(MEGAN).requestRemediation(State.EMPTY, LocalDate.of(10000, 1, 1), "", ""))
        .isInstanceOf(InputException.class)
        .hasMessage("Mfa: the due date +10000-01-01 is too far ahead; expected a date up to 9999-12-31");
    assertThat(identity(MEGAN).requestRemediation(State.EMPTY, LocalDate.of(9999, 12, 31), "", "").remediationRequests()).hasSize(1);
  }

  @Test
  void acceptingARiskOrResolvingElsewhereNeedsAJustification() {
    for (Status status : List.of(Status.RISK_ACCEPTED, Status.THIRD_PARTY, Status.ALTERNATE_MITIGATION)) {
      assertThatThrownBy(() -> identity(MEGAN).setStatus(State.EMPTY, status, " ", NO_DATE, false))
          .isInstanceOf(RefusedEditException.class).hasMessage(status.key() + " needs a justification: give it with --note TEXT");
    }
  }

  @Test
  void aReviewDateGoesWithAJustifiedStatusAndNotInThePast() {
    assertThatThrownBy(() -> identity(MEGAN).setStatus(State.EMPTY, Status.PLANNED, "", Optional.of(LocalDate.of(2027, 1, 1)), false))
        .hasMessage("--review-by goes with risk-accepted, third-party or alternate-mitigation, not planned");
    assertThatThrownBy(() -> identity(MEGAN).setStatus(State.EMPTY, Status.RISK_ACCEPTED, "ok", Optional.of(LocalDate.of(2026, 11, 21)), false))
        .hasMessage("the review date 2026-11-21 is in the past");
  }

  @Test
  void derivedStatusesCannotBeSet() {
    for (Status status : List.of(Status.COMPLETED, Status.REGRESSED, Status.ERROR)) {
      assertThatThrownBy(() -> identity(MEGAN).setStatus(State.EMPTY, status, "", NO_DATE, false))
          .isInstanceOf(RefusedEditException.class).hasMessageStartingWith(status.label() + " is derived from the data");
    }
  }

  @Test
  void aCompletedActionCannotBeChangedNorUndone() {
    Decisions completed = new Decisions(TestActions.action("Mfa", Category.IDENTITY), true, MEGAN);

    assertThatThrownBy(() -> completed.setStatus(State.EMPTY, Status.PLANNED, "", NO_DATE, false))
        .hasMessage("Mfa is Completed: the data gives it full points, so its status cannot be set or changed");
    assertThatThrownBy(() -> completed.undo(State.EMPTY)).hasMessageStartingWith("Mfa is Completed");
  }

  @Test
  void aDeviceActionChangesOnlyThroughAGlobalException() {
    assertThatThrownBy(() -> device(MEGAN).setStatus(State.EMPTY, Status.THIRD_PARTY, "vendor", NO_DATE, false))
        .hasMessageStartingWith("scid_1 is a Device action: its status comes from Defender Vulnerability Management");
    assertThatThrownBy(() -> device(MEGAN).setStatus(State.EMPTY, Status.PLANNED, "", NO_DATE, true))
        .hasMessage("a global exception is third-party, alternate-mitigation or risk-accepted, not planned");
    assertThatThrownBy(() -> identity(MEGAN).setStatus(State.EMPTY, Status.THIRD_PARTY, "x", NO_DATE, true))
        .hasMessage("--global-exception applies to Device actions only; Mfa is in Identity");

    State excepted = device(MEGAN).setStatus(State.EMPTY, Status.THIRD_PARTY, "vendor", NO_DATE, true);

    assertThat(excepted.of("scid_1").status()).isEqualTo(Status.THIRD_PARTY);
  }

  @Test
  void aDeviceGroupExceptionIsRecordedButLeavesTheStatus() {
    State state = device(MEGAN).exceptDeviceGroup(State.EMPTY, "Lab", Status.RISK_ACCEPTED, "kiosks", Optional.of(LocalDate.of(2027, 2, 1)));

    assertThat(state.of("scid_1").status()).isEqualTo(Status.TO_ADDRESS);
    assertThat(state.of("scid_1").history()).isEmpty();
    assertThat(state.of("scid_1").deviceGroupExceptions()).containsExactly(new ActionState.DeviceGroupException(
        "Lab", Status.RISK_ACCEPTED, "kiosks", Optional.of(LocalDate.of(2027, 2, 1)), "megan@x.com", "2026-11-22T06:00:00Z"));
    assertThatThrownBy(() -> device(MEGAN).exceptDeviceGroup(State.EMPTY, "Lab", Status.RISK_ACCEPTED, "", NO_DATE))
        .hasMessage("risk-accepted needs a justification: give it with --note TEXT");
    assertThatThrownBy(() -> identity(MEGAN).exceptDeviceGroup(State.EMPTY, "Lab", Status.RISK_ACCEPTED, "x", NO_DATE))
        .hasMessage("--device-group applies to Device actions only; Mfa is in Identity");
  }

  @Test
  void notesAreAddedAndRemovedByNumber() {
    State two = identity(LEE).addNote(identity(MEGAN).addNote(State.EMPTY, "first"), "second");

    State one = identity(LEE).removeNote(two, 1);

    assertThat(one.of("Mfa").notes()).containsExactly(new ActionState.Note("second", "lee@x.com", "2026-11-23T08:30:00Z"));
    assertThatThrownBy(() -> identity(LEE).removeNote(one, 2)).hasMessage("Mfa has 1 note; there is no note 2");
  }

  @Test
  void tagsAreAddedOnceAndRemovedWhenPresent() {
    State tagged = identity(MEGAN).addTags(identity(MEGAN).addTags(State.EMPTY, List.of("q1", "vip")), List.of("vip", "q2"));

    assertThat(tagged.of("Mfa").tags()).containsExactly("q1", "vip", "q2");
    assertThat(identity(MEGAN).removeTags(tagged, List.of("vip")).of("Mfa").tags()).containsExactly("q1", "q2");
    assertThatThrownBy(() -> identity(MEGAN).removeTags(tagged, List.of("q3"))).hasMessage("Mfa has no tag 'q3'; its tags: q1, vip, q2");
  }

  @Test
  void aRemediationRequestIsAppendedAndMayNotBeDueInThePast() {
    State state = identity(MEGAN).requestRemediation(State.EMPTY, LocalDate.of(2026, 12, 15), "lee@x.com", "three laptops");

    assertThat(state.remediationRequests()).containsExactly(new RemediationRequest(
        "Mfa", LocalDate.of(2026, 12, 15), "lee@x.com", "three laptops", "megan@x.com", "2026-11-22T06:00:00Z"));
    assertThatThrownBy(() -> identity(MEGAN).requestRemediation(State.EMPTY, LocalDate.of(2026, 11, 21), "", ""))
        .hasMessage("the due date 2026-11-21 is in the past");
  }

  @Test
  void aCompletedActionHasNothingToRemediate() {
    Decisions completed = new Decisions(TestActions.action("Mfa", Category.IDENTITY), true, MEGAN);

    assertThatThrownBy(() -> completed.requestRemediation(State.EMPTY, LocalDate.of(2026, 12, 15), "", ""))
        .isInstanceOf(RefusedEditException.class)
        .hasMessage("Mfa is Completed: the data gives it full points, so there is nothing to remediate");
  }

  @Test
  void theOwnerOfARequestIsAnEmailAddress() {
    for (String owner : List.of("not an email", "lee", "lee@", "@contoso.com", "lee@contoso", "lee gu@contoso.com")) {
      assertThatThrownBy(() -> identity(MEGAN).requestRemediation(State.EMPTY, LocalDate.of(2026, 12, 15), owner, ""))
          .as(owner).isInstanceOf(InputException.class)
          .hasMessage("Mfa: the owner '" + owner + "' is no email address; expected a sign-in name such as lee.gu@contoso.com");
    }
    assertThat(identity(MEGAN).requestRemediation(State.EMPTY, LocalDate.of(2026, 12, 15), "lee.gu@contoso.onmicrosoft.com", "")
        .remediationRequests()).hasSize(1);
  }

  @Test
  void anActionHasOneOpenRequestWhichIsClosedOrWithdrawnNeverRemoved() {
    LocalDate due = LocalDate.of(2026, 12, 15);
    State requested = identity(MEGAN).requestRemediation(State.EMPTY, due, "lee@x.com", "three laptops");

    assertThatThrownBy(() -> identity(MEGAN).requestRemediation(requested, due, "", ""))
        .isInstanceOf(RefusedEditException.class)
        .hasMessage("Mfa already has an open remediation request, due 2026-12-15 from lee@x.com; close or withdraw it first");

    State closed = identity(LEE).endRemediation(requested, RemediationRequest.Kind.CLOSED, "all encrypted");
    assertThat(closed.remediationRequests()).containsExactly(new RemediationRequest("Mfa", due, "lee@x.com", "three laptops",
        "megan@x.com", "2026-11-22T06:00:00Z",
        Optional.of(new RemediationRequest.Ending(RemediationRequest.Kind.CLOSED, "lee@x.com", "2026-11-23T08:30:00Z", "all encrypted"))));
    assertThat(closed.remediationRequests().get(0).state()).isEqualTo("closed");
    assertThatThrownBy(() -> identity(LEE).endRemediation(closed, RemediationRequest.Kind.WITHDRAWN, ""))
        .isInstanceOf(RefusedEditException.class)
        .hasMessage("Mfa has no open remediation request; its request was closed or withdrawn already");

    State again = identity(MEGAN).requestRemediation(closed, due.plusDays(7), "", "");
    State withdrawn = identity(MEGAN).endRemediation(again, RemediationRequest.Kind.WITHDRAWN, "");
    assertThat(withdrawn.remediationRequests()).extracting(RemediationRequest::state).containsExactly("closed", "withdrawn");
    assertThatThrownBy(() -> identity(MEGAN).endRemediation(State.EMPTY, RemediationRequest.Kind.CLOSED, ""))
        .hasMessage("Mfa has no open remediation request");
  }
}
