package io.datasetserver.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.datasetserver.config.Config;
import io.datasetserver.server.DatasetServer;
import io.datasetserver.testing.Api;
import io.datasetserver.testing.RunningServer;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two servers over one embedded database, each with its own cache of dataset documents: what one
 * writes, the other serves at its next read, and concurrent adds through both all land (each a
 * delta on the base its server cached, so most lose a race and retry).
 */
class TwoServersOneDatabaseTest {
  private static EmbeddedMongo mongo;
  private static DatasetServer one;
  private static DatasetServer two;

  @BeforeAll
  static void start() throws Exception {
    mongo = EmbeddedMongo.start("memory", new InetSocketAddress("127.0.0.1", 0));
    one = server();
    two = server();
  }

  private static DatasetServer server() throws Exception {
    Config defaults = RunningServer.config();
    Map<String, String> env = new HashMap<>();
    env.put("PORT", "0");
    env.put("MONGODB_URI", mongo.uri("datasets"));
    env.put("SWEEP_GRACE_SECONDS", "0");
    env.put("SHUTDOWN_GRACE_SECONDS", "5");
    env.put("API_KEYS_FILE", defaults.apiKeysFile().toString());
    return DatasetServer.start(Config.fromEnvironment(env));
  }

  @AfterAll
  static void stop() {
    for (AutoCloseable closeable : new AutoCloseable[] {one, two, mongo}) {
      try {
        if (closeable != null) {
          closeable.close();
        }
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
  }

  @Test
  void eachServerSeesTheOthersWrites() {
    Api first = new Api(one.port());
    Api second = new Api(two.port());
    JsonNode created = first.post("/v5/datasets", add("cache/two-servers", "v1", "a")).json();
    String id = created.path("id").asText();
    assertThat(second.get("/v5/datasets/" + id).json().path("version_name").asText())
        .isEqualTo("v1");

    assertThat(second.post("/v5/datasets", add("cache/two-servers", "v2", "b")).status())
        .isEqualTo(200);
    assertThat(first.get("/v5/datasets/" + id + "/versions").json().path("records"))
        .extracting(v -> v.path("version_name").asText())
        .containsExactlyInAnyOrder("v1", "v2");
    assertThat(first.post("/v5/datasets", add("cache/two-servers", "v3", "c")).status())
        .isEqualTo(200);
    assertThat(second.get("/v5/datasets/" + id + "/versions").json().path("records")).hasSize(3);

    assertThat(second.delete("/v5/datasets/" + id).status()).isEqualTo(204);
    assertThat(first.get("/v5/datasets/" + id).status()).isEqualTo(404);
  }

  @Test
  void concurrentAddsThroughBothServersAllLand() throws Exception {
    Api[] servers = {new Api(one.port()), new Api(two.port())};
    String path = "cache/concurrent";
    String id = servers[0].post("/v5/datasets", add(path, "v0", "seed")).json().path("id").asText();
    servers[1].get("/v5/datasets/" + id);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Integer>> adds = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        Api api = servers[i % 2];
        Map<String, Object> body = add(path, "v" + (i + 1), "dp" + i);
        adds.add(pool.submit(() -> api.post("/v5/datasets", body).status()));
      }
      for (Future<Integer> add : adds) {
        assertThat(add.get()).isEqualTo(200);
      }
    } finally {
      pool.shutdownNow();
    }
    for (Api api : servers) {
      assertThat(api.get("/v5/datasets/" + id + "/versions").json().path("records")).hasSize(41);
    }
  }

  private static Map<String, Object> add(String path, String versionName, String text) {
    return Map.of(
        "path",
        path,
        "action",
        "add",
        "version_name",
        versionName,
        "datapoints",
        List.of(Map.of("inputs", Map.of("q", text))));
  }
}
