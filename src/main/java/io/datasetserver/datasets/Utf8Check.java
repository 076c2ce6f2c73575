package io.datasetserver.datasets;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Passes bytes through unchanged while checking that they are UTF-8, and remembers the line
 * (counted by {@code \n}) of the first invalid sequence, so a reader that decodes ahead of
 * its parser can still tell which row was bad.
 */
final class Utf8Check extends FilterInputStream {
  private long line = 1;
  private long firstInvalidLine = -1;
  /** Continuation bytes still expected for the current character. */
  private int pending;

  Utf8Check(InputStream in) {
    super(in);
  }

  /** The 1-based line of the first invalid byte, or -1 while everything read was valid. */
  long firstInvalidLine() {
    return firstInvalidLine;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      check(b);
    } else if (pending > 0) {
      invalid();
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n = super.read(buffer, offset, length);
    for (int i = 0; i < n; i++) {
      check(buffer[offset + i] & 0xFF);
    }
    if (n < 0 && pending > 0) {
      invalid();
    }
    return n;
  }

  private void check(int b) {
    if (pending > 0) {
      if ((b & 0xC0) == 0x80) {
        pending--;
        return;
      }
      invalid();
      pending = 0;
    }
    if (b == '\n') {
      line++;
    } else if (b >= 0xC2 && b <= 0xDF) {
      pending = 1;
    } else if (b >= 0xE0 && b <= 0xEF) {
      pending = 2;
    } else if (b >= 0xF0 && b <= 0xF4) {
      pending = 3;
    } else if (b >= 0x80) {
      invalid();
    }
  }

  private void invalid() {
    if (firstInvalidLine < 0) {
      firstInvalidLine = line;
    }
  }
}
