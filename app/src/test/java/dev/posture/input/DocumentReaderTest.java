package dev.posture.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocumentReaderTest {

  private static Document yaml(String text) {
    return DocumentReader.read("test.yaml", text.getBytes(StandardCharsets.UTF_8), true, true);
  }

  private static Document json(String text) {
    return DocumentReader.read("test.json", text.getBytes(StandardCharsets.UTF_8), false, true);
  }

  @Test
  void recordsTheLineOfEveryValue() {
    Document d = yaml("actions:\n  - id: A\n    check:\n      passes: 'true'\n  - id: B\n");

    assertThat(d.lineOf("$.actions[0].id")).isEqualTo(2);
    assertThat(d.lineOf("$.actions[0].check.passes")).isEqualTo(4);
    assertThat(d.lineOf("$.actions[1]")).isEqualTo(5);
    assertThat(d.lineOf("$.actions[1].missing")).as("falls back to the nearest ancestor").isEqualTo(5);
  }

  @Test
  void skipsAByteOrderMark() {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] body = "{\"a\": 1}".getBytes(StandardCharsets.UTF_8);
    byte[] all = new byte[bom.length + body.length];
    System.arraycopy(bom, 0, all, 0, 3);
    System.arraycopy(body, 0, all, 3, body.length);

    Document d = DocumentReader.read("bom.json", all, null, true);

    assertThat(d.root().get("a").longValue()).isEqualTo(1);
  }

  @Test
  void sniffsTheFormatWhenTheNameDoesNotSay() {
    assertThat(DocumentReader.read("x", "[1, 2]".getBytes(StandardCharsets.UTF_8), null, false).root().size()).isEqualTo(2);
    assertThat(DocumentReader.read("x", "a: b\n".getBytes(StandardCharsets.UTF_8), null, false).root().get("a").stringValue())
        .isEqualTo("b");
  }

  @Test
  void duplicateKeysAreAnError() {
    assertThatThrownBy(() -> yaml("a: 1\nb: 2\na: 3\n"))
        .isInstanceOf(InputException.class)
        .hasMessage("test.yaml:3: $.a: duplicate key 'a'");
  }

  @Test
  void invalidJsonNamesLineAndColumn() {
    assertThatThrownBy(() -> json("{\n  \"a\": 1,\n}\n"))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith("test.json:3: not valid JSON: ")
        .hasMessageContaining("(column 1)");
  }

  @Test
  void emptyFileIsAnError() {
    assertThatThrownBy(() -> yaml(""))
        .isInstanceOf(InputException.class)
        .hasMessage("test.yaml:1: the file is empty; expected a YAML document");
  }

  @Test
  void trailingContentIsAnError() {
    assertThatThrownBy(() -> json("{} {}"))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("unexpected content after the end of the document");
  }

  @Test
  void deepNestingIsRefusedNotAStackOverflow() {
    String deep = "[".repeat(5000) + "]".repeat(5000);

    assertThatThrownBy(() -> json(deep)).isInstanceOf(InputException.class).hasMessageContaining("not valid JSON");
  }

  /** The YAML reader holds a run of spaces or a value on one line whole, so a line is bounded; the line before it is fine. */
  @Test
  void aYamlLinePastItsBoundIsRefusedAtItsLine() {
    String atTheBound = "a: " + "é".repeat(1_000_000) + " ".repeat(YamlLines.MAX_LINE - 1_000_003) + "\n";

    assertThat(yaml(atTheBound).root().get("a").asString()).hasSize(1_000_000);
    assertThatThrownBy(() -> yaml("a: 1\nb: 2\n" + " ".repeat(YamlLines.MAX_LINE + 1) + "c: 3\n"))
        .isInstanceOf(InputException.class)
        .hasMessage("test.yaml:3: not valid YAML: a line longer than 4194304 characters");
  }

  @Test
  void yamlAliasBombIsRefused() {
    StringBuilder bomb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
    char previous = 'a';
    for (char c = 'b'; c <= 'j'; c++) {
      bomb.append(c).append(": &").append(c).append(" [");
      bomb.append(("*" + previous + ", ").repeat(9)).append("*").append(previous).append("]\n");
      previous = c;
    }

    assertThatThrownBy(() -> yaml(bomb.toString()))
        .isInstanceOf(InputException.class)
        .hasMessage("test.yaml:2: $.b[0]: YAML aliases (*name) are not supported; write the value out");
  }

  @Test
  void aFolderWhereAFileWasExpected(@TempDir Path dir) {
    assertThatThrownBy(() -> DocumentReader.read(dir))
        .isInstanceOf(InputException.class)
        .hasMessage(dir + ": is a folder; expected a file");
  }

  @Test
  void aMissingFile(@TempDir Path dir) {
    Path missing = dir.resolve("nope.yaml");

    assertThatThrownBy(() -> DocumentReader.read(missing)).isInstanceOf(InputException.class).hasMessage(missing + ": no such file");
  }

  @Test
  void readsAFileByItsExtension(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("data.yml");
    Files.writeString(file, "n: 2\n");

    assertThat(DocumentReader.read(file).root().get("n").longValue()).isEqualTo(2);
  }
}
