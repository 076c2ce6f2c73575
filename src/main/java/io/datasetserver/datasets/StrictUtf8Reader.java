package io.datasetserver.datasets;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes UTF-8 with the JDK's decoder set to report, not replace, malformed input (overlong forms,
 * surrogates, code points above U+10FFFF, truncated sequences). Unlike an {@code InputStreamReader}
 * with such a decoder, which fails the whole read that met the bad bytes, it first hands out every
 * character before them and fails only the read that would return the bad ones, so a parser reading
 * through it fails on the row that holds them.
 */
final class StrictUtf8Reader extends Reader {
  /** Bytes read from the stream at a time. */
  static final int BUFFER_BYTES = 8192;

  private final InputStream in;
  private final CharsetDecoder decoder =
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);
  private final ByteBuffer bytes = ByteBuffer.allocate(BUFFER_BYTES).flip();
  private boolean endOfInput;
  private boolean finished;
  private CoderResult failure;

  StrictUtf8Reader(InputStream in) {
    this.in = in;
  }

  /** The bytes are not UTF-8; thrown by the first read that reaches them. */
  static final class NotUtf8 extends CharacterCodingException {
    private static final long serialVersionUID = 1L;

    NotUtf8() {}

    @Override
    public String getMessage() {
      return "the bytes are not valid UTF-8";
    }
  }

  @Override
  public int read(char[] buffer, int offset, int length) throws IOException {
    if (finished) {
      return -1;
    }
    if (length == 0) {
      return 0;
    }
    CharBuffer out = CharBuffer.wrap(buffer, offset, length);
    while (out.position() == offset) {
      if (failure != null) {
        throw new NotUtf8();
      }
      CoderResult result = decoder.decode(bytes, out, endOfInput);
      if (result.isError()) {
        failure = result;
      } else if (result.isUnderflow()) {
        if (endOfInput) {
          decoder.flush(out);
          finished = true;
          return out.position() == offset ? -1 : out.position() - offset;
        } else {
          fill();
        }
      }
    }
    return out.position() - offset;
  }

  /**
   * Keeps the undecoded tail (the start of a sequence cut by the buffer's end) and reads more after
   * it.
   */
  private void fill() throws IOException {
    bytes.compact();
    int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
    if (n < 0) {
      endOfInput = true;
    } else {
      bytes.position(bytes.position() + n);
    }
    bytes.flip();
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
