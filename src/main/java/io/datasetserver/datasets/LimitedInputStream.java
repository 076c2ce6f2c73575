package io.datasetserver.datasets;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Fails the read that takes a stream past {@code maxBytes}, so an oversized body or upload is
 * refused while it streams instead of being buffered whole first.
 */
public final class LimitedInputStream extends FilterInputStream {
  private final long maxBytes;
  private long seen;

  public LimitedInputStream(InputStream in, long maxBytes) {
    super(in);
    this.maxBytes = maxBytes;
  }

  /**
   * Thrown from a read once the limit is passed; surfaces through parsers as the cause of their
   * failure.
   */
  public static final class LimitExceeded extends IOException {
    private static final long serialVersionUID = 1L;

    private final long maxBytes;

    LimitExceeded(long maxBytes) {
      super("more than " + maxBytes + " bytes");
      this.maxBytes = maxBytes;
    }

    public long maxBytes() {
      return maxBytes;
    }
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      count(1);
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n = super.read(buffer, offset, length);
    if (n > 0) {
      count(n);
    }
    return n;
  }

  private void count(int n) throws LimitExceeded {
    seen += n;
    if (seen > maxBytes) {
      throw new LimitExceeded(maxBytes);
    }
  }
}
