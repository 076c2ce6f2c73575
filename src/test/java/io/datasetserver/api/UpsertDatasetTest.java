package io.datasetserver.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.datasetserver.testing.Api;
import io.datasetserver.testing.RunningServer;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** POST /v5/datasets: the upsert rules of contract §3 and §6. */
@ExtendWith(RunningServer.class)
class UpsertDatasetTest {
  private static final String DATASETS = "/v5/datasets";

  // ---- creation and the response shape ----

  @Test
  void createsADatasetAtAnUnknownPath(Api api) {
    String path = unique("upsert/create");
    JsonNode created = ok(api.post(DATASETS, body(path, List.of(dp("a"), dp("b")))));
    assertThat(created.path("id").asText()).startsWith("ds_");
    assertThat(created.path("path").asText()).isEqualTo(path);
    assertThat(created.path("name").asText()).isEqualTo(path.substring(path.lastIndexOf('/') + 1));
    assertThat(created.path("directory_id").asText()).startsWith("dir_");
    assertThat(created.path("type").asText()).isEqualTo("dataset");
    assertThat(created.path("version_id").asText()).startsWith("dsv_");
    assertThat(created.path("attributes").isObject()).isTrue();
    assertThat(created.path("attributes").isEmpty()).isTrue();
    assertThat(created.path("datapoints_count").asInt()).isEqualTo(2);
    assertThat(created.path("created_by").path("id").asText()).isEqualTo("usr_ada");
    assertThat(created.path("created_by").path("email_address").asText()).isEqualTo("ada@alpha.example");
    assertThat(created.path("created_by").path("full_name").asText()).isEqualTo("Ada Lovelace");
    OffsetDateTime.parse(created.path("created_at").asText());
    OffsetDateTime.parse(created.path("updated_at").asText());
    assertThat(created.path("last_used_at").asText()).isEqualTo(created.path("updated_at").asText());
    assertThat(created.has("datapoints")).as("datapoints only when asked for").isFalse();
    for (String omitted : List.of("version_name", "version_description", "description", "readme", "tags", "schema")) {
      assertThat(created.has(omitted)).as(omitted).isFalse();
    }
    assertThat(api.get(DATASETS + "/" + created.path("id").asText()).status()).isEqualTo(200);
  }

  @Test
  void datasetsInOneFolderShareADirectoryId(Api api) {
    String folder = unique("upsert/folder");
    JsonNode one = ok(api.post(DATASETS, body(folder + "/one", List.of())));
    JsonNode two = ok(api.post(DATASETS, body(folder + "/two", List.of())));
    JsonNode elsewhere = ok(api.post(DATASETS, body(folder + "/sub/three", List.of())));
    JsonNode root = ok(api.post(DATASETS, body(unique("root"), List.of())));
    assertThat(one.path("directory_id").asText()).isEqualTo(two.path("directory_id").asText());
    assertThat(elsewhere.path("directory_id").asText()).isNotEqualTo(one.path("directory_id").asText());
    assertThat(root.path("directory_id").asText()).startsWith("dir_")
        .isNotEqualTo(one.path("directory_id").asText());
  }

  @Test
  void theFirstVersionIsDeployedToTheDefaultEnvironment(Api api) {
    JsonNode created = ok(api.post(DATASETS, body(unique("upsert/deployed"), List.of(dp("a")))));
    JsonNode environments = created.path("environments");
    assertThat(environments).hasSize(1);
    assertThat(environments.get(0).path("name").asText()).isEqualTo("production");
    assertThat(environments.get(0).path("tag").asText()).isEqualTo("default");
    assertThat(environments.get(0).path("id").asText()).startsWith("env_");
    OffsetDateTime.parse(environments.get(0).path("created_at").asText());
  }

  @Test
  void theFirstVersionIsDeployedToTheOrganizationsOwnDefaultEnvironment(Api api) {
    JsonNode created = ok(api.as(Api.BETA).post(DATASETS, body(unique("upsert/beta"), List.of(dp("a")))));
    assertThat(created.path("environments")).singleElement()
        .satisfies(e -> assertThat(e.path("name").asText()).isEqualTo("live"));
  }

  @Test
  void laterVersionsAreNotDeployedAndAPlainGetStillReturnsTheFirst(Api api) {
    String path = unique("upsert/second");
    JsonNode first = ok(api.post(DATASETS, body(path, List.of(dp("a")))));
    JsonNode second = ok(api.post(DATASETS, body(path, List.of(dp("b")))));
    assertThat(second.path("id").asText()).isEqualTo(first.path("id").asText());
    assertThat(second.path("version_id").asText()).isNotEqualTo(first.path("version_id").asText());
    assertThat(second.path("environments")).isEmpty();
    JsonNode fetched = ok(api.get(DATASETS + "/" + first.path("id").asText()));
    assertThat(fetched.path("version_id").asText()).isEqualTo(first.path("version_id").asText());
    assertThat(fetched.path("environments")).hasSize(1);
  }

  @Test
  void includeDatapointsReturnsTheResultingDatapoints(Api api) {
    String path = unique("upsert/include");
    ok(api.post(DATASETS, body(path, List.of(dp("a")))));
    JsonNode added = ok(api.post(DATASETS + "?include_datapoints=true", body(path, List.of(dp("b")), "action", "add")));
    assertThat(qs(added.path("datapoints"))).containsExactly("a", "b");
    assertThat(added.path("datapoints").get(0).path("id").asText()).startsWith("dp_");
  }

  @Test
  void includeDatapointsThatIsNotABooleanIs422(Api api) {
    assertInvalid(api.post(DATASETS + "?include_datapoints=maybe", body(unique("upsert/include-bad"), List.of(dp("a")))),
        "query", "include_datapoints");
  }

