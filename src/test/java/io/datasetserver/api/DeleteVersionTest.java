package io.datasetserver.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.datasetserver.server.DatasetServer;
import io.datasetserver.testing.Api;
import io.datasetserver.testing.RunningServer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** DELETE /v5/datasets/{id}/versions/{version_id} (contract §3). */
@ExtendWith(RunningServer.class)
class DeleteVersionTest {

  @Test
  void deletedVersionIsGoneFromTheVersionList(Api api) {
    JsonNode first = create(api, path(), "a");
    JsonNode second = add(api, id(first), "b");
    JsonNode third = add(api, id(first), "c");

    Api.Response response = api.delete(versionUrl(second));

    assertThat(response.status()).as(response.toString()).isEqualTo(204);
    assertThat(response.body()).isEmpty();
    JsonNode versions = ok(api.get(datasetUrl(first) + "/versions")).get("records");
    assertThat(versions).extracting(v -> v.get("version_id").asText())
        .containsExactly(versionId(third), versionId(first));
  }

  @Test
  void deletedVersionIdIsNotFoundWhereverAVersionIsNamed(Api api) {
    JsonNode first = create(api, path(), "a");
    JsonNode second = add(api, id(first), "b");
    String gone = "?version_id=" + versionId(second);

    assertThat(api.delete(versionUrl(second)).status()).isEqualTo(204);

    assertStatus(api.get(datasetUrl(first) + gone), 404);
    assertStatus(api.get(datasetUrl(first) + gone + "&include_datapoints=true"), 404);
    assertStatus(api.get(datasetUrl(first) + "/datapoints" + gone), 404);
    assertStatus(api.post("/v5/datasets" + gone, Map.of("id", id(first), "action", "add",
        "datapoints", datapoints("z"))), 404);
    assertStatus(api.post("/v5/datasets" + gone, Map.of("id", id(first), "action", "remove",
        "datapoints", datapoints("a"))), 404);
    assertStatus(api.upload(datasetUrl(first) + "/datapoints/csv" + gone, "rows.csv",
        "q\nz\n".getBytes(StandardCharsets.UTF_8)), 404);
    assertStatus(api.patch(versionUrl(second), Map.of("name", "again")), 404);
    assertStatus(api.post(datasetUrl(first) + "/environments/staging" + gone, null), 404);
    assertThat(ok(api.get(datasetUrl(first) + "/versions")).get("records")).hasSize(1);
  }

  @Test
  void deletingTheSameVersionTwiceIsNotFoundTheSecondTime(Api api) {
    JsonNode first = create(api, path(), "a");
    JsonNode second = add(api, id(first), "b");
    assertThat(api.delete(versionUrl(second)).status()).isEqualTo(204);

    assertStatus(api.delete(versionUrl(second)), 404);
  }

  @Test
  void deletedLatestVersionNoLongerIsTheDefault(Api api) {
    JsonNode first = create(api, path(), "a");
    JsonNode second = add(api, id(first), "b");
    JsonNode third = add(api, id(first), "c");
    assertStatus(api.delete(datasetUrl(first) + "/environments/production"), 204);
    assertThat(versionId(ok(api.get(datasetUrl(first))))).isEqualTo(versionId(third));

    assertStatus(api.delete(versionUrl(third)), 204);

    assertThat(versionId(ok(api.get(datasetUrl(first))))).isEqualTo(versionId(second));
    JsonNode listed = ok(api.get("/v5/datasets?size=1000&name=" + first.get("name").asText())).get("records");
    assertThat(listed).extracting(d -> d.get("version_id").asText()).containsExactly(versionId(second));
  }

  @Test
  void addWithoutABaseBuildsOnTheLatestRemainingVersion(Api api) {
    JsonNode first = create(api, path(), "a");
    JsonNode second = add(api, id(first), "b");
    assertStatus(api.delete(versionUrl(second)), 204);

    JsonNode next = add(api, id(first), "c");

    assertThat(next.get("datapoints_count").asInt()).isEqualTo(2);
    assertThat(questions(api, next)).containsExactly("a", "c");
  }

  @Test
  void deployedVersionCannotBeDeleted(Api api) {
    JsonNode first = create(api, path(), "a");
    add(api, id(first), "b");

    Api.Response response = api.delete(versionUrl(first));

    assertThat(response.status()).as(response.toString()).isEqualTo(409);
    assertThat(response.json().get("detail").isTextual()).isTrue();
    assertThat(ok(api.get(datasetUrl(first) + "/versions")).get("records")).hasSize(2);
    assertThat(versionId(ok(api.get(datasetUrl(first))))).isEqualTo(versionId(first));
  }

  @Test
  void versionDeployedToANonDefaultEnvironmentCannotBeDeleted(Api api) {
    JsonNode first = create(api, path(), "a");
    JsonNode second = add(api, id(first), "b");
    ok(api.post(datasetUrl(first) + "/environments/staging?version_id=" + versionId(second), null));

    assertStatus(api.delete(versionUrl(second)), 409);

    assertThat(versionId(ok(api.get(datasetUrl(first) + "?environment=staging")))).isEqualTo(versionId(second));
  }

