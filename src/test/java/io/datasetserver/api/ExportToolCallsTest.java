package io.datasetserver.api;

import static io.datasetserver.testing.TestData.DATASETS;
import static io.datasetserver.testing.TestData.datapoints;
import static io.datasetserver.testing.TestData.id;
import static io.datasetserver.testing.TestData.upsertBody;
import static io.datasetserver.testing.TestData.versionId;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.datasetserver.testing.Api;
import io.datasetserver.testing.RunningServer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Humanloop's export tool ({@code export.py} of humanloop/humanloop-export) must run unchanged
 * against this server. This test makes the calls it makes, in its order and with its query
 * parameters, so CI checks the same without Python: {@code GET /directories/root} (when no
 * directory is configured), {@code GET /directories/{id}} for the folder's path, {@code GET
 * /files?page=1&size=100&path=…}, then for each file (eight at a time) {@code GET
 * /datasets/{id}/versions} and, per version, {@code GET
 * /datasets/{id}/datapoints?page=N&size=1000&version_id=…}. Its pagination asks for page 1, and
 * after a full page for the next ten pages at once, again and again until a batch of ten brings no
 * record; a page that fails is logged and skipped, so every call here must succeed for the export
 * to be complete.
 */
@ExtendWith(RunningServer.class)
class ExportToolCallsTest {
  private static final int FILE_WORKERS = 8;
  private static final int PARALLEL_PAGES = 10;

