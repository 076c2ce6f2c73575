package io.datasetserver.reliability;

import static io.datasetserver.reliability.Versions.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.datasetserver.testing.Api;
import io.datasetserver.testing.Slow;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two API processes share one database process ({@code make db}): concurrent {@code add} upserts
 * through both, with renames and deploys racing them, lose nothing a 200 acknowledged (contract §3,
 * upsert concurrency) and never produce two versions with one name.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
@Slow
class TwoApiInstancesTest {
  private static final String DATASETS = "/v5/datasets";
  private static final int WRITERS = 16;
  private static final int ADDS_PER_WRITER = 25;

  /** Every fourth rename draws from a small pool of names, so that renames collide (409). */
  private static final int CONTESTED_NAMES = 4;

  private static final int MAX_SIDE_REQUESTS = 400;
  private static final long SIDE_PAUSE_MILLIS = 40;

  @TempDir static Path dataDir;
  private static ChildJvm database;
  private static ChildJvm first;
  private static ChildJvm second;

  @BeforeAll
  static void start() {
    try {
      int databasePort = ChildJvm.freePort();
      database = ChildJvm.database("two-instances-db", databasePort, dataDir);
      String uri = ChildJvm.mongoUri(databasePort);
      first = ChildJvm.launchApi("two-instances-api-1", ChildJvm.freePort(), uri);
      second = ChildJvm.launchApi("two-instances-api-2", ChildJvm.freePort(), uri);
      first.awaitHealthy();
      second.awaitHealthy();
    } catch (RuntimeException e) {
      stop();
      throw e;
    }
  }

  @AfterAll
  static void stop() {
    ChildJvm.closeAll(first, second, database);
  }

