package io.datasetserver.api;

import static io.datasetserver.testing.TestData.DATASETS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.datasetserver.testing.Api;
import io.datasetserver.testing.RunningServer;
import io.datasetserver.testing.TestData;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The Imports extension's three steps over HTTP (contract §9): each success and each refusal. */
@ExtendWith(RunningServer.class)
class ImportsEndpointTest {
  private static final String IMPORTS = "/v5/imports";

  private static String freshId(String prefix) {
    return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 21);
  }

  private static Map<String, Object> version(String id, int count, Object... fields) {
    Map<String, Object> version =
        new HashMap<>(
            Map.of(
                "version_id",
                id,
                "datapoints_count",
                count,
                "created_at",
                "2024-06-01T08:00:00.123456"));
    for (int i = 0; i + 1 < fields.length; i += 2) {
      version.put((String) fields[i], fields[i + 1]);
    }
    return version;
  }

  private static Map<String, Object> begin(
      String id, String path, List<?> versions, Object... fields) {
    Map<String, Object> body = new HashMap<>(Map.of("id", id, "path", path, "versions", versions));
    for (int i = 0; i + 1 < fields.length; i += 2) {
      body.put((String) fields[i], fields[i + 1]);
    }
    return body;
  }

  private static Map<String, Object> chunk(long offset, List<?> datapoints) {
    return Map.of("offset", offset, "datapoints", datapoints);
  }

  private static List<Map<String, Object>> lines(int from, int count) {
    List<Map<String, Object>> lines = new ArrayList<>();
    for (int i = from; i < from + count; i++) {
      lines.add(Map.of("id", "dp_old" + i, "inputs", Map.of("q", "line " + i)));
    }
    return lines;
  }

  @Test
  void aStagedDatasetIsInvisibleUntilItsCommit(Api api) {
    String id = freshId("ds_");
    String v1 = freshId("dsv_");
    String path = TestData.uniquePath("staged");
    JsonNode begun = api.post(IMPORTS, begin(id, path, List.of(version(v1, 3)))).ok();
    assertThat(begun.get("status").asText()).isEqualTo("staged");
    api.post(IMPORTS + "/" + id + "/versions/" + v1 + "/datapoints", chunk(0, lines(0, 2))).ok();
    api.get(DATASETS + "/" + id).assertStatus(404);
    assertThat(api.get(DATASETS + "?size=1000").ok().findValuesAsText("id")).doesNotContain(id);

    api.post(IMPORTS + "/" + id + "/commit", null).assertDetail(409);
    JsonNode progress =
        api.post(IMPORTS + "/" + id + "/versions/" + v1 + "/datapoints", chunk(2, lines(2, 1)))
            .ok();
    assertThat(progress.get("staged").asInt()).isEqualTo(3);
    api.get(DATASETS + "/" + id).assertStatus(404);

    assertThat(api.post(IMPORTS + "/" + id + "/commit", null).ok().get("status").asText())
        .isEqualTo("imported");
    JsonNode dataset = api.get(DATASETS + "/" + id + "?include_datapoints=true").ok();
    assertThat(dataset.get("path").asText()).isEqualTo(path);
    assertThat(TestData.questions(dataset.get("datapoints")))
        .containsExactly("line 0", "line 1", "line 2");
    assertThat(dataset.get("datapoints").findValuesAsText("id"))
        .allMatch(d -> d.matches("dp_[0-9a-f]{32}"));
    assertThat(dataset.get("environments")).isEmpty();
    assertThat(api.post(IMPORTS + "/" + id + "/commit", null).ok().get("status").asText())
        .isEqualTo("present");
  }

  @Test
  void aChunkAtTheWrongOffsetIsRefusedSoNoneIsAppliedTwice(Api api) {
    String id = freshId("ds_");
    String v1 = freshId("dsv_");
    api.post(IMPORTS, begin(id, TestData.uniquePath("offset"), List.of(version(v1, 4)))).ok();
    String url = IMPORTS + "/" + id + "/versions/" + v1 + "/datapoints";
    api.post(url, chunk(0, lines(0, 2))).ok();
    api.post(url, chunk(0, lines(0, 2))).assertDetail(409);
    assertThat(api.post(url, chunk(3, lines(2, 2))).json().get("detail").asText())
        .contains("has 2 datapoints staged");
    api.post(url, chunk(2, lines(2, 3))).assertInvalid("body", "datapoints");
    api.post(
            url,
            chunk(
                2,
                List.of(
                    Map.of("inputs", Map.of("q", "line 0")), Map.of("inputs", Map.of("q", "x")))))
        .assertInvalid("body", "datapoints", 0);
    api.post(url, chunk(2, lines(2, 2))).ok();
  }

  @Test
  void anythingButADatapointObjectIsRefusedWithItsIndex(Api api) {
    String id = freshId("ds_");
    String v1 = freshId("dsv_");
    api.post(IMPORTS, begin(id, TestData.uniquePath("shape"), List.of(version(v1, 5)))).ok();
    String url = IMPORTS + "/" + id + "/versions/" + v1 + "/datapoints";
    api.post(
            url,
            chunk(
                0,
                List.of(
                    Map.of("inputs", Map.of()), Map.of("inputs", Map.of("q", "a"), "extra", 1))))
        .assertInvalid("body", "datapoints", 1);
    api.post(url, chunk(0, List.of(Map.of("messages", "hello"))))
        .assertInvalid("body", "datapoints", 0);
    api.post(url, chunk(0, List.of(Map.of("target", List.of()))))
        .assertInvalid("body", "datapoints", 0);
    api.post(url, "{\"offset\":0,\"datapoints\":[3]}").assertInvalid("body", "datapoints");
    api.post(url, "{\"offset\":0,\"datapoints\":null}").assertInvalid("body", "datapoints");
    api.post(url, "{\"offset\":null,\"datapoints\":[]}").assertInvalid("body", "offset");
    api.post(url, "{\"offset\":-1,\"datapoints\":[]}").assertInvalid("body", "offset");
    api.post(url, chunk(0, lines(0, 1001))).assertInvalid("body", "datapoints");
    // Fields and values this server does not otherwise accept are kept.
    Map<String, Object> message =
        Map.of(
            "role",
            "narrator",
            "content",
            List.of(Map.of("type", "video", "video", Map.of("url", "v"))));
    api.post(url, chunk(0, List.of(Map.of("inputs", Map.of("n", 3), "messages", List.of(message)))))
        .ok();
  }

  @Test
  void badIdsNamesTimesAndDeploymentsAre422(Api api) {
    String v1 = freshId("dsv_");
    String path = TestData.uniquePath("invalid");
    api.post(IMPORTS, begin("ds_has space", path, List.of(version(v1, 0))))
        .assertInvalid("body", "id");
    api.post(IMPORTS, begin("ds_" + "a".repeat(65), path, List.of(version(v1, 0))))
        .assertInvalid("body", "id");
    api.post(IMPORTS, begin("dx_abc", path, List.of(version(v1, 0)))).assertInvalid("body", "id");
    String id = freshId("ds_");
    api.post(IMPORTS, begin(id, path, List.of(version("dsv_a/b", 0))))
        .assertInvalid("body", "versions", 0, "version_id");
    api.post(IMPORTS, begin(id, path, List.of())).assertInvalid("body", "versions");
    api.post(IMPORTS, begin(id, path, List.of(version(v1, 0), version(v1, 0))))
        .assertInvalid("body", "versions", 1);
    api.post(IMPORTS, begin(id, path, List.of(version(v1, 0, "created_at", "yesterday"))))
        .assertInvalid("body", "versions", 0, "created_at");
    api.post(IMPORTS, begin(id, path, List.of(version(v1, 0, "version_name", ""))))
        .assertInvalid("body", "versions", 0, "version_name");
    api.post(IMPORTS, begin(id, path, List.of(version(v1, -1))))
        .assertInvalid("body", "versions", 0);
    api.post(IMPORTS, begin(id, "/bad", List.of(version(v1, 0)))).assertInvalid("body", "path");
    api.post(
            IMPORTS,
            begin(
                id,
                path,
                List.of(version(v1, 0)),
                "deployments",
                List.of(Map.of("version_id", freshId("dsv_"), "environment_name", "production"))))
        .assertInvalid("body", "deployments", 0);
    api.post(IMPORTS, "{\"id\":").assertInvalid("body");
    api.get(DATASETS + "/" + id).assertStatus(404);
  }

  @Test
  void stepsOfAnImportThatIsNotStagedAre404(Api api) {
    String id = freshId("ds_");
    api.post(IMPORTS + "/" + id + "/commit", null).assertDetail(404);
    api.post(
            IMPORTS + "/" + id + "/versions/" + freshId("dsv_") + "/datapoints",
            chunk(0, List.of()))
        .assertDetail(404);
    String v1 = freshId("dsv_");
    api.post(IMPORTS, begin(id, TestData.uniquePath("unknown"), List.of(version(v1, 0)))).ok();
    api.post(
            IMPORTS + "/" + id + "/versions/" + freshId("dsv_") + "/datapoints",
            chunk(0, List.of()))
        .assertDetail(404);
  }

  @Test
  void anotherOrganizationCannotSeeOrTouchAStagedImport(Api api) {
    String id = freshId("ds_");
    String v1 = freshId("dsv_");
    String path = TestData.uniquePath("tenant");
    api.post(IMPORTS, begin(id, path, List.of(version(v1, 1)))).ok();
    Api beta = api.as(Api.BETA);
    beta.post(IMPORTS + "/" + id + "/versions/" + v1 + "/datapoints", chunk(0, lines(0, 1)))
        .assertDetail(404);
    beta.post(IMPORTS + "/" + id + "/commit", null).assertDetail(404);
    beta.post(IMPORTS, begin(id, path, List.of(version(v1, 1)))).assertDetail(409);
    api.post(IMPORTS + "/" + id + "/versions/" + v1 + "/datapoints", chunk(0, lines(0, 1))).ok();
    api.post(IMPORTS + "/" + id + "/commit", null).ok();
    beta.get(DATASETS + "/" + id).assertStatus(404);
    api.as(null).post(IMPORTS, begin(id, path, List.of(version(v1, 1)))).assertDetail(401);
    api.as(null).post(IMPORTS + "/" + id + "/commit", null).assertDetail(401);
  }

  @Test
  void beginningAgainRestartsTheStaging(Api api) {
    String id = freshId("ds_");
    String v1 = freshId("dsv_");
    Map<String, Object> body =
        begin(
            id,
            TestData.uniquePath("restart"),
            List.of(version(v1, 2)),
            "deployments",
            List.of(Map.of("version_id", v1, "environment_name", "production")));
    api.post(IMPORTS, body).ok();
    api.post(IMPORTS + "/" + id + "/versions/" + v1 + "/datapoints", chunk(0, lines(0, 1))).ok();
    api.post(IMPORTS, body).ok();
    api.post(IMPORTS + "/" + id + "/versions/" + v1 + "/datapoints", chunk(1, lines(1, 1)))
        .assertDetail(409);
    api.post(IMPORTS + "/" + id + "/versions/" + v1 + "/datapoints", chunk(0, lines(0, 2))).ok();
    api.post(IMPORTS + "/" + id + "/commit", null).ok();
    JsonNode dataset = api.get(DATASETS + "/" + id + "?environment=production").ok();
    assertThat(dataset.get("datapoints_count").asInt()).isEqualTo(2);
    assertThat(dataset.get("created_at").asText()).isEqualTo("2024-06-01T08:00:00.123Z");
    assertThat(api.post(IMPORTS, body).ok().get("status").asText()).isEqualTo("present");
  }
}
