package io.datasetserver.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.datasetserver.server.Main;
import io.datasetserver.testing.Api;
import io.datasetserver.testing.Slow;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Main} in a child JVM over an H2 file: SIGTERM stops it accepting connections, lets the
 * request in flight finish with 200, closes the database and exits; a restart on the same DATA_DIR
 * finds everything written before and during the signal.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
@Slow
class GracefulShutdownTest {
  private static final String DEV_KEY = "hl_dev_local_development_key";

  /**
   * Rows of the in-flight upsert. Its body is trickled over {@link #UPLOAD_TIME}, so it is in
   * flight however fast the server is; the row count stays modest because writes to the H2 file are
   * slow (seconds per thousand rows here) and the whole request must fit in the server's 20-second
   * shutdown grace period.
   */
  private static final int ROWS = 500;

  /** How long the in-flight request takes to send its body: the signal arrives early in it. */
  private static final Duration UPLOAD_TIME = Duration.ofSeconds(5);

  @TempDir Path dataDir;

  @TempDir Path logs;

  @Test
  void sigtermFinishesTheRequestInFlightAndKeepsEverythingWritten() throws Exception {
    Map<String, Object> small =
        Map.of(
            "path",
            "shutdown/small",
            "datapoints",
            List.of(Map.of("inputs", Map.of("q", "written before the signal"))));
    List<Map<String, Object>> rows = new ArrayList<>(ROWS);
    for (int i = 0; i < ROWS; i++) {
      rows.add(Map.of("inputs", Map.of("q", "row-" + i), "target", Map.of("output", i)));
    }
    byte[] large = Api.JSON.writeValueAsBytes(Map.of("path", "shutdown/large", "datapoints", rows));

    String smallId;
    CompletableFuture<HttpResponse<String>> inFlight;
    try (ChildServer server = ChildServer.start(dataDir, logs.resolve("first.log"))) {
      Api.Response created = server.api().post("/v5/datasets", small);
      assertThat(created.status()).as(created.toString()).isEqualTo(200);
      smallId = created.json().path("id").asText();

      CountDownLatch started = new CountDownLatch(1);
      HttpRequest upsert =
          HttpRequest.newBuilder(server.api().uri("/v5/datasets"))
              .timeout(Duration.ofSeconds(120))
              .header("X-API-KEY", DEV_KEY)
              .header("Content-Type", "application/json")
              .POST(
                  HttpRequest.BodyPublishers.fromPublisher(
                      HttpRequest.BodyPublishers.ofInputStream(
                          () -> new SlowStream(large, UPLOAD_TIME, started)),
                      large.length))
              .build();
      inFlight = Api.client().sendAsync(upsert, HttpResponse.BodyHandlers.ofString());
      assertThat(started.await(30, TimeUnit.SECONDS)).as("the upload started").isTrue();
      Thread.sleep(300); // the headers and the first part of the body are at the server

      server.process.destroy(); // SIGTERM

      assertThat(server.refusesConnections(UPLOAD_TIME.dividedBy(2)))
          .as("the server stops accepting connections while the request is still in flight")
          .isTrue();
      assertThat(inFlight).as("still in flight when the listener closed").isNotDone();
      HttpResponse<String> response = inFlight.get(120, TimeUnit.SECONDS);
      assertThat(response.statusCode())
          .as("the in-flight request: %s\n%s", response.body(), server.logTail())
          .isEqualTo(200);
      assertThat(Api.JSON.readTree(response.body()).path("datapoints_count").asInt())
          .isEqualTo(ROWS);
      assertThat(server.process.waitFor(60, TimeUnit.SECONDS))
          .as("the process exits\n%s", server.logTail())
          .isTrue();
    }
    String largeId = Api.JSON.readTree(inFlight.get().body()).path("id").asText();

    try (ChildServer restarted = ChildServer.start(dataDir, logs.resolve("second.log"))) {
      JsonNode smallAgain = restarted.ok("/v5/datasets/" + smallId + "?include_datapoints=true");
      assertThat(smallAgain.path("path").asText()).isEqualTo("shutdown/small");
      assertThat(smallAgain.path("datapoints").get(0).path("inputs").path("q").asText())
          .isEqualTo("written before the signal");
      JsonNode largeAgain = restarted.ok("/v5/datasets/" + largeId);
      assertThat(largeAgain.path("path").asText()).isEqualTo("shutdown/large");
      assertThat(largeAgain.path("datapoints_count").asInt()).isEqualTo(ROWS);
      JsonNode listed = restarted.ok("/v5/datasets?size=100");
      assertThat(listed.path("records"))
          .extracting(record -> record.path("path").asText())
          .containsExactlyInAnyOrder("shutdown/small", "shutdown/large");
    }
  }

