package dev.posture.input;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Finds the first byte that is not UTF-8, or the first character YAML does not allow (a control
 * character such as NUL), so a message can give its line and column: the YAML reader decodes and
 * checks ahead of parsing and cannot say where it was.
 */
final class Utf8 {
  private static final int CHUNK = 1 << 16;

  private Utf8() {}

  /** @throws InputException at the first malformed byte; reads {@code in} to its end otherwise */
  static void check(String source, InputStream in) throws IOException {
    scan(source, in, false);
  }

  /** @throws InputException at the first malformed byte or character YAML does not allow */
  static void checkYaml(String source, InputStream in) throws IOException {
    scan(source, in, true);
  }

  private static void scan(String source, InputStream in, boolean yaml) throws IOException {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer bytes = ByteBuffer.allocate(CHUNK);
    CharBuffer chars = CharBuffer.allocate(CHUNK); // a byte decodes to one char at most
    long line = 1;
    long column = 1;
    boolean end = false;
    while (!end || bytes.position() > 0) {
      int read = end ? -1 : in.read(bytes.array(), bytes.position(), bytes.remaining());
      end = read < 0;
      bytes.position(bytes.position() + Math.max(read, 0));
      bytes.flip();
      CoderResult result = decoder.decode(bytes, chars, end);
      chars.flip();
      while (chars.hasRemaining()) {
        char c = chars.get();
        if (c == '\n') {
          line++;
          column = 1;
          continue;
        }
        if (yaml && !allowedInYaml(c)) {
          throw new InputException(source, lineNumber(line), null, String.format(
              "not valid YAML: the character U+%04X is not allowed (column %d)", (int) c, column));
        }
        if (!Character.isLowSurrogate(c)) { // count characters, not the halves of one
          column++;
        }
      }
      if (result.isError()) {
        throw new InputException(source, lineNumber(line), null, String.format(
            "not valid UTF-8: byte 0x%02x (column %d); expected a text file in UTF-8", bytes.get() & 0xFF, column));
      }
      chars.clear();
      bytes.compact();
      if (end && bytes.position() > 0) {
        return; // a sequence cut short by the end: the decoder reports it as an error above
      }
    }
  }

  /** YAML's printable characters (its spec, 5.1), the only ones its reader accepts. */
  private static boolean allowedInYaml(char c) {
    return c == '\t' || c == '\r' || c == 0x85 || (c >= 0x20 && c <= 0x7E) || (c >= 0xA0 && c <= 0xFFFD);
  }

  private static int lineNumber(long line) {
    return (int) Math.min(line, Integer.MAX_VALUE);
  }
}
