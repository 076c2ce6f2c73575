package io.datasetserver.api;

import static io.datasetserver.testing.TestData.DATASETS;
import static io.datasetserver.testing.TestData.datapoints;
import static io.datasetserver.testing.TestData.questions;
import static io.datasetserver.testing.TestData.uniquePath;
import static io.datasetserver.testing.TestData.upsertBody;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.datasetserver.testing.Api;
import io.datasetserver.testing.RunningServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** DELETE /v5/datasets/{id}. */
@ExtendWith(RunningServer.class)
class DeleteDatasetTest {
  @Test
  void deleteIs204WithoutABody(Api api) {
    JsonNode created = upsert(api, uniquePath("delete"), "set", "a");
    Api.Response deleted = api.delete(DATASETS + "/" + created.path("id").asText());
    deleted.assertStatus(204);
    assertThat(deleted.body()).isEmpty();
  }

  @Test
  void aDeletedDatasetIsGoneFromEveryEndpoint(Api api) {
    String path = uniquePath("delete");
    JsonNode created = upsert(api, path, "set", "a");
    String id = created.path("id").asText();
    upsert(api, path, "add", "b");
    api.delete(DATASETS + "/" + id).assertStatus(204);
    api.get(DATASETS + "/" + id).assertDetail(404);
    api.get(DATASETS + "/" + id + "?version_id=" + created.path("version_id").asText())
        .assertDetail(404);
    api.get(DATASETS + "/" + id + "/versions").assertDetail(404);
    api.get(DATASETS + "/" + id + "/datapoints").assertDetail(404);
    api.patch(DATASETS + "/" + id, Map.of("name", "renamed")).assertDetail(404);
    api.post(DATASETS, Map.of("id", id, "datapoints", List.of())).assertDetail(404);
    String name = path.substring(path.lastIndexOf('/') + 1);
    assertThat(api.get(DATASETS + "?name=" + name).ok().path("total").asInt()).isZero();
  }

  @Test
  void deletingTwiceIs404(Api api) {
    String id = upsert(api, uniquePath("delete"), "set", "a").path("id").asText();
    api.delete(DATASETS + "/" + id).assertStatus(204);
    api.delete(DATASETS + "/" + id).assertDetail(404);
  }

  @Test
  void anUnknownDatasetIs404(Api api) {
    api.delete(DATASETS + "/ds_doesnotexist").assertDetail(404);
  }

  @Test
  void thePathBecomesFree(Api api) {
    String path = uniquePath("delete");
    JsonNode old = upsert(api, path, "set", "a", "b");
    api.delete(DATASETS + "/" + old.path("id").asText()).assertStatus(204);
    JsonNode fresh =
        api.post(
                DATASETS + "?include_datapoints=true",
                Map.of("path", path, "datapoints", datapoints("a")))
            .ok();
    assertThat(fresh.path("id").asText()).isNotEqualTo(old.path("id").asText());
    assertThat(fresh.path("version_id").asText()).isNotEqualTo(old.path("version_id").asText());
    assertThat(fresh.path("environments")).hasSize(1);
    assertThat(questions(fresh.path("datapoints"))).containsExactly("a");
    assertThat(
            api.get(DATASETS + "/" + fresh.path("id").asText() + "/versions").ok().path("records"))
        .hasSize(1);
  }

  @Test
  void addToTheFreedPathStartsFromAnEmptyDataset(Api api) {
    String path = uniquePath("delete");
    JsonNode old = upsert(api, path, "set", "a", "b");
    api.delete(DATASETS + "/" + old.path("id").asText()).assertStatus(204);
    JsonNode fresh =
        api.post(
                DATASETS + "?include_datapoints=true",
                Map.of("path", path, "action", "add", "datapoints", datapoints("c")))
            .ok();
    assertThat(questions(fresh.path("datapoints"))).containsExactly("c");
  }

  @Test
  void deletingOneDatasetLeavesTheOthersAlone(Api api) {
    String keptPath = uniquePath("delete");
    JsonNode kept = upsert(api, keptPath, "set", "a", "b");
    JsonNode doomed = upsert(api, uniquePath("delete"), "set", "a", "b");
    api.delete(DATASETS + "/" + doomed.path("id").asText()).assertStatus(204);
    JsonNode fetched =
        api.get(DATASETS + "/" + kept.path("id").asText() + "?include_datapoints=true").ok();
    assertThat(fetched.path("version_id").asText()).isEqualTo(kept.path("version_id").asText());
    assertThat(questions(fetched.path("datapoints"))).containsExactly("a", "b");
  }

  // ---- helpers ----

  private static JsonNode upsert(Api api, String path, String action, String... qs) {
    return api.post(DATASETS, upsertBody(path, datapoints(qs), "action", action)).ok();
  }
}
