package io.datasetserver.transfer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A client of this server's public API for the import and export commands: JSON over HTTP/1.1
 * (Grizzly stalls on the h2c upgrade Java's client asks for by default).
 */
public final class ApiClient {
  private static final Duration TIMEOUT = Duration.ofMinutes(5);

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();
  private final String baseUrl;
  private final String apiKey;

  /**
   * @param serverUrl e.g. {@code http://127.0.0.1:8080} (with or without {@code /v5})
   */
  public ApiClient(String serverUrl, String apiKey) {
    String base =
        serverUrl.endsWith("/") ? serverUrl.substring(0, serverUrl.length() - 1) : serverUrl;
    this.baseUrl = base.endsWith("/v5") ? base : base + "/v5";
    this.apiKey = apiKey;
  }

  /**
   * A failed request: the status and the server's {@code detail} (text, or the 422 list as JSON).
   */
  public static class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final JsonNode detail;

    ApiException(int status, JsonNode detail, String message) {
      super(message);
      this.status = status;
      this.detail = detail;
    }

    public int status() {
      return status;
    }

    public JsonNode detail() {
      return detail;
    }
  }

  public JsonNode get(String path) {
    return send(HttpRequest.newBuilder(uri(path)).GET(), path);
  }

  public JsonNode post(String path, byte[] json) {
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(json)),
        path);
  }

  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private URI uri(String path) {
    return URI.create(baseUrl + path);
  }

  private JsonNode send(HttpRequest.Builder request, String path) {
    request.timeout(TIMEOUT).header("X-API-KEY", apiKey).header("Accept", "application/json");
    HttpResponse<byte[]> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot reach " + baseUrl + path + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
    JsonNode body = parse(response.body());
    if (response.statusCode() / 100 != 2) {
      JsonNode detail = body.path("detail");
      String message =
          detail.isTextual()
              ? detail.textValue()
              : detail.isMissingNode()
                  ? new String(response.body(), StandardCharsets.UTF_8)
                  : detail.toString();
      throw new ApiException(response.statusCode(), detail, response.statusCode() + " " + message);
    }
    return body;
  }

  private static JsonNode parse(byte[] body) {
    if (body.length == 0) {
      return MissingNode.getInstance();
    }
    try {
      return Layout.JSON.readTree(body);
    } catch (IOException e) {
      return MissingNode.getInstance();
    }
  }
}
