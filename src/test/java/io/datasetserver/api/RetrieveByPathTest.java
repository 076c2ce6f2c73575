package io.datasetserver.api;

import static io.datasetserver.testing.TestData.add;
import static io.datasetserver.testing.TestData.datasetUrl;
import static io.datasetserver.testing.TestData.id;
import static io.datasetserver.testing.TestData.unique;
import static io.datasetserver.testing.TestData.upsert;
import static io.datasetserver.testing.TestData.versionId;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.datasetserver.testing.Api;
import io.datasetserver.testing.RunningServer;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** POST /v5/files/retrieve-by-path (contract §7). */
@ExtendWith(RunningServer.class)
class RetrieveByPathTest {
  private static final String RETRIEVE = "/v5/files/retrieve-by-path";

  @Test
  void returnsTheDatasetAtThatPathAtItsDefaultVersion(Api api) {
    String path = unique("retrieve") + "/folder/data";
    JsonNode first = upsert(api, path, "x");
    add(api, id(first), "y");
    JsonNode found = api.post(RETRIEVE, Map.of("path", path)).ok();
    assertThat(id(found)).isEqualTo(id(first));
    assertThat(versionId(found)).isEqualTo(versionId(first));
    assertThat(found.path("path").asText()).isEqualTo(path);
    assertThat(found.path("type").asText()).isEqualTo("dataset");
    assertThat(found.has("datapoints")).isFalse();
    assertThat(found).isEqualTo(api.get(datasetUrl(first)).ok());
  }

  @Test
  void environmentInTheQueryOrTheBodyPicksTheDeployedVersionAndTheQueryWins(Api api) {
    String path = unique("retrieve-env");
    JsonNode first = upsert(api, path, "x");
    JsonNode second = add(api, id(first), "y");
    api.post(datasetUrl(first) + "/environments/staging?version_id=" + versionId(second), null)
        .ok();

    assertThat(versionId(api.post(RETRIEVE + "?environment=staging", Map.of("path", path)).ok()))
        .isEqualTo(versionId(second));
    assertThat(versionId(api.post(RETRIEVE, Map.of("path", path, "environment", "staging")).ok()))
        .isEqualTo(versionId(second));
    assertThat(
            versionId(
                api.post(
                        RETRIEVE + "?environment=production",
                        Map.of("path", path, "environment", "staging"))
                    .ok()))
        .isEqualTo(versionId(first));
    assertThat(
            versionId(
                api.post(
                        RETRIEVE + "?environment=staging",
                        Map.of("path", path, "environment", "nowhere"))
                    .ok()))
        .isEqualTo(versionId(second));
  }

  @Test
  void nothingDeployedThereOrAnUnknownEnvironmentIs404(Api api) {
    String path = unique("retrieve-undeployed");
    upsert(api, path, "x");
    api.post(RETRIEVE + "?environment=staging", Map.of("path", path)).assertDetail(404);
    api.post(RETRIEVE + "?environment=nowhere", Map.of("path", path)).assertDetail(404);
    api.post(RETRIEVE, Map.of("path", path, "environment", "nowhere")).assertDetail(404);
  }

  @Test
  void anUnknownOrMalformedPathIs404(Api api) {
    api.post(RETRIEVE, Map.of("path", unique("missing"))).assertDetail(404);
    api.post(RETRIEVE, Map.of("path", "/leading/slash/")).assertDetail(404);
    api.post(RETRIEVE, Map.of("path", "")).assertDetail(404);
  }

  @Test
  void aMissingPathIs422BeforeAnythingElse(Api api) {
    api.post(RETRIEVE, Map.of()).assertInvalid("body", "path");
    api.post(RETRIEVE + "?environment=nowhere", Map.of("environment", "staging"))
        .assertInvalid("body", "path");
    api.post(RETRIEVE, "{\"path\": null}").assertInvalid("body", "path");
    api.post(RETRIEVE, "{\"path\": 7}").assertInvalid("body", "path");
    api.post(RETRIEVE, "not json").assertInvalid("body");
    api.as(null).post(RETRIEVE, Map.of()).assertDetail(401);
  }

  @Test
  void anotherOrganizationsPathIs404(Api api) {
    String path = unique("retrieve-tenancy");
    upsert(api, path, "x");
    api.as(Api.BETA).post(RETRIEVE, Map.of("path", path)).assertDetail(404);
  }
}
