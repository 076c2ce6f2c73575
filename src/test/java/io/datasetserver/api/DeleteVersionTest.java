package io.datasetserver.api;

import static io.datasetserver.testing.TestData.DATASETS;
import static io.datasetserver.testing.TestData.add;
import static io.datasetserver.testing.TestData.datapoints;
import static io.datasetserver.testing.TestData.datasetUrl;
import static io.datasetserver.testing.TestData.id;
import static io.datasetserver.testing.TestData.questions;
import static io.datasetserver.testing.TestData.uniquePath;
import static io.datasetserver.testing.TestData.upsert;
import static io.datasetserver.testing.TestData.versionId;
import static io.datasetserver.testing.TestData.versionUrl;
import static io.datasetserver.testing.TestData.waitForClockPast;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.datasetserver.server.DatasetServer;
import io.datasetserver.storage.StoredDocuments;
import io.datasetserver.testing.Api;
import io.datasetserver.testing.RunningServer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** DELETE /v5/datasets/{id}/versions/{version_id} (contract §3). */
@ExtendWith(RunningServer.class)
class DeleteVersionTest {

  @Test
  void deletedVersionIsGoneFromTheVersionList(Api api) {
    JsonNode first = upsert(api, uniquePath("tests/delete-version"), "a");
    JsonNode second = add(api, id(first), "b");
    JsonNode third = add(api, id(first), "c");

    Api.Response response = api.delete(versionUrl(second));

    response.assertStatus(204);
    assertThat(response.body()).isEmpty();
    JsonNode versions = api.get(datasetUrl(first) + "/versions").ok().get("records");
    assertThat(versions)
        .extracting(v -> v.get("version_id").asText())
        .containsExactly(versionId(third), versionId(first));
  }

  @Test
  void deletedVersionIdIsNotFoundWhereverAVersionIsNamed(Api api) {
    JsonNode first = upsert(api, uniquePath("tests/delete-version"), "a");
    JsonNode second = add(api, id(first), "b");
    String gone = "?version_id=" + versionId(second);

    api.delete(versionUrl(second)).assertStatus(204);

    api.get(datasetUrl(first) + gone).assertStatus(404);
    api.get(datasetUrl(first) + gone + "&include_datapoints=true").assertStatus(404);
    api.get(datasetUrl(first) + "/datapoints" + gone).assertStatus(404);
    api.post(
            DATASETS + gone,
            Map.of("id", id(first), "action", "add", "datapoints", datapoints("z")))
        .assertStatus(404);
    api.post(
            DATASETS + gone,
            Map.of("id", id(first), "action", "remove", "datapoints", datapoints("a")))
        .assertStatus(404);
    api.upload(
            datasetUrl(first) + "/datapoints/csv" + gone,
            "rows.csv",
            "q\nz\n".getBytes(StandardCharsets.UTF_8))
        .assertStatus(404);
    api.patch(versionUrl(second), Map.of("name", "again")).assertStatus(404);
    api.post(datasetUrl(first) + "/environments/staging" + gone, null).assertStatus(404);
    assertThat(api.get(datasetUrl(first) + "/versions").ok().get("records")).hasSize(1);
  }

  @Test
  void deletingTheSameVersionTwiceIsNotFoundTheSecondTime(Api api) {
    JsonNode first = upsert(api, uniquePath("tests/delete-version"), "a");
    JsonNode second = add(api, id(first), "b");
    api.delete(versionUrl(second)).assertStatus(204);

    api.delete(versionUrl(second)).assertStatus(404);
  }

  @Test
  void deletedLatestVersionNoLongerIsTheDefault(Api api) {
    JsonNode first = upsert(api, uniquePath("tests/delete-version"), "a");
    JsonNode second = add(api, id(first), "b");
    JsonNode third = add(api, id(first), "c");
    api.delete(datasetUrl(first) + "/environments/production").assertStatus(204);
    assertThat(versionId(api.get(datasetUrl(first)).ok())).isEqualTo(versionId(third));

    api.delete(versionUrl(third)).assertStatus(204);

    assertThat(versionId(api.get(datasetUrl(first)).ok())).isEqualTo(versionId(second));
    JsonNode listed =
        api.get(DATASETS + "?size=1000&name=" + first.get("name").asText()).ok().get("records");
    assertThat(listed)
        .extracting(d -> d.get("version_id").asText())
        .containsExactly(versionId(second));
  }

  @Test
  void addWithoutABaseBuildsOnTheLatestRemainingVersion(Api api) {
    JsonNode first = upsert(api, uniquePath("tests/delete-version"), "a");
    JsonNode second = add(api, id(first), "b");
    api.delete(versionUrl(second)).assertStatus(204);

    JsonNode next = add(api, id(first), "c");

    assertThat(next.get("datapoints_count").asInt()).isEqualTo(2);
    assertThat(questions(api, next)).containsExactly("a", "c");
  }