  @Test
  void theCallingUserIsTheVersionsCreator(Api api) {
    String path = unique("upsert/creator");
    JsonNode first = ok(api.post(DATASETS, body(path, List.of(dp("a")))));
    JsonNode second = ok(api.as(Api.ALPHA_ALAN).post(DATASETS, body(path, List.of(dp("b")))));
    assertThat(first.path("created_by").path("id").asText()).isEqualTo("usr_ada");
    assertThat(second.path("created_by").path("id").asText()).isEqualTo("usr_alan");
    assertThat(second.path("created_by").path("full_name").asText()).isEqualTo("Alan Turing");
  }

  @Test
  void versionNameAndDescriptionAreStored(Api api) {
    JsonNode created = ok(api.post(DATASETS, body(unique("upsert/named"), List.of(dp("a")),
        "version_name", "v1", "version_description", "first cut")));
    assertThat(created.path("version_name").asText()).isEqualTo("v1");
    assertThat(created.path("version_description").asText()).isEqualTo("first cut");
  }

  // ---- set / add / remove ----

  @Test
  void setReplacesTheDatapoints(Api api) {
    String path = unique("upsert/set");
    ok(api.post(DATASETS, body(path, List.of(dp("a"), dp("b")))));
    JsonNode replaced = ok(api.post(DATASETS + "?include_datapoints=true", body(path, List.of(dp("c")), "action", "set")));
    assertThat(replaced.path("datapoints_count").asInt()).isEqualTo(1);
    assertThat(qs(replaced.path("datapoints"))).containsExactly("c");
  }

  @Test
  void setDeduplicatesRepeatedDatapointsKeepingTheFirst(Api api) {
    JsonNode created = ok(api.post(DATASETS + "?include_datapoints=true",
        body(unique("upsert/dedupe"), List.of(dp("a"), dp("b"), dp("a"), dp("c"), dp("b")))));
    assertThat(created.path("datapoints_count").asInt()).isEqualTo(3);
    assertThat(qs(created.path("datapoints"))).containsExactly("a", "b", "c");
  }

  @Test
  void dedupeIgnoresObjectKeyOrder(Api api) {
    String json = "{\"path\": \"" + unique("upsert/keyorder") + "\", \"datapoints\": ["
        + "{\"inputs\": {\"a\": \"1\", \"b\": \"2\"}, \"target\": {\"x\": 1, \"y\": {\"p\": true, \"q\": null}}},"
        + "{\"target\": {\"y\": {\"q\": null, \"p\": true}, \"x\": 1}, \"inputs\": {\"b\": \"2\", \"a\": \"1\"}}]}";
    assertThat(ok(api.post(DATASETS, json)).path("datapoints_count").asInt()).isEqualTo(1);
  }

  @Test
  void dedupeTreatsAMissingFieldAsEmpty(Api api) {
    String json = "{\"path\": \"" + unique("upsert/missing") + "\", \"datapoints\": ["
        + "{\"inputs\": {\"q\": \"x\"}},"
        + "{\"inputs\": {\"q\": \"x\"}, \"messages\": [], \"target\": {}},"
        + "{},"
        + "{\"inputs\": {}, \"messages\": [], \"target\": {}}]}";
    assertThat(ok(api.post(DATASETS, json)).path("datapoints_count").asInt()).isEqualTo(2);
  }

  @Test
  void equalNumbersSpelledDifferentlyAreTheSameDatapoint(Api api) {
    String json = "{\"path\": \"" + unique("upsert/numbers") + "\", \"datapoints\": ["
        + "{\"target\": {\"score\": 1, \"n\": 100, \"f\": 0.5}},"
        + "{\"target\": {\"score\": 1.0, \"n\": 1e2, \"f\": 0.50}}]}";
    assertThat(ok(api.post(DATASETS, json)).path("datapoints_count").asInt()).isEqualTo(1);
  }

  @Test
  void arrayOrderMakesDifferentDatapoints(Api api) {
    Map<String, Object> hello = Map.of("role", "user", "content", "hello");
    Map<String, Object> hi = Map.of("role", "assistant", "content", "hi");
    JsonNode created = ok(api.post(DATASETS, body(unique("upsert/order"), List.of(
        Map.of("messages", List.of(hello, hi)), Map.of("messages", List.of(hi, hello))))));
    assertThat(created.path("datapoints_count").asInt()).isEqualTo(2);
  }

  @Test
  void aDistinguishingInputKeepsLookAlikeRows(Api api) {
    JsonNode created = ok(api.post(DATASETS, body(unique("upsert/lookalike"), List.of(
        Map.of("inputs", Map.of("q", "x", "_dedupe_id", "1")), Map.of("inputs", Map.of("q", "x", "_dedupe_id", "2"))))));
    assertThat(created.path("datapoints_count").asInt()).isEqualTo(2);
  }

  @Test
  void addAppendsNewDatapointsAfterTheBaseAndIgnoresDuplicates(Api api) {
    String path = unique("upsert/add");
    ok(api.post(DATASETS, body(path, List.of(dp("a"), dp("b")))));
    JsonNode added = ok(api.post(DATASETS + "?include_datapoints=true",
        body(path, List.of(dp("c"), dp("a"), dp("d"), dp("c")), "action", "add")));
    assertThat(qs(added.path("datapoints"))).containsExactly("a", "b", "c", "d");
    assertThat(added.path("datapoints_count").asInt()).isEqualTo(4);
  }

