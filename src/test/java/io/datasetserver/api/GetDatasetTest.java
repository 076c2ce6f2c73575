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

/** GET /v5/datasets/{id}: version selection (contract §2) and include_datapoints. */
@ExtendWith(RunningServer.class)
class GetDatasetTest {
  private static final String DATASETS = "/v5/datasets";

  @Test
  void returnsTheDatasetAtItsDefaultVersion(Api api) {
    JsonNode created = upsert(api, unique(), "a", "b");
    JsonNode fetched = ok(api.get(DATASETS + "/" + created.path("id").asText()));
    for (String field : List.of("id", "path", "name", "directory_id", "type", "version_id", "attributes",
        "datapoints_count", "environments", "created_at", "updated_at", "last_used_at", "created_by")) {
      assertThat(fetched.path(field)).as(field).isEqualTo(created.path(field));
    }
    assertThat(fetched.has("datapoints")).isFalse();
  }

  @Test
  void withoutASelectorTheDeployedVersionWinsOverANewerOne(Api api) {
    String path = unique();
    JsonNode first = upsert(api, path, "a");
    JsonNode second = upsert(api, path, "b", "c");
    JsonNode fetched = ok(api.get(DATASETS + "/" + first.path("id").asText()));
    assertThat(fetched.path("version_id").asText()).isEqualTo(first.path("version_id").asText());
    assertThat(fetched.path("datapoints_count").asInt()).isEqualTo(1);
    assertThat(second.path("version_id").asText()).isNotEqualTo(first.path("version_id").asText());
  }

  @Test
  void withoutADefaultDeploymentTheLatestVersionIsReturned(Api api) {
    String path = unique();
    JsonNode first = upsert(api, path, "a");
    JsonNode second = upsert(api, path, "b");
    String id = first.path("id").asText();
    assertThat(api.delete(DATASETS + "/" + id + "/environments/production").status()).isEqualTo(204);
    JsonNode fetched = ok(api.get(DATASETS + "/" + id));
    assertThat(fetched.path("version_id").asText()).isEqualTo(second.path("version_id").asText());
    assertThat(fetched.path("environments")).isEmpty();
  }

  @Test
  void deployingANewerVersionMakesItTheDefault(Api api) {
    String path = unique();
    JsonNode first = upsert(api, path, "a");
    JsonNode second = upsert(api, path, "b");
    String id = first.path("id").asText();
    ok(api.post(DATASETS + "/" + id + "/environments/production?version_id=" + second.path("version_id").asText(), null));
    assertThat(ok(api.get(DATASETS + "/" + id)).path("version_id").asText())
        .isEqualTo(second.path("version_id").asText());
  }

  @Test
  void versionIdSelectsThatVersion(Api api) {
    String path = unique();
    JsonNode first = upsert(api, path, "a");
    JsonNode second = upsert(api, path, "b", "c");
    String id = first.path("id").asText();
    JsonNode fetched = ok(api.get(DATASETS + "/" + id + "?version_id=" + second.path("version_id").asText()));
    assertThat(fetched.path("version_id").asText()).isEqualTo(second.path("version_id").asText());
    assertThat(fetched.path("datapoints_count").asInt()).isEqualTo(2);
    assertThat(fetched.path("environments")).isEmpty();
  }

  @Test
  void anUnknownVersionIs404(Api api) {
    JsonNode created = upsert(api, unique(), "a");
    assertDetail(api.get(DATASETS + "/" + created.path("id").asText() + "?version_id=dsv_doesnotexist"), 404);
  }

  @Test
  void aDeletedVersionIs404(Api api) {
    String path = unique();
    JsonNode first = upsert(api, path, "a");
    JsonNode second = upsert(api, path, "b");
    String id = first.path("id").asText();
    assertThat(api.delete(DATASETS + "/" + id + "/versions/" + second.path("version_id").asText()).status())
        .isEqualTo(204);
    assertDetail(api.get(DATASETS + "/" + id + "?version_id=" + second.path("version_id").asText()), 404);
  }

  @Test
  void aVersionOfAnotherDatasetIs404(Api api) {
    JsonNode mine = upsert(api, unique(), "a");
    JsonNode other = upsert(api, unique(), "a");
    assertDetail(api.get(DATASETS + "/" + mine.path("id").asText() + "?version_id="
        + other.path("version_id").asText()), 404);
  }

  @Test
  void environmentSelectsTheVersionDeployedThereByName(Api api) {
    String path = unique();
    JsonNode first = upsert(api, path, "a");
    JsonNode second = upsert(api, path, "b");
    String id = first.path("id").asText();
    ok(api.post(DATASETS + "/" + id + "/environments/staging?version_id=" + second.path("version_id").asText(), null));
    assertThat(ok(api.get(DATASETS + "/" + id + "?environment=production")).path("version_id").asText())
        .isEqualTo(first.path("version_id").asText());
    assertThat(ok(api.get(DATASETS + "/" + id + "?environment=staging")).path("version_id").asText())
        .isEqualTo(second.path("version_id").asText());
  }

  @Test
  void environmentAlsoAcceptsTheEnvironmentsId(Api api) {
    String path = unique();
    JsonNode first = upsert(api, path, "a");
    upsert(api, path, "b");
    String environmentId = first.path("environments").get(0).path("id").asText();
    assertThat(environmentId).startsWith("env_");
    JsonNode fetched = ok(api.get(DATASETS + "/" + first.path("id").asText() + "?environment=" + environmentId));
    assertThat(fetched.path("version_id").asText()).isEqualTo(first.path("version_id").asText());
  }