  @Test
  void deployedVersionCannotBeDeleted(Api api) {
    JsonNode first = upsert(api, uniquePath("tests/delete-version"), "a");
    add(api, id(first), "b");

    Api.Response response = api.delete(versionUrl(first));

    response.assertStatus(409);
    assertThat(response.json().get("detail").isTextual()).isTrue();
    assertThat(api.get(datasetUrl(first) + "/versions").ok().get("records")).hasSize(2);
    assertThat(versionId(api.get(datasetUrl(first)).ok())).isEqualTo(versionId(first));
  }

  @Test
  void versionDeployedToANonDefaultEnvironmentCannotBeDeleted(Api api) {
    JsonNode first = upsert(api, uniquePath("tests/delete-version"), "a");
    JsonNode second = add(api, id(first), "b");
    api.post(datasetUrl(first) + "/environments/staging?version_id=" + versionId(second), null)
        .ok();

    api.delete(versionUrl(second)).assertStatus(409);

    assertThat(versionId(api.get(datasetUrl(first) + "?environment=staging").ok()))
        .isEqualTo(versionId(second));
  }

  @Test
  void versionCanBeDeletedOnceItsDeploymentIsRemoved(Api api) {
    JsonNode first = upsert(api, uniquePath("tests/delete-version"), "a");
    JsonNode second = add(api, id(first), "b");
    api.delete(datasetUrl(first) + "/environments/production").assertStatus(204);

    api.delete(versionUrl(first)).assertStatus(204);

    JsonNode versions = api.get(datasetUrl(first) + "/versions").ok().get("records");
    assertThat(versions)
        .extracting(v -> v.get("version_id").asText())
        .containsExactly(versionId(second));
  }

  @Test
  void onlyRemainingVersionCannotBeDeleted(Api api) {
    JsonNode first = upsert(api, uniquePath("tests/delete-version"), "a");
    JsonNode second = add(api, id(first), "b");
    api.post(datasetUrl(first) + "/environments/production?version_id=" + versionId(second), null)
        .ok();
    api.delete(versionUrl(first)).assertStatus(204);
    api.delete(datasetUrl(first) + "/environments/production").assertStatus(204);

    Api.Response response = api.delete(versionUrl(second));

    response.assertStatus(409);
    assertThat(response.json().get("detail").isTextual()).isTrue();
    JsonNode remaining = api.get(datasetUrl(first) + "?include_datapoints=true").ok();
    assertThat(versionId(remaining)).isEqualTo(versionId(second));
    assertThat(remaining.get("datapoints")).hasSize(2);
  }

  @Test
  void deletedVersionsNameBecomesFree(Api api) {
    JsonNode first = upsert(api, uniquePath("tests/delete-version"), "a");
    JsonNode named =
        api.post(
                DATASETS,
                Map.of(
                    "id",
                    id(first),
                    "action",
                    "add",
                    "datapoints",
                    datapoints("b"),
                    "version_name",
                    "draft"))
            .ok();
    api.delete(versionUrl(named)).assertStatus(204);

    JsonNode renamed = api.patch(versionUrl(first), Map.of("name", "draft")).ok();
    assertThat(renamed.get("version_name").asText()).isEqualTo("draft");
    api.patch(versionUrl(first), Map.of("name", "other")).ok();
    JsonNode reused =
        api.post(
                DATASETS,
                Map.of(
                    "id",
                    id(first),
                    "action",
                    "add",
                    "datapoints",
                    datapoints("c"),
                    "version_name",
                    "draft"))
            .ok();
    assertThat(reused.get("version_name").asText()).isEqualTo("draft");
  }

  @Test
  void deletingVersionsKeepsDatapointsOtherVersionsHold(Api api) {
    JsonNode first = upsert(api, uniquePath("tests/delete-version"), "a", "b");
    JsonNode second = add(api, id(first), "c");
    JsonNode third =
        api.post(
                DATASETS,
                Map.of("id", id(first), "action", "remove", "datapoints", datapoints("a")))
            .ok();
    waitForClockPast(third.get("created_at").asText());

    api.delete(versionUrl(second)).assertStatus(204);

    assertThat(questions(api, first)).containsExactly("a", "b");
    assertThat(questions(api, third)).containsExactly("b", "c");
    JsonNode page = api.get(datasetUrl(first) + "/datapoints?version_id=" + versionId(third)).ok();
    assertThat(page.get("total").asInt()).isEqualTo(2);
    assertThat(page.get("records"))
        .extracting(d -> d.get("inputs").get("q").asText())
        .containsExactly("b", "c");
  }