  @Test
  void theExportToolsCallsReachEveryDatasetVersionAndDatapoint(Api api) throws Exception {
    Map<String, List<String>> versionsByDataset = new LinkedHashMap<>();
    JsonNode big =
        api.post(
                DATASETS, upsertBody("evals/support/big", bulk("big", 2_500), "version_name", "v1"))
            .ok();
    JsonNode bigV2 =
        api.post(
                DATASETS, Map.of("id", id(big), "action", "add", "datapoints", datapoints("extra")))
            .ok();
    api.post(
            DATASETS + "/" + id(big) + "/environments/staging?version_id=" + versionId(bigV2), null)
        .ok();
    versionsByDataset.put(id(big), List.of(versionId(big), versionId(bigV2)));
    JsonNode exact =
        api.post(DATASETS, upsertBody("evals/exactly-a-page", bulk("page", 1_000))).ok();
    versionsByDataset.put(id(exact), List.of(versionId(exact)));
    JsonNode small = api.post(DATASETS, upsertBody("evals/support/small", datapoints("a"))).ok();
    JsonNode smallV2 =
        api.post(
                DATASETS,
                Map.of(
                    "id",
                    id(small),
                    "action",
                    "add",
                    "datapoints",
                    datapoints("b"),
                    "version_description",
                    "second"))
            .ok();
    JsonNode empty =
        api.post(
                DATASETS, Map.of("id", id(small), "datapoints", List.of(), "version_name", "empty"))
            .ok();
    versionsByDataset.put(
        id(small), List.of(versionId(small), versionId(smallV2), versionId(empty)));
    // More files than the tool's first page of 100, so its file listing pages in parallel too.
    for (int i = 0; i < 104; i++) {
      JsonNode dataset =
          api.post(DATASETS, upsertBody("bulk/deep/er/d" + i, datapoints("q" + i))).ok();
      versionsByDataset.put(id(dataset), List.of(versionId(dataset)));
    }
    JsonNode atRoot = api.post(DATASETS, upsertBody("top-level", datapoints("root"))).ok();
    versionsByDataset.put(id(atRoot), List.of(versionId(atRoot)));

    // HUMANLOOP_DIRECTORY_ID unset: the tool starts from the root.
    String rootId = api.get("/v5/directories/root").ok().path("id").asText();
    Map<String, List<JsonNode>> everything = export(api, rootId);
    assertThat(everything.keySet()).containsExactlyInAnyOrderElementsOf(versionsByDataset.keySet());
    versionsByDataset.forEach(
        (datasetId, created) ->
            assertThat(everything.get(datasetId))
                .extracting(v -> v.path("version_id").asText())
                .containsExactlyInAnyOrderElementsOf(created));

    // HUMANLOOP_DIRECTORY_ID set to a folder: the files in it and below, nothing else.
    Map<String, List<JsonNode>> support = export(api, big.path("directory_id").asText());
    assertThat(support.keySet()).containsExactlyInAnyOrder(id(big), id(small));

    // deployments.json is built from each version's environments.
    Map<String, String> bigDeployments = new HashMap<>();
    for (JsonNode version : everything.get(id(big))) {
      version
          .path("environments")
          .forEach(
              e ->
                  bigDeployments.put(e.path("name").asText(), version.path("version_id").asText()));
    }
    assertThat(bigDeployments)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("production", versionId(big), "staging", versionId(bigV2)));
  }

  /**
   * What the tool reads for one directory: every file's versions; each version's datapoints are
   * checked against the version as the server lists them. Returns the versions by file id.
   */
  private static Map<String, List<JsonNode>> export(Api api, String directoryId) throws Exception {
    JsonNode directory = api.get("/v5/directories/" + directoryId).ok();
    List<JsonNode> files =
        paginated(api, "/v5/files", "path=" + encode(directory.path("path").asText()), 100);
    Map<String, List<JsonNode>> versionsByFile = new LinkedHashMap<>();
    ExecutorService workers = Executors.newFixedThreadPool(FILE_WORKERS);
    try {
      Map<String, Future<List<JsonNode>>> exports = new LinkedHashMap<>();
      for (JsonNode file : files) {
        assertThat(file.path("type").asText()).isEqualTo("dataset");
        assertThat(file.path("directory_id").asText()).startsWith("dir_");
        exports.put(file.path("id").asText(), workers.submit(() -> exportFile(api, file)));
      }
      for (Map.Entry<String, Future<List<JsonNode>>> export : exports.entrySet()) {
        versionsByFile.put(export.getKey(), export.getValue().get());
      }
    } finally {
      workers.shutdownNow();
    }
    assertThat(versionsByFile).hasSameSizeAs(files);
    return versionsByFile;
  }

  private static List<JsonNode> exportFile(Api api, JsonNode file) throws Exception {
    String url = "/v5/" + file.path("type").asText() + "s/" + file.path("id").asText();
    List<JsonNode> versions = new ArrayList<>();
    api.get(url + "/versions").ok().path("records").forEach(versions::add);
    for (JsonNode version : versions) {
      String versionId = version.path("version_id").asText();
      List<JsonNode> exported =
          paginated(api, url + "/datapoints", "version_id=" + versionId, 1000);
      JsonNode listed =
          api.get(url + "?include_datapoints=true&version_id=" + versionId).ok().path("datapoints");
      assertThat(exported)
          .as(versionId)
          .hasSize(version.path("datapoints_count").asInt())
          .containsExactlyElementsOf(listed);
    }
    return versions;
  }

  /**
   * The tool's {@code paginated_request}: page 1 with {@code size}; after a full page, batches of
   * ten pages requested at once until a batch is empty. Records are kept in page order.
   */
  private static List<JsonNode> paginated(Api api, String url, String query, int size)
      throws InterruptedException, ExecutionException {
    String base = url + "?size=" + size + "&" + query + "&page=";
    List<JsonNode> records = new ArrayList<>();
    JsonNode first = api.get(base + 1).ok().path("records");
    first.forEach(records::add);
    if (first.size() < size) {
      return records;
    }
    ExecutorService pages = Executors.newFixedThreadPool(PARALLEL_PAGES);
    try {
      for (int start = 2; ; start += PARALLEL_PAGES) {
        List<Future<JsonNode>> batch =
            IntStream.range(start, start + PARALLEL_PAGES)
                .mapToObj(page -> pages.submit(() -> api.get(base + page).ok().path("records")))
                .toList();
        boolean anyRecords = false;
        for (Future<JsonNode> page : batch) {
          JsonNode pageRecords = page.get();
          anyRecords |= !pageRecords.isEmpty();
          pageRecords.forEach(records::add);
        }
        if (!anyRecords) {
          return records;
        }
      }
    } finally {
      pages.shutdownNow();
    }
  }

  private static List<Map<String, Object>> bulk(String prefix, int count) {
    return IntStream.range(0, count)
        .mapToObj(
            i ->
                Map.<String, Object>of(
                    "inputs", Map.of("q", prefix + " " + i), "target", Map.of("output", i)))
        .toList();
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
