package io.datasetserver.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Measurements the figures share: the latency median of a request, and the server's live heap while
 * it streams a large response that the client reads slowly.
 */
final class Streaming {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Streaming() {}

  /** Live heap while idle, and its highest value mid-response, each a median over the rounds. */
  record Heap(double idle, double peak) {}

  /** p50 of {@code samples} sends of {@code request}. */
  static double p50(RawHttp http, byte[] request, int samples) {
    double[] nanos = new double[samples];
    for (int i = 0; i < samples; i++) {
      long start = System.nanoTime();
      http.send(request).requireOk("GET");
      nanos[i] = System.nanoTime() - start;
    }
    return Report.median(nanos);
  }

  /**
   * Streams {@code request} (a response of {@code length} bytes) {@code rounds} times, each time
   * stopping at three quarter marks long enough for the server to fill the socket and block
   * mid-response, and samples the server's live heap there through {@code control}.
   */
  static Heap midResponseHeap(
      int port, RawHttp control, byte[] request, long length, int rounds, int pauseMillis)
      throws IOException, InterruptedException {
    List<Double> idle = new ArrayList<>();
    List<Double> peak = new ArrayList<>();
    for (int round = 0; round < rounds; round++) {
      idle.add(usedHeap(control));
      double highest = 0;
      try (RawHttp stream = new RawHttp(port);
          RawHttp.Body body = stream.open(request)) {
        long read = 0;
        byte[] buffer = new byte[1 << 14];
        for (int quarter = 1; quarter <= 3; quarter++) {
          read += skip(body, buffer, length * quarter / 4 - read);
          Thread.sleep(pauseMillis);
          highest = Math.max(highest, usedHeap(control));
        }
        read += skip(body, buffer, Long.MAX_VALUE);
        if (read != length) {
          throw new AssertionError("streamed " + read + " bytes, expected " + length);
        }
      }
      peak.add(highest);
    }
    return new Heap(Report.median(idle), Report.median(peak));
  }

  private static long skip(RawHttp.Body body, byte[] buffer, long bytes) throws IOException {
    long done = 0;
    while (done < bytes) {
      int n = body.read(buffer, 0, (int) Math.min(buffer.length, bytes - done));
      if (n < 0) {
        break;
      }
      done += n;
    }
    return done;
  }

  /** Used heap right after the server's full collections. */
  static double usedHeap(RawHttp http) {
    try {
      return JSON.readTree(http.get("/bench/heap").requireOk("heap").body()).get("used").asDouble();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