  @Test
  void concurrentAddsThroughTwoInstancesLoseNothing() throws Exception {
    Api[] instances = {new Api(first.port()), new Api(second.port())};
    String path = "reliability/two-instances/" + UUID.randomUUID();
    JsonNode created =
        ok(instances[0].post(DATASETS, Map.of("path", path, "datapoints", List.of(dp("seed")))));
    String id = created.path("id").asText();
    ok(instances[1].get(DATASETS + "/" + id));

    Tally tally = new Tally();
    List<String> versionIds =
        new CopyOnWriteArrayList<>(List.of(created.path("version_id").asText()));
    AtomicBoolean writing = new AtomicBoolean(true);
    AtomicInteger writersLeft = new AtomicInteger(WRITERS);
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(WRITERS + 4);
    long started = System.nanoTime();
    List<Future<?>> tasks = new ArrayList<>();
    try {
      for (int w = 0; w < WRITERS; w++) {
        int writer = w;
        tasks.add(
            pool.submit(
                () -> {
                  await(go);
                  try {
                    for (int i = 0; i < ADDS_PER_WRITER; i++) {
                      String q = "w" + writer + "-" + i;
                      Api api = instances[(writer + i) % 2];
                      // Half the writers name the dataset by path, half by id; none names a base
                      // version.
                      Map<String, Object> body =
                          writer % 2 == 0
                              ? Map.of("path", path, "action", "add", "datapoints", List.of(dp(q)))
                              : Map.of("id", id, "action", "add", "datapoints", List.of(dp(q)));
                      Api.Response response =
                          tally.send("add " + q, () -> api.post(DATASETS, body));
                      if (response != null && response.status() == 200) {
                        tally.acknowledged.add(q);
                        versionIds.add(response.json().path("version_id").asText());
                      } else if (response != null) {
                        tally.unexpected.add("add " + q + ": " + response);
                      }
                    }
                  } finally {
                    if (writersLeft.decrementAndGet() == 0) {
                      writing.set(false);
                    }
                  }
                }));
      }
      for (int r = 0; r < 2; r++) {
        Api api = instances[r];
        tasks.add(
            pool.submit(
                () -> {
                  await(go);
                  for (int i = 0; i < MAX_SIDE_REQUESTS && writing.get(); i++) {
                    String versionId =
                        versionIds.get(ThreadLocalRandom.current().nextInt(versionIds.size()));
                    String name =
                        i % 4 == 0
                            ? "contested-" + ThreadLocalRandom.current().nextInt(CONTESTED_NAMES)
                            : "renamer" + api.port() + "-" + i;
                    Api.Response response =
                        tally.send(
                            "rename " + versionId,
                            () ->
                                api.patch(
                                    DATASETS + "/" + id + "/versions/" + versionId,
                                    Map.of("name", name)));
                    if (response != null && response.status() == 200) {
                      tally.renames.incrementAndGet();
                    } else if (response != null && response.status() == 409) {
                      tally.renameConflicts.incrementAndGet();
                    } else if (response != null) {
                      tally.unexpected.add("rename " + versionId + " to " + name + ": " + response);
                    }
                    ChildJvm.sleep(SIDE_PAUSE_MILLIS);
                  }
                }));
        tasks.add(
            pool.submit(
                () -> {
                  await(go);
                  for (int i = 0; i < MAX_SIDE_REQUESTS && writing.get(); i++) {
                    String versionId =
                        versionIds.get(ThreadLocalRandom.current().nextInt(versionIds.size()));
                    String environment = i % 2 == 0 ? "staging" : "production";
                    Api.Response response =
                        tally.send(
                            "deploy " + versionId,
                            () ->
                                api.post(
                                    DATASETS
                                        + "/"
                                        + id
                                        + "/environments/"
                                        + environment
                                        + "?version_id="
                                        + versionId,
                                    Map.of()));
                    if (response != null && response.status() == 200) {
                      tally.deploys.incrementAndGet();
                    } else if (response != null) {
                      tally.unexpected.add(
                          "deploy " + versionId + " to " + environment + ": " + response);
                    }
                    ChildJvm.sleep(SIDE_PAUSE_MILLIS);
                  }
                }));
      }
      go.countDown();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
      for (Future<?> task : tasks) {
        task.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

    // The latest version, read through each instance: it holds every acknowledged datapoint once.
    List<JsonNode> versions = Versions.all(instances[1], id);
    JsonNode latest = versions.get(0);
    List<String> listed = Versions.qs(Versions.datapoints(instances[0], id, latest));
    List<String> listedByOther = Versions.qs(Versions.datapoints(instances[1], id, latest));
    Set<String> lost = new HashSet<>(tally.acknowledged);
    lost.removeAll(listed);
    List<String> names =
        versions.stream()
            .filter(v -> v.hasNonNull("version_name"))
            .map(v -> v.path("version_name").asText())
            .toList();
    Set<String> versionIdsListed = new HashSet<>();
    versions.forEach(v -> versionIdsListed.add(v.path("version_id").asText()));

    System.out.printf(
        "RELIABILITY two-instances: api_instances=2 writers=%d adds=%d requests=%d (renames_ok=%d"
            + " renames_409=%d deploys_ok=%d) acknowledged_datapoints=%d latest_version_datapoints=%d versions=%d 5xx=%d"
            + " transport_errors=%d lost=%d elapsed_ms=%d%n",
        WRITERS,
        WRITERS * ADDS_PER_WRITER,
        tally.requests.get(),
        tally.renames.get(),
        tally.renameConflicts.get(),
        tally.deploys.get(),
        tally.acknowledged.size(),
        latest.path("datapoints_count").asInt(),
        versions.size(),
        tally.serverErrors.get(),
        tally.transportErrors.get(),
        lost.size(),
        elapsedMillis);

    assertThat(tally.failures)
        .as("5xx responses and transport errors (a 503 from retry exhaustion included)")
        .isEmpty();
    assertThat(tally.unexpected)
        .as("responses other than 200 (and 409 for a taken name)")
        .isEmpty();
    assertThat(lost).as("acknowledged datapoints missing from the latest version").isEmpty();
    assertThat(listed)
        .as("latest version's listing")
        .doesNotHaveDuplicates()
        .hasSize(latest.path("datapoints_count").asInt())
        .contains("seed")
        .hasSize(1 + WRITERS * ADDS_PER_WRITER);
    assertThat(listedByOther).as("the other instance lists the same").isEqualTo(listed);
    assertThat(names).as("version names").doesNotHaveDuplicates();
    assertThat(versionIdsListed).as("every acknowledged version is live").containsAll(versionIds);
    assertThat(versions)
        .as("one version per acknowledged add")
        .hasSize(1 + tally.acknowledged.size());
  }

  private static Map<String, Object> dp(String q) {
    return Map.of("inputs", Map.of("q", q));
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** What the clients saw. */
  private static final class Tally {
    final ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
    final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    final ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();
    final AtomicInteger requests = new AtomicInteger();
    final AtomicInteger serverErrors = new AtomicInteger();
    final AtomicInteger transportErrors = new AtomicInteger();
    final AtomicInteger renames = new AtomicInteger();
    final AtomicInteger renameConflicts = new AtomicInteger();
    final AtomicInteger deploys = new AtomicInteger();

    /** Sends one request; a 5xx or a transport error is recorded as a failure and returns null. */
    Api.Response send(String what, java.util.function.Supplier<Api.Response> request) {
      requests.incrementAndGet();
      try {
        Api.Response response = request.get();
        if (response.status() >= 500) {
          serverErrors.incrementAndGet();
          failures.add(
              what
                  + ": "
                  + response.status()
                  + " Retry-After="
                  + response.header("Retry-After")
                  + " "
                  + response.body());
          return null;
        }
        return response;
      } catch (UncheckedIOException e) {
        transportErrors.incrementAndGet();
        failures.add(what + ": " + e.getCause());
        return null;
      }
    }
  }
}
