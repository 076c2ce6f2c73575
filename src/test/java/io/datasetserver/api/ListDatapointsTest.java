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

/** GET /v5/datasets/{id}/datapoints. */
@ExtendWith(RunningServer.class)
class ListDatapointsTest {
  private static final String DATASETS = "/v5/datasets";

  @Test
  void pagesThroughTheDatapointsInTheVersionsOrder(Api api) {
    List<String> qs = List.of("g", "c", "e", "a", "f", "b", "d");
    JsonNode created = upsert(api, unique(), qs);
    String id = created.path("id").asText();
    List<String> seen = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    int[] sizes = {3, 3, 1};
    for (int page = 1; page <= 3; page++) {
      JsonNode body = ok(api.get(DATASETS + "/" + id + "/datapoints?size=3&page=" + page));
      assertThat(body.path("page").asInt()).isEqualTo(page);
      assertThat(body.path("size").asInt()).isEqualTo(3);
      assertThat(body.path("total").asInt()).isEqualTo(7);
      assertThat(body.path("records")).hasSize(sizes[page - 1]);
      body.path("records").forEach(r -> {
        seen.add(r.path("inputs").path("q").asText());
        ids.add(r.path("id").asText());
      });
    }
    assertThat(seen).isEqualTo(qs);
    JsonNode whole = ok(api.get(DATASETS + "/" + id + "?include_datapoints=true"));
    List<String> wholeIds = new ArrayList<>();
    whole.path("datapoints").forEach(d -> wholeIds.add(d.path("id").asText()));
    assertThat(ids).isEqualTo(wholeIds);
  }

