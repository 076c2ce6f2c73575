package io.datasetserver.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.datasetserver.testing.Api;
import io.datasetserver.testing.RunningServer;
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

/** PATCH /v5/datasets/{id}/versions/{version_id}: rename and re-describe one version (contract §3). */
@ExtendWith(RunningServer.class)
class UpdateVersionTest {

  @Test
  void renameDescribesThatVersionNotTheDefaultOne(Api api) {
    JsonNode first = create(api, path(), "a");
    JsonNode second = add(api, first.get("id").asText(), "b");
    waitForClockPast(second.get("updated_at").asText());

    JsonNode renamed = ok(api.patch(versionUrl(second), Map.of("name", "second")));

    assertThat(renamed.get("version_id").asText()).isEqualTo(second.get("version_id").asText());
    assertThat(renamed.get("version_name").asText()).isEqualTo("second");
    assertThat(renamed.get("datapoints_count").asInt()).isEqualTo(2);
    assertThat(renamed.get("environments")).isEmpty();
    assertThat(renamed.get("created_at").asText()).isEqualTo(second.get("created_at").asText());
    assertThat(instant(renamed, "updated_at")).isAfter(instant(second, "updated_at"));
    JsonNode fetched = ok(api.get(datasetUrl(first) + "?version_id=" + second.get("version_id").asText()));
    assertThat(fetched.get("version_name").asText()).isEqualTo("second");
    assertThat(fetched.get("updated_at").asText()).isEqualTo(renamed.get("updated_at").asText());
    JsonNode byDefault = ok(api.get(datasetUrl(first)));
    assertThat(byDefault.get("version_id").asText()).isEqualTo(first.get("version_id").asText());
    assertThat(byDefault.has("version_name")).isFalse();
  }

  @Test
  void renamingADeployedVersionKeepsItsEnvironments(Api api) {
    JsonNode first = create(api, path(), "a");

    JsonNode renamed = ok(api.patch(versionUrl(first), Map.of("name", "v1")));

    assertThat(renamed.get("version_id").asText()).isEqualTo(first.get("version_id").asText());
    assertThat(renamed.get("environments")).extracting(e -> e.get("name").asText()).containsExactly("production");
  }

  @Test
  void renameShowsInTheVersionList(Api api) {
    JsonNode first = create(api, path(), "a");
    JsonNode second = add(api, first.get("id").asText(), "b");

    ok(api.patch(versionUrl(first), Map.of("name", "original")));

    JsonNode versions = ok(api.get(datasetUrl(first) + "/versions")).get("records");
    assertThat(versions).hasSize(2);
    assertThat(versions.get(0).get("version_id").asText()).isEqualTo(second.get("version_id").asText());
    assertThat(versions.get(0).has("version_name")).isFalse();
    assertThat(versions.get(1).get("version_name").asText()).isEqualTo("original");
  }

  @Test
  void describingAVersionKeepsItsName(Api api) {
    JsonNode version = create(api, path(), Map.of("version_name", "kept", "version_description", "old"), "a");
    waitForClockPast(version.get("updated_at").asText());

    JsonNode described = ok(api.patch(versionUrl(version), Map.of("description", "new words")));

    assertThat(described.get("version_name").asText()).isEqualTo("kept");
    assertThat(described.get("version_description").asText()).isEqualTo("new words");
    assertThat(instant(described, "updated_at")).isAfter(instant(version, "updated_at"));
  }

  @Test
  void renamingKeepsTheDescription(Api api) {
    JsonNode version = create(api, path(), Map.of("version_name", "before", "version_description", "why"), "a");

    JsonNode renamed = ok(api.patch(versionUrl(version), Map.of("name", "after")));

    assertThat(renamed.get("version_name").asText()).isEqualTo("after");
    assertThat(renamed.get("version_description").asText()).isEqualTo("why");
  }

  @Test
  void nameAndDescriptionChangeTogether(Api api) {
    JsonNode version = create(api, path(), "a");

    JsonNode updated = ok(api.patch(versionUrl(version), Map.of("name", "n", "description", "d")));

    assertThat(updated.get("version_name").asText()).isEqualTo("n");
    assertThat(updated.get("version_description").asText()).isEqualTo("d");
  }

