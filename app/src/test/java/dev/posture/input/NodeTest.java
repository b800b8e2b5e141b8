package dev.posture.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.posture.catalog.Level;
import dev.posture.catalog.Tier;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NodeTest {
  private static Node root(String yaml) {
    return DocumentReader.read("n.yaml", yaml.getBytes(StandardCharsets.UTF_8), true, true).rootNode();
  }

  @Test
  void choicesIgnoreCaseSpacesAndSeparatorsAndAcceptAliases() {
    Node n = root("a: defense-in-depth\nb: DEFENSE IN DEPTH\nc: Medium\n");

    assertThat(n.choice("a", Tier.values())).isEqualTo(Tier.DEFENSE_IN_DEPTH);
    assertThat(n.choice("b", Tier.values())).isEqualTo(Tier.DEFENSE_IN_DEPTH);
    assertThat(n.choice("c", Level.values())).isEqualTo(Level.MODERATE);
  }

  @Test
  void aWrongChoiceListsTheAllowedOnes() {
    assertThatThrownBy(() -> root("tier: Basic\n").choice("tier", Tier.values()))
        .hasMessage("n.yaml:1: $.tier: expected one of Core, Defense in depth, Advanced, found 'Basic'");
  }

  @Test
  void unknownFieldsSuggestTheClosestSpelling() {
    assertThatThrownBy(() -> root("titel: x\n").onlyFields(Set.of("title", "id")))
        .hasMessage("n.yaml:1: $.titel: unknown field 'titel' (did you mean 'title'?)");
  }

  @Test
  void misspellingsSuggestTheClosestSpelling() {
    assertThat(Node.didYouMean("titel", Set.of("title", "id"))).isEqualTo(" (did you mean 'title'?)");
    assertThat(Node.didYouMean("Titl", Set.of("title", "tier"))).isEqualTo(" (did you mean 'title'?)");
    assertThat(Node.didYouMean("colour", Set.of("title", "id"))).isEmpty();
    assertThat(Node.nearest("AdminMFA", List.of("AdminMFAV2", "MFARegistrationV2", "AdminMFA"))).containsExactly("AdminMFA", "AdminMFAV2");
  }

  @Test
  void typedAccessorsSayWhatWasExpected() {
    Node n = root("s: [1]\nn: ten\nb: 'yes'\nl: {a: 1}\n");

    assertThatThrownBy(() -> n.text("s")).hasMessage("n.yaml:1: $.s: expected a string, found a list");
    assertThatThrownBy(() -> n.number("n")).hasMessage("n.yaml:2: $.n: expected a number, found 'ten'");
    assertThatThrownBy(() -> n.bool("b", false)).hasMessage("n.yaml:3: $.b: expected true or false, found 'yes'");
    assertThatThrownBy(() -> n.field("l").items()).hasMessage("n.yaml:4: $.l: expected a list, found a mapping");
    assertThatThrownBy(() -> n.text("missing")).hasMessage("n.yaml:1: $: missing required field 'missing'");
  }

  @Test
  void pathsQuoteNamesThatAreNotIdentifiers() {
    Node n = root("'odd key': {x: 1}\n");

    assertThat(n.field("odd key").field("x").path()).isEqualTo("$['odd key'].x");
  }
}
