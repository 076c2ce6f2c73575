package io.datasetserver.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.datasetserver.config.Config;
import io.datasetserver.server.DatasetServer;
import io.datasetserver.testing.Api;
import io.datasetserver.testing.RunningServer;
import java.net.ServerSocket;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A server whose MongoDB is unreachable still starts and stays alive, tells orchestrators it
 * is not ready, and answers API requests with 503 and Retry-After instead of hanging or 500.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ReadinessWithoutDatabaseTest {
  private static DatasetServer server;
  private static Api api;

  @BeforeAll
  static void startWithADatabaseThatIsNotThere() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort(); // closed again before the server tries it: connections are refused
    }
    Config config = RunningServer.config().withMongoUri("mongodb://127.0.0.1:" + closedPort + "/datasets");
    server = DatasetServer.start(config);
    api = new Api(server.port());
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
}