  @Test
  void emptyDescriptionClearsIt(Api api) {
    JsonNode version = create(api, path(), Map.of("version_name", "named", "version_description", "to clear"), "a");
    waitForClockPast(version.get("updated_at").asText());

    JsonNode cleared = ok(api.patch(versionUrl(version), Map.of("description", "")));

    assertThat(cleared.has("version_description")).as(cleared.toString()).isFalse();
    assertThat(cleared.get("version_name").asText()).isEqualTo("named");
    assertThat(instant(cleared, "updated_at")).isAfter(instant(version, "updated_at"));
    JsonNode fetched = ok(api.get(datasetUrl(version) + "?version_id=" + version.get("version_id").asText()));
    assertThat(fetched.has("version_description")).as(fetched.toString()).isFalse();
  }

  @Test
  void nameUsedByAnotherVersionOfTheDatasetIsAConflict(Api api) {
    JsonNode first = create(api, path(), Map.of("version_name", "taken"), "a");
    JsonNode second = add(api, first.get("id").asText(), "b");

    Api.Response response = api.patch(versionUrl(second), Map.of("name", "taken", "description", "d"));

    assertThat(response.status()).as(response.toString()).isEqualTo(409);
    assertThat(response.json().get("detail").isTextual()).isTrue();
    JsonNode unchanged = ok(api.get(datasetUrl(first) + "?version_id=" + second.get("version_id").asText()));
    assertThat(unchanged.has("version_name")).isFalse();
    assertThat(unchanged.has("version_description")).isFalse();
    assertThat(unchanged.get("updated_at").asText()).isEqualTo(second.get("updated_at").asText());
  }

  @Test
  void renamingToItsOwnCurrentNameChangesNothing(Api api) {
    JsonNode version = create(api, path(), Map.of("version_name", "same"), "a");
    waitForClockPast(version.get("updated_at").asText());

    JsonNode response = ok(api.patch(versionUrl(version), Map.of("name", "same")));

    assertThat(response.get("version_name").asText()).isEqualTo("same");
    assertThat(response.get("updated_at").asText()).isEqualTo(version.get("updated_at").asText());
  }

  @Test
  void aNameUsedInAnotherDatasetIsFree(Api api) {
    create(api, path(), Map.of("version_name", "shared"), "a");
    JsonNode other = create(api, path(), "a");

    JsonNode renamed = ok(api.patch(versionUrl(other), Map.of("name", "shared")));

    assertThat(renamed.get("version_name").asText()).isEqualTo("shared");
  }

  @Test
  void renamingFreesTheOldName(Api api) {
    JsonNode first = create(api, path(), Map.of("version_name", "old"), "a");
    JsonNode second = add(api, first.get("id").asText(), "b");
    ok(api.patch(versionUrl(first), Map.of("name", "new")));

    JsonNode renamed = ok(api.patch(versionUrl(second), Map.of("name", "old")));

    assertThat(renamed.get("version_name").asText()).isEqualTo("old");
  }

  @Test
  void emptyNameIsRejected(Api api) {
    JsonNode version = create(api, path(), Map.of("version_name", "keep"), "a");

    Api.Response response = api.patch(versionUrl(version), Map.of("name", ""));

    assertThat(response.status()).as(response.toString()).isEqualTo(422);
    assertThat(response.json().get("detail").get(0).get("loc"))
        .extracting(JsonNode::asText).containsExactly("body", "name");
    assertThat(ok(api.get(datasetUrl(version))).get("version_name").asText()).isEqualTo("keep");
  }

  @Test
  void nameLongerThan255CharactersIsRejected(Api api) {
    JsonNode version = create(api, path(), "a");

    Api.Response response = api.patch(versionUrl(version), Map.of("name", "n".repeat(256)));

    assertThat(response.status()).as(response.toString()).isEqualTo(422);
    assertThat(response.json().get("detail").get(0).get("loc").get(0).asText()).isEqualTo("body");
    assertThat(ok(api.get(datasetUrl(version))).has("version_name")).isFalse();
  }

  @Test
  void nameOf255CharactersIsAccepted(Api api) {
    JsonNode version = create(api, path(), "a");

    JsonNode renamed = ok(api.patch(versionUrl(version), Map.of("name", "n".repeat(255))));

    assertThat(renamed.get("version_name").asText()).isEqualTo("n".repeat(255));
  }

  @Test
  void nameLengthCountsCharactersNotUtf16Units(Api api) {
    JsonNode version = create(api, path(), "a");
    String emoji = "\ud83d\ude00";

    JsonNode renamed = ok(api.patch(versionUrl(version), Map.of("name", emoji.repeat(255))));
    Api.Response tooLong = api.patch(versionUrl(version), Map.of("name", emoji.repeat(256)));

    assertThat(renamed.get("version_name").asText()).isEqualTo(emoji.repeat(255));
    assertThat(tooLong.status()).as(tooLong.toString()).isEqualTo(422);
  }

