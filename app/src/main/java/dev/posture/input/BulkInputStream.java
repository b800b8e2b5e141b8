package dev.posture.input;

import java.io.IOException;
import java.io.InputStream;

/** A stream that reads in bulk; a single byte is read as a bulk read of one. */
abstract class BulkInputStream extends InputStream {
  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
  }

  @Override
  public abstract int read(byte[] buffer, int offset, int length) throws IOException;
}