  @Test
  void datapointIdsAreStableAcrossVersions(Api api) {
    String path = unique("upsert/stable");
    JsonNode first = ok(api.post(DATASETS + "?include_datapoints=true", body(path, List.of(dp("a"), dp("b")))));
    JsonNode second = ok(api.post(DATASETS + "?include_datapoints=true", body(path, List.of(dp("z")), "action", "add")));
    JsonNode third = ok(api.post(DATASETS + "?include_datapoints=true", body(path, List.of(dp("y"), dp("b")))));
    assertThat(ids(second.path("datapoints")).subList(0, 2)).isEqualTo(ids(first.path("datapoints")));
    assertThat(ids(third.path("datapoints")).get(1)).isEqualTo(ids(first.path("datapoints")).get(1));
    assertThat(ids(third.path("datapoints")).get(0)).isNotIn(ids(first.path("datapoints")));
  }

  @Test
  void addBuildsOnTheLatestVersionNotTheDeployedOne(Api api) {
    String path = unique("upsert/latest");
    ok(api.post(DATASETS, body(path, List.of(dp("a")))));
    ok(api.post(DATASETS, body(path, List.of(dp("b")))));
    JsonNode added = ok(api.post(DATASETS + "?include_datapoints=true", body(path, List.of(dp("c")), "action", "add")));
    assertThat(qs(added.path("datapoints"))).containsExactly("b", "c");
  }

  @Test
  void addOntoANamedVersion(Api api) {
    String path = unique("upsert/named-base");
    JsonNode first = ok(api.post(DATASETS, body(path, List.of(dp("a")))));
    ok(api.post(DATASETS, body(path, List.of(dp("b")))));
    JsonNode added = ok(api.post(DATASETS + "?include_datapoints=true&version_id=" + first.path("version_id").asText(),
        body(path, List.of(dp("c")), "action", "add")));
    assertThat(qs(added.path("datapoints"))).containsExactly("a", "c");
  }

  @Test
  void addOntoTheVersionDeployedToAnEnvironment(Api api) {
    String path = unique("upsert/env-base");
    JsonNode first = ok(api.post(DATASETS, body(path, List.of(dp("a")))));
    ok(api.post(DATASETS, body(path, List.of(dp("b")))));
    JsonNode byName = ok(api.post(DATASETS + "?include_datapoints=true&environment=production",
        body(path, List.of(dp("c")), "action", "add")));
    assertThat(qs(byName.path("datapoints"))).containsExactly("a", "c");
    String environmentId = first.path("environments").get(0).path("id").asText();
    JsonNode byId = ok(api.post(DATASETS + "?include_datapoints=true&environment=" + environmentId,
        body(path, List.of(dp("d")), "action", "add")));
    assertThat(qs(byId.path("datapoints"))).containsExactly("a", "d");
  }

  @ParameterizedTest
  @ValueSource(strings = {"version_id=dsv_doesnotexist", "environment=staging", "environment=nowhere"})
  void addOrRemoveOntoAMissingBaseIs404(String query, Api api) {
    String path = unique("upsert/missing-base");
    JsonNode created = ok(api.post(DATASETS, body(path, List.of(dp("a")))));
    for (String action : List.of("add", "remove")) {
      assertDetail(api.post(DATASETS + "?" + query, body(path, List.of(dp("b")), "action", action)), 404);
    }
    assertThat(versionCount(api, created.path("id").asText())).isEqualTo(1);
  }

  @Test
  void aVersionOfAnotherDatasetIsNoBase(Api api) {
    JsonNode other = ok(api.post(DATASETS, body(unique("upsert/other"), List.of(dp("a")))));
    String path = unique("upsert/mine");
    ok(api.post(DATASETS, body(path, List.of(dp("a")))));
    assertDetail(api.post(DATASETS + "?version_id=" + other.path("version_id").asText(),
        body(path, List.of(dp("b")), "action", "add")), 404);
  }

  @Test
  void versionIdAndEnvironmentTogetherAre422ForAdd(Api api) {
    String path = unique("upsert/both");
    JsonNode created = ok(api.post(DATASETS, body(path, List.of(dp("a")))));
    assertInvalid(api.post(DATASETS + "?environment=production&version_id=" + created.path("version_id").asText(),
        body(path, List.of(dp("b")), "action", "add")), "query");
  }

  @Test
  void removeDropsMatchingDatapointsAndIgnoresAbsentOnes(Api api) {
    String path = unique("upsert/remove");
    ok(api.post(DATASETS, body(path, List.of(dp("a"), dp("b"), dp("c")))));
    JsonNode removed = ok(api.post(DATASETS + "?include_datapoints=true",
        body(path, List.of(dp("b"), dp("not-there")), "action", "remove")));
    assertThat(qs(removed.path("datapoints"))).containsExactly("a", "c");
  }

  @Test
  void removeMatchesByContent(Api api) {
    String path = unique("upsert/remove-content");
    ok(api.post(DATASETS, "{\"path\": \"" + path + "\", \"datapoints\": [{\"inputs\": {\"a\": \"1\", \"b\": \"2\"}},"
        + " {\"inputs\": {\"q\": \"keep\"}}]}"));
    JsonNode removed = ok(api.post(DATASETS + "?include_datapoints=true", "{\"path\": \"" + path
        + "\", \"action\": \"remove\", \"datapoints\": [{\"messages\": [], \"inputs\": {\"b\": \"2\", \"a\": \"1\"}}]}"));
    assertThat(qs(removed.path("datapoints"))).containsExactly("keep");
  }

  @Test
  void removingEverythingLeavesAnEmptyVersion(Api api) {
    String path = unique("upsert/remove-all");
    ok(api.post(DATASETS, body(path, List.of(dp("a"), dp("b")))));
    JsonNode removed = ok(api.post(DATASETS, body(path, List.of(dp("a"), dp("b")), "action", "remove")));
    assertThat(removed.path("datapoints_count").asInt()).isZero();
  }