  @Test
  void deletingVersionsWithDatapointsNoOtherVersionHoldsShrinksTheDatabase(
      Api api, DatasetServer server) {
    JsonNode first = upsert(api, uniquePath("tests/delete-version"), "a");
    JsonNode second =
        api.post(DATASETS, Map.of("id", id(first), "datapoints", datapoints("b", "c"))).ok();
    JsonNode third =
        api.post(DATASETS, Map.of("id", id(first), "datapoints", datapoints("d", "e", "f"))).ok();
    waitForClockPast(third.get("created_at").asText());
    Map<String, Long> before = StoredDocuments.counts(server.database());

    api.delete(versionUrl(second)).assertStatus(204);
    api.delete(versionUrl(third)).assertStatus(204);

    Map<String, Long> after = StoredDocuments.counts(server.database());
    assertThat(after.get("datapoints"))
        .as("datapoints %s -> %s", before, after)
        .isLessThanOrEqualTo(before.get("datapoints") - 5);
    assertThat(after.get("segments"))
        .as("segments %s -> %s", before, after)
        .isLessThan(before.get("segments"));
    assertThat(after.get("memberships"))
        .as("memberships %s -> %s", before, after)
        .isLessThan(before.get("memberships"));
    assertThat(after.get("datasets")).isEqualTo(before.get("datasets"));
    assertThat(questions(api, first)).containsExactly("a");
  }

  @Test
  void contentOfADeletedVersionCanBeCreatedAgain(Api api) {
    JsonNode first = upsert(api, uniquePath("tests/delete-version"), "a");
    JsonNode second = add(api, id(first), "b", "c");
    waitForClockPast(second.get("created_at").asText());
    api.delete(versionUrl(second)).assertStatus(204);

    JsonNode again = add(api, id(first), "b", "c");

    assertThat(versionId(again)).isNotEqualTo(versionId(second));
    assertThat(questions(api, again)).containsExactly("a", "b", "c");
    JsonNode page =
        api.get(datasetUrl(first) + "/datapoints?size=2&page=2&version_id=" + versionId(again))
            .ok();
    assertThat(page.get("records"))
        .extracting(d -> d.get("inputs").get("q").asText())
        .containsExactly("c");
  }

  @Test
  void unknownDatasetIsNotFound(Api api) {
    JsonNode first = upsert(api, uniquePath("tests/delete-version"), "a");

    Api.Response response = api.delete(DATASETS + "/ds_unknown/versions/" + versionId(first));

    response.assertStatus(404);
    assertThat(response.json().get("detail").isTextual()).isTrue();
  }

  @Test
  void unknownVersionIsNotFound(Api api) {
    JsonNode first = upsert(api, uniquePath("tests/delete-version"), "a");
    add(api, id(first), "b");

    Api.Response response = api.delete(datasetUrl(first) + "/versions/dsv_unknown");

    response.assertStatus(404);
    assertThat(response.json().get("detail").isTextual()).isTrue();
    assertThat(api.get(datasetUrl(first) + "/versions").ok().get("records")).hasSize(2);
  }

  @Test
  void versionOfAnotherDatasetIsNotFound(Api api) {
    JsonNode mine = upsert(api, uniquePath("tests/delete-version"), "a");
    add(api, id(mine), "b");
    JsonNode other = upsert(api, uniquePath("tests/delete-version"), "a");
    JsonNode othersSecond = add(api, id(other), "b");

    api.delete(datasetUrl(mine) + "/versions/" + versionId(othersSecond)).assertStatus(404);

    assertThat(api.get(datasetUrl(other) + "/versions").ok().get("records")).hasSize(2);
    assertThat(api.get(datasetUrl(mine) + "/versions").ok().get("records")).hasSize(2);
  }

  @Test
  void anotherOrganizationCannotDeleteTheVersion(Api api) {
    JsonNode first = upsert(api, uniquePath("tests/delete-version"), "a");
    JsonNode second = add(api, id(first), "b");

    api.as(Api.BETA).delete(versionUrl(second)).assertStatus(404);

    JsonNode kept =
        api.get(datasetUrl(first) + "?version_id=" + versionId(second) + "&include_datapoints=true")
            .ok();
    assertThat(kept.get("datapoints")).hasSize(2);
    assertThat(api.get(datasetUrl(first) + "/versions").ok().get("records")).hasSize(2);
  }

  @Test
  void missingKeyIsUnauthorized(Api api) {
    JsonNode first = upsert(api, uniquePath("tests/delete-version"), "a");
    JsonNode second = add(api, id(first), "b");

    api.as(null).delete(versionUrl(second)).assertStatus(401);

    assertThat(api.get(datasetUrl(first) + "/versions").ok().get("records")).hasSize(2);
  }
}