  @Test
  void nameThatIsNotAStringIsRejected(Api api) {
    JsonNode version = create(api, path(), Map.of("version_name", "kept"), "a");

    Api.Response number = api.patch(versionUrl(version), "{\"name\": 5}");
    Api.Response object = api.patch(versionUrl(version), "{\"description\": {\"a\": 1}}");

    assertThat(number.status()).as(number.toString()).isEqualTo(422);
    assertThat(number.json().get("detail").get(0).get("loc").get(0).asText()).isEqualTo("body");
    assertThat(object.status()).as(object.toString()).isEqualTo(422);
    assertThat(ok(api.get(datasetUrl(version))).get("version_name").asText()).isEqualTo("kept");
  }

  @Test
  void bodyThatIsNotAnObjectIsRejected(Api api) {
    JsonNode version = create(api, path(), "a");

    Api.Response response = api.patch(versionUrl(version), "[\"name\"]");

    assertThat(response.status()).as(response.toString()).isEqualTo(422);
  }

  @Test
  void unknownFieldsAreIgnored(Api api) {
    JsonNode version = create(api, path(), "a");

    JsonNode renamed = ok(api.patch(versionUrl(version), Map.of("name", "n", "color", "blue")));

    assertThat(renamed.get("version_name").asText()).isEqualTo("n");
  }

  @Test
  void emptyBodyLeavesTheVersionUnchanged(Api api) {
    JsonNode version = create(api, path(), Map.of("version_name", "n", "version_description", "d"), "a");
    waitForClockPast(version.get("updated_at").asText());

    JsonNode response = ok(api.patch(versionUrl(version), "{}"));

    assertThat(response.get("version_id").asText()).isEqualTo(version.get("version_id").asText());
    assertThat(response.get("version_name").asText()).isEqualTo("n");
    assertThat(response.get("version_description").asText()).isEqualTo("d");
    assertThat(response.get("updated_at").asText()).isEqualTo(version.get("updated_at").asText());
  }

  @Test
  void nullFieldsAreLeftAsTheyAre(Api api) {
    JsonNode version = create(api, path(), Map.of("version_name", "n", "version_description", "d"), "a");
    waitForClockPast(version.get("updated_at").asText());

    JsonNode response = ok(api.patch(versionUrl(version), "{\"name\": null, \"description\": null}"));

    assertThat(response.get("version_name").asText()).isEqualTo("n");
    assertThat(response.get("version_description").asText()).isEqualTo("d");
    assertThat(response.get("updated_at").asText()).isEqualTo(version.get("updated_at").asText());
  }

  @Test
  void malformedJsonBodyIsRejected(Api api) {
    JsonNode version = create(api, path(), "a");

    Api.Response response = api.patch(versionUrl(version), "{\"name\": ");

    assertThat(response.status()).as(response.toString()).isEqualTo(422);
    assertThat(response.json().get("detail").get(0).get("loc").get(0).asText()).isEqualTo("body");
  }

  @Test
  void emptyNameIsRejectedBeforeTheVersionIsLookedUp(Api api) {
    JsonNode version = create(api, path(), "a");

    Api.Response response = api.patch(datasetUrl(version) + "/versions/dsv_unknown", Map.of("name", ""));

    assertThat(response.status()).as(response.toString()).isEqualTo(422);
  }

  @Test
  void renamingMovesTheDatasetUpWhenListedByUpdatedAt(Api api) {
    String token = "upd" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    JsonNode older = create(api, "tests/update-version/" + token + "-older", "a");
    JsonNode olderSecond = add(api, older.get("id").asText(), "b");
    JsonNode newer = create(api, "tests/update-version/" + token + "-newer", "a");
    assertThat(listedByUpdatedAt(api, token)).containsExactly(newer.get("id").asText(), older.get("id").asText());
    waitForClockPast(newer.get("updated_at").asText());

    ok(api.patch(versionUrl(olderSecond), Map.of("name", "renamed")));

    assertThat(listedByUpdatedAt(api, token)).containsExactly(older.get("id").asText(), newer.get("id").asText());
  }

