package dev.posture.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.posture.catalog.Category;
import dev.posture.catalog.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of edit, with texts plain YAML could misread, is written and read back by the reader
 * every command uses: nothing posture saves can make the next command fail on its own file.
 */
class EveryEditReadsBackTest {
  private static final Stamp STAMP = new Stamp("megan@x.com", Instant.parse("2026-11-22T06:00:00Z"));
  private static final LocalDate LAST_DAY = LocalDate.of(9999, 12, 31);
  private static final List<String> TEXTS = List.of(
      "plain words", "yes", "~", "null", "True", "2026", "0o17", ".inf", "-dash", "- item", "key: value", "a # not a comment",
      "ends with colon:", "#hash", "'single'", "\"double\"", "[list]", "{map}", "a, b", "&anchor", "*alias", "!tag", "%directive",
      "@at", "`tick", "|pipe", ">fold", "?question", " leading space", "trailing space ", "line\nbreak", "\nleading break",
      "tab\there", "back\\slash", "bell\u0007", "line\u2028separator", "naïve café 日本", "emoji 🎉", "=HYPERLINK(\"x\")",
      "\u202Eright to left", "zero\u200Bwidth");

  @TempDir Path dir;

  private static Decisions on(String id, Category category) {
    return new Decisions(TestActions.action(id, category), false, STAMP);
  }

  /** Each edit posture makes, with {@code text} wherever a person's words go. */
  private static List<UnaryOperator<State>> edits(String text) {
    Decisions identity = on("A", Category.IDENTITY);
    Decisions device = on("scid_1", Category.DEVICE);
    Optional<LocalDate> last = Optional.of(LAST_DAY);
    return List.of(
        s -> identity.setStatus(s, Status.PLANNED, text, Optional.empty(), false),
        s -> identity.setStatus(s, Status.RISK_ACCEPTED, text, last, false),
        s -> identity.setStatus(s, Status.RISK_ACCEPTED, text + " again", Optional.empty(), false),
        s -> identity.setStatus(s, Status.THIRD_PARTY, text, Optional.empty(), false),
        s -> identity.setStatus(s, Status.ALTERNATE_MITIGATION, text, last, false),
        identity::undo,
        s -> identity.setStatus(s, Status.TO_ADDRESS, "", Optional.empty(), false),
        s -> identity.addNote(s, text),
        s -> identity.addNote(s, "second " + text),
        s -> identity.removeNote(s, 1),
        s -> identity.addTags(s, List.of(text, "q1-2027")),
        s -> identity.removeTags(s, List.of("q1-2027")),
        s -> device.setStatus(s, Status.THIRD_PARTY, text, last, true),
        s -> device.exceptDeviceGroup(s, text, Status.RISK_ACCEPTED, text, last),
        s -> identity.requestRemediation(s, LAST_DAY, "lee.gu@contoso.com", text),
        s -> identity.endRemediation(s, RemediationRequest.Kind.CLOSED, text),
        s -> device.requestRemediation(s, LAST_DAY, "", ""),
        s -> device.endRemediation(s, RemediationRequest.Kind.WITHDRAWN, text));
  }

  @Test
  void everyEditWithEveryTextReadsBackAsItWasSaved() throws Exception {
    List<String> failures = new ArrayList<>();
    int file = 0;
    for (String text : TEXTS) {
      Path state = dir.resolve("state-" + file++ + ".yaml");
      for (UnaryOperator<State> edit : edits(text)) {
        StateStore.Update update = new StateStore(state).update(edit);
        State read = new StateLoader().load(state);
        if (!read.equals(update.after())) {
          failures.add(text + ": " + update.after() + " read back as " + read);
        }
      }
      assertThat(new StateLoader().load(state).remediationRequests()).as(text).hasSize(2);
    }
    assertThat(failures).isEmpty();
  }

  @Test
  void everyEditOfAHandWrittenFileReadsBackToo() throws Exception {
    for (String text : TEXTS) {
      Path state = Files.writeString(dir.resolve("hand.yaml"), """
          # kept
          actions:
              A: {status: planned, tags: [x, "y"], notes: [just a note]}
              scid_1:
                  status: to-address   # a comment
                  history:
                  -   {at: 2026-01-01T00:00:00Z, from: to-address, to: planned}
                  -   at: 2026-01-02T00:00:00Z
                      from: planned
                      to: to-address
          remediationRequests: []
          """);
      for (UnaryOperator<State> edit : edits(text)) {
        StateStore.Update update = new StateStore(state).update(edit);
        assertThat(new StateLoader().load(state)).as(text).isEqualTo(update.after());
      }
      assertThat(Files.readString(state)).as(text).startsWith("# kept\nactions:\n");
    }
  }
}