  @Test
  void theDefaultPageSizeIs50(Api api) {
    List<String> qs = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      qs.add("q" + i);
    }
    String id = upsert(api, unique(), qs).path("id").asText();
    JsonNode first = ok(api.get(DATASETS + "/" + id + "/datapoints"));
    assertThat(first.path("page").asInt()).isEqualTo(1);
    assertThat(first.path("size").asInt()).isEqualTo(50);
    assertThat(first.path("total").asInt()).isEqualTo(60);
    assertThat(qs(first.path("records"))).isEqualTo(qs.subList(0, 50));
    assertThat(qs(ok(api.get(DATASETS + "/" + id + "/datapoints?page=2")).path("records"))).isEqualTo(qs.subList(50, 60));
  }

  @Test
  void pageAfterTheEndIsEmpty(Api api) {
    String id = upsert(api, unique(), List.of("a", "b", "c")).path("id").asText();
    for (String page : List.of("2", "3", "99999", String.valueOf(Integer.MAX_VALUE))) {
      JsonNode body = ok(api.get(DATASETS + "/" + id + "/datapoints?size=3&page=" + page));
      assertThat(body.path("records").isArray()).isTrue();
      assertThat(body.path("records")).as("page " + page).isEmpty();
      assertThat(body.path("total").asInt()).isEqualTo(3);
    }
  }

  @Test
  void sizeZeroReturnsOnlyTheTotal(Api api) {
    String id = upsert(api, unique(), List.of("a", "b")).path("id").asText();
    JsonNode body = ok(api.get(DATASETS + "/" + id + "/datapoints?size=0"));
    assertThat(body.path("records")).isEmpty();
    assertThat(body.path("total").asInt()).isEqualTo(2);
  }

  @Test
  void anEmptyVersionHasNoDatapoints(Api api) {
    String id = upsert(api, unique(), List.of()).path("id").asText();
    JsonNode body = ok(api.get(DATASETS + "/" + id + "/datapoints"));
    assertThat(body.path("records")).isEmpty();
    assertThat(body.path("total").asInt()).isZero();
  }

  @Test
  void totalIsTheSelectedVersionsDatapointsCount(Api api) {
    String path = unique();
    JsonNode first = upsert(api, path, List.of("a", "b"));
    JsonNode second = upsert(api, path, List.of("c", "d", "e"));
    String id = first.path("id").asText();
    JsonNode ofSecond = ok(api.get(DATASETS + "/" + id + "/datapoints?version_id=" + second.path("version_id").asText()));
    assertThat(ofSecond.path("total").asInt()).isEqualTo(second.path("datapoints_count").asInt()).isEqualTo(3);
    assertThat(qs(ofSecond.path("records"))).containsExactly("c", "d", "e");
  }

  @Test
  void withoutASelectorTheDefaultVersionIsListed(Api api) {
    String path = unique();
    JsonNode first = upsert(api, path, List.of("a", "b"));
    upsert(api, path, List.of("c"));
    JsonNode body = ok(api.get(DATASETS + "/" + first.path("id").asText() + "/datapoints"));
    assertThat(qs(body.path("records"))).containsExactly("a", "b");
    assertThat(body.path("total").asInt()).isEqualTo(2);
  }

  @Test
  void environmentSelectsTheDeployedVersion(Api api) {
    String path = unique();
    JsonNode first = upsert(api, path, List.of("a"));
    upsert(api, path, List.of("b"));
    String id = first.path("id").asText();
    assertThat(qs(ok(api.get(DATASETS + "/" + id + "/datapoints?environment=production")).path("records")))
        .containsExactly("a");
    String environmentId = first.path("environments").get(0).path("id").asText();
    assertThat(qs(ok(api.get(DATASETS + "/" + id + "/datapoints?environment=" + environmentId)).path("records")))
        .containsExactly("a");
    assertDetail(api.get(DATASETS + "/" + id + "/datapoints?environment=staging"), 404);
    assertDetail(api.get(DATASETS + "/" + id + "/datapoints?environment=nowhere"), 404);
  }

  @Test
  void recordsCarryTheirContent(Api api) {
    Map<String, Object> datapoint = Map.of("inputs", Map.of("q", "hi"),
        "messages", List.of(Map.of("role", "user", "content", "hi")), "target", Map.of("output", "hello", "n", 2));
    JsonNode created = ok(api.post(DATASETS, Map.of("path", unique(), "datapoints", List.of(datapoint))));
    JsonNode record = ok(api.get(DATASETS + "/" + created.path("id").asText() + "/datapoints")).path("records").get(0);
    assertThat(record.path("id").asText()).startsWith("dp_");
    for (String field : List.of("inputs", "messages", "target")) {
      assertThat(record.path(field)).as(field).isEqualTo(Api.JSON.valueToTree(datapoint.get(field)));
    }
  }

  @Test
  void anUnknownVersionIs404(Api api) {
    String id = upsert(api, unique(), List.of("a")).path("id").asText();
    assertDetail(api.get(DATASETS + "/" + id + "/datapoints?version_id=dsv_doesnotexist"), 404);
  }

  @Test
  void anUnknownDatasetIs404(Api api) {
    assertDetail(api.get(DATASETS + "/ds_doesnotexist/datapoints"), 404);
  }

  @Test
  void versionIdAndEnvironmentTogetherAre422(Api api) {
    JsonNode created = upsert(api, unique(), List.of("a"));
    assertInvalid(api.get(DATASETS + "/" + created.path("id").asText() + "/datapoints?environment=production&version_id="
        + created.path("version_id").asText()), "query");
  }

  @ParameterizedTest
  @ValueSource(strings = {"page=0", "page=-3", "size=-1", "size=1001", "page=x", "size=1e3"})
  void outOfRangePagingIs422(String query, Api api) {
    String id = upsert(api, unique(), List.of("a")).path("id").asText();
    assertInvalid(api.get(DATASETS + "/" + id + "/datapoints?" + query), "query", query.substring(0, query.indexOf('=')));
  }

  @Test
  void outOfRangePagingIs422EvenForAnUnknownDataset(Api api) {
    assertInvalid(api.get(DATASETS + "/ds_doesnotexist/datapoints?page=0"), "query", "page");
  }

  @Test
  void size1000IsAllowed(Api api) {
    String id = upsert(api, unique(), List.of("a")).path("id").asText();
    assertThat(ok(api.get(DATASETS + "/" + id + "/datapoints?size=1000")).path("records")).hasSize(1);
  }

  // ---- helpers ----

  private static String unique() {
    return "datapoints/" + UUID.randomUUID();
  }

  private static JsonNode upsert(Api api, String path, List<String> qs) {
    List<Object> datapoints = new ArrayList<>();
    for (String q : qs) {
      datapoints.add(Map.of("inputs", Map.of("q", q)));
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("path", path);
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