  @Test
  void versionCanBeDeletedOnceItsDeploymentIsRemoved(Api api) {
    JsonNode first = create(api, path(), "a");
    JsonNode second = add(api, id(first), "b");
    assertStatus(api.delete(datasetUrl(first) + "/environments/production"), 204);

    assertStatus(api.delete(versionUrl(first)), 204);

    JsonNode versions = ok(api.get(datasetUrl(first) + "/versions")).get("records");
    assertThat(versions).extracting(v -> v.get("version_id").asText()).containsExactly(versionId(second));
  }

  @Test
  void onlyRemainingVersionCannotBeDeleted(Api api) {
    JsonNode first = create(api, path(), "a");
    JsonNode second = add(api, id(first), "b");
    ok(api.post(datasetUrl(first) + "/environments/production?version_id=" + versionId(second), null));
    assertStatus(api.delete(versionUrl(first)), 204);
    assertStatus(api.delete(datasetUrl(first) + "/environments/production"), 204);

    Api.Response response = api.delete(versionUrl(second));

    assertThat(response.status()).as(response.toString()).isEqualTo(409);
    assertThat(response.json().get("detail").isTextual()).isTrue();
    JsonNode remaining = ok(api.get(datasetUrl(first) + "?include_datapoints=true"));
    assertThat(versionId(remaining)).isEqualTo(versionId(second));
    assertThat(remaining.get("datapoints")).hasSize(2);
  }

  @Test
  void deletedVersionsNameBecomesFree(Api api) {
    JsonNode first = create(api, path(), "a");
    JsonNode named = ok(api.post("/v5/datasets", Map.of("id", id(first), "action", "add",
        "datapoints", datapoints("b"), "version_name", "draft")));
    assertStatus(api.delete(versionUrl(named)), 204);

    JsonNode renamed = ok(api.patch(versionUrl(first), Map.of("name", "draft")));
    assertThat(renamed.get("version_name").asText()).isEqualTo("draft");
    ok(api.patch(versionUrl(first), Map.of("name", "other")));
    JsonNode reused = ok(api.post("/v5/datasets", Map.of("id", id(first), "action", "add",
        "datapoints", datapoints("c"), "version_name", "draft")));
    assertThat(reused.get("version_name").asText()).isEqualTo("draft");
  }

  @Test
  void deletingVersionsKeepsDatapointsOtherVersionsHold(Api api) {
    JsonNode first = create(api, path(), "a", "b");
    JsonNode second = add(api, id(first), "c");
    JsonNode third = ok(api.post("/v5/datasets", Map.of("id", id(first), "action", "remove",
        "datapoints", datapoints("a"))));
    waitForClockPast(third.get("created_at").asText());

    assertStatus(api.delete(versionUrl(second)), 204);

    assertThat(questions(api, first)).containsExactly("a", "b");
    assertThat(questions(api, third)).containsExactly("b", "c");
    JsonNode page = ok(api.get(datasetUrl(first) + "/datapoints?version_id=" + versionId(third)));
    assertThat(page.get("total").asInt()).isEqualTo(2);
    assertThat(page.get("records")).extracting(d -> d.get("inputs").get("q").asText()).containsExactly("b", "c");
  }

  @Test
  void deletingVersionsWithDatapointsNoOtherVersionHoldsShrinksTheDatabase(Api api, DatasetServer server) {
    JsonNode first = create(api, path(), "a");
    JsonNode second = ok(api.post("/v5/datasets", Map.of("id", id(first), "datapoints", datapoints("b", "c"))));
    JsonNode third = ok(api.post("/v5/datasets", Map.of("id", id(first), "datapoints", datapoints("d", "e", "f"))));
    waitForClockPast(third.get("created_at").asText());
    Map<String, Long> before = server.database().documentCounts();

    assertStatus(api.delete(versionUrl(second)), 204);
    assertStatus(api.delete(versionUrl(third)), 204);

    Map<String, Long> after = server.database().documentCounts();
    assertThat(after.get("datapoints")).as("datapoints %s -> %s", before, after)
        .isLessThanOrEqualTo(before.get("datapoints") - 5);
    assertThat(after.get("segments")).as("segments %s -> %s", before, after).isLessThan(before.get("segments"));
    assertThat(after.get("memberships")).as("memberships %s -> %s", before, after)
        .isLessThan(before.get("memberships"));
    assertThat(after.get("datasets")).isEqualTo(before.get("datasets"));
    assertThat(questions(api, first)).containsExactly("a");
  }

  @Test
  void contentOfADeletedVersionCanBeCreatedAgain(Api api) {
    JsonNode first = create(api, path(), "a");
    JsonNode second = add(api, id(first), "b", "c");
    waitForClockPast(second.get("created_at").asText());
    assertStatus(api.delete(versionUrl(second)), 204);

    JsonNode again = add(api, id(first), "b", "c");

    assertThat(versionId(again)).isNotEqualTo(versionId(second));
    assertThat(questions(api, again)).containsExactly("a", "b", "c");
    JsonNode page = ok(api.get(datasetUrl(first) + "/datapoints?size=2&page=2&version_id=" + versionId(again)));
    assertThat(page.get("records")).extracting(d -> d.get("inputs").get("q").asText()).containsExactly("c");
  }

