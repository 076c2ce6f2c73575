package io.datasetserver.reliability;

import io.datasetserver.testing.Api;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * One HTTP request with its timing and outcome, never an exception: a transport error or a response
 * slower than the timeout ({@link #TIMEOUT} unless given) is an outcome too (status -1), so a hang
 * is observed and bounded instead of blocking the test.
 */
record TimedRequest(
    String what,
    long startNanos,
    long endNanos,
    int status,
    String retryAfter,
    String body,
    String error) {
  static final Duration TIMEOUT = Duration.ofSeconds(10);

  static TimedRequest send(String what, int port, String method, String path, String jsonBody) {
    return send(what, port, method, path, jsonBody, TIMEOUT);
  }

  static TimedRequest send(
      String what, int port, String method, String path, String jsonBody, Duration timeout) {
    Api api = new Api(port).as(Api.ALPHA).withTimeout(timeout);
    long start = System.nanoTime();
    try {
      Api.Response response =
          api.send(method, path, jsonBody, jsonBody == null ? null : "application/json");
      return new TimedRequest(
          what,
          start,
          System.nanoTime(),
          response.status(),
          response.header("Retry-After"),
          response.body(),
          null);
    } catch (UncheckedIOException e) {
      return new TimedRequest(
          what, start, System.nanoTime(), -1, null, null, e.getCause().toString());
    } catch (IllegalStateException interrupted) {
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
    String outcome =
        status < 0
            ? error
            : status
                + (retryAfter != null ? " Retry-After=" + retryAfter : "")
                + " "
                + (body == null || body.length() < 300 ? body : body.substring(0, 300) + "…");
    return what + " -> " + outcome + " in " + millis() + " ms";
  }
}
