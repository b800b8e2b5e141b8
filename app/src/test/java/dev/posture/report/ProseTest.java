package dev.posture.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class ProseTest {
  @Test
  void breaksBetweenWordsAndIndentsTheLinesAfterTheFirst() {
    assertThat(Prose.lines("  Impact: ", "    ", "Users sign in again on their next visit", OptionalInt.of(24)))
        .containsExactly("  Impact: Users sign in", "    again on their next", "    visit");
  }

  @Test
  void aWordLongerThanTheLineStaysWholeOnALineOfItsOwn() {
    assertThat(Prose.lines("    - ", "      ", "see https://learn.microsoft.com/entra/identity/conditional-access now", OptionalInt.of(30)))
        .containsExactly("    - see", "      https://learn.microsoft.com/entra/identity/conditional-access", "      now");
  }

  @Test
  void withoutAWidthOrWhenItFitsTheTextStaysOnOneLine() {
    String text = "a sentence that is long enough to need breaking at twenty columns";
    assertThat(Prose.lines("x: ", "  ", text, OptionalInt.empty())).containsExactly("x: " + text);
    assertThat(Prose.lines("x: ", "  ", "short", OptionalInt.of(20))).containsExactly("x: short");
  }

  @Test
  void aLineBreakInTheInputsCannotForgeALine() {
    assertThat(Prose.lines("Note: ", "  ", "fine\nStatus: Completed", OptionalInt.of(80)))
        .containsExactly("Note: fine Status: Completed");
    assertThat(Prose.lines("Note: ", "  ", "fine\nStatus: Completed", OptionalInt.of(16)))
        .containsExactly("Note: fine", "  Status:", "  Completed");
  }
}
