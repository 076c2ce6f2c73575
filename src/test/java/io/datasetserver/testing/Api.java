package io.datasetserver.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The HTTP client of the tests: real requests over loopback, JSON bodies as strings or Jackson
 * trees, one organization's key per instance ({@link #as}), any extra header ({@link #withHeader}),
 * any method ({@link #send}), and the body as text, JSON or the exact bytes. For what it cannot
 * build (a streamed or chunked body, an asynchronous send), use {@link #client()} and {@link #uri}.
 * Only two raw-socket clients remain beside it, each for what {@code HttpClient} cannot do: {@code
 * hostile.Wire} sends request targets that {@link URI} refuses, and {@code bench.RawHttp} keeps the
 * load driver's own cost small.
 */
public final class Api {
  public static final String ALPHA = "key_alpha_ada";

  /** A second user of the ALPHA organization whose key is configured as a SHA-256 digest. */
  public static final String ALPHA_ALAN = "key_alpha_alan";

  public static final String BETA = "key_beta_bob";
  public static final ObjectMapper JSON = new ObjectMapper();

  // Grizzly stalls on h2c upgrade requests that carry a body, so tests speak HTTP/1.1.
  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private final int port;
  private final String key;

  /** Extra request headers as name, value pairs; a name may repeat. */
  private final List<String> headers;

  private final Duration timeout;

  public Api(int port) {
    this(port, ALPHA, List.of(), Duration.ofSeconds(60));
  }

  private Api(int port, String key, List<String> headers, Duration timeout) {
    this.port = port;
    this.key = key;
    this.headers = headers;
    this.timeout = timeout;
  }

  /** The same server, with another API key (null: no key at all). */
  public Api as(String apiKey) {
    return new Api(port, apiKey, headers, timeout);
  }

  /** The same client, giving up on a response after {@code timeout} (60 s unless set). */
  public Api withTimeout(Duration timeout) {
    return new Api(port, key, headers, timeout);
  }

  /**
   * The same client, sending one more header on every request (added to, not replacing, any of that
   * name).
   */
  public Api withHeader(String name, String value) {
    List<String> more = new ArrayList<>(headers);
    more.add(name);
    more.add(value);
    return new Api(port, key, List.copyOf(more), timeout);
  }

  /** The same client with each of these headers added ({@link #withHeader}). */
  public Api withHeaders(Map<String, String> more) {
    Api api = this;
    for (Map.Entry<String, String> header : more.entrySet()) {
      api = api.withHeader(header.getKey(), header.getValue());
    }
    return api;
  }

  /** The client every instance shares (HTTP/1.1), for requests built by hand. */
  public static HttpClient client() {
    return CLIENT;
  }

  public int port() {
    return port;
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  /** {@code path} (relative to the server root) on this server. */
  public URI uri(String path) {
    return URI.create(baseUrl() + path);
  }

  public Response get(String path) {
    return send("GET", path, null, null);
  }

  public Response delete(String path) {
    return send("DELETE", path, null, null);
  }

  public Response post(String path, Object body) {
    return send("POST", path, body, "application/json");
  }

  public Response patch(String path, Object body) {
    return send("PATCH", path, body, "application/json");
  }

  /**
   * A multipart/form-data POST with a {@code file} part and optional text fields (name, value
   * pairs).
   */
  public Response upload(String path, String fileName, byte[] file, String... fields) {
    String boundary = "----test" + UUID.randomUUID();
    var out = new java.io.ByteArrayOutputStream();
    try {
      for (int i = 0; i + 1 < fields.length; i += 2) {
        out.write(
            ("--"
                    + boundary
                    + "\r\nContent-Disposition: form-data; name=\""
                    + fields[i]
                    + "\"\r\n\r\n"
                    + fields[i + 1]
                    + "\r\n")
                .getBytes(StandardCharsets.UTF_8));
      }
      if (file != null) {
        out.write(
            ("--"
                    + boundary
                    + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                    + fileName
                    + "\"\r\nContent-Type: text/csv\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        out.write(file);
        out.write("\r\n".getBytes(StandardCharsets.UTF_8));
      }
      out.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return send("POST", path, out.toByteArray(), "multipart/form-data; boundary=" + boundary);
  }

  /**
   * Sends a request; {@code path} is relative to the server root (e.g. "/v5/datasets"). {@code
   * body} may be a String (sent as is), a byte[], or any object (serialised as JSON).
   */
  public Response send(String method, String path, Object body, String contentType) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(timeout);
    if (key != null) {
      request.header("X-API-KEY", key);
    }
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    for (int i = 0; i + 1 < headers.size(); i += 2) {
      request.header(headers.get(i), headers.get(i + 1));
    }
    request.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(bytes(body)));
    try {
      HttpResponse<byte[]> response =
          CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      return new Response(response.statusCode(), response.body(), response.headers());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static byte[] bytes(Object body) {
    if (body instanceof byte[] raw) {
      return raw;
    }
    if (body instanceof String text) {
      return text.getBytes(StandardCharsets.UTF_8);
    }
    try {
      return JSON.writeValueAsBytes(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A response: status, the body's exact bytes, headers, and the body as text or JSON on demand.
   * The {@code ok}/{@code assert…} methods are AssertJ assertions that describe a failure with the
   * whole response.
   */
  public record Response(int status, byte[] bytes, HttpHeaders headers) {
    public Response(int status, String body, HttpHeaders headers) {
      this(status, body.getBytes(StandardCharsets.UTF_8), headers);
    }

    /** The body as UTF-8 text. */
    public String body() {
      return new String(bytes, StandardCharsets.UTF_8);
    }

    public JsonNode json() {
      String body = body();
      if (body.isEmpty()) {
        return MissingNode.getInstance();
      }
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("response is not JSON: " + body, e);
      }
    }

    public String header(String name) {
      return headers.firstValue(name).orElse(null);
    }

    /** Asserts a 200 and returns the body as JSON. */
    public JsonNode ok() {
      assertStatus(200);
      return json();
    }

    /** Asserts the status code, nothing else. */
    public void assertStatus(int expected) {
      assertThat(status).as(toString()).isEqualTo(expected);
    }

    /**
     * Asserts an error of this status in the contract's shape (§5): JSON whose {@code detail} is
     * text.
     */
    public void assertDetail(int expected) {
      assertStatus(expected);
      assertThat(header("Content-Type")).as(toString()).startsWith("application/json");
      assertThat(json().path("detail").isTextual()).as(toString()).isTrue();
    }

    /**
     * Asserts a 422 whose {@code detail} lists {loc, msg, type} errors, one of them at a location
     * starting with {@code location} (e.g. "query", "include_datapoints").
     */
    public void assertInvalid(Object... location) {
      assertStatus(422);
      assertThat(header("Content-Type")).as(toString()).startsWith("application/json");
      JsonNode detail = json().path("detail");
      assertThat(detail.isArray() && !detail.isEmpty()).as(toString()).isTrue();
      List<List<Object>> locations = new ArrayList<>();
      for (JsonNode error : detail) {
        assertThat(error.path("msg").isTextual()).as(toString()).isTrue();
        assertThat(error.path("type").isTextual()).as(toString()).isTrue();
        List<Object> loc = new ArrayList<>();
        error
            .path("loc")
            .forEach(part -> loc.add(part.isInt() ? (Object) part.intValue() : part.asText()));
        assertThat(loc).as(toString()).isNotEmpty();
        assertThat(loc.get(0)).as(toString()).isIn("body", "query", "path", "header");
        locations.add(loc);
      }
      assertThat(locations).as(toString()).anySatisfy(loc -> assertThat(loc).startsWith(location));
    }

    @Override
    public String toString() {
      String body = body();
      return status + " " + (body.length() > 2000 ? body.substring(0, 2000) + "…" : body);
    }
  }
}
