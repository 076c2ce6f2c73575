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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** GET /v5/datasets/{id}/versions. */
@ExtendWith(RunningServer.class)
class ListVersionsTest {
  @Test
  void listsEveryVersionNewestFirst(Api api) {
    String path = uniquePath("versions");
    JsonNode v1 = upsert(api, path, "set", "one", "a");
    JsonNode v2 = upsert(api, path, "add", "two", "b");
    JsonNode v3 = upsert(api, path, "set", "three", "c");
    JsonNode body = api.get(DATASETS + "/" + v1.path("id").asText() + "/versions").ok();
    assertThat(versionIds(body))
        .containsExactly(
            v3.path("version_id").asText(),
            v2.path("version_id").asText(),
            v1.path("version_id").asText());
    List<String> names = new ArrayList<>();
    body.path("records").forEach(r -> names.add(r.path("version_name").asText()));
    assertThat(names).containsExactly("three", "two", "one");
    List<Integer> counts = new ArrayList<>();
    body.path("records").forEach(r -> counts.add(r.path("datapoints_count").asInt()));
    assertThat(counts).containsExactly(1, 2, 1);
    for (JsonNode record : body.path("records")) {
      assertThat(record.path("id").asText()).isEqualTo(v1.path("id").asText());
      assertThat(record.path("path").asText()).isEqualTo(path);
      assertThat(record.path("type").asText()).isEqualTo("dataset");
      assertThat(record.has("datapoints")).isFalse();
    }
  }

  @Test
  void aDeletedVersionIsNotListed(Api api) {
    String path = uniquePath("versions");
    JsonNode v1 = upsert(api, path, "set", null, "a");
    JsonNode v2 = upsert(api, path, "set", null, "b");
    JsonNode v3 = upsert(api, path, "set", null, "c");
    String id = v1.path("id").asText();
    api.delete(DATASETS + "/" + id + "/versions/" + v2.path("version_id").asText())
        .assertStatus(204);
    assertThat(versionIds(api.get(DATASETS + "/" + id + "/versions").ok()))
        .containsExactly(v3.path("version_id").asText(), v1.path("version_id").asText());
  }

  @Test
  void eachRecordListsTheEnvironmentsItsVersionIsDeployedTo(Api api) {
    String path = uniquePath("versions");
    upsert(api, path, "set", null, "a");
    JsonNode body =
        api.get(
                DATASETS
                    + "/"
                    + upsert(api, path, "set", null, "b").path("id").asText()
                    + "/versions")
            .ok();
    assertThat(body.path("records").get(0).path("environments")).isEmpty();
    assertThat(body.path("records").get(1).path("environments"))
        .singleElement()
        .satisfies(e -> assertThat(e.path("name").asText()).isEqualTo("production"));
  }

  @Test
  void eachRecordNamesItsOwnCreator(Api api) {
    String path = uniquePath("versions");
    JsonNode first = upsert(api, path, "set", null, "a");
    api.as(Api.ALPHA_ALAN)
        .post(
            DATASETS,
            Map.of("path", path, "datapoints", List.of(Map.of("inputs", Map.of("q", "b")))))
        .ok();
    JsonNode body = api.get(DATASETS + "/" + first.path("id").asText() + "/versions").ok();
    assertThat(body.path("records").get(0).path("created_by").path("id").asText())
        .isEqualTo("usr_alan");
    assertThat(body.path("records").get(1).path("created_by").path("id").asText())
        .isEqualTo("usr_ada");
  }

  @Test
  void anIdenticalUpsertAddsNoVersion(Api api) {
    String path = uniquePath("versions");
    JsonNode first = upsert(api, path, "set", null, "a", "b");
    upsert(api, path, "set", null, "b", "a");
    upsert(api, path, "add", null, "a");
    upsert(api, path, "remove", null, "not-there");
    assertThat(
            api.get(DATASETS + "/" + first.path("id").asText() + "/versions").ok().path("records"))
        .hasSize(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"latest_saved", "latest_committed"})
  void includeDatapointsGivesTheNewestVersionItsDatapoints(String value, Api api) {
    String path = uniquePath("versions");
    JsonNode first = upsert(api, path, "set", null, "a", "b");
    upsert(api, path, "add", null, "c", "d");
    JsonNode body =
        api.get(
                DATASETS
                    + "/"
                    + first.path("id").asText()
                    + "/versions?include_datapoints="
                    + value)
            .ok();
    JsonNode newest = body.path("records").get(0);
    assertThat(questions(newest.path("datapoints"))).containsExactly("a", "b", "c", "d");
    assertThat(body.path("records").get(1).has("datapoints")).isFalse();
  }

  @Test
  void theNewestVersionIsTheMostRecentlyCreatedNotTheDeployedOne(Api api) {
    String path = uniquePath("versions");
    JsonNode first = upsert(api, path, "set", null, "a");
    JsonNode second = upsert(api, path, "set", null, "z");
    JsonNode body =
        api.get(
                DATASETS
                    + "/"
                    + first.path("id").asText()
                    + "/versions?include_datapoints=latest_saved")
            .ok();
    assertThat(body.path("records").get(0).path("version_id").asText())
        .isEqualTo(second.path("version_id").asText());
    assertThat(questions(body.path("records").get(0).path("datapoints"))).containsExactly("z");
  }

  @ParameterizedTest
  @ValueSource(strings = {"true", "latest", "LATEST_SAVED", "all"})
  void anyOtherIncludeDatapointsValueIs422(String value, Api api) {
    String id = upsert(api, uniquePath("versions"), "set", null, "a").path("id").asText();
    api.get(DATASETS + "/" + id + "/versions?include_datapoints=" + value)
        .assertInvalid("query", "include_datapoints");
  }

  @Test
  void aBadIncludeDatapointsValueIs422EvenForAnUnknownDataset(Api api) {
    api.get(DATASETS + "/ds_doesnotexist/versions?include_datapoints=true")
        .assertInvalid("query", "include_datapoints");
  }

  @Test
  void anUnknownDatasetIs404(Api api) {
    api.get(DATASETS + "/ds_doesnotexist/versions").assertDetail(404);
  }

  // ---- helpers ----

  /** An upsert with this action and, unless null, this version name. */
  private static JsonNode upsert(
      Api api, String path, String action, String versionName, String... qs) {
    Map<String, Object> body = upsertBody(path, datapoints(qs), "action", action);
    if (versionName != null) {
      body.put("version_name", versionName);
    }
    return api.post(DATASETS, body).ok();
  }

  private static List<String> versionIds(JsonNode body) {
    List<String> ids = new ArrayList<>();
    body.path("records").forEach(r -> ids.add(r.path("version_id").asText()));
    return ids;
  }
}
