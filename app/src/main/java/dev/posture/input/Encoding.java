package dev.posture.input;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * One rule for the encoding of every input, a file or standard input, JSON or YAML: UTF-8, or UTF-16
 * when a byte-order mark or the zero bytes of its first two characters say so (as Windows PowerShell
 * writes it), the way JSON and YAML themselves detect it. A UTF-8 byte-order mark is skipped. What
 * follows is handed to the parsers as UTF-8, so positions in messages count characters either way.
 */
final class Encoding {
  private static final int PEEK = 4;

  private Encoding() {}

  /** The text of {@code bytes} as UTF-8, without a byte-order mark. */
  static byte[] utf8(String source, byte[] bytes) {
    Optional<Charset> utf16 = utf16(bytes, bytes.length);
    if (utf16.isEmpty()) {
      return hasUtf8Bom(bytes, bytes.length) ? java.util.Arrays.copyOfRange(bytes, 3, bytes.length) : bytes;
    }
    try (InputStream in = utf8(source, new ByteArrayInputStream(bytes))) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a stream over bytes in memory does not fail
    }
  }

  /** A stream of the text of {@code in} as UTF-8, without a byte-order mark. */
  static InputStream utf8(String source, InputStream in) throws IOException {
    BufferedInputStream buffered = in instanceof BufferedInputStream b ? b : new BufferedInputStream(in, 1 << 16);
    buffered.mark(PEEK);
    byte[] head = buffered.readNBytes(PEEK);
    buffered.reset();
    Optional<Charset> utf16 = utf16(head, head.length);
    if (utf16.isPresent()) {
      if ((head[0] & 0xFF) >= 0xFE) {
        buffered.skipNBytes(2); // the byte-order mark, which the decoder would otherwise keep as U+FEFF
      }
      return new Transcoded(source, new InputStreamReader(buffered, utf16.get().newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)));
    }
    if (hasUtf8Bom(head, head.length)) {
      buffered.skipNBytes(3);
    }
    return buffered;
  }

  private static boolean hasUtf8Bom(byte[] b, int length) {
    return length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF;
  }

  /**
   * UTF-16 by its byte-order mark (not UTF-32's, which starts the same way), or by the zero bytes of
   * two ASCII characters, as every JSON or YAML document starts.
   */
  private static Optional<Charset> utf16(byte[] b, int length) {
    if (length < 2) {
      return Optional.empty();
    }
    int b0 = b[0] & 0xFF;
    int b1 = b[1] & 0xFF;
    boolean utf32 = length >= 4 && b[2] == 0 && b[3] == 0;
    if (b0 == 0xFE && b1 == 0xFF) {
      return Optional.of(StandardCharsets.UTF_16BE);
    }
    if (b0 == 0xFF && b1 == 0xFE && !utf32) {
      return Optional.of(StandardCharsets.UTF_16LE);
    }
    if (length >= 4 && b0 == 0 && b1 != 0 && b[2] == 0 && b[3] != 0) {
      return Optional.of(StandardCharsets.UTF_16BE);
    }
    if (length >= 4 && b0 != 0 && b1 == 0 && b[2] != 0 && b[3] == 0) {
      return Optional.of(StandardCharsets.UTF_16LE);
    }
    return Optional.empty();
  }

  /** UTF-16 text read as UTF-8 bytes. */
  private static final class Transcoded extends BulkInputStream {
    private static final int CHARS = 8192;

    private final String source;
    private final Reader reader;
    private final CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private final CharBuffer chars = CharBuffer.allocate(CHARS);
    /** Three bytes a char at most: a surrogate pair is four bytes for two chars. */
    private final ByteBuffer bytes = ByteBuffer.allocate(CHARS * 3).flip();
    private boolean end;

    Transcoded(String source, Reader reader) {
      this.source = source;
      this.reader = reader;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      if (length == 0) {
        return 0;
      }
      while (!bytes.hasRemaining()) {
        if (!fill()) {
          return -1;
        }
      }
      int n = Math.min(length, bytes.remaining());
      bytes.get(buffer, offset, n);
      return n;
    }

    /** Decodes and re-encodes the next chunk; false at the end. */
    private boolean fill() throws IOException {
      if (end) {
        return false;
      }
      int n;
      try {
        n = reader.read(chars.array(), chars.position(), chars.remaining());
      } catch (CharacterCodingException | CharConversionException e) {
        throw notUtf16();
      }
      end = n < 0;
      chars.position(chars.position() + Math.max(n, 0));
      chars.flip();
      bytes.clear();
      CoderResult result = encoder.encode(chars, bytes, end); // a high surrogate at the end of a chunk waits for its pair
      if (result.isError()) {
        throw notUtf16();
      }
      chars.compact();
      bytes.flip();
      return true;
    }

    private InputException notUtf16() {
      return new InputException(source, "not valid UTF-16: a sequence of bytes that is no character; expected UTF-8 or UTF-16 text");
    }

    @Override
    public void close() throws IOException {
      reader.close();
    }
  }
}