  @Test
  void unknownDatasetIsNotFound(Api api) {
    JsonNode version = create(api, path(), "a");

    Api.Response response = api.patch("/v5/datasets/ds_unknown" + UUID.randomUUID().toString().substring(0, 8)
        + "/versions/" + version.get("version_id").asText(), Map.of("name", "x"));

    assertThat(response.status()).as(response.toString()).isEqualTo(404);
    assertThat(response.json().get("detail").isTextual()).isTrue();
  }

  @Test
  void unknownVersionIsNotFound(Api api) {
    JsonNode version = create(api, path(), "a");

    Api.Response response = api.patch(datasetUrl(version) + "/versions/dsv_unknown", Map.of("name", "x"));

    assertThat(response.status()).as(response.toString()).isEqualTo(404);
    assertThat(response.json().get("detail").isTextual()).isTrue();
  }

  @Test
  void versionOfAnotherDatasetIsNotFound(Api api) {
    JsonNode mine = create(api, path(), "a");
    JsonNode other = create(api, path(), "a");

    Api.Response response = api.patch(datasetUrl(mine) + "/versions/" + other.get("version_id").asText(),
        Map.of("name", "stolen"));

    assertThat(response.status()).as(response.toString()).isEqualTo(404);
    assertThat(ok(api.get(datasetUrl(other))).has("version_name")).isFalse();
  }

  @Test
  void anotherOrganizationCannotUpdateTheVersion(Api api) {
    JsonNode version = create(api, path(), Map.of("version_name", "mine"), "a");

    Api.Response response = api.as(Api.BETA).patch(versionUrl(version), Map.of("name", "theirs", "description", "d"));

    assertThat(response.status()).as(response.toString()).isEqualTo(404);
    JsonNode unchanged = ok(api.get(datasetUrl(version)));
    assertThat(unchanged.get("version_name").asText()).isEqualTo("mine");
    assertThat(unchanged.has("version_description")).isFalse();
    assertThat(unchanged.get("updated_at").asText()).isEqualTo(version.get("updated_at").asText());
  }

  @Test
  void anotherUserOfTheOrganizationCanUpdateTheVersion(Api api) {
    JsonNode version = create(api, path(), "a");

    JsonNode renamed = ok(api.as(Api.ALPHA_ALAN).patch(versionUrl(version), Map.of("name", "by alan")));

    assertThat(renamed.get("version_name").asText()).isEqualTo("by alan");
    assertThat(renamed.get("created_by").get("id").asText()).isEqualTo("usr_ada");
  }

  @Test
  void missingKeyIsUnauthorizedBeforeValidation(Api api) {
    JsonNode version = create(api, path(), Map.of("version_name", "kept"), "a");

    Api.Response response = api.as(null).patch(versionUrl(version), Map.of("name", ""));

    assertThat(response.status()).as(response.toString()).isEqualTo(401);
    assertThat(response.json().get("detail").isTextual()).isTrue();
    assertThat(ok(api.get(datasetUrl(version))).get("version_name").asText()).isEqualTo("kept");
  }

  // ---- helpers ----

  private static String path() {
    return "tests/update-version/" + UUID.randomUUID();
  }

  private static JsonNode create(Api api, String path, String... questions) {
    return create(api, path, Map.of(), questions);
  }

  /** Creates a dataset at {@code path} with one datapoint per question; {@code extra} adds body fields. */
  private static JsonNode create(Api api, String path, Map<String, Object> extra, String... questions) {
    Map<String, Object> body = new LinkedHashMap<>(extra);
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

  private static String datasetUrl(JsonNode dataset) {
    return "/v5/datasets/" + dataset.get("id").asText();
  }

  private static String versionUrl(JsonNode version) {
    return datasetUrl(version) + "/versions/" + version.get("version_id").asText();
  }

  /** Ids of the datasets whose name contains {@code token}, most recently updated first. */
  private static List<String> listedByUpdatedAt(Api api, String token) {
    List<String> ids = new ArrayList<>();
    ok(api.get("/v5/datasets?sort_by=updated_at&order=desc&size=100&name=" + token)).get("records")
        .forEach(d -> ids.add(d.get("id").asText()));
    return ids;
  }

  private static JsonNode ok(Api.Response response) {
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response.json();
  }

  private static Instant instant(JsonNode node, String field) {
    return OffsetDateTime.parse(node.get(field).asText()).toInstant();
  }

  /**
   * Returns once this machine's clock (which the server reads too) has passed {@code timestamp}
   * at the millisecond precision the server stores, so that a change made next gets a later
   * timestamp. A precondition, not a timed assertion.
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