  @Test
  void addAndRemoveCreateTheDatasetFromAnEmptyBase(Api api) {
    JsonNode added = ok(api.post(DATASETS + "?include_datapoints=true",
        body(unique("upsert/add-new"), List.of(dp("a"), dp("b")), "action", "add")));
    assertThat(qs(added.path("datapoints"))).containsExactly("a", "b");
    assertThat(added.path("environments")).hasSize(1);
    JsonNode removed = ok(api.post(DATASETS, body(unique("upsert/remove-new"), List.of(dp("a")), "action", "remove")));
    assertThat(removed.path("datapoints_count").asInt()).isZero();
    assertThat(removed.path("id").asText()).startsWith("ds_");
  }

  @ParameterizedTest
  @CsvSource({"add,version_id=dsv_nothing", "add,environment=production", "remove,version_id=dsv_nothing",
      "remove,environment=production"})
  void addOrRemoveCreatingADatasetWithANamedBaseIs404AndCreatesNothing(String action, String query, Api api) {
    String name = unique("ghost");
    assertDetail(api.post(DATASETS + "?" + query, body("upsert/" + name, List.of(dp("a")), "action", action)), 404);
    assertThat(ok(api.get(DATASETS + "?name=" + name)).path("total").asInt()).isZero();
  }

  @Test
  void setIgnoresVersionIdAndEnvironmentEvenWhenBothAreGiven(Api api) {
    String path = unique("upsert/set-ignores");
    String query = "?version_id=dsv_nothing&environment=nowhere";
    JsonNode created = ok(api.post(DATASETS + query, body(path, List.of(dp("a")))));
    JsonNode second = ok(api.post(DATASETS + query, body(path, List.of(dp("b")), "action", "set")));
    assertThat(second.path("id").asText()).isEqualTo(created.path("id").asText());
    assertThat(second.path("datapoints_count").asInt()).isEqualTo(1);
  }

  // ---- identical content ----

  @Test
  void identicalContentReturnsExistingVersion(Api api) {
    String path = unique("upsert/identical");
    JsonNode first = ok(api.post(DATASETS, body(path, List.of(dp("a"), dp("b")))));
    String id = first.path("id").asText();
    JsonNode before = ok(api.get(DATASETS + "/" + id));
    JsonNode again = ok(api.post(DATASETS, body(path, List.of(dp("b"), dp("a")))));
    assertThat(again.path("version_id").asText()).isEqualTo(first.path("version_id").asText());
    assertThat(again.path("environments")).hasSize(1);
    assertThat(versionCount(api, id)).isEqualTo(1);
    assertThat(ok(api.get(DATASETS + "/" + id)).path("updated_at").asText())
        .isEqualTo(before.path("updated_at").asText());
  }

  @Test
  void identicalContentMayBeAnOlderVersion(Api api) {
    String path = unique("upsert/older");
    JsonNode first = ok(api.post(DATASETS, body(path, List.of(dp("a")))));
    ok(api.post(DATASETS, body(path, List.of(dp("b")), "action", "add")));
    JsonNode back = ok(api.post(DATASETS, body(path, List.of(dp("b")), "action", "remove")));
    assertThat(back.path("version_id").asText()).isEqualTo(first.path("version_id").asText());
    assertThat(versionCount(api, first.path("id").asText())).isEqualTo(2);
  }

  @Test
  void addingOnlyExistingDatapointsReturnsTheBase(Api api) {
    String path = unique("upsert/add-existing");
    JsonNode first = ok(api.post(DATASETS, body(path, List.of(dp("a"), dp("b")))));
    JsonNode again = ok(api.post(DATASETS, body(path, List.of(dp("b")), "action", "add")));
    assertThat(again.path("version_id").asText()).isEqualTo(first.path("version_id").asText());
    assertThat(versionCount(api, first.path("id").asText())).isEqualTo(1);
  }

  @Test
  void identicalContentWithADifferentVersionNameIs409NamingTheExistingVersion(Api api) {
    String path = unique("upsert/identical-name");
    JsonNode first = ok(api.post(DATASETS, body(path, List.of(dp("a")))));
    Api.Response conflict = api.post(DATASETS, body(path, List.of(dp("a")), "version_name", "renamed"));
    assertDetail(conflict, 409);
    assertThat(conflict.json().path("detail").asText()).contains(first.path("version_id").asText());
    assertThat(versionCount(api, first.path("id").asText())).isEqualTo(1);
  }

  @Test
  void identicalContentUnderAnotherNameThanTheExistingNameIs409(Api api) {
    String path = unique("upsert/identical-other-name");
    JsonNode first = ok(api.post(DATASETS, body(path, List.of(dp("a")), "version_name", "one")));
    Api.Response conflict = api.post(DATASETS, body(path, List.of(dp("a")), "action", "add", "version_name", "two"));
    assertDetail(conflict, 409);
    assertThat(conflict.json().path("detail").asText()).contains(first.path("version_id").asText());
  }

  @Test
  void identicalContentWithTheSameVersionNameReturnsExistingVersion(Api api) {
    String path = unique("upsert/identical-same-name");
    JsonNode first = ok(api.post(DATASETS, body(path, List.of(dp("a")), "version_name", "one")));
    JsonNode again = ok(api.post(DATASETS, body(path, List.of(dp("a")), "version_name", "one")));
    assertThat(again.path("version_id").asText()).isEqualTo(first.path("version_id").asText());
  }

