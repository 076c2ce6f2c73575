package io.datasetserver.reliability;

import static io.datasetserver.reliability.Versions.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.datasetserver.testing.Api;
import io.datasetserver.testing.Slow;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Contract §5, "a failed request leaves no partial version", for the harshest failure: the API
 * process is killed with SIGKILL in the middle of a large upsert (JSON) or CSV upload. The database
 * runs in its own process and survives. After a restart every visible version is complete, none
 * holds part of the interrupted request, and retrying that request succeeds.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
@Slow
class ApiCrashConsistencyTest {
  private static final String DATASETS = "/v5/datasets";
  private static final int ROWS = 20_000;
  private static final int SEED = 10;

  @TempDir static Path dataDir;
  private static int apiPort;
  private static ChildJvm database;
  private static ChildJvm api;

  /** Watches the database directly, to see how far the interrupted request's writes got. */
  private static MongoClient observer;

  @BeforeAll
  static void start() {
    try {
      int databasePort = ChildJvm.freePort();
      database = ChildJvm.database("crash-db", databasePort, dataDir);
      apiPort = ChildJvm.freePort();
      api = ChildJvm.api("crash-api", apiPort, ChildJvm.mongoUri(databasePort));
      observer =
          MongoClients.create(
              MongoClientSettings.builder()
                  .applyConnectionString(new ConnectionString(ChildJvm.mongoUri(databasePort)))
                  .applyToClusterSettings(c -> c.serverSelectionTimeout(5, TimeUnit.SECONDS))
                  .build());
    } catch (RuntimeException e) {
      stop();
      throw e;
    }
  }

  /** Each test kills the API and restarts it; after a failure the next test needs one running. */
  @BeforeEach
  void apiUp() {
    if (!api.isAlive()) {
      api = ChildJvm.api("crash-api", apiPort, ChildJvm.mongoUri(database.port()));
    }
  }

  @AfterAll
  static void stop() {
    if (observer != null) {
      observer.close();
    }
    ChildJvm.closeAll(api, database);
  }

  @Test
  void apiKilledMidUpsertLeavesOnlyCompleteVersionsAndTheRetrySucceeds() {
    Api client = new Api(apiPort);
    String path = "reliability/crash/json/" + UUID.randomUUID();
    String id =
        ok(client.post(DATASETS, Map.of("path", path, "datapoints", seed()))).path("id").asText();
    List<Map<String, Object>> rows = new ArrayList<>(ROWS);
    for (int i = 0; i < ROWS; i++) {
      rows.add(Map.of("inputs", Map.of("q", "json-" + i, "n", String.valueOf(i))));
    }
    byte[] body = json(Map.of("path", path, "action", "add", "datapoints", rows));

    Supplier<Api.Response> request = () -> client.send("POST", DATASETS, body, "application/json");
    check("api-crash-json", client, id, request, "json-");
  }

  @Test
  void apiKilledMidCsvUploadLeavesOnlyCompleteVersionsAndTheRetrySucceeds() {
    Api client = new Api(apiPort);
    String path = "reliability/crash/csv/" + UUID.randomUUID();
    String id =
        ok(client.post(DATASETS, Map.of("path", path, "datapoints", seed()))).path("id").asText();
    StringBuilder csv = new StringBuilder("q,n\n");
    for (int i = 0; i < ROWS; i++) {
      csv.append("csv-").append(i).append(',').append(i).append('\n');
    }
    byte[] file = csv.toString().getBytes(StandardCharsets.UTF_8);

    Supplier<Api.Response> request =
        () -> client.upload(DATASETS + "/" + id + "/datapoints/csv", "rows.csv", file);
    check("api-crash-csv", client, id, request, "csv-");
  }

