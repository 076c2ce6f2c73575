package io.datasetserver.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.datasetserver.testing.Api;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The fuzzer's requests: through {@link Api} (any header, any method), or over a plain socket for
 * what Java's {@code HttpClient} cannot send at all: request targets that {@link URI} refuses, such
 * as {@code %ZZ} or raw non-ASCII bytes. Replies of both look alike.
 */
final class Wire {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  /** A Java stack frame as printed by Throwable.printStackTrace. */
  private static final Pattern STACK_FRAME =
      Pattern.compile(
          "[\\w$.]+\\.[\\w$<>]+\\((?:[\\w$]+\\.java:\\d+|Native Method|Unknown Source)\\)");

  private final int port;

  Wire(int port) {
    this.port = port;
  }

  /** One request; {@code target} is the path and query, sent byte for byte when {@code raw}. */
  record Request(
      String method, String target, Map<String, String> headers, byte[] body, boolean raw) {
    Request {
      headers = new LinkedHashMap<>(headers);
    }
  }

  /** A response; header names are lower-cased. */
  record Reply(int status, Map<String, String> headers, byte[] body) {
    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }

    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    /** The body as JSON, or null when it is not JSON. */
    JsonNode json() {
      try {
        return body.length == 0 ? null : JSON.readTree(body);
      } catch (IOException e) {
        return null;
      }
    }

    boolean showsStackTrace() {
      String text = text();
      return STACK_FRAME.matcher(text).find()
          || text.contains("Caused by:")
          || text.contains("Root Cause:");
    }

    @Override
    public String toString() {
      String text = text();
      return status
          + " "
          + headers
          + " "
          + (text.length() > 500 ? text.substring(0, 500) + "…(" + body.length + " bytes)" : text);
    }
  }

  Reply send(Request request) throws IOException {
    if (request.raw()) {
      return sendRaw(request);
    }
    Api.Response response;
    try {
      response =
          new Api(port)
              .as(null)
              .withTimeout(TIMEOUT)
              .withHeaders(request.headers())
              .send(request.method(), request.target(), request.body(), null);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    Map<String, String> headers = new TreeMap<>();
    response
        .headers()
        .map()
        .forEach(
            (name, values) -> headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
    return new Reply(response.status(), headers, response.bytes());
  }

  /**
   * Writes the request as is over a fresh connection ({@code Connection: close}) and parses the
   * reply.
   */
  Reply sendRaw(Request request) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    head.write((request.method() + " ").getBytes(StandardCharsets.ISO_8859_1));
    head.write(request.target().getBytes(StandardCharsets.ISO_8859_1));
    StringBuilder headers =
        new StringBuilder(" HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n");
    request
        .headers()
        .forEach((name, value) -> headers.append(name).append(": ").append(value).append("\r\n"));
    if (request.body() != null) {
      headers.append("Content-Length: ").append(request.body().length).append("\r\n");
    }
    headers.append("\r\n");
    head.write(headers.toString().getBytes(StandardCharsets.ISO_8859_1));
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout((int) TIMEOUT.toMillis());
      OutputStream out = socket.getOutputStream();
      out.write(head.toByteArray());
      if (request.body() != null) {
        out.write(request.body());
      }
      out.flush();
      return parse(socket.getInputStream());
    }
  }

  private static Reply parse(InputStream in) throws IOException {
    byte[] all = in.readAllBytes();
    int end = indexOf(all, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), 0);
    if (end < 0) {
      throw new IOException("no complete response head in " + all.length + " bytes");
    }
    String[] lines = new String(all, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    Map<String, String> headers = new TreeMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) {
        headers.merge(
            lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
            lines[i].substring(colon + 1).trim(),
            (a, b) -> a + "," + b);
      }
    }
    byte[] body = java.util.Arrays.copyOfRange(all, end + 4, all.length);
    if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      body = dechunk(body);
    }
    return new Reply(status, headers, body);
  }

  private static byte[] dechunk(byte[] chunked) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int at = 0;
    while (at < chunked.length) {
      int lineEnd = indexOf(chunked, new byte[] {'\r', '\n'}, at);
      if (lineEnd < 0) {
        break;
      }
      String size =
          new String(chunked, at, lineEnd - at, StandardCharsets.ISO_8859_1).split(";")[0].trim();
      int length = Integer.parseInt(size, 16);
      if (length == 0) {
        break;
      }
      out.write(chunked, lineEnd + 2, Math.min(length, chunked.length - lineEnd - 2));
      at = lineEnd + 2 + length + 2;
    }
    return out.toByteArray();
  }

  private static int indexOf(byte[] haystack, byte[] needle, int from) {
    outer:
    for (int i = from; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  static Map<String, String> headers(String... namesAndValues) {
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
      headers.put(namesAndValues[i], namesAndValues[i + 1]);
    }
    return headers;
  }
}