  @Test
  void versionDescriptionPlaysNoPartInIdentity(Api api) {
    String path = unique("upsert/description");
    JsonNode first = ok(api.post(DATASETS, body(path, List.of(dp("a")), "version_description", "original")));
    JsonNode again = ok(api.post(DATASETS, body(path, List.of(dp("a")), "version_description", "different")));
    assertThat(again.path("version_id").asText()).isEqualTo(first.path("version_id").asText());
    assertThat(again.path("version_description").asText()).isEqualTo("original");
    assertThat(versionCount(api, first.path("id").asText())).isEqualTo(1);
  }

  @Test
  void aVersionNameUsedByAnotherVersionIs409(Api api) {
    String path = unique("upsert/name-taken");
    JsonNode first = ok(api.post(DATASETS, body(path, List.of(dp("a")), "version_name", "taken")));
    Api.Response conflict = api.post(DATASETS, body(path, List.of(dp("b")), "version_name", "taken"));
    assertDetail(conflict, 409);
    assertThat(versionCount(api, first.path("id").asText())).isEqualTo(1);
  }

  @Test
  void theSameVersionNameInAnotherDatasetIsFine(Api api) {
    ok(api.post(DATASETS, body(unique("upsert/name-a"), List.of(dp("a")), "version_name", "v1")));
    ok(api.post(DATASETS, body(unique("upsert/name-b"), List.of(dp("a")), "version_name", "v1")));
  }

  @Test
  void anEmptyVersionNameIs422(Api api) {
    String name = unique("empty-name");
    assertInvalid(api.post(DATASETS, body("upsert/" + name, List.of(dp("a")), "version_name", "")),
        "body", "version_name");
    assertThat(ok(api.get(DATASETS + "?name=" + name)).path("total").asInt()).isZero();
  }

  // ---- attributes ----

  @Test
  void setWithoutAttributesUsesEmptyAttributes(Api api) {
    String path = unique("upsert/attrs-set");
    ok(api.post(DATASETS, body(path, List.of(dp("a")), "attributes", Map.of("k", "v"))));
    JsonNode replaced = ok(api.post(DATASETS, body(path, List.of(dp("b")))));
    assertThat(replaced.path("attributes").isObject()).isTrue();
    assertThat(replaced.path("attributes").isEmpty()).isTrue();
  }

  @Test
  void addAndRemoveKeepTheBaseAttributesWhenNoneAreGiven(Api api) {
    String path = unique("upsert/attrs-keep");
    ok(api.post(DATASETS, body(path, List.of(dp("a")), "attributes", Map.of("k", "v", "n", 3))));
    JsonNode added = ok(api.post(DATASETS, body(path, List.of(dp("b")), "action", "add")));
    assertThat(added.path("attributes")).isEqualTo(Api.JSON.valueToTree(Map.of("k", "v", "n", 3)));
    JsonNode removed = ok(api.post(DATASETS, body(path, List.of(dp("a")), "action", "remove")));
    assertThat(removed.path("attributes")).isEqualTo(Api.JSON.valueToTree(Map.of("k", "v", "n", 3)));
  }

  @Test
  void givenAttributesReplaceTheBasesRatherThanMerge(Api api) {
    String path = unique("upsert/attrs-replace");
    ok(api.post(DATASETS, body(path, List.of(dp("a")), "attributes", Map.of("a", 1, "b", 2))));
    JsonNode added = ok(api.post(DATASETS, body(path, List.of(dp("b")), "action", "add", "attributes", Map.of("c", 3))));
    assertThat(added.path("attributes")).isEqualTo(Api.JSON.valueToTree(Map.of("c", 3)));
  }

  @Test
  void attributesArePartOfAVersionsIdentity(Api api) {
    String path = unique("upsert/attrs-identity");
    JsonNode first = ok(api.post(DATASETS, "{\"path\": \"" + path
        + "\", \"datapoints\": [{\"inputs\": {\"q\": \"a\"}}], \"attributes\": {\"x\": 1, \"y\": [1, 2]}}"));
    JsonNode reordered = ok(api.post(DATASETS, "{\"path\": \"" + path
        + "\", \"datapoints\": [{\"inputs\": {\"q\": \"a\"}}], \"attributes\": {\"y\": [1, 2], \"x\": 1}}"));
    assertThat(reordered.path("version_id").asText()).isEqualTo(first.path("version_id").asText());
    JsonNode changed = ok(api.post(DATASETS, "{\"path\": \"" + path
        + "\", \"datapoints\": [{\"inputs\": {\"q\": \"a\"}}], \"attributes\": {\"x\": 2, \"y\": [1, 2]}}"));
    assertThat(changed.path("version_id").asText()).isNotEqualTo(first.path("version_id").asText());
    JsonNode attributesOnlyChange = ok(api.post(DATASETS, body(path, List.of(), "action", "add",
        "attributes", Map.of("z", true))));
    assertThat(attributesOnlyChange.path("datapoints_count").asInt()).isEqualTo(1);
    assertThat(attributesOnlyChange.path("version_id").asText())
        .isNotIn(first.path("version_id").asText(), changed.path("version_id").asText());
  }

  @Test
  void nullAttributeValuesAreKept(Api api) {
    JsonNode created = ok(api.post(DATASETS, "{\"path\": \"" + unique("upsert/attrs-null")
        + "\", \"datapoints\": [], \"attributes\": {\"gone\": null, \"nested\": {\"also\": null}}}"));
    assertThat(created.path("attributes").has("gone")).isTrue();
    assertThat(created.path("attributes").get("gone").isNull()).isTrue();
    assertThat(created.path("attributes").path("nested").get("also").isNull()).isTrue();
  }

