package io.datasetserver.api;

import static io.datasetserver.testing.TestData.DATASETS;
import static io.datasetserver.testing.TestData.add;
import static io.datasetserver.testing.TestData.datapoints;
import static io.datasetserver.testing.TestData.datasetUrl;
import static io.datasetserver.testing.TestData.instant;
import static io.datasetserver.testing.TestData.listedByUpdatedAt;
import static io.datasetserver.testing.TestData.uniquePath;
import static io.datasetserver.testing.TestData.upsert;
import static io.datasetserver.testing.TestData.upsertBody;
import static io.datasetserver.testing.TestData.versionUrl;
import static io.datasetserver.testing.TestData.waitForClockPast;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.datasetserver.testing.Api;
import io.datasetserver.testing.RunningServer;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * PATCH /v5/datasets/{id}/versions/{version_id}: rename and re-describe one version (contract §3).
 */
@ExtendWith(RunningServer.class)
class UpdateVersionTest {

  @Test
  void renameDescribesThatVersionNotTheDefaultOne(Api api) {
    JsonNode first = upsert(api, uniquePath("tests/update-version"), "a");
    JsonNode second = add(api, first.get("id").asText(), "b");
    waitForClockPast(second.get("updated_at").asText());

    JsonNode renamed = api.patch(versionUrl(second), Map.of("name", "second")).ok();

    assertThat(renamed.get("version_id").asText()).isEqualTo(second.get("version_id").asText());
    assertThat(renamed.get("version_name").asText()).isEqualTo("second");
    assertThat(renamed.get("datapoints_count").asInt()).isEqualTo(2);
    assertThat(renamed.get("environments")).isEmpty();
    assertThat(renamed.get("created_at").asText()).isEqualTo(second.get("created_at").asText());
    assertThat(instant(renamed, "updated_at")).isAfter(instant(second, "updated_at"));
    JsonNode fetched =
        api.get(datasetUrl(first) + "?version_id=" + second.get("version_id").asText()).ok();
    assertThat(fetched.get("version_name").asText()).isEqualTo("second");
    assertThat(fetched.get("updated_at").asText()).isEqualTo(renamed.get("updated_at").asText());
    JsonNode byDefault = api.get(datasetUrl(first)).ok();
    assertThat(byDefault.get("version_id").asText()).isEqualTo(first.get("version_id").asText());
    assertThat(byDefault.has("version_name")).isFalse();
  }

  @Test
  void renamingADeployedVersionKeepsItsEnvironments(Api api) {
    JsonNode first = upsert(api, uniquePath("tests/update-version"), "a");

    JsonNode renamed = api.patch(versionUrl(first), Map.of("name", "v1")).ok();

    assertThat(renamed.get("version_id").asText()).isEqualTo(first.get("version_id").asText());
    assertThat(renamed.get("environments"))
        .extracting(e -> e.get("name").asText())
        .containsExactly("production");
  }

  @Test
  void renameShowsInTheVersionList(Api api) {
    JsonNode first = upsert(api, uniquePath("tests/update-version"), "a");
    JsonNode second = add(api, first.get("id").asText(), "b");

    api.patch(versionUrl(first), Map.of("name", "original")).ok();

    JsonNode versions = api.get(datasetUrl(first) + "/versions").ok().get("records");
    assertThat(versions).hasSize(2);
    assertThat(versions.get(0).get("version_id").asText())
        .isEqualTo(second.get("version_id").asText());
    assertThat(versions.get(0).has("version_name")).isFalse();
    assertThat(versions.get(1).get("version_name").asText()).isEqualTo("original");
  }

  @Test
  void describingAVersionKeepsItsName(Api api) {
    JsonNode version = createWith(api, "version_name", "kept", "version_description", "old");
    waitForClockPast(version.get("updated_at").asText());

    JsonNode described = api.patch(versionUrl(version), Map.of("description", "new words")).ok();

    assertThat(described.get("version_name").asText()).isEqualTo("kept");
    assertThat(described.get("version_description").asText()).isEqualTo("new words");
    assertThat(instant(described, "updated_at")).isAfter(instant(version, "updated_at"));
  }