  @Test
  void anUnknownEnvironmentIs404(Api api) {
    JsonNode created = upsert(api, unique(), "a");
    assertDetail(api.get(DATASETS + "/" + created.path("id").asText() + "?environment=nowhere"), 404);
    assertDetail(api.get(DATASETS + "/" + created.path("id").asText() + "?environment=Production"), 404);
  }

  @Test
  void anEnvironmentWithNothingDeployedIs404(Api api) {
    JsonNode created = upsert(api, unique(), "a");
    assertDetail(api.get(DATASETS + "/" + created.path("id").asText() + "?environment=staging"), 404);
  }

  @Test
  void versionIdAndEnvironmentTogetherAre422(Api api) {
    JsonNode created = upsert(api, unique(), "a");
    assertInvalid(api.get(DATASETS + "/" + created.path("id").asText() + "?environment=production&version_id="
        + created.path("version_id").asText()), "query");
  }

  @Test
  void versionIdAndEnvironmentTogetherAre422EvenForAnUnknownDataset(Api api) {
    assertInvalid(api.get(DATASETS + "/ds_doesnotexist?environment=production&version_id=dsv_x"), "query");
  }

  @Test
  void anUnknownDatasetIs404(Api api) {
    assertDetail(api.get(DATASETS + "/ds_doesnotexist"), 404);
    assertDetail(api.get(DATASETS + "/not-even-an-id"), 404);
  }

  @Test
  void includeDatapointsReturnsEveryDatapointInOrder(Api api) {
    List<String> qs = new ArrayList<>();
    for (int i = 0; i < 130; i++) {
      qs.add(String.format("q%03d-%s", (i * 37) % 130, UUID.randomUUID().toString().substring(0, 4)));
    }
    JsonNode created = upsert(api, unique(), qs.toArray(String[]::new));
    JsonNode fetched = ok(api.get(DATASETS + "/" + created.path("id").asText() + "?include_datapoints=true"));
    assertThat(fetched.path("datapoints_count").asInt()).isEqualTo(130);
    assertThat(qs(fetched.path("datapoints"))).isEqualTo(qs);
    List<String> ids = new ArrayList<>();
    fetched.path("datapoints").forEach(d -> ids.add(d.path("id").asText()));
    assertThat(ids).doesNotHaveDuplicates().allSatisfy(id -> assertThat(id).startsWith("dp_"));
  }

  @Test
  void includeDatapointsReturnsFullContent(Api api) {
    Map<String, Object> datapoint = Map.of(
        "inputs", Map.of("question", "2+2?", "lang", "en"),
        "messages", List.of(Map.of("role", "system", "content", "be brief"), Map.of("role", "user", "content", "2+2?")),
        "target", Map.of("output", "4", "score", 1, "tags", List.of("math")));
    JsonNode created = ok(api.post(DATASETS, Map.of("path", unique(), "datapoints", List.of(datapoint))));
    JsonNode returned = ok(api.get(DATASETS + "/" + created.path("id").asText() + "?include_datapoints=true"))
        .path("datapoints").get(0);
    for (String field : List.of("inputs", "messages", "target")) {
      assertThat(returned.path(field)).as(field).isEqualTo(Api.JSON.valueToTree(datapoint.get(field)));
    }
  }

  @Test
  void includeDatapointsOfASelectedVersion(Api api) {
    String path = unique();
    JsonNode first = upsert(api, path, "a", "b");
    JsonNode second = upsert(api, path, "c");
    String id = first.path("id").asText();
    assertThat(qs(ok(api.get(DATASETS + "/" + id + "?include_datapoints=true&version_id="
        + second.path("version_id").asText())).path("datapoints"))).containsExactly("c");
    assertThat(qs(ok(api.get(DATASETS + "/" + id + "?include_datapoints=true")).path("datapoints")))
        .containsExactly("a", "b");
  }

  @Test
  void includeDatapointsOfAnEmptyVersionIsAnEmptyList(Api api) {
    JsonNode created = upsert(api, unique());
    JsonNode fetched = ok(api.get(DATASETS + "/" + created.path("id").asText() + "?include_datapoints=true"));
    assertThat(fetched.path("datapoints").isArray()).isTrue();
    assertThat(fetched.path("datapoints")).isEmpty();
  }

  @Test
  void datapointsAreLeftOutUnlessAskedFor(Api api) {
    JsonNode created = upsert(api, unique(), "a");
    assertThat(ok(api.get(DATASETS + "/" + created.path("id").asText() + "?include_datapoints=false"))
        .has("datapoints")).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"maybe", "yes please", "2"})
  void includeDatapointsThatIsNotABooleanIs422(String value, Api api) {
    JsonNode created = upsert(api, unique(), "a");
    assertInvalid(api.get(DATASETS + "/" + created.path("id").asText() + "?include_datapoints="
        + value.replace(" ", "%20")), "query", "include_datapoints");
  }

  // ---- helpers ----

  private static String unique() {
    return "get/" + UUID.randomUUID();
  }

  /** A set upsert whose datapoints have the given {@code inputs.q} values. */
  private static JsonNode upsert(Api api, String path, String... qs) {
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
