package io.datasetserver.api;

import static io.datasetserver.testing.TestData.DATASETS;
import static io.datasetserver.testing.TestData.questions;
import static io.datasetserver.testing.TestData.uniquePath;
import static io.datasetserver.testing.TestData.upsert;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.datasetserver.testing.Api;
import io.datasetserver.testing.RunningServer;
import java.util.ArrayList;
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
  @Test
  void returnsTheDatasetAtItsDefaultVersion(Api api) {
    JsonNode created = upsert(api, uniquePath("get"), "a", "b");
    JsonNode fetched = api.get(DATASETS + "/" + created.path("id").asText()).ok();
    for (String field :
        List.of(
            "id",
            "path",
            "name",
            "directory_id",
            "type",
            "version_id",
            "attributes",
            "datapoints_count",
            "environments",
            "created_at",
            "updated_at",
            "last_used_at",
            "created_by")) {
      assertThat(fetched.path(field)).as(field).isEqualTo(created.path(field));
    }
    assertThat(fetched.has("datapoints")).isFalse();
  }

  @Test
  void withoutASelectorTheDeployedVersionWinsOverANewerOne(Api api) {
    String path = uniquePath("get");
    JsonNode first = upsert(api, path, "a");
    JsonNode second = upsert(api, path, "b", "c");
    JsonNode fetched = api.get(DATASETS + "/" + first.path("id").asText()).ok();
    assertThat(fetched.path("version_id").asText()).isEqualTo(first.path("version_id").asText());
    assertThat(fetched.path("datapoints_count").asInt()).isEqualTo(1);
    assertThat(second.path("version_id").asText()).isNotEqualTo(first.path("version_id").asText());
  }

  @Test
  void withoutADefaultDeploymentTheLatestVersionIsReturned(Api api) {
    String path = uniquePath("get");
    JsonNode first = upsert(api, path, "a");
    JsonNode second = upsert(api, path, "b");
    String id = first.path("id").asText();
    api.delete(DATASETS + "/" + id + "/environments/production").assertStatus(204);
    JsonNode fetched = api.get(DATASETS + "/" + id).ok();
    assertThat(fetched.path("version_id").asText()).isEqualTo(second.path("version_id").asText());
    assertThat(fetched.path("environments")).isEmpty();
  }

  @Test
  void deployingANewerVersionMakesItTheDefault(Api api) {
    String path = uniquePath("get");
    JsonNode first = upsert(api, path, "a");
    JsonNode second = upsert(api, path, "b");
    String id = first.path("id").asText();
    api.post(
            DATASETS
                + "/"
                + id
                + "/environments/production?version_id="
                + second.path("version_id").asText(),
            null)
        .ok();
    assertThat(api.get(DATASETS + "/" + id).ok().path("version_id").asText())
        .isEqualTo(second.path("version_id").asText());
  }

  @Test
  void versionIdSelectsThatVersion(Api api) {
    String path = uniquePath("get");
    JsonNode first = upsert(api, path, "a");
    JsonNode second = upsert(api, path, "b", "c");
    String id = first.path("id").asText();
    JsonNode fetched =
        api.get(DATASETS + "/" + id + "?version_id=" + second.path("version_id").asText()).ok();
    assertThat(fetched.path("version_id").asText()).isEqualTo(second.path("version_id").asText());
    assertThat(fetched.path("datapoints_count").asInt()).isEqualTo(2);
    assertThat(fetched.path("environments")).isEmpty();
  }

  @Test
  void anUnknownVersionIs404(Api api) {
    JsonNode created = upsert(api, uniquePath("get"), "a");
    api.get(DATASETS + "/" + created.path("id").asText() + "?version_id=dsv_doesnotexist")
        .assertDetail(404);
  }

  @Test
  void aDeletedVersionIs404(Api api) {
    String path = uniquePath("get");
    JsonNode first = upsert(api, path, "a");
    JsonNode second = upsert(api, path, "b");
    String id = first.path("id").asText();
    api.delete(DATASETS + "/" + id + "/versions/" + second.path("version_id").asText())
        .assertStatus(204);
    api.get(DATASETS + "/" + id + "?version_id=" + second.path("version_id").asText())
        .assertDetail(404);
  }

  @Test
  void aVersionOfAnotherDatasetIs404(Api api) {
    JsonNode mine = upsert(api, uniquePath("get"), "a");
    JsonNode other = upsert(api, uniquePath("get"), "a");
    api.get(
            DATASETS
                + "/"
                + mine.path("id").asText()
                + "?version_id="
                + other.path("version_id").asText())
        .assertDetail(404);
  }

  @Test
  void environmentSelectsTheVersionDeployedThereByName(Api api) {
    String path = uniquePath("get");
    JsonNode first = upsert(api, path, "a");
    JsonNode second = upsert(api, path, "b");
    String id = first.path("id").asText();
    api.post(
            DATASETS
                + "/"
                + id
                + "/environments/staging?version_id="
                + second.path("version_id").asText(),
            null)
        .ok();
    assertThat(
            api.get(DATASETS + "/" + id + "?environment=production")
                .ok()
                .path("version_id")
                .asText())
        .isEqualTo(first.path("version_id").asText());
    assertThat(
            api.get(DATASETS + "/" + id + "?environment=staging").ok().path("version_id").asText())
        .isEqualTo(second.path("version_id").asText());
  }

  @Test
  void environmentAlsoAcceptsTheEnvironmentsId(Api api) {
    String path = uniquePath("get");
    JsonNode first = upsert(api, path, "a");
    upsert(api, path, "b");
    String environmentId = first.path("environments").get(0).path("id").asText();
    assertThat(environmentId).startsWith("env_");
    JsonNode fetched =
        api.get(DATASETS + "/" + first.path("id").asText() + "?environment=" + environmentId).ok();
    assertThat(fetched.path("version_id").asText()).isEqualTo(first.path("version_id").asText());
  }

  @Test
  void anUnknownEnvironmentIs404(Api api) {
    JsonNode created = upsert(api, uniquePath("get"), "a");
    api.get(DATASETS + "/" + created.path("id").asText() + "?environment=nowhere")
        .assertDetail(404);
    api.get(DATASETS + "/" + created.path("id").asText() + "?environment=Production")
        .assertDetail(404);
  }

  @Test
  void anEnvironmentWithNothingDeployedIs404(Api api) {
    JsonNode created = upsert(api, uniquePath("get"), "a");
    api.get(DATASETS + "/" + created.path("id").asText() + "?environment=staging")
        .assertDetail(404);
  }

  @Test
  void versionIdAndEnvironmentTogetherAre422(Api api) {
    JsonNode created = upsert(api, uniquePath("get"), "a");
    api.get(
            DATASETS
                + "/"
                + created.path("id").asText()
                + "?environment=production&version_id="
                + created.path("version_id").asText())
        .assertInvalid("query");
  }

  @Test
  void versionIdAndEnvironmentTogetherAre422EvenForAnUnknownDataset(Api api) {
    api.get(DATASETS + "/ds_doesnotexist?environment=production&version_id=dsv_x")
        .assertInvalid("query");
  }

  @Test
  void anUnknownDatasetIs404(Api api) {
    api.get(DATASETS + "/ds_doesnotexist").assertDetail(404);
    api.get(DATASETS + "/not-even-an-id").assertDetail(404);
  }

  @Test
  void includeDatapointsReturnsEveryDatapointInOrder(Api api) {
    List<String> qs = new ArrayList<>();
    for (int i = 0; i < 130; i++) {
      qs.add(
          String.format("q%03d-%s", (i * 37) % 130, UUID.randomUUID().toString().substring(0, 4)));
    }
    JsonNode created = upsert(api, uniquePath("get"), qs.toArray(String[]::new));
    JsonNode fetched =
        api.get(DATASETS + "/" + created.path("id").asText() + "?include_datapoints=true").ok();
    assertThat(fetched.path("datapoints_count").asInt()).isEqualTo(130);
    assertThat(questions(fetched.path("datapoints"))).isEqualTo(qs);
    List<String> ids = new ArrayList<>();
    fetched.path("datapoints").forEach(d -> ids.add(d.path("id").asText()));
    assertThat(ids).doesNotHaveDuplicates().allSatisfy(id -> assertThat(id).startsWith("dp_"));
  }

  @Test
  void includeDatapointsReturnsFullContent(Api api) {
    Map<String, Object> datapoint =
        Map.of(
            "inputs", Map.of("question", "2+2?", "lang", "en"),
            "messages",
                List.of(
                    Map.of("role", "system", "content", "be brief"),
                    Map.of("role", "user", "content", "2+2?")),
            "target", Map.of("output", "4", "score", 1, "tags", List.of("math")));
    JsonNode created =
        api.post(DATASETS, Map.of("path", uniquePath("get"), "datapoints", List.of(datapoint)))
            .ok();
    JsonNode returned =
        api.get(DATASETS + "/" + created.path("id").asText() + "?include_datapoints=true")
            .ok()
            .path("datapoints")
            .get(0);
    for (String field : List.of("inputs", "messages", "target")) {
      assertThat(returned.path(field))
          .as(field)
          .isEqualTo(Api.JSON.valueToTree(datapoint.get(field)));
    }
  }

  @Test
  void includeDatapointsOfASelectedVersion(Api api) {
    String path = uniquePath("get");
    JsonNode first = upsert(api, path, "a", "b");
    JsonNode second = upsert(api, path, "c");
    String id = first.path("id").asText();
    assertThat(
            questions(
                api.get(
                        DATASETS
                            + "/"
                            + id
                            + "?include_datapoints=true&version_id="
                            + second.path("version_id").asText())
                    .ok()
                    .path("datapoints")))
        .containsExactly("c");
    assertThat(
            questions(
                api.get(DATASETS + "/" + id + "?include_datapoints=true").ok().path("datapoints")))
        .containsExactly("a", "b");
  }

  @Test
  void includeDatapointsOfAnEmptyVersionIsAnEmptyList(Api api) {
    JsonNode created = upsert(api, uniquePath("get"));
    JsonNode fetched =
        api.get(DATASETS + "/" + created.path("id").asText() + "?include_datapoints=true").ok();
    assertThat(fetched.path("datapoints").isArray()).isTrue();
    assertThat(fetched.path("datapoints")).isEmpty();
  }

  @Test
  void datapointsAreLeftOutUnlessAskedFor(Api api) {
    JsonNode created = upsert(api, uniquePath("get"), "a");
    assertThat(
            api.get(DATASETS + "/" + created.path("id").asText() + "?include_datapoints=false")
                .ok()
                .has("datapoints"))
        .isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"maybe", "yes please", "2"})
  void includeDatapointsThatIsNotABooleanIs422(String value, Api api) {
    JsonNode created = upsert(api, uniquePath("get"), "a");
    api.get(
            DATASETS
                + "/"
                + created.path("id").asText()
                + "?include_datapoints="
                + value.replace(" ", "%20"))
        .assertInvalid("query", "include_datapoints");
  }
}
