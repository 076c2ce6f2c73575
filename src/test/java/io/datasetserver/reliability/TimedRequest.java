package io.datasetserver.reliability;

import io.datasetserver.testing.Api;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * One HTTP request with its timing and outcome, never an exception: a transport error or a
 * response slower than the timeout ({@link #TIMEOUT} unless given) is an outcome too (status -1), so a hang is observed
 * and bounded instead of blocking the test.
 */
record TimedRequest(String what, long startNanos, long endNanos, int status, String retryAfter, String body,
    String error) {
  static final Duration TIMEOUT = Duration.ofSeconds(10);
  // Grizzly stalls on h2c upgrade requests that carry a body, so this speaks HTTP/1.1 (see STACK.md).
  private static final HttpClient CLIENT = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(2))
      .build();

  static TimedRequest send(String what, int port, String method, String path, String jsonBody) {
    return send(what, port, method, path, jsonBody, TIMEOUT);
  }

  static TimedRequest send(String what, int port, String method, String path, String jsonBody, Duration timeout) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(timeout)
        .header("X-API-KEY", Api.ALPHA)
        .method(method, jsonBody == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(jsonBody, StandardCharsets.UTF_8));
    if (jsonBody != null) {
      request.header("Content-Type", "application/json");
    }
    long start = System.nanoTime();
    try {
      HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new TimedRequest(what, start, System.nanoTime(), response.statusCode(),
          response.headers().firstValue("Retry-After").orElse(null), response.body(), null);
    } catch (IOException e) {
      return new TimedRequest(what, start, System.nanoTime(), -1, null, null, e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new TimedRequest(what, start, System.nanoTime(), -1, null, null, "interrupted");
    }
  }

  long millis() {
    return TimeUnit.NANOSECONDS.toMillis(endNanos - startNanos);
  }

  boolean startedAfter(long nanos) {
    return startNanos - nanos > 0;
  }

  boolean endedBefore(long nanos) {
    return nanos - endNanos > 0;
  }

  @Override
  public String toString() {
    String outcome = status < 0 ? error : status + (retryAfter != null ? " Retry-After=" + retryAfter : "") + " "
        + (body == null || body.length() < 300 ? body : body.substring(0, 300) + "…");
    return what + " -> " + outcome + " in " + millis() + " ms";
  }
}
