package io.datasetserver.api;

import static io.datasetserver.testing.TestData.DATASETS;
import static io.datasetserver.testing.TestData.datapoints;
import static io.datasetserver.testing.TestData.questions;
import static io.datasetserver.testing.TestData.uniquePath;
import static io.datasetserver.testing.TestData.upsert;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.datasetserver.testing.Api;
import io.datasetserver.testing.RunningServer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Contract §3, upsert concurrency: concurrent {@code add}s without a named base all land in the
 * latest version; nothing acknowledged with a 200 is dropped.
 */
@ExtendWith(RunningServer.class)
class ConcurrentUpsertTest {
  private static final int THREADS = 8;
  private static final int ADDS_PER_THREAD = 10;

  @Test
  void concurrentAddsLoseNothing(Api api) throws Exception {
    String path = uniquePath("concurrent");
    JsonNode created = upsert(api, path, "seed");
    String id = created.path("id").asText();
    ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    runConcurrently(
        thread -> {
          for (int i = 0; i < ADDS_PER_THREAD; i++) {
            String q = "t" + thread + "-" + i;
            // Half the threads name the dataset by path, half by id; none names a base version.
            Map<String, Object> body =
                thread % 2 == 0
                    ? Map.of("path", path, "action", "add", "datapoints", datapoints(q))
                    : Map.of("id", id, "action", "add", "datapoints", datapoints(q));
            Api.Response response = api.post(DATASETS + "?include_datapoints=true", body);
            if (response.status() != 200) {
              failures.add(q + ": " + response);
              continue;
            }
            List<String> inResponse = questions(response.json().path("datapoints"));
            if (!inResponse.contains(q) || !inResponse.contains("seed")) {
              failures.add(q + ": the acknowledged version lacks it or the seed: " + inResponse);
            }
            acknowledged.add(q);
          }
        });
    assertThat(failures).as("every add should succeed and see its own datapoint").isEmpty();

    JsonNode versions =
        api.get(DATASETS + "/" + id + "/versions?include_datapoints=latest_saved").ok();
    List<String> latest = questions(versions.path("records").get(0).path("datapoints"));
    assertThat(latest).doesNotHaveDuplicates().contains("seed").containsAll(acknowledged);
    assertThat(latest).hasSize(1 + THREADS * ADDS_PER_THREAD);
    assertThat(versions.path("records").get(0).path("datapoints_count").asInt())
        .isEqualTo(latest.size());
    assertThat(versions.path("records"))
        .as("one version per acknowledged add")
        .hasSize(1 + acknowledged.size());
    assertThat(
            api.get(
                    DATASETS
                        + "/"
                        + id
                        + "/datapoints?size=1000&version_id="
                        + versions.path("records").get(0).path("version_id").asText())
                .ok()
                .path("total")
                .asInt())
        .isEqualTo(1 + THREADS * ADDS_PER_THREAD);
  }

  @Test
  void concurrentIdenticalAddsCreateOneVersion(Api api) throws Exception {
    String path = uniquePath("concurrent");
    JsonNode created = upsert(api, path, "seed");
    ConcurrentLinkedQueue<String> versionIds = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    runConcurrently(
        thread -> {
          for (int i = 0; i < 3; i++) {
            Api.Response response =
                api.post(
                    DATASETS,
                    Map.of("path", path, "action", "add", "datapoints", datapoints("same")));
            if (response.status() == 200) {
              versionIds.add(response.json().path("version_id").asText());
            } else {
              failures.add(response.toString());
            }
          }
        });
    assertThat(failures).isEmpty();
    assertThat(new HashSet<>(versionIds))
        .as("every request got the one version holding the datapoint")
        .hasSize(1);
    JsonNode versions = api.get(DATASETS + "/" + created.path("id").asText() + "/versions").ok();
    assertThat(versions.path("records")).hasSize(2);
    assertThat(versions.path("records").get(0).path("datapoints_count").asInt()).isEqualTo(2);
  }

  @Test
  void concurrentCreatesOfOnePathMakeOneDataset(Api api) throws Exception {
    String path = uniquePath("concurrent");
    ConcurrentLinkedQueue<String> datasetIds = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    runConcurrently(
        thread -> {
          String q = "creator-" + thread;
          Api.Response response =
              api.post(
                  DATASETS, Map.of("path", path, "action", "add", "datapoints", datapoints(q)));
          if (response.status() == 200) {
            datasetIds.add(response.json().path("id").asText());
            acknowledged.add(q);
          } else {
            failures.add(response.toString());
          }
        });
    assertThat(failures).isEmpty();
    assertThat(new HashSet<>(datasetIds)).hasSize(1);
    String id = datasetIds.peek();
    JsonNode versions =
        api.get(DATASETS + "/" + id + "/versions?include_datapoints=latest_saved").ok();
    assertThat(questions(versions.path("records").get(0).path("datapoints")))
        .containsExactlyInAnyOrderElementsOf(acknowledged);
    String name = path.substring(path.lastIndexOf('/') + 1);
    assertThat(api.get(DATASETS + "?name=" + name).ok().path("total").asInt()).isEqualTo(1);
  }

  // ---- helpers ----

  private interface Worker {
    void run(int thread) throws Exception;
  }

  /** Runs {@code worker} on {@link #THREADS} threads released together; waits for all of them. */
  private static void runConcurrently(Worker worker) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Void>> futures = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        Callable<Void> task =
            () -> {
              start.await();
              worker.run(thread);
              return null;
            };
        futures.add(pool.submit(task));
      }
      start.countDown();
      for (Future<Void> future : futures) {
        future.get(5, TimeUnit.MINUTES);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