  @Test
  void renamingKeepsTheDescription(Api api) {
    JsonNode version = createWith(api, "version_name", "before", "version_description", "why");

    JsonNode renamed = api.patch(versionUrl(version), Map.of("name", "after")).ok();

    assertThat(renamed.get("version_name").asText()).isEqualTo("after");
    assertThat(renamed.get("version_description").asText()).isEqualTo("why");
  }

  @Test
  void nameAndDescriptionChangeTogether(Api api) {
    JsonNode version = upsert(api, uniquePath("tests/update-version"), "a");

    JsonNode updated = api.patch(versionUrl(version), Map.of("name", "n", "description", "d")).ok();

    assertThat(updated.get("version_name").asText()).isEqualTo("n");
    assertThat(updated.get("version_description").asText()).isEqualTo("d");
  }

  @Test
  void emptyDescriptionClearsIt(Api api) {
    JsonNode version = createWith(api, "version_name", "named", "version_description", "to clear");
    waitForClockPast(version.get("updated_at").asText());

    JsonNode cleared = api.patch(versionUrl(version), Map.of("description", "")).ok();

    assertThat(cleared.has("version_description")).as(cleared.toString()).isFalse();
    assertThat(cleared.get("version_name").asText()).isEqualTo("named");
    assertThat(instant(cleared, "updated_at")).isAfter(instant(version, "updated_at"));
    JsonNode fetched =
        api.get(datasetUrl(version) + "?version_id=" + version.get("version_id").asText()).ok();
    assertThat(fetched.has("version_description")).as(fetched.toString()).isFalse();
  }

  @Test
  void nameUsedByAnotherVersionOfTheDatasetIsAConflict(Api api) {
    JsonNode first = createWith(api, "version_name", "taken");
    JsonNode second = add(api, first.get("id").asText(), "b");

    Api.Response response =
        api.patch(versionUrl(second), Map.of("name", "taken", "description", "d"));

    response.assertStatus(409);
    assertThat(response.json().get("detail").isTextual()).isTrue();
    JsonNode unchanged =
        api.get(datasetUrl(first) + "?version_id=" + second.get("version_id").asText()).ok();
    assertThat(unchanged.has("version_name")).isFalse();
    assertThat(unchanged.has("version_description")).isFalse();
    assertThat(unchanged.get("updated_at").asText()).isEqualTo(second.get("updated_at").asText());
  }

  @Test
  void renamingToItsOwnCurrentNameChangesNothing(Api api) {
    JsonNode version = createWith(api, "version_name", "same");
    waitForClockPast(version.get("updated_at").asText());

    JsonNode response = api.patch(versionUrl(version), Map.of("name", "same")).ok();

    assertThat(response.get("version_name").asText()).isEqualTo("same");
    assertThat(response.get("updated_at").asText()).isEqualTo(version.get("updated_at").asText());
  }

  @Test
  void aNameUsedInAnotherDatasetIsFree(Api api) {
    createWith(api, "version_name", "shared");
    JsonNode other = upsert(api, uniquePath("tests/update-version"), "a");

    JsonNode renamed = api.patch(versionUrl(other), Map.of("name", "shared")).ok();

    assertThat(renamed.get("version_name").asText()).isEqualTo("shared");
  }

  @Test
  void renamingFreesTheOldName(Api api) {
    JsonNode first = createWith(api, "version_name", "old");
    JsonNode second = add(api, first.get("id").asText(), "b");
    api.patch(versionUrl(first), Map.of("name", "new")).ok();

    JsonNode renamed = api.patch(versionUrl(second), Map.of("name", "old")).ok();

    assertThat(renamed.get("version_name").asText()).isEqualTo("old");
  }

  @Test
  void emptyNameIsRejected(Api api) {
    JsonNode version = createWith(api, "version_name", "keep");

    Api.Response response = api.patch(versionUrl(version), Map.of("name", ""));

    response.assertStatus(422);
    assertThat(response.json().get("detail").get(0).get("loc"))
        .extracting(JsonNode::asText)
        .containsExactly("body", "name");
    assertThat(api.get(datasetUrl(version)).ok().get("version_name").asText()).isEqualTo("keep");
  }

