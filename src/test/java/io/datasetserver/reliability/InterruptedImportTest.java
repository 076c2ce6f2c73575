package io.datasetserver.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import io.datasetserver.testing.Api;
import io.datasetserver.testing.Slow;
import io.datasetserver.transfer.ApiClient;
import io.datasetserver.transfer.ExportFixture;
import io.datasetserver.transfer.Importer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Contract §9, "a client never sees a half-imported dataset" and "an import that is interrupted and
 * run again completes the work": the API process is killed with SIGKILL while a dataset's versions
 * are being staged. After a restart only complete datasets are visible, and running the same import
 * again finishes it.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
@Slow
class InterruptedImportTest {
  private static final int DATASETS = 3;
  private static final int VERSIONS = 4;
  private static final int PER_VERSION = 2_500;

  @TempDir Path dataDir;
  @TempDir Path export;

  @Test
  void anImportKilledMidDatasetShowsOnlyWholeDatasetsAndARerunFinishesIt() throws Exception {
    List<ExportFixture.DatasetBuilder> datasets = new ArrayList<>();
    ExportFixture fixture = new ExportFixture(export, 13);
    for (int d = 0; d < DATASETS; d++) {
      ExportFixture.DatasetBuilder dataset = fixture.dataset("interrupted/dataset-" + d);
      for (int v = 0; v < VERSIONS; v++) {
        dataset.version("v" + v, v * 100, PER_VERSION);
      }
      datasets.add(dataset.deploy(dataset.version("last", 0, 10), "production").write());
    }
    int databasePort = ChildJvm.freePort();
    int apiPort = ChildJvm.freePort();
    ChildJvm database = null;
    ChildJvm api = null;
    try (MongoClient observer =
        MongoClients.create(
            MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(ChildJvm.mongoUri(databasePort)))
                .applyToClusterSettings(c -> c.serverSelectionTimeout(5, TimeUnit.SECONDS))
                .build())) {
      database = ChildJvm.database("import-db", databasePort, dataDir);
      api = ChildJvm.api("import-api", apiPort, ChildJvm.mongoUri(databasePort));
      CompletableFuture<Importer.Summary> first = CompletableFuture.supplyAsync(() -> run(apiPort));
      awaitMidDataset(observer);
      api.kill();
      Importer.Summary interrupted = first.get(120, TimeUnit.SECONDS);
      assertThat(interrupted.failed()).isPositive();
      assertThat(interrupted.exitStatus()).isEqualTo(1);

      api = ChildJvm.api("import-api", apiPort, ChildJvm.mongoUri(databasePort));
      Api client = new Api(apiPort);
      int visible = 0;
      for (ExportFixture.DatasetBuilder dataset : datasets) {
        Api.Response response = client.get("/v5/datasets/" + dataset.id + "/versions");
        if (response.status() == 404) {
          continue;
        }
        visible++;
        assertComplete(client, dataset);
      }
      assertThat(visible).isLessThan(DATASETS);

      Importer.Summary rerun = run(apiPort);
      assertThat(rerun.failed()).isZero();
      assertThat(rerun.imported() + rerun.present()).isEqualTo(DATASETS);
      assertThat(rerun.present()).isEqualTo(visible);
      for (ExportFixture.DatasetBuilder dataset : datasets) {
        assertComplete(client, dataset);
      }
    } finally {
      ChildJvm.closeAll(api, database);
    }
  }

  private Importer.Summary run(int apiPort) {
    return new Importer(
            new ApiClient("http://127.0.0.1:" + apiPort, Api.ALPHA),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))
        .run(export);
  }

  /**
   * Waits until one dataset is published and another has staged datapoints but is not committed.
   */
  private static void awaitMidDataset(MongoClient observer) {
    var db = observer.getDatabase("datasets");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < deadline) {
      boolean onePublished = db.getCollection("datasets").countDocuments() >= 1;
      boolean midway =
          db
              .getCollection("imports")
              .find(Filters.eq("committed", false))
              .into(new ArrayList<>())
              .stream()
              .anyMatch(
                  d ->
                      d.getList("versions", Document.class).stream()
                          .anyMatch(v -> v.get("staged", Number.class).longValue() > 0));
      if (onePublished && midway) {
        return;
      }
      ChildJvm.sleep(20);
    }
    throw new AssertionError("the import never got half way through a dataset");
  }

  private static void assertComplete(Api client, ExportFixture.DatasetBuilder dataset) {
    JsonNode versions = client.get("/v5/datasets/" + dataset.id + "/versions").ok().get("records");
    assertThat(versions.size()).isEqualTo(VERSIONS + 1);
    for (JsonNode version : versions) {
      String versionId = version.get("version_id").asText();
      int count = version.get("datapoints_count").asInt();
      JsonNode page =
          client
              .get(
                  "/v5/datasets/"
                      + dataset.id
                      + "/datapoints?size=1000&page="
                      + (count / 1000 + 1)
                      + "&version_id="
                      + versionId)
              .ok();
      assertThat(page.get("total").asInt()).isEqualTo(count);
      assertThat(page.get("records").size()).isEqualTo(count % 1000);
    }
    assertThat(client.get("/v5/datasets/" + dataset.id).ok().get("version_name").asText())
        .isEqualTo("last");
  }
}
