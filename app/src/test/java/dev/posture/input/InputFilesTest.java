package dev.posture.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

class InputFilesTest {
  @TempDir Path dir;

  @Test
  void aStreamIsReadUpToItsBoundAndNoFurther() throws Exception {
    InputStream in = InputFiles.bounded("<stdin>", new ByteArrayInputStream(new byte[2048]), 1024);

    assertThat(in.readNBytes(1024)).hasSize(1024);
    assertThatThrownBy(in::read).isInstanceOf(InputException.class).hasMessage("<stdin>: is too large; at most 1 KiB is read");
  }

  @Test
  void aFileLargerThanItsBoundIsRefusedBeforeItIsRead() throws Exception {
    Path file = Files.write(dir.resolve("state.yaml"), new byte[3000]);

    assertThatThrownBy(() -> InputFiles.readAll(file, 2048)).isInstanceOf(InputException.class)
        .hasMessage(file + ": is too large (2.9 KiB); at most 2 KiB is read");
    assertThat(InputFiles.readAll(file, 3000)).hasSize(3000);
  }

  @Test
  void whatIsNoRegularFileIsSaidInOneLine() throws Exception {
    Path fifo = dir.resolve("fifo");
    assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();

    assertThatThrownBy(() -> InputFiles.open(fifo, 10)).hasMessage(fifo + ": is a named pipe, not a regular file; to read from a pipe, give - for standard input");
    assertThatThrownBy(() -> InputFiles.open(Path.of("/dev/zero"), 10)).hasMessage("/dev/zero: is a device, not a regular file");
    assertThatThrownBy(() -> InputFiles.open(dir, 10)).hasMessage(dir + ": is a folder; expected a file");
    assertThatThrownBy(() -> InputFiles.open(dir.resolve("none"), 10)).hasMessage(dir.resolve("none") + ": no such file");
  }

  /** Standard input is read once; the readings after the first replay what it gave. */
  @Test
  void aStreamSourceCanBeReadAgain() throws Exception {
    Source source = Source.of("<stdin>", new ByteArrayInputStream("{\"a\": [1, 2]}".getBytes(StandardCharsets.UTF_8)));

    for (int reading = 0; reading < 3; reading++) {
      try (JsonParser parser = source.open()) {
        int tokens = 0;
        while (parser.nextToken() != null) {
          tokens++;
        }
        assertThat(tokens).as("reading %d", reading).isEqualTo(7);
      }
    }
    assertThat(source.yaml()).isFalse();
  }

  /** Past what is kept in memory, the bytes go to a temporary file; every reading gets them all, in order. */
  @Test
  void aStreamLargerThanWhatIsKeptInMemoryIsReadAgainWhole() throws Exception {
    byte[] bytes = new byte[Spool.IN_MEMORY * 2 + 12_345];
    new java.util.Random(7).nextBytes(bytes);
    Spool spool = new Spool(new ByteArrayInputStream(bytes));

    try (InputStream first = spool.replay()) {
      assertThat(first.readNBytes(Spool.IN_MEMORY + 10)).isEqualTo(java.util.Arrays.copyOf(bytes, Spool.IN_MEMORY + 10));
    }
    try (InputStream second = spool.replay()) {
      assertThat(second.readAllBytes()).isEqualTo(bytes);
    }
    assertThat(spool.readAll()).isEqualTo(bytes);
  }

  @Test
  void aTreeHoldsAtMostItsBudgetOfValues() {
    StringBuilder many = new StringBuilder("[0");
    for (int i = 1; i < DocumentReader.MAX_VALUES - 1; i++) {
      many.append(",").append(i);
    }
    byte[] exactly = (many + "]").getBytes(StandardCharsets.UTF_8); // the list and one value fewer than the budget
    assertThat(DocumentReader.read("ok.json", exactly, false, false).root().size()).isEqualTo(DocumentReader.MAX_VALUES - 1);

    byte[] over = (many + ",1]").getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> DocumentReader.read("big.json", over, false, true)).isInstanceOf(InputException.class)
        .hasMessage("big.json:1: $[249999]: more than 250000 values in one document; at most 250000 are read");
  }

  @Test
  void utf16TextThatIsNoTextIsSaidInOneLine() {
    byte[] broken = {(byte) 0xFF, (byte) 0xFE, '{', 0, 0x00, (byte) 0xD8, '}', 0}; // a high surrogate alone

    assertThatThrownBy(() -> DocumentReader.read("x.json", broken, false, false)).isInstanceOf(InputException.class)
        .hasMessage("x.json: not valid UTF-16: a sequence of bytes that is no character; expected UTF-8 or UTF-16 text");
  }

  @Test
  void aJsonTokenOfJacksonIsNeverInAMessage() {
    for (String json : new String[] {"{\"a\": NaN}", "{\"a\": +1}", "{\"a\": 0x1F}", "{/* c */}", "{\"a\": \"\u001E\"}"}) {
      assertThatThrownBy(() -> DocumentReader.read("x.json", json.getBytes(StandardCharsets.UTF_8), false, false))
          .as(json).isInstanceOf(InputException.class)
          .message().doesNotContain("Feature", "JsonReadFeature", "`", "enable");
    }
    assertThat(JsonToken.START_OBJECT).isNotNull();
  }
}
