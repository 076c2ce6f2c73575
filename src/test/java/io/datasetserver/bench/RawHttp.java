package io.datasetserver.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A minimal keep-alive HTTP/1.1 client over one socket: the load driver's own cost stays small next
 * to the server's (it shares the machine's two cores with it), and a body can be read at the
 * caller's pace, which figure f needs to catch the server mid-response. Java's {@code HttpClient}
 * is not used: its per-request overhead is several times this one's.
 */
final class RawHttp implements Closeable {
  static final String API_KEY = "hl_dev_local_development_key";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final int port;
  private Socket socket;
  private InputStream in;
  private OutputStream out;

  RawHttp(int port) {
    this.port = port;
  }

  record Response(int status, byte[] body) {
    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    Response requireOk(String what) {
      if (status != 200) {
        throw new IllegalStateException(
            what
                + " answered "
                + status
                + ": "
                + (body.length > 500
                    ? new String(body, 0, 500, StandardCharsets.UTF_8) + "…"
                    : text()));
      }
      return this;
    }
  }

  /** The response's body as JSON. */
  static JsonNode json(Response response) {
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A request's bytes, built once and sent many times. */
  static byte[] request(String method, String target, byte[] body) {
    return request(method, target, body, API_KEY);
  }

  /** {@link #request(String, String, byte[])} as the caller that {@code apiKey} names. */
  static byte[] request(String method, String target, byte[] body, String apiKey) {
    StringBuilder head =
        new StringBuilder(128)
            .append(method)
            .append(' ')
            .append(target)
            .append(" HTTP/1.1\r\n")
            .append("Host: 127.0.0.1\r\n")
            .append("X-API-KEY: ")
            .append(apiKey)
            .append("\r\n");
    if (body != null) {
      head.append("Content-Type: application/json\r\nContent-Length: ")
          .append(body.length)
          .append("\r\n");
    }
    head.append("\r\n");
    byte[] headBytes = head.toString().getBytes(StandardCharsets.US_ASCII);
    if (body == null) {
      return headBytes;
    }
    byte[] all = new byte[headBytes.length + body.length];
    System.arraycopy(headBytes, 0, all, 0, headBytes.length);
    System.arraycopy(body, 0, all, headBytes.length, body.length);
    return all;
  }

  Response get(String target) {
    return send(request("GET", target, null));
  }

  Response post(String target, byte[] body) {
    return send(request("POST", target, body));
  }

  /** Sends a prepared request and reads the whole response. */
  Response send(byte[] request) {
    try (Body body = open(request)) {
      ByteArrayOutputStream content =
          new ByteArrayOutputStream(Math.max(256, (int) Math.min(body.declaredLength, 1 << 24)));
      body.transferTo(content);
      return new Response(body.status, content.toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Sends a prepared request and returns the response body to be read at the caller's pace. */
  Body open(byte[] request) throws IOException {
    boolean reused = socket != null;
    if (!reused) {
      connect();
    }
    try {
      out.write(request);
      out.flush();
      return readHead();
    } catch (IOException e) {
      close();
      if (!reused || !(e instanceof NoResponseException || e instanceof java.net.SocketException)) {
        throw e;
      }
      // The server closed the idle keep-alive connection before it saw this request: resend once.
      connect();
      out.write(request);
      out.flush();
      return readHead();
    }
  }

  /** The connection ended before the first byte of a response. */
  private static final class NoResponseException extends EOFException {
    private static final long serialVersionUID = 1L;

    NoResponseException() {
      super("connection closed by the server before it answered");
    }
  }

  private void connect() throws IOException {
    socket = new Socket();
    socket.setTcpNoDelay(true);
    socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
    socket.setSoTimeout(120_000);
    in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
    out = socket.getOutputStream();
  }

  private Body readHead() throws IOException {
    int first = in.read();
    if (first < 0) {
      throw new NoResponseException();
    }
    String statusLine = (char) first + line();
    if (!statusLine.startsWith("HTTP/1.1 ")) {
      throw new IOException("not an HTTP/1.1 response: " + statusLine);
    }
    int status = Integer.parseInt(statusLine.substring(9, 12));
    long length = -1;
    boolean chunked = false;
    boolean close = false;
    for (String header = line(); !header.isEmpty(); header = line()) {
      int colon = header.indexOf(':');
      String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
      String value = header.substring(colon + 1).trim();
      switch (name) {
        case "content-length" -> length = Long.parseLong(value);
        case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
        case "connection" -> close = value.equalsIgnoreCase("close");
        default -> {}
      }
    }
    if (status == 204 || status == 304) {
      length = 0; // never a body (RFC 9110 §15.3.5), whatever the headers say
    } else if (!chunked && length < 0) {
      close = true; // body runs to the end of the connection
    }
    return new Body(status, chunked, length, close);
  }

  private String line() throws IOException {
    StringBuilder line = new StringBuilder(64);
    for (int c = in.read(); c != '\n'; c = in.read()) {
      if (c < 0) {
        throw new EOFException("connection closed by the server");
      }
      if (c != '\r') {
        line.append((char) c);
      }
    }
    return line.toString();
  }

  @Override
  public void close() {
    if (socket != null) {
      try {
        socket.close();
      } catch (IOException ignored) {
        // closing anyway
      }
      socket = null;
    }
  }

  /** A response body: Content-Length, chunked, or up to the end of the connection. */
  final class Body extends InputStream {
    final int status;
    final long declaredLength;
    private final boolean chunked;
    private final boolean closeAfter;
    private long left;
    private boolean done;

    private Body(int status, boolean chunked, long length, boolean closeAfter) {
      this.status = status;
      this.chunked = chunked;
      this.declaredLength = length;
      this.closeAfter = closeAfter;
      this.left = chunked ? 0 : length;
      this.done = !chunked && length == 0;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      if (done) {
        return -1;
      }
      if (chunked && left == 0) {
        String size = line();
        int semicolon = size.indexOf(';');
        left = Long.parseLong((semicolon >= 0 ? size.substring(0, semicolon) : size).trim(), 16);
        if (left == 0) {
          while (!line().isEmpty()) {
            // trailers
          }
          done = true;
          return -1;
        }
      }
      int want = left < 0 ? length : (int) Math.min(length, left);
      int n = in.read(buffer, offset, want);
      if (n < 0) {
        if (left < 0) {
          done = true;
          return -1;
        }
        throw new EOFException("response body cut short");
      }
      if (left > 0) {
        left -= n;
        if (left == 0 && chunked) {
          line(); // CRLF after the chunk
        } else if (left == 0) {
          done = true;
        }
      }
      return n;
    }

    @Override
    public void close() throws IOException {
      if (!done) {
        // Drain so the connection can carry the next request.
        byte[] sink = new byte[1 << 14];
        while (read(sink, 0, sink.length) >= 0) {
          // discard
        }
      }
      if (closeAfter) {
        RawHttp.this.close();
      }
    }
  }
}
