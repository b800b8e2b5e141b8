package dev.posture.input;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Bounds the length of a line of YAML (given as UTF-8). The YAML reader looks ahead over a run of spaces or a plain
 * value by holding the whole run in memory, four bytes a character, before any other bound applies;
 * a line of a hundred megabytes of spaces would take the heap. No line a person or a tool writes
 * comes near the bound, which leaves room for a string at its own limit and its key.
 */
final class YamlLines extends FilterInputStream {
  /** Four times the longest string, in characters: room for a key, quotes and escapes beside it. */
  static final int MAX_LINE = 4 * 1024 * 1024;

  private final String source;
  private int line = 1;
  private int length;

  YamlLines(String source, InputStream in) {
    super(in);
    this.source = source;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      count((byte) b);
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int count) throws IOException {
    int n = super.read(buffer, offset, count);
    for (int i = offset; i < offset + n; i++) {
      count(buffer[i]);
    }
    return n;
  }

  /** Counts characters: every byte but UTF-8's continuation bytes starts one. */
  private void count(byte b) {
    if (b == '\n') {
      line++;
      length = 0;
    } else if ((b & 0xC0) != 0x80 && ++length > MAX_LINE) {
      throw new InputException(source, line, null, "not valid YAML: a line longer than " + MAX_LINE + " characters");
    }
  }
}
