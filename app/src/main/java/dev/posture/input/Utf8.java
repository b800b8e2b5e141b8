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
 * Finds the first byte that is not UTF-8, so a message can give its line and column: the YAML reader
 * decodes ahead of parsing and cannot say where it was.
 */
final class Utf8 {
  private static final int CHUNK = 1 << 16;

  private Utf8() {}

  /** @throws InputException at the first malformed byte; reads {@code in} to its end otherwise */
  static void check(String source, InputStream in) throws IOException {
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
      int from = bytes.position();
      CoderResult result = decoder.decode(bytes, chars, end);
      for (int i = from; i < bytes.position(); i++) {
        byte b = bytes.get(i);
        if (b == '\n') {
          line++;
          column = 1;
        } else if ((b & 0xC0) != 0x80) { // count characters, not the continuation bytes of one
          column++;
        }
      }
      if (result.isError()) {
        throw new InputException(source, (int) Math.min(line, Integer.MAX_VALUE), null, String.format(
            "not valid UTF-8: byte 0x%02x (column %d); expected a text file in UTF-8", bytes.get() & 0xFF, column));
      }
      chars.clear();
      bytes.compact();
      if (end && bytes.position() > 0) {
        return; // a sequence cut short by the end: the decoder reports it as an error above
      }
    }
  }
}