  @Test
  void nameLongerThan255CharactersIsRejected(Api api) {
    JsonNode version = upsert(api, uniquePath("tests/update-version"), "a");

    Api.Response response = api.patch(versionUrl(version), Map.of("name", "n".repeat(256)));

    response.assertStatus(422);
    assertThat(response.json().get("detail").get(0).get("loc").get(0).asText()).isEqualTo("body");
    assertThat(api.get(datasetUrl(version)).ok().has("version_name")).isFalse();
  }

  @Test
  void nameOf255CharactersIsAccepted(Api api) {
    JsonNode version = upsert(api, uniquePath("tests/update-version"), "a");

    JsonNode renamed = api.patch(versionUrl(version), Map.of("name", "n".repeat(255))).ok();

    assertThat(renamed.get("version_name").asText()).isEqualTo("n".repeat(255));
  }

  @Test
  void nameLengthCountsCharactersNotUtf16Units(Api api) {
    JsonNode version = upsert(api, uniquePath("tests/update-version"), "a");
    String emoji = "\ud83d\ude00";

    JsonNode renamed = api.patch(versionUrl(version), Map.of("name", emoji.repeat(255))).ok();
    Api.Response tooLong = api.patch(versionUrl(version), Map.of("name", emoji.repeat(256)));

    assertThat(renamed.get("version_name").asText()).isEqualTo(emoji.repeat(255));
    tooLong.assertStatus(422);
  }

  @Test
  void nameThatIsNotAStringIsRejected(Api api) {
    JsonNode version = createWith(api, "version_name", "kept");

    Api.Response number = api.patch(versionUrl(version), "{\"name\": 5}");
    Api.Response object = api.patch(versionUrl(version), "{\"description\": {\"a\": 1}}");

    number.assertStatus(422);
    assertThat(number.json().get("detail").get(0).get("loc").get(0).asText()).isEqualTo("body");
    object.assertStatus(422);
    assertThat(api.get(datasetUrl(version)).ok().get("version_name").asText()).isEqualTo("kept");
  }

  @Test
  void bodyThatIsNotAnObjectIsRejected(Api api) {
    JsonNode version = upsert(api, uniquePath("tests/update-version"), "a");

    Api.Response response = api.patch(versionUrl(version), "[\"name\"]");

    response.assertStatus(422);
  }

  @Test
  void unknownFieldsAreIgnored(Api api) {
    JsonNode version = upsert(api, uniquePath("tests/update-version"), "a");

    JsonNode renamed = api.patch(versionUrl(version), Map.of("name", "n", "color", "blue")).ok();

    assertThat(renamed.get("version_name").asText()).isEqualTo("n");
  }

  @Test
  void emptyBodyLeavesTheVersionUnchanged(Api api) {
    JsonNode version = createWith(api, "version_name", "n", "version_description", "d");
    waitForClockPast(version.get("updated_at").asText());

    JsonNode response = api.patch(versionUrl(version), "{}").ok();

    assertThat(response.get("version_id").asText()).isEqualTo(version.get("version_id").asText());
    assertThat(response.get("version_name").asText()).isEqualTo("n");
    assertThat(response.get("version_description").asText()).isEqualTo("d");
    assertThat(response.get("updated_at").asText()).isEqualTo(version.get("updated_at").asText());
  }

  @Test
  void nullFieldsAreLeftAsTheyAre(Api api) {
    JsonNode version = createWith(api, "version_name", "n", "version_description", "d");
    waitForClockPast(version.get("updated_at").asText());

    JsonNode response =
        api.patch(versionUrl(version), "{\"name\": null, \"description\": null}").ok();

    assertThat(response.get("version_name").asText()).isEqualTo("n");
    assertThat(response.get("version_description").asText()).isEqualTo("d");
    assertThat(response.get("updated_at").asText()).isEqualTo(version.get("updated_at").asText());
  }

  @Test
  void malformedJsonBodyIsRejected(Api api) {
    JsonNode version = upsert(api, uniquePath("tests/update-version"), "a");

    Api.Response response = api.patch(versionUrl(version), "{\"name\": ");

    response.assertStatus(422);
    assertThat(response.json().get("detail").get(0).get("loc").get(0).asText()).isEqualTo("body");
  }

  @Test
  void emptyNameIsRejectedBeforeTheVersionIsLookedUp(Api api) {
    JsonNode version = upsert(api, uniquePath("tests/update-version"), "a");

    Api.Response response =
        api.patch(datasetUrl(version) + "/versions/dsv_unknown", Map.of("name", ""));

    response.assertStatus(422);
  }