  @Test
  void unknownDatasetIsNotFound(Api api) {
    JsonNode first = create(api, path(), "a");

    Api.Response response = api.delete("/v5/datasets/ds_unknown/versions/" + versionId(first));

    assertThat(response.status()).as(response.toString()).isEqualTo(404);
    assertThat(response.json().get("detail").isTextual()).isTrue();
  }

  @Test
  void unknownVersionIsNotFound(Api api) {
    JsonNode first = create(api, path(), "a");
    add(api, id(first), "b");

    Api.Response response = api.delete(datasetUrl(first) + "/versions/dsv_unknown");

    assertThat(response.status()).as(response.toString()).isEqualTo(404);
    assertThat(response.json().get("detail").isTextual()).isTrue();
    assertThat(ok(api.get(datasetUrl(first) + "/versions")).get("records")).hasSize(2);
  }

  @Test
  void versionOfAnotherDatasetIsNotFound(Api api) {
    JsonNode mine = create(api, path(), "a");
    add(api, id(mine), "b");
    JsonNode other = create(api, path(), "a");
    JsonNode othersSecond = add(api, id(other), "b");

    assertStatus(api.delete(datasetUrl(mine) + "/versions/" + versionId(othersSecond)), 404);

    assertThat(ok(api.get(datasetUrl(other) + "/versions")).get("records")).hasSize(2);
    assertThat(ok(api.get(datasetUrl(mine) + "/versions")).get("records")).hasSize(2);
  }

  @Test
  void anotherOrganizationCannotDeleteTheVersion(Api api) {
    JsonNode first = create(api, path(), "a");
    JsonNode second = add(api, id(first), "b");

    assertStatus(api.as(Api.BETA).delete(versionUrl(second)), 404);

    JsonNode kept = ok(api.get(datasetUrl(first) + "?version_id=" + versionId(second) + "&include_datapoints=true"));
    assertThat(kept.get("datapoints")).hasSize(2);
    assertThat(ok(api.get(datasetUrl(first) + "/versions")).get("records")).hasSize(2);
  }

  @Test
  void missingKeyIsUnauthorized(Api api) {
    JsonNode first = create(api, path(), "a");
    JsonNode second = add(api, id(first), "b");

    assertStatus(api.as(null).delete(versionUrl(second)), 401);

    assertThat(ok(api.get(datasetUrl(first) + "/versions")).get("records")).hasSize(2);
  }

  // ---- helpers ----

  private static String path() {
    return "tests/delete-version/" + UUID.randomUUID();
  }

  private static JsonNode create(Api api, String path, String... questions) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("path", path);
    body.put("datapoints", datapoints(questions));
    return ok(api.post("/v5/datasets", body));
  }

  /** A new version: the latest plus one datapoint per question. */
  private static JsonNode add(Api api, String datasetId, String... questions) {
    return ok(api.post("/v5/datasets", Map.of("id", datasetId, "action", "add", "datapoints", datapoints(questions))));
  }

  private static List<Map<String, Object>> datapoints(String... questions) {
    List<Map<String, Object>> datapoints = new ArrayList<>();
    for (String question : questions) {
      datapoints.add(Map.of("inputs", Map.of("q", question)));
    }
    return datapoints;
  }

  /** The {@code q} input of every datapoint of the version, in order. */
  private static List<String> questions(Api api, JsonNode version) {
    JsonNode fetched = ok(api.get(datasetUrl(version) + "?include_datapoints=true&version_id=" + versionId(version)));
    List<String> questions = new ArrayList<>();
    fetched.get("datapoints").forEach(d -> questions.add(d.get("inputs").get("q").asText()));
    return questions;
  }

  private static String id(JsonNode dataset) {
    return dataset.get("id").asText();
  }

  private static String versionId(JsonNode dataset) {
    return dataset.get("version_id").asText();
  }

  private static String datasetUrl(JsonNode dataset) {
    return "/v5/datasets/" + id(dataset);
  }

  private static String versionUrl(JsonNode version) {
    return datasetUrl(version) + "/versions/" + versionId(version);
  }

  private static JsonNode ok(Api.Response response) {
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response.json();
  }

  private static void assertStatus(Api.Response response, int status) {
    assertThat(response.status()).as(response.toString()).isEqualTo(status);
  }

  /**
   * Returns once this machine's clock (which the server reads too) has passed {@code timestamp}
   * at the millisecond precision the server stores. The test server sweeps unreachable data
   * with a grace of 0 s, i.e. data written before the sweep's millisecond. A precondition, not
   * a timed assertion.
   */
  private static void waitForClockPast(String timestamp) {
    Instant instant = OffsetDateTime.parse(timestamp).toInstant();
    while (!Instant.now().truncatedTo(ChronoUnit.MILLIS).isAfter(instant)) {
      try {
        Thread.sleep(1);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }
}
