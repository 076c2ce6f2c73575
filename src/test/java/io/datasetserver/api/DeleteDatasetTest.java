package io.datasetserver.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.datasetserver.testing.Api;
import io.datasetserver.testing.RunningServer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** DELETE /v5/datasets/{id}. */
@ExtendWith(RunningServer.class)
class DeleteDatasetTest {
  private static final String DATASETS = "/v5/datasets";

  @Test
  void deleteIs204WithoutABody(Api api) {
    JsonNode created = upsert(api, unique(), "set", "a");
    Api.Response deleted = api.delete(DATASETS + "/" + created.path("id").asText());
    assertThat(deleted.status()).as(deleted.toString()).isEqualTo(204);
    assertThat(deleted.body()).isEmpty();
  }

  @Test
  void aDeletedDatasetIsGoneFromEveryEndpoint(Api api) {
    String path = unique();
    JsonNode created = upsert(api, path, "set", "a");
    String id = created.path("id").asText();
    upsert(api, path, "add", "b");
    assertThat(api.delete(DATASETS + "/" + id).status()).isEqualTo(204);
    assertDetail(api.get(DATASETS + "/" + id), 404);
    assertDetail(api.get(DATASETS + "/" + id + "?version_id=" + created.path("version_id").asText()), 404);
    assertDetail(api.get(DATASETS + "/" + id + "/versions"), 404);
    assertDetail(api.get(DATASETS + "/" + id + "/datapoints"), 404);
    assertDetail(api.patch(DATASETS + "/" + id, Map.of("name", "renamed")), 404);
    assertDetail(api.post(DATASETS, Map.of("id", id, "datapoints", List.of())), 404);
    String name = path.substring(path.lastIndexOf('/') + 1);
    assertThat(ok(api.get(DATASETS + "?name=" + name)).path("total").asInt()).isZero();
  }

  @Test
  void deletingTwiceIs404(Api api) {
    String id = upsert(api, unique(), "set", "a").path("id").asText();
    assertThat(api.delete(DATASETS + "/" + id).status()).isEqualTo(204);
    assertDetail(api.delete(DATASETS + "/" + id), 404);
  }

  @Test
  void anUnknownDatasetIs404(Api api) {
    assertDetail(api.delete(DATASETS + "/ds_doesnotexist"), 404);
  }

  @Test
  void thePathBecomesFree(Api api) {
    String path = unique();
    JsonNode old = upsert(api, path, "set", "a", "b");
    assertThat(api.delete(DATASETS + "/" + old.path("id").asText()).status()).isEqualTo(204);
    JsonNode fresh = ok(api.post(DATASETS + "?include_datapoints=true", Map.of("path", path,
        "datapoints", List.of(Map.of("inputs", Map.of("q", "a"))))));
    assertThat(fresh.path("id").asText()).isNotEqualTo(old.path("id").asText());
    assertThat(fresh.path("version_id").asText()).isNotEqualTo(old.path("version_id").asText());
    assertThat(fresh.path("environments")).hasSize(1);
    assertThat(qs(fresh.path("datapoints"))).containsExactly("a");
    assertThat(ok(api.get(DATASETS + "/" + fresh.path("id").asText() + "/versions")).path("records")).hasSize(1);
  }

  @Test
  void addToTheFreedPathStartsFromAnEmptyDataset(Api api) {
    String path = unique();
    JsonNode old = upsert(api, path, "set", "a", "b");
    assertThat(api.delete(DATASETS + "/" + old.path("id").asText()).status()).isEqualTo(204);
    JsonNode fresh = ok(api.post(DATASETS + "?include_datapoints=true", Map.of("path", path, "action", "add",
        "datapoints", List.of(Map.of("inputs", Map.of("q", "c"))))));
    assertThat(qs(fresh.path("datapoints"))).containsExactly("c");
  }

  @Test
  void deletingOneDatasetLeavesTheOthersAlone(Api api) {
    String keptPath = unique();
    JsonNode kept = upsert(api, keptPath, "set", "a", "b");
    JsonNode doomed = upsert(api, unique(), "set", "a", "b");
    assertThat(api.delete(DATASETS + "/" + doomed.path("id").asText()).status()).isEqualTo(204);
    JsonNode fetched = ok(api.get(DATASETS + "/" + kept.path("id").asText() + "?include_datapoints=true"));
    assertThat(fetched.path("version_id").asText()).isEqualTo(kept.path("version_id").asText());
    assertThat(qs(fetched.path("datapoints"))).containsExactly("a", "b");
  }

  // ---- helpers ----

  private static String unique() {
    return "delete/" + UUID.randomUUID();
  }

  private static JsonNode upsert(Api api, String path, String action, String... qs) {
    List<Object> datapoints = new ArrayList<>();
    for (String q : qs) {
      datapoints.add(Map.of("inputs", Map.of("q", q)));
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("path", path);
    body.put("action", action);
    body.put("datapoints", datapoints);
    return ok(api.post(DATASETS, body));
  }

  private static List<String> qs(JsonNode datapoints) {
    List<String> result = new ArrayList<>();
    datapoints.forEach(d -> result.add(d.path("inputs").path("q").asText()));
    return result;
  }

  private static JsonNode ok(Api.Response response) {
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response.json();
  }

  private static void assertDetail(Api.Response response, int status) {
    assertThat(response.status()).as(response.toString()).isEqualTo(status);
    assertThat(response.header("Content-Type")).as(response.toString()).startsWith("application/json");
    assertThat(response.json().path("detail").isTextual()).as(response.toString()).isTrue();
  }
}
