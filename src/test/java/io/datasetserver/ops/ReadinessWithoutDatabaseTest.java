package io.datasetserver.ops;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.datasetserver.config.Config;
import io.datasetserver.server.DatasetServer;
import io.datasetserver.testing.Api;
import io.datasetserver.testing.RunningServer;
import io.datasetserver.testing.Slow;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A server whose MongoDB is unreachable still starts and stays alive, tells orchestrators it is not
 * ready, and answers API requests with 503 and Retry-After instead of hanging or 500.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
@Slow
class ReadinessWithoutDatabaseTest {
  private static DatasetServer server;
  private static Api api;

  @BeforeAll
  static void startWithADatabaseThatIsNotThere() throws Exception {
    server = DatasetServer.start(withoutDatabase());
    api = new Api(server.port());
  }

  private static Config withoutDatabase() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      closedPort =
          socket.getLocalPort(); // closed again before the server tries it: connections are refused
    }
    return RunningServer.config().withMongoUri("mongodb://127.0.0.1:" + closedPort + "/datasets");
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void readyzAnswers503WithRetryAfter() {
    Api.Response ready = api.as(null).get("/readyz");
    assertThat(ready.status()).as(ready.toString()).isEqualTo(503);
    assertThat(ready.header("Retry-After")).as("Retry-After").isNotNull().matches("[1-9][0-9]*");
    assertThat(ready.json().path("detail").asText()).isNotBlank();
  }

  @Test
  void healthzStillAnswers200() {
    assertThat(api.as(null).get("/healthz").status()).isEqualTo(200);
  }

  @Test
  void apiRequestsAnswer503WithRetryAfter() {
    Api.Response list = api.get("/v5/datasets");
    assertThat(list.status()).as(list.toString()).isEqualTo(503);
    assertThat(list.header("Retry-After")).as("Retry-After").isNotNull();
    assertThat(list.json().path("detail").isMissingNode()).as(list.toString()).isFalse();
  }

  /** An outage fails every request; the log names its cause once, not once per request. */
  @Test
  void aStormOf503sIsLoggedOncePerCause() throws Exception {
    try (DatasetServer fresh = DatasetServer.start(withoutDatabase());
        CapturedLog log = CapturedLog.attach()) {
      Api client = new Api(fresh.port());
      ExecutorService clients = Executors.newFixedThreadPool(12);
      List<Future<Api.Response>> responses = new ArrayList<>();
      try {
        for (int i = 0; i < 24; i++) {
          responses.add(clients.submit(() -> client.get("/v5/datasets")));
        }
        for (Future<Api.Response> response : responses) {
          assertThat(response.get().status()).isEqualTo(503);
        }
      } finally {
        clients.shutdownNow();
      }
      List<ILoggingEvent> logged =
          log.events().stream()
              .filter(e -> e.getFormattedMessage().startsWith("answering 503"))
              .toList();
      assertThat(logged).as("lines about the 503s of 24 requests failing for one cause").hasSize(1);
      assertThat(logged.get(0).getLevel()).isEqualTo(Level.WARN);
      assertThat(CapturedLog.everything(logged.get(0))).contains("Timed out");
    }
  }
}