  @Test
  void renamingMovesTheDatasetUpWhenListedByUpdatedAt(Api api) {
    String token = "upd" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    JsonNode older = upsert(api, "tests/update-version/" + token + "-older", "a");
    JsonNode olderSecond = add(api, older.get("id").asText(), "b");
    JsonNode newer = upsert(api, "tests/update-version/" + token + "-newer", "a");
    assertThat(listedByUpdatedAt(api, token))
        .containsExactly(newer.get("id").asText(), older.get("id").asText());
    waitForClockPast(newer.get("updated_at").asText());

    api.patch(versionUrl(olderSecond), Map.of("name", "renamed")).ok();

    assertThat(listedByUpdatedAt(api, token))
        .containsExactly(older.get("id").asText(), newer.get("id").asText());
  }

  @Test
  void unknownDatasetIsNotFound(Api api) {
    JsonNode version = upsert(api, uniquePath("tests/update-version"), "a");

    Api.Response response =
        api.patch(
            DATASETS
                + "/ds_unknown"
                + UUID.randomUUID().toString().substring(0, 8)
                + "/versions/"
                + version.get("version_id").asText(),
            Map.of("name", "x"));

    response.assertStatus(404);
    assertThat(response.json().get("detail").isTextual()).isTrue();
  }

  @Test
  void unknownVersionIsNotFound(Api api) {
    JsonNode version = upsert(api, uniquePath("tests/update-version"), "a");

    Api.Response response =
        api.patch(datasetUrl(version) + "/versions/dsv_unknown", Map.of("name", "x"));

    response.assertStatus(404);
    assertThat(response.json().get("detail").isTextual()).isTrue();
  }

  @Test
  void versionOfAnotherDatasetIsNotFound(Api api) {
    JsonNode mine = upsert(api, uniquePath("tests/update-version"), "a");
    JsonNode other = upsert(api, uniquePath("tests/update-version"), "a");

    Api.Response response =
        api.patch(
            datasetUrl(mine) + "/versions/" + other.get("version_id").asText(),
            Map.of("name", "stolen"));

    response.assertStatus(404);
    assertThat(api.get(datasetUrl(other)).ok().has("version_name")).isFalse();
  }

  @Test
  void anotherOrganizationCannotUpdateTheVersion(Api api) {
    JsonNode version = createWith(api, "version_name", "mine");

    Api.Response response =
        api.as(Api.BETA).patch(versionUrl(version), Map.of("name", "theirs", "description", "d"));

    response.assertStatus(404);
    JsonNode unchanged = api.get(datasetUrl(version)).ok();
    assertThat(unchanged.get("version_name").asText()).isEqualTo("mine");
    assertThat(unchanged.has("version_description")).isFalse();
    assertThat(unchanged.get("updated_at").asText()).isEqualTo(version.get("updated_at").asText());
  }

  @Test
  void anotherUserOfTheOrganizationCanUpdateTheVersion(Api api) {
    JsonNode version = upsert(api, uniquePath("tests/update-version"), "a");

    JsonNode renamed =
        api.as(Api.ALPHA_ALAN).patch(versionUrl(version), Map.of("name", "by alan")).ok();

    assertThat(renamed.get("version_name").asText()).isEqualTo("by alan");
    assertThat(renamed.get("created_by").get("id").asText()).isEqualTo("usr_ada");
  }

  @Test
  void missingKeyIsUnauthorizedBeforeValidation(Api api) {
    JsonNode version = createWith(api, "version_name", "kept");

    Api.Response response = api.as(null).patch(versionUrl(version), Map.of("name", ""));

    response.assertStatus(401);
    assertThat(response.json().get("detail").isTextual()).isTrue();
    assertThat(api.get(datasetUrl(version)).ok().get("version_name").asText()).isEqualTo("kept");
  }

  // ---- helpers ----

  /** A new dataset holding the datapoint "a", with these upsert fields (name / value pairs). */
  private static JsonNode createWith(Api api, Object... fields) {
    return api.post(
            DATASETS, upsertBody(uniquePath("tests/update-version"), datapoints("a"), fields))
        .ok();
  }
}