  /**
   * Hands out its bytes in small pieces spread over {@code duration}; signals when the first
   * leaves.
   */
  private static final class SlowStream extends InputStream {
    private static final int PIECES = 60;
    private final ByteArrayInputStream bytes;
    private final int piece;
    private final long pauseMillis;
    private final CountDownLatch started;

    SlowStream(byte[] content, Duration duration, CountDownLatch started) {
      this.bytes = new ByteArrayInputStream(content);
      this.piece = Math.max(1, content.length / PIECES + 1);
      this.pauseMillis = duration.toMillis() / PIECES;
      this.started = started;
    }

    @Override
    public int read() {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
      if (started.getCount() == 0) {
        try {
          Thread.sleep(pauseMillis);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return -1;
        }
      }
      int n = bytes.read(buffer, offset, Math.min(length, piece));
      started.countDown();
      return n;
    }
  }

  /**
   * {@code java -cp <this JVM's class path> io.datasetserver.server.Main} with PORT and DATA_DIR.
   */
  private static final class ChildServer implements AutoCloseable {
    final Process process;
    final int port;
    final Path log;

    private ChildServer(Process process, int port, Path log) {
      this.process = process;
      this.port = port;
      this.log = log;
    }

    static ChildServer start(Path dataDir, Path log) throws IOException, InterruptedException {
      int port;
      try (ServerSocket socket =
          new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
        port = socket.getLocalPort();
      }
      ProcessBuilder builder =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-Xmx1g",
                  "-cp",
                  System.getProperty("java.class.path"),
                  Main.class.getName())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile());
      builder.environment().remove("API_KEYS_FILE"); // the development key
      builder.environment().remove("MONGODB_URI");
      builder.environment().put("HOST", "127.0.0.1");
      builder.environment().put("PORT", String.valueOf(port));
      builder.environment().put("DATA_DIR", dataDir.toString());
      ChildServer server = new ChildServer(builder.start(), port, log);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
      while (true) {
        if (!server.process.isAlive() || System.nanoTime() > deadline) {
          server.close();
          throw new AssertionError(
              "the server did not become healthy on port " + port + "\n" + server.logTail());
        }
        try {
          if (new Api(port).as(null).get("/healthz").status() == 200) {
            return server;
          }
        } catch (UncheckedIOException notYet) {
          // not listening yet
        }
        Thread.sleep(100);
      }
    }

    Api api() {
      return new Api(port).as(DEV_KEY);
    }

    JsonNode ok(String path) {
      Api.Response response = api().get(path);
      assertThat(response.status()).as("GET %s: %s", path, response).isEqualTo(200);
      return response.json();
    }

    /**
     * True as soon as a new connection is refused, false if it is still accepted after {@code
     * patience}.
     */
    boolean refusesConnections(Duration patience) throws InterruptedException {
      long deadline = System.nanoTime() + patience.toNanos();
      while (System.nanoTime() < deadline) {
        try (Socket socket = new Socket()) {
          socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
        } catch (ConnectException refused) {
          return true;
        } catch (IOException other) {
          // a timeout or reset: try again
        }
        Thread.sleep(50);
      }
      return false;
    }

    String logTail() {
      try {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return "--- "
            + log
            + " ---\n"
            + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
      } catch (IOException e) {
        return "(no log: " + e.getMessage() + ")";
      }
    }

    /**
     * Stops the child (SIGTERM, then SIGKILL after a minute); interrupted, it kills the child at
     * once.
     */
    @Override
    public void close() {
      if (!process.isAlive()) {
        return;
      }
      process.destroy();
      try {
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor();
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
  }
}
