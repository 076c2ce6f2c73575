package io.datasetserver.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.datasetserver.testing.Api;
import io.datasetserver.testing.Slow;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Contract §5, "never an acknowledged write lost", against the harshest stop: the process that
 * holds the embedded H2 database is killed with SIGKILL the moment the API has answered 200 to an
 * upsert, while other writers still have requests in flight. After a restart on the same data,
 * every version that was acknowledged is there with all its datapoints. Both embedded modes: the
 * API with its database in-process ({@code make run}), and the database in its own process ({@code
 * make db}) reached over the wire, where the database process is the one killed.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
@Slow
class AcknowledgedWritesSurviveKillTest {
  private static final String DATASETS = "/v5/datasets";
  private static final int ROUNDS = 3;
  private static final int WRITERS = 4;
  private static final int BATCH = 50;

  @TempDir Path dataDir;

  @Test
  void inProcessDatabaseKilledRightAfterA200KeepsEveryAcknowledgedVersion() {
    int port = ChildJvm.freePort();
    List<Acknowledged> acknowledged = new ArrayList<>();
    ChildJvm api = null;
    try {
      for (int round = 0; round < ROUNDS; round++) {
        api = ChildJvm.apiWithEmbeddedDatabase("kill-in-process", port, dataDir);
        acknowledged.addAll(writeUntilKilled(new Api(port), api, round));
        api = ChildJvm.apiWithEmbeddedDatabase("kill-in-process", port, dataDir);
        assertEveryAcknowledgedVersionPresent(new Api(port), acknowledged, "in-process", round);
        api.close();
      }
    } finally {
      ChildJvm.closeAll(api);
    }
  }

  @Test
  void databaseProcessKilledRightAfterA200KeepsEveryAcknowledgedVersion() {
    int databasePort = ChildJvm.freePort();
    int apiPort = ChildJvm.freePort();
    List<Acknowledged> acknowledged = new ArrayList<>();
    ChildJvm database = null;
    ChildJvm api = null;
    try {
      database = ChildJvm.database("kill-db", databasePort, dataDir);
      api = ChildJvm.api("kill-db-api", apiPort, ChildJvm.mongoUri(databasePort));
      for (int round = 0; round < ROUNDS; round++) {
        acknowledged.addAll(writeUntilKilled(new Api(apiPort), database, round));
        database = ChildJvm.database("kill-db", databasePort, dataDir);
        awaitReady(api);
        assertEveryAcknowledgedVersionPresent(new Api(apiPort), acknowledged, "make-db", round);
      }
    } finally {
      ChildJvm.closeAll(api, database);
    }
  }

  /** An upsert the API answered 200: the dataset, the version it created, and its count. */
  private record Acknowledged(String datasetId, String versionId, int count) {}

  /**
   * {@link #WRITERS} clients each add batches to a dataset of their own; the client whose 200 is
   * the round's randomly chosen n-th kills {@code victim} at once, before sending anything else.
   * Returns every acknowledged upsert of the round.
   */
  private static List<Acknowledged> writeUntilKilled(Api client, ChildJvm victim, int round) {
    int killAt = ThreadLocalRandom.current().nextInt(8, 40);
    AtomicInteger answered = new AtomicInteger();
    AtomicBoolean killed = new AtomicBoolean();
    Queue<Acknowledged> acknowledged = new ConcurrentLinkedQueue<>();
    ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int w = 0; w < WRITERS; w++) {
        String path = "reliability/kill/" + UUID.randomUUID();
        done.add(
            writers.submit(
                () -> {
                  for (int batch = 0; !killed.get(); batch++) {
                    Api.Response response;
                    try {
                      response =
                          client.post(
                              DATASETS,
                              Map.of(
                                  "path",
                                  path,
                                  "action",
                                  "add",
                                  "datapoints",
                                  datapoints(path, batch)));
                    } catch (UncheckedIOException connectionLost) {
                      return null; // in flight when the process died: never acknowledged
                    }
                    if (response.status() != 200) {
                      assertThat(killed.get())
                          .as("only a dying server may fail a request: %s", response)
                          .isTrue();
                      return null;
                    }
                    JsonNode body = response.json();
                    acknowledged.add(
                        new Acknowledged(
                            body.path("id").asText(),
                            body.path("version_id").asText(),
                            body.path("datapoints_count").asInt()));
                    if (answered.incrementAndGet() == killAt && killed.compareAndSet(false, true)) {
                      victim.kill();
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> writer : done) {
        writer.get(60, TimeUnit.SECONDS);
      }
    } catch (Exception e) {
      throw new AssertionError("round " + round + ": a writer failed", e);
    } finally {
      writers.shutdownNow();
    }
    assertThat(killed.get())
        .as("round %d: the process was killed after %d answers", round, killAt)
        .isTrue();
    return new ArrayList<>(acknowledged);
  }

  private static List<Map<String, Object>> datapoints(String path, int batch) {
    List<Map<String, Object>> rows = new ArrayList<>(BATCH);
    for (int i = 0; i < BATCH; i++) {
      rows.add(Map.of("inputs", Map.of("q", path + "/" + batch + "/" + i)));
    }
    return rows;
  }

  private static void assertEveryAcknowledgedVersionPresent(
      Api client, List<Acknowledged> acknowledged, String mode, int round) {
    int lost = 0;
    for (Acknowledged write : acknowledged) {
      Api.Response version =
          client.get(DATASETS + "/" + write.datasetId() + "?version_id=" + write.versionId());
      if (version.status() != 200
          || version.json().path("datapoints_count").asInt() != write.count()) {
        lost++;
      }
    }
    System.out.printf(
        "RELIABILITY kill-after-200 %s: round=%d acknowledged_upserts=%d lost=%d%n",
        mode, round, acknowledged.size(), lost);
    assertThat(lost)
        .as("%s round %d: acknowledged versions missing after the restart", mode, round)
        .isZero();
    for (String datasetId :
        acknowledged.stream().map(Acknowledged::datasetId).distinct().toList()) {
      Versions.assertEveryVersionComplete(client, datasetId);
    }
  }

  private static void awaitReady(ChildJvm api) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (api.status("/readyz") != 200) {
      assertThat(System.nanoTime())
          .as("/readyz 200 within 30 s of the database restarting")
          .isLessThan(deadline);
      ChildJvm.sleep(100);
    }
  }
}