  /** Kill mid-request, restart, check every version, retry, check again. */
  private void check(
      String label, Api client, String id, Supplier<Api.Response> request, String prefix) {
    Kill kill = killMidRequest(request);
    api = ChildJvm.api("crash-api", apiPort, ChildJvm.mongoUri(database.port()));

    List<Versions.Listed> afterCrash = Versions.assertEveryVersionComplete(client, id);
    assertThat(afterCrash)
        .as("no visible version holds part of the interrupted request")
        .allSatisfy(v -> assertThat(v.count()).isIn(SEED, SEED + ROWS));

    long retryStarted = System.nanoTime();
    Api.Response retry = request.get();
    long retryMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - retryStarted);
    JsonNode retried = ok(retry);
    assertThat(retried.path("datapoints_count").asInt())
        .as(retry.toString())
        .isEqualTo(SEED + ROWS);
    List<Versions.Listed> afterRetry = Versions.assertEveryVersionComplete(client, id);
    Versions.Listed version =
        afterRetry.stream()
            .filter(v -> v.versionId().equals(retried.path("version_id").asText()))
            .findFirst()
            .orElseThrow(() -> new AssertionError("the retry's version is not listed"));
    Set<String> expected = new HashSet<>();
    for (int i = 0; i < SEED; i++) {
      expected.add("seed-" + i);
    }
    for (int i = 0; i < ROWS; i++) {
      expected.add(prefix + i);
    }
    assertThat(new HashSet<>(Versions.qs(version.datapoints())))
        .as("the retried version holds the seed and every row")
        .isEqualTo(expected);

    System.out.printf(
        "RELIABILITY %s: rows=%d killed_after_ms=%d datapoints_written_at_kill=%d/%d"
            + " client_saw=\"%s\" versions_after_crash=%d partial_versions=0 retry_status=%d retry_count=%d"
            + " retry_ms=%d%n",
        label,
        ROWS,
        kill.afterMillis,
        kill.written,
        ROWS,
        kill.clientSaw,
        afterCrash.size(),
        retry.status(),
        retried.path("datapoints_count").asInt(),
        retryMillis);
  }

  /**
   * Sends the request and SIGKILLs the API once the database holds a random share (5–95 %) of the
   * request's new datapoints. A fixed or purely random delay could land before the body is read or
   * after the response is sent; waiting for the writes makes the kill land after the request's
   * first write and before the dataset document (the pointer, written last) moves. The client must
   * then see the connection die, not a response: proof the kill hit in flight.
   */
  private Kill killMidRequest(Supplier<Api.Response> request) {
    long before = datapointDocuments();
    long threshold = before + ThreadLocalRandom.current().nextLong(ROWS / 20, ROWS * 19 / 20);
    long sent = System.nanoTime();
    CompletableFuture<Object> outcome =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return request.get();
              } catch (UncheckedIOException e) {
                return e.getCause().toString();
              }
            });
    long deadline = sent + TimeUnit.SECONDS.toNanos(60);
    long written = -1;
    while (!outcome.isDone() && System.nanoTime() < deadline) {
      long count = datapointDocuments();
      if (count >= threshold) {
        api.kill();
        written = count - before;
        break;
      }
      ChildJvm.sleep(5);
    }
    long afterMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent);
    Object seen = outcome.orTimeout(30, TimeUnit.SECONDS).join();
    assertThat(written)
        .as("the kill happened (client saw: %s; API log:\n%s)", seen, api.logTail())
        .isPositive();
    assertThat(seen)
        .as("the interrupted request must not have been answered")
        .isInstanceOf(String.class);
    return new Kill(afterMillis, written, (String) seen);
  }

  private record Kill(long afterMillis, long written, String clientSaw) {}

  private static long datapointDocuments() {
    return observer.getDatabase("datasets").getCollection("datapoints").estimatedDocumentCount();
  }

  private static List<Map<String, Object>> seed() {
    List<Map<String, Object>> seed = new ArrayList<>();
    for (int i = 0; i < SEED; i++) {
      seed.add(Map.of("inputs", Map.of("q", "seed-" + i)));
    }
    return seed;
  }

  private static byte[] json(Object value) {
    try {
      return Api.JSON.writeValueAsBytes(value);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
