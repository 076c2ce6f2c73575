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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** GET /v5/datasets/{id}/versions. */
@ExtendWith(RunningServer.class)
class ListVersionsTest {
  private static final String DATASETS = "/v5/datasets";

  @Test
  void listsEveryVersionNewestFirst(Api api) {
    String path = unique();
    JsonNode v1 = upsert(api, path, "set", "one", "a");
    JsonNode v2 = upsert(api, path, "add", "two", "b");
    JsonNode v3 = upsert(api, path, "set", "three", "c");
    JsonNode body = ok(api.get(DATASETS + "/" + v1.path("id").asText() + "/versions"));
    assertThat(versionIds(body)).containsExactly(v3.path("version_id").asText(), v2.path("version_id").asText(),
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
    String path = unique();
    JsonNode v1 = upsert(api, path, "set", null, "a");
    JsonNode v2 = upsert(api, path, "set", null, "b");
    JsonNode v3 = upsert(api, path, "set", null, "c");
    String id = v1.path("id").asText();
    assertThat(api.delete(DATASETS + "/" + id + "/versions/" + v2.path("version_id").asText()).status()).isEqualTo(204);
    assertThat(versionIds(ok(api.get(DATASETS + "/" + id + "/versions"))))
        .containsExactly(v3.path("version_id").asText(), v1.path("version_id").asText());
  }

  @Test
  void eachRecordListsTheEnvironmentsItsVersionIsDeployedTo(Api api) {
    String path = unique();
    upsert(api, path, "set", null, "a");
    JsonNode body = ok(api.get(DATASETS + "/" + upsert(api, path, "set", null, "b").path("id").asText() + "/versions"));
    assertThat(body.path("records").get(0).path("environments")).isEmpty();
    assertThat(body.path("records").get(1).path("environments")).singleElement()
        .satisfies(e -> assertThat(e.path("name").asText()).isEqualTo("production"));
  }

  @Test
  void eachRecordNamesItsOwnCreator(Api api) {
    String path = unique();
    JsonNode first = upsert(api, path, "set", null, "a");
    ok(api.as(Api.ALPHA_ALAN).post(DATASETS, Map.of("path", path, "datapoints", List.of(Map.of("inputs",
        Map.of("q", "b"))))));
    JsonNode body = ok(api.get(DATASETS + "/" + first.path("id").asText() + "/versions"));
    assertThat(body.path("records").get(0).path("created_by").path("id").asText()).isEqualTo("usr_alan");
    assertThat(body.path("records").get(1).path("created_by").path("id").asText()).isEqualTo("usr_ada");
  }

  @Test
  void anIdenticalUpsertAddsNoVersion(Api api) {
    String path = unique();
    JsonNode first = upsert(api, path, "set", null, "a", "b");
    upsert(api, path, "set", null, "b", "a");
    upsert(api, path, "add", null, "a");
    upsert(api, path, "remove", null, "not-there");
    assertThat(ok(api.get(DATASETS + "/" + first.path("id").asText() + "/versions")).path("records")).hasSize(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"latest_saved", "latest_committed"})
  void includeDatapointsGivesTheNewestVersionItsDatapoints(String value, Api api) {
    String path = unique();
    JsonNode first = upsert(api, path, "set", null, "a", "b");
    upsert(api, path, "add", null, "c", "d");
    JsonNode body = ok(api.get(DATASETS + "/" + first.path("id").asText() + "/versions?include_datapoints=" + value));
    JsonNode newest = body.path("records").get(0);
    assertThat(qs(newest.path("datapoints"))).containsExactly("a", "b", "c", "d");
    assertThat(body.path("records").get(1).has("datapoints")).isFalse();
  }

  @Test
  void theNewestVersionIsTheMostRecentlyCreatedNotTheDeployedOne(Api api) {
    String path = unique();
    JsonNode first = upsert(api, path, "set", null, "a");
    JsonNode second = upsert(api, path, "set", null, "z");
    JsonNode body = ok(api.get(DATASETS + "/" + first.path("id").asText() + "/versions?include_datapoints=latest_saved"));
    assertThat(body.path("records").get(0).path("version_id").asText()).isEqualTo(second.path("version_id").asText());
    assertThat(qs(body.path("records").get(0).path("datapoints"))).containsExactly("z");
  }

  @ParameterizedTest
  @ValueSource(strings = {"true", "latest", "LATEST_SAVED", "all"})
  void anyOtherIncludeDatapointsValueIs422(String value, Api api) {
    String id = upsert(api, unique(), "set", null, "a").path("id").asText();
    assertInvalid(api.get(DATASETS + "/" + id + "/versions?include_datapoints=" + value), "query", "include_datapoints");
  }

  @Test
  void aBadIncludeDatapointsValueIs422EvenForAnUnknownDataset(Api api) {
    assertInvalid(api.get(DATASETS + "/ds_doesnotexist/versions?include_datapoints=true"), "query", "include_datapoints");
  }

  @Test
  void anUnknownDatasetIs404(Api api) {
    assertDetail(api.get(DATASETS + "/ds_doesnotexist/versions"), 404);
  }

  // ---- helpers ----

  private static String unique() {
    return "versions/" + UUID.randomUUID();
  }

  private static JsonNode upsert(Api api, String path, String action, String versionName, String... qs) {
    List<Object> datapoints = new ArrayList<>();
    for (String q : qs) {
      datapoints.add(Map.of("inputs", Map.of("q", q)));
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("path", path);
    body.put("action", action);
    body.put("datapoints", datapoints);
    if (versionName != null) {
      body.put("version_name", versionName);
    }
    return ok(api.post(DATASETS, body));
  }

  private static List<String> versionIds(JsonNode body) {
    List<String> ids = new ArrayList<>();
    body.path("records").forEach(r -> ids.add(r.path("version_id").asText()));
    return ids;
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

  /** A 422 whose detail lists {loc, msg, type} errors, one of them at a location starting with {@code location}. */
  private static void assertInvalid(Api.Response response, Object... location) {
    assertThat(response.status()).as(response.toString()).isEqualTo(422);
    assertThat(response.header("Content-Type")).as(response.toString()).startsWith("application/json");
    JsonNode detail = response.json().path("detail");
    assertThat(detail.isArray() && !detail.isEmpty()).as(response.toString()).isTrue();
    List<List<Object>> locations = new ArrayList<>();
    for (JsonNode error : detail) {
      assertThat(error.path("msg").isTextual()).as(response.toString()).isTrue();
      assertThat(error.path("type").isTextual()).as(response.toString()).isTrue();
      List<Object> loc = new ArrayList<>();
      error.path("loc").forEach(part -> loc.add(part.isInt() ? (Object) part.intValue() : part.asText()));
      assertThat(loc).as(response.toString()).isNotEmpty();
      assertThat(loc.get(0)).as(response.toString()).isIn("body", "query", "path");
      locations.add(loc);
    }
    assertThat(locations).as(response.toString()).anySatisfy(loc -> assertThat(loc).startsWith(location));
  }
}
