package io.datasetserver.api;

import static io.datasetserver.testing.Listings.agreeWithTheDatabase;
import static io.datasetserver.testing.Listings.datasets;
import static io.datasetserver.testing.Listings.files;
import static io.datasetserver.testing.TestData.DATASETS;
import static io.datasetserver.testing.TestData.add;
import static io.datasetserver.testing.TestData.datasetUrl;
import static io.datasetserver.testing.TestData.id;
import static io.datasetserver.testing.TestData.unique;
import static io.datasetserver.testing.TestData.upsert;
import static io.datasetserver.testing.TestData.versionId;
import static io.datasetserver.testing.TestData.versionUrl;
import static io.datasetserver.testing.TestData.waitForClockPast;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.datasetserver.testing.Api;
import io.datasetserver.testing.RunningServer;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Listings (datasets and files) are served from a per-instance catalog of each organization's
 * datasets: each test lists before every kind of write, so that the catalog is filled, and checks
 * the listings right after it.
 */
@ExtendWith(RunningServer.class)
class ListingsFollowWritesTest {
  @Test
  void creationsUpsertsAndVersionUpdatesAreListedAtOnce(Api api) {
    String token = unique("follow");
    assertThat(agreeWithTheDatabase(api, token)).isEmpty();
    JsonNode first = upsert(api, "follow/" + token + "-a", "q");
    assertThat(agreeWithTheDatabase(api, token)).containsExactly(id(first));
    JsonNode second = upsert(api, "follow/" + token + "-b", "q");
    assertThat(agreeWithTheDatabase(api, token)).containsExactly(id(first), id(second));

    waitForClockPast(second.get("updated_at").asText());
    add(api, id(first), "more");
    agreeWithTheDatabase(api, token);
    assertThat(datasets(api, token, "&sort_by=updated_at&order=desc"))
        .containsExactly(id(first), id(second));

    JsonNode latest = api.get(datasetUrl(second)).ok();
    waitForClockPast(latest.get("updated_at").asText());
    api.patch(versionUrl(latest), Map.of("name", "renamed version")).ok();
    agreeWithTheDatabase(api, token);
    JsonNode listed = api.get(DATASETS + "?name=" + token + "-b").ok().get("records").get(0);
    assertThat(listed.get("version_name").asText()).isEqualTo("renamed version");
    assertThat(listed.get("updated_at"))
        .isEqualTo(api.get(datasetUrl(second)).ok().get("updated_at"));
  }

  @Test
  void movesRenamesAndDeletesAreListedAtOnce(Api api) {
    String token = unique("move");
    JsonNode first = upsert(api, "moves/" + token + "/a/" + token + "-1", "q");
    JsonNode second = upsert(api, "moves/" + token + "/a/" + token + "-2", "q");
    assertThat(files(api, token, "&path=moves/" + token + "/a"))
        .containsExactlyInAnyOrder(id(first), id(second));
    assertThat(files(api, token, "&path=moves/" + token + "/b")).isEmpty();

    api.patch(datasetUrl(second), Map.of("path", "moves/" + token + "/b/" + token + "-2")).ok();
    assertThat(files(api, token, "&path=moves/" + token + "/a")).containsExactly(id(first));
    assertThat(files(api, token, "&path=moves/" + token + "/b")).containsExactly(id(second));
    agreeWithTheDatabase(api, token);

    api.patch(datasetUrl(first), Map.of("name", token + "-renamed")).ok();
    assertThat(datasets(api, token + "-renamed", "")).containsExactly(id(first));
    assertThat(datasets(api, token + "-1", "")).isEmpty();
    assertThat(agreeWithTheDatabase(api, token)).containsExactly(id(second), id(first));

    api.delete(datasetUrl(second)).assertStatus(204);
    assertThat(agreeWithTheDatabase(api, token)).containsExactly(id(first));
    assertThat(files(api, token, "&path=moves/" + token + "/b")).isEmpty();
    assertThat(api.get("/v5/files?path=moves/" + token).ok().get("total").asInt()).isEqualTo(1);
  }

  @Test
  void deploymentsAreListedAtOnce(Api api) {
    String token = unique("deploy");
    JsonNode first = upsert(api, "deploy/" + token + "-1", "q");
    upsert(api, "deploy/" + token + "-2", "q");
    assertThat(files(api, token, "&environment=staging")).isEmpty();

    api.post(datasetUrl(first) + "/environments/staging?version_id=" + versionId(first), null).ok();
    assertThat(files(api, token, "&environment=staging")).containsExactly(id(first));

    api.delete(datasetUrl(first) + "/environments/staging").assertStatus(204);
    assertThat(files(api, token, "&environment=staging")).isEmpty();
    agreeWithTheDatabase(api, token);
  }

  @Test
  void anImportIsListedOnceCommitted(Api api) {
    String token = unique("import");
    String id = "ds_" + UUID.randomUUID().toString().replace("-", "").substring(0, 21);
    String version = "dsv_" + UUID.randomUUID().toString().replace("-", "").substring(0, 21);
    Map<String, Object> staged =
        Map.of(
            "version_id",
            version,
            "datapoints_count",
            1,
            "created_at",
            "2024-06-01T08:00:00.123456");
    api.post(
            "/v5/imports",
            Map.of("id", id, "path", "imports/" + token, "versions", List.of(staged)))
        .ok();
    api.post(
            "/v5/imports/" + id + "/versions/" + version + "/datapoints",
            Map.of("offset", 0, "datapoints", List.of(Map.of("inputs", Map.of("q", "x")))))
        .ok();
    assertThat(agreeWithTheDatabase(api, token)).isEmpty();

    api.post("/v5/imports/" + id + "/commit", null).ok();
    assertThat(agreeWithTheDatabase(api, token)).containsExactly(id);
    assertThat(files(api, token, "&path=imports")).containsExactly(id);
  }
}