  @Test
  void attributesThatAreNotAnObjectAre422(Api api) {
    assertInvalid(api.post(DATASETS, "{\"path\": \"" + unique("upsert/attrs-bad")
        + "\", \"datapoints\": [], \"attributes\": [1, 2]}"), "body", "attributes");
  }

  // ---- path and id ----

  @ParameterizedTest
  @ValueSource(strings = {"", "/", "/leading", "trailing/", "a//b", "tab\there", "nul\u0000byte", "del\u007fchar"})
  void invalidPathsAre422(String path, Api api) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("path", path);
    body.put("datapoints", List.of());
    assertInvalid(api.post(DATASETS, body), "body", "path");
  }

  @Test
  void aPathOver255CharactersIs422ButExactly255IsFine(Api api) {
    String prefix = unique("upsert/long") + "/";
    assertInvalid(api.post(DATASETS, body(prefix + "x".repeat(256 - prefix.length()), List.of())), "body", "path");
    JsonNode created = ok(api.post(DATASETS, body(prefix + "x".repeat(255 - prefix.length()), List.of())));
    assertThat(created.path("path").asText()).hasSize(255);
  }

  @Test
  void neitherPathNorIdIs422(Api api) {
    assertInvalid(api.post(DATASETS, Map.of("datapoints", List.of(dp("a")))), "body");
  }

  @Test
  void missingDatapointsIs422(Api api) {
    assertInvalid(api.post(DATASETS, Map.of("path", unique("upsert/no-datapoints"))), "body", "datapoints");
  }

  @Test
  void anEmptyDatapointsListIsAllowed(Api api) {
    assertThat(ok(api.post(DATASETS, body(unique("upsert/empty"), List.of()))).path("datapoints_count").asInt()).isZero();
  }

  @Test
  void upsertById(Api api) {
    JsonNode created = ok(api.post(DATASETS, body(unique("upsert/by-id"), List.of(dp("a")))));
    JsonNode added = ok(api.post(DATASETS + "?include_datapoints=true",
        Map.of("id", created.path("id").asText(), "action", "add", "datapoints", List.of(dp("b")))));
    assertThat(added.path("id").asText()).isEqualTo(created.path("id").asText());
    assertThat(qs(added.path("datapoints"))).containsExactly("a", "b");
  }

  @Test
  void anUnknownIdIs404(Api api) {
    assertDetail(api.post(DATASETS, Map.of("id", "ds_doesnotexist", "datapoints", List.of(dp("a")))), 404);
    assertDetail(api.post(DATASETS, Map.of("id", "ds_doesnotexist", "path", unique("upsert/unknown-id"),
        "datapoints", List.of(dp("a")))), 404);
  }

  @Test
  void anIdWithAnotherPathIs409(Api api) {
    JsonNode created = ok(api.post(DATASETS, body(unique("upsert/id-path"), List.of(dp("a")))));
    String otherPath = unique("upsert/elsewhere");
    assertDetail(api.post(DATASETS, Map.of("id", created.path("id").asText(), "path", otherPath,
        "datapoints", List.of(dp("b")))), 409);
    assertThat(versionCount(api, created.path("id").asText())).isEqualTo(1);
    assertThat(ok(api.get(DATASETS + "/" + created.path("id").asText())).path("path").asText())
        .isEqualTo(created.path("path").asText());
  }

  @Test
  void anIdWithItsOwnPathIsAccepted(Api api) {
    JsonNode created = ok(api.post(DATASETS, body(unique("upsert/id-own-path"), List.of(dp("a")))));
    JsonNode again = ok(api.post(DATASETS, Map.of("id", created.path("id").asText(), "path",
        created.path("path").asText(), "datapoints", List.of(dp("b")))));
    assertThat(again.path("id").asText()).isEqualTo(created.path("id").asText());
  }

  @Test
  void aMalformedUpsertIs422EvenForAnUnknownId(Api api) {
    assertInvalid(api.post(DATASETS, Map.of("id", "ds_doesnotexist", "path", "/bad/", "datapoints", List.of())),
        "body", "path");
    assertInvalid(api.post(DATASETS, "{\"id\": \"ds_doesnotexist\", \"datapoints\": [{\"inputs\": {\"q\": 1}}]}"),
        "body", "datapoints", 0, "inputs", "q");
  }

  @Test
  void aMalformedAddIs422EvenWhenItsBaseIsMissing(Api api) {
    String path = unique("upsert/precedence");
    ok(api.post(DATASETS, body(path, List.of(dp("a")))));
    assertInvalid(api.post(DATASETS + "?version_id=dsv_doesnotexist", "{\"path\": \"" + path
        + "\", \"action\": \"add\", \"datapoints\": [{\"inputs\": {\"q\": 1}}]}"), "body", "datapoints", 0);
  }

  // ---- request parsing ----

  @Test
  void nullFieldsMeanAbsent(Api api) {
    String path = unique("upsert/nulls");
    JsonNode created = ok(api.post(DATASETS + "?include_datapoints=true", "{\"path\": \"" + path + "\", \"id\": null,"
        + " \"action\": null, \"attributes\": null, \"version_name\": null, \"version_description\": null,"
        + " \"datapoints\": [{\"inputs\": {\"q\": \"a\"}, \"messages\": null, \"target\": null},"
        + " {\"inputs\": null, \"messages\": [{\"role\": \"user\", \"content\": \"hi\", \"name\": null,"
        + " \"tool_call_id\": null, \"tool_calls\": null}]}]}"));
    assertThat(created.path("datapoints_count").asInt()).isEqualTo(2);
    assertThat(created.path("attributes").isEmpty()).isTrue();
    assertThat(created.has("version_name")).isFalse();
    JsonNode again = ok(api.post(DATASETS, "{\"path\": \"" + path + "\", \"datapoints\": [{\"inputs\": {\"q\": \"a\"}},"
        + " {\"messages\": [{\"role\": \"user\", \"content\": \"hi\"}]}]}"));
    assertThat(again.path("version_id").asText()).isEqualTo(created.path("version_id").asText());
  }

  @Test
  void unknownFieldsAreIgnored(Api api) {
    JsonNode created = ok(api.post(DATASETS, "{\"path\": \"" + unique("upsert/unknown-fields") + "\", \"commit\": true,"
        + " \"tags\": [\"x\"], \"datapoints\": [{\"inputs\": {\"q\": \"a\"}, \"metadata\": {\"k\": 1},"
        + " \"messages\": [{\"role\": \"user\", \"content\": \"hi\", \"thinking\": \"hmm\"}]}]}"));
    assertThat(created.path("datapoints_count").asInt()).isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"{", "{\"path\": \"x\", \"datapoints\": [}", "not json", "{\"path\": \"x\",}"})
  void malformedJsonIs422(String json, Api api) {
    assertInvalid(api.post(DATASETS, json), "body");
  }

  @Test
  void anEmptyBodyIs422(Api api) {
    assertInvalid(api.post(DATASETS, ""), "body");
  }

  @Test
  void aBodyOfTheWrongShapeIs422(Api api) {
    assertInvalid(api.post(DATASETS, "[]"), "body");
    assertInvalid(api.post(DATASETS, "{\"path\": \"" + unique("upsert/shape") + "\", \"datapoints\": \"x\"}"),
        "body", "datapoints");
    assertInvalid(api.post(DATASETS, "{\"path\": 42, \"datapoints\": []}"), "body", "path");
  }

  @Test
  void anUnknownActionIs422(Api api) {
    assertInvalid(api.post(DATASETS, body(unique("upsert/action"), List.of(), "action", "merge")), "body", "action");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1", "true", "1.5", "{\"x\": \"y\"}", "[\"a\"]", "null"})
  void nonStringInputValuesAre422WithTheirLocation(String value, Api api) {
    String name = unique("inputs");
    assertInvalid(api.post(DATASETS, "{\"path\": \"upsert/" + name + "\", \"datapoints\": [{\"inputs\": {\"q\": \"ok\"}},"
        + " {\"inputs\": {\"q\": " + value + "}}]}"), "body", "datapoints", 1, "inputs", "q");
    assertThat(ok(api.get(DATASETS + "?name=" + name)).path("total").asInt()).as("nothing created").isZero();
  }

  @Test
  void inputsThatAreNotAnObjectAre422(Api api) {
    assertInvalid(api.post(DATASETS, "{\"path\": \"" + unique("upsert/inputs-shape")
        + "\", \"datapoints\": [{\"inputs\": \"q\"}]}"), "body", "datapoints", 0, "inputs");
  }

  @Test
  void aTargetThatIsNotAnObjectIs422(Api api) {
    assertInvalid(api.post(DATASETS, "{\"path\": \"" + unique("upsert/target-shape")
        + "\", \"datapoints\": [{\"target\": \"expected\"}]}"), "body", "datapoints", 0, "target");
  }

  @Test
  void targetValuesOfAnyTypeRoundTripIncludingNull(Api api) {
    JsonNode created = ok(api.post(DATASETS + "?include_datapoints=true", "{\"path\": \"" + unique("upsert/target")
        + "\", \"datapoints\": [{\"target\": {\"output\": null, \"n\": 0.1, \"big\": 12345678901234567890,"
        + " \"list\": [1, \"two\", {\"three\": false}], \"text\": \"é\\n\"}}]}"));
    JsonNode target = created.path("datapoints").get(0).path("target");
    assertThat(target.has("output")).isTrue();
    assertThat(target.get("output").isNull()).isTrue();
    assertThat(target.get("n").decimalValue()).isEqualByComparingTo("0.1");
    assertThat(target.get("big").bigIntegerValue()).hasToString("12345678901234567890");
    assertThat(target.get("list").toString()).isEqualTo("[1,\"two\",{\"three\":false}]");
    assertThat(target.get("text").asText()).isEqualTo("é\n");
  }

  @Test
  void aNullTargetValueIsDistinctFromAnEmptyTarget(Api api) {
    JsonNode created = ok(api.post(DATASETS, "{\"path\": \"" + unique("upsert/target-null")
        + "\", \"datapoints\": [{\"inputs\": {\"q\": \"a\"}, \"target\": {\"output\": null}},"
        + " {\"inputs\": {\"q\": \"a\"}, \"target\": {}}]}"));
    assertThat(created.path("datapoints_count").asInt()).isEqualTo(2);
  }

  @Test
  void everyContractRoleIsAccepted(Api api) {
    List<Map<String, Object>> messages = new ArrayList<>();
    for (String role : List.of("system", "developer", "user", "assistant", "tool")) {
      messages.add(Map.of("role", role, "content", "from " + role));
    }
    JsonNode created = ok(api.post(DATASETS + "?include_datapoints=true",
        body(unique("upsert/roles"), List.of(Map.of("messages", messages)))));
    assertThat(created.path("datapoints").get(0).path("messages")).hasSize(5);
    assertThat(created.path("datapoints").get(0).path("messages").get(4).path("role").asText()).isEqualTo("tool");
  }

  @Test
  void anUnknownRoleIs422(Api api) {
    assertInvalid(api.post(DATASETS, body(unique("upsert/role"), List.of(
        Map.of("messages", List.of(Map.of("role", "wizard", "content", "abracadabra")))))),
        "body", "datapoints", 0, "messages", 0, "role");
  }

  @Test
  void aMessageWithoutARoleIs422(Api api) {
    assertInvalid(api.post(DATASETS, body(unique("upsert/no-role"), List.of(
        Map.of("messages", List.of(Map.of("content", "who am I")))))),
        "body", "datapoints", 0, "messages", 0, "role");
  }

  @Test
  void contentPartsRoundTrip(Api api) {
    List<Object> parts = List.of(
        Map.of("type", "text", "text", "what is in this picture?"),
        Map.of("type", "image_url", "image_url", Map.of("url", "https://img.example/cat.png", "detail", "low")));
    Map<String, Object> toolCall = Map.of("id", "call_1", "type", "function",
        "function", Map.of("name", "lookup", "arguments", "{\"q\":\"cat\"}"));
    Map<String, Object> datapoint = Map.of("messages", List.of(
        Map.of("role", "user", "content", parts),
        Map.of("role", "assistant", "tool_calls", List.of(toolCall)),
        Map.of("role", "tool", "tool_call_id", "call_1", "name", "lookup", "content", "a cat")));
    JsonNode created = ok(api.post(DATASETS + "?include_datapoints=true", body(unique("upsert/parts"), List.of(datapoint))));
    JsonNode messages = created.path("datapoints").get(0).path("messages");
    assertThat(messages.get(0).path("content")).isEqualTo(Api.JSON.valueToTree(parts));
    assertThat(messages.get(1).path("tool_calls").get(0)).isEqualTo(Api.JSON.valueToTree(toolCall));
    assertThat(messages.get(2).path("tool_call_id").asText()).isEqualTo("call_1");
  }

  @Test
  void anUnknownContentPartTypeIs422(Api api) {
    assertInvalid(api.post(DATASETS, body(unique("upsert/part-type"), List.of(Map.of("messages", List.of(
        Map.of("role", "user", "content", List.of(Map.of("type", "audio", "audio", "x")))))))),
        "body", "datapoints", 0, "messages", 0, "content", 0, "type");
  }

  @Test
  void anImageDetailOutsideHighLowAutoIs422(Api api) {
    assertInvalid(api.post(DATASETS, body(unique("upsert/detail"), List.of(Map.of("messages", List.of(
        Map.of("role", "user", "content", List.of(Map.of("type", "image_url",
            "image_url", Map.of("url", "https://img.example/x.png", "detail", "ultra"))))))))),
        "body", "datapoints", 0, "messages", 0, "content", 0, "image_url", "detail");
  }

  @Test
  void aTextPartWithoutTextIs422(Api api) {
    assertInvalid(api.post(DATASETS, body(unique("upsert/text-part"), List.of(Map.of("messages", List.of(
        Map.of("role", "user", "content", List.of(Map.of("type", "text")))))))),
        "body", "datapoints", 0, "messages", 0, "content", 0, "text");
  }

  @Test
  void contentThatIsNeitherTextNorPartsIs422(Api api) {
    assertInvalid(api.post(DATASETS, body(unique("upsert/content"), List.of(Map.of("messages", List.of(
        Map.of("role", "user", "content", 42)))))), "body", "datapoints", 0, "messages", 0, "content");
  }

  @Test
  void aToolCallThatIsNotAFunctionIs422(Api api) {
    assertInvalid(api.post(DATASETS, body(unique("upsert/tool-call"), List.of(Map.of("messages", List.of(
        Map.of("role", "assistant", "tool_calls", List.of(Map.of("id", "c1", "type", "retrieval",
            "function", Map.of("name", "f", "arguments", "{}"))))))))),
        "body", "datapoints", 0, "messages", 0, "tool_calls", 0, "type");
  }

  @Test
  void aRejectedUpsertChangesNothing(Api api) {
    String path = unique("upsert/rejected");
    JsonNode created = ok(api.post(DATASETS, body(path, List.of(dp("a")))));
    assertInvalid(api.post(DATASETS, "{\"path\": \"" + path + "\", \"action\": \"add\", \"datapoints\": ["
        + "{\"inputs\": {\"q\": \"fine\"}}, {\"inputs\": {\"q\": 7}}]}"), "body", "datapoints", 1, "inputs", "q");
    assertThat(versionCount(api, created.path("id").asText())).isEqualTo(1);
    JsonNode datapoints = ok(api.get(DATASETS + "/" + created.path("id").asText() + "/datapoints"));
    assertThat(qs(datapoints.path("records"))).containsExactly("a");
  }

  // ---- helpers ----

  private static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private static Map<String, Object> dp(String q) {
    return Map.of("inputs", Map.of("q", q));
  }

  /** An upsert body: path, datapoints, then field name / value pairs. */
  private static Map<String, Object> body(String path, List<?> datapoints, Object... more) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("path", path);
    body.put("datapoints", datapoints);
    for (int i = 0; i + 1 < more.length; i += 2) {
      body.put((String) more[i], more[i + 1]);
    }
    return body;
  }

  private static int versionCount(Api api, String datasetId) {
    return ok(api.get(DATASETS + "/" + datasetId + "/versions")).path("records").size();
  }

  private static List<String> qs(JsonNode datapoints) {
    List<String> result = new ArrayList<>();
    datapoints.forEach(d -> result.add(d.path("inputs").path("q").asText()));
    return result;
  }

  private static List<String> ids(JsonNode datapoints) {
    List<String> result = new ArrayList<>();
    datapoints.forEach(d -> result.add(d.path("id").asText()));
    return result;
  }

  private static JsonNode ok(Api.Response response) {
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response.json();
  }

  /** A non-422 error: the status and a JSON body whose detail is a message. */
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
