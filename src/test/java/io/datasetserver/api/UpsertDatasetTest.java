package io.datasetserver.api;

import static io.datasetserver.testing.TestData.DATASETS;
import static io.datasetserver.testing.TestData.datapoints;
import static io.datasetserver.testing.TestData.ids;
import static io.datasetserver.testing.TestData.questions;
import static io.datasetserver.testing.TestData.unique;
import static io.datasetserver.testing.TestData.upsert;
import static io.datasetserver.testing.TestData.upsertBody;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.datasetserver.testing.Api;
import io.datasetserver.testing.RunningServer;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** POST /v5/datasets: the upsert rules of contract §3 and §6. */
@ExtendWith(RunningServer.class)
class UpsertDatasetTest {
  // ---- creation and the response shape ----

  @Test
  void createsADatasetAtAnUnknownPath(Api api) {
    String path = unique("upsert/create");
    JsonNode created = upsert(api, path, "a", "b");
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
    assertThat(created.path("created_by").path("email_address").asText())
        .isEqualTo("ada@alpha.example");
    assertThat(created.path("created_by").path("full_name").asText()).isEqualTo("Ada Lovelace");
    OffsetDateTime.parse(created.path("created_at").asText());
    OffsetDateTime.parse(created.path("updated_at").asText());
    assertThat(created.path("last_used_at").asText())
        .isEqualTo(created.path("updated_at").asText());
    assertThat(created.has("datapoints")).as("datapoints only when asked for").isFalse();
    for (String omitted :
        List.of("version_name", "version_description", "description", "readme", "tags", "schema")) {
      assertThat(created.has(omitted)).as(omitted).isFalse();
    }
    api.get(DATASETS + "/" + created.path("id").asText()).assertStatus(200);
  }

  @Test
  void datasetsInOneFolderShareADirectoryId(Api api) {
    String folder = unique("upsert/folder");
    JsonNode one = upsert(api, folder + "/one");
    JsonNode two = upsert(api, folder + "/two");
    JsonNode elsewhere = upsert(api, folder + "/sub/three");
    JsonNode root = upsert(api, unique("root"));
    assertThat(one.path("directory_id").asText()).isEqualTo(two.path("directory_id").asText());
    assertThat(elsewhere.path("directory_id").asText())
        .isNotEqualTo(one.path("directory_id").asText());
    assertThat(root.path("directory_id").asText())
        .startsWith("dir_")
        .isNotEqualTo(one.path("directory_id").asText());
  }

  @Test
  void theFirstVersionIsDeployedToTheDefaultEnvironment(Api api) {
    JsonNode created = upsert(api, unique("upsert/deployed"), "a");
    JsonNode environments = created.path("environments");
    assertThat(environments).hasSize(1);
    assertThat(environments.get(0).path("name").asText()).isEqualTo("production");
    assertThat(environments.get(0).path("tag").asText()).isEqualTo("default");
    assertThat(environments.get(0).path("id").asText()).startsWith("env_");
    OffsetDateTime.parse(environments.get(0).path("created_at").asText());
  }

  @Test
  void theFirstVersionIsDeployedToTheOrganizationsOwnDefaultEnvironment(Api api) {
    JsonNode created = upsert(api.as(Api.BETA), unique("upsert/beta"), "a");
    assertThat(created.path("environments"))
        .singleElement()
        .satisfies(e -> assertThat(e.path("name").asText()).isEqualTo("live"));
  }

  @Test
  void laterVersionsAreNotDeployedAndAPlainGetStillReturnsTheFirst(Api api) {
    String path = unique("upsert/second");
    JsonNode first = upsert(api, path, "a");
    JsonNode second = upsert(api, path, "b");
    assertThat(second.path("id").asText()).isEqualTo(first.path("id").asText());
    assertThat(second.path("version_id").asText()).isNotEqualTo(first.path("version_id").asText());
    assertThat(second.path("environments")).isEmpty();
    JsonNode fetched = api.get(DATASETS + "/" + first.path("id").asText()).ok();
    assertThat(fetched.path("version_id").asText()).isEqualTo(first.path("version_id").asText());
    assertThat(fetched.path("environments")).hasSize(1);
  }

  @Test
  void includeDatapointsReturnsTheResultingDatapoints(Api api) {
    String path = unique("upsert/include");
    upsert(api, path, "a");
    JsonNode added =
        api.post(
                DATASETS + "?include_datapoints=true",
                upsertBody(path, datapoints("b"), "action", "add"))
            .ok();
    assertThat(questions(added.path("datapoints"))).containsExactly("a", "b");
    assertThat(added.path("datapoints").get(0).path("id").asText()).startsWith("dp_");
  }

  @Test
  void includeDatapointsThatIsNotABooleanIs422(Api api) {
    api.post(
            DATASETS + "?include_datapoints=maybe",
            upsertBody(unique("upsert/include-bad"), datapoints("a")))
        .assertInvalid("query", "include_datapoints");
  }

  @Test
  void theCallingUserIsTheVersionsCreator(Api api) {
    String path = unique("upsert/creator");
    JsonNode first = upsert(api, path, "a");
    JsonNode second = upsert(api.as(Api.ALPHA_ALAN), path, "b");
    assertThat(first.path("created_by").path("id").asText()).isEqualTo("usr_ada");
    assertThat(second.path("created_by").path("id").asText()).isEqualTo("usr_alan");
    assertThat(second.path("created_by").path("full_name").asText()).isEqualTo("Alan Turing");
  }

  @Test
  void versionNameAndDescriptionAreStored(Api api) {
    JsonNode created =
        api.post(
                DATASETS,
                upsertBody(
                    unique("upsert/named"),
                    datapoints("a"),
                    "version_name",
                    "v1",
                    "version_description",
                    "first cut"))
            .ok();
    assertThat(created.path("version_name").asText()).isEqualTo("v1");
    assertThat(created.path("version_description").asText()).isEqualTo("first cut");
  }

  // ---- set / add / remove ----

  @Test
  void setReplacesTheDatapoints(Api api) {
    String path = unique("upsert/set");
    upsert(api, path, "a", "b");
    JsonNode replaced =
        api.post(
                DATASETS + "?include_datapoints=true",
                upsertBody(path, datapoints("c"), "action", "set"))
            .ok();
    assertThat(replaced.path("datapoints_count").asInt()).isEqualTo(1);
    assertThat(questions(replaced.path("datapoints"))).containsExactly("c");
  }

  @Test
  void setDeduplicatesRepeatedDatapointsKeepingTheFirst(Api api) {
    JsonNode created =
        api.post(
                DATASETS + "?include_datapoints=true",
                upsertBody(unique("upsert/dedupe"), datapoints("a", "b", "a", "c", "b")))
            .ok();
    assertThat(created.path("datapoints_count").asInt()).isEqualTo(3);
    assertThat(questions(created.path("datapoints"))).containsExactly("a", "b", "c");
  }

  @Test
  void dedupeIgnoresObjectKeyOrder(Api api) {
    String json =
        "{\"path\": \""
            + unique("upsert/keyorder")
            + "\", \"datapoints\": ["
            + "{\"inputs\": {\"a\": \"1\", \"b\": \"2\"}, \"target\": {\"x\": 1, \"y\": {\"p\": true, \"q\": null}}},"
            + "{\"target\": {\"y\": {\"q\": null, \"p\": true}, \"x\": 1}, \"inputs\": {\"b\": \"2\", \"a\": \"1\"}}]}";
    assertThat(api.post(DATASETS, json).ok().path("datapoints_count").asInt()).isEqualTo(1);
  }

  @Test
  void dedupeTreatsAMissingFieldAsEmpty(Api api) {
    String json =
        "{\"path\": \""
            + unique("upsert/missing")
            + "\", \"datapoints\": ["
            + "{\"inputs\": {\"q\": \"x\"}},"
            + "{\"inputs\": {\"q\": \"x\"}, \"messages\": [], \"target\": {}},"
            + "{},"
            + "{\"inputs\": {}, \"messages\": [], \"target\": {}}]}";
    assertThat(api.post(DATASETS, json).ok().path("datapoints_count").asInt()).isEqualTo(2);
  }

  @Test
  void equalNumbersSpelledDifferentlyAreTheSameDatapoint(Api api) {
    String json =
        "{\"path\": \""
            + unique("upsert/numbers")
            + "\", \"datapoints\": ["
            + "{\"target\": {\"score\": 1, \"n\": 100, \"f\": 0.5}},"
            + "{\"target\": {\"score\": 1.0, \"n\": 1e2, \"f\": 0.50}}]}";
    assertThat(api.post(DATASETS, json).ok().path("datapoints_count").asInt()).isEqualTo(1);
  }

  @Test
  void arrayOrderMakesDifferentDatapoints(Api api) {
    Map<String, Object> hello = Map.of("role", "user", "content", "hello");
    Map<String, Object> hi = Map.of("role", "assistant", "content", "hi");
    JsonNode created =
        api.post(
                DATASETS,
                upsertBody(
                    unique("upsert/order"),
                    List.of(
                        Map.of("messages", List.of(hello, hi)),
                        Map.of("messages", List.of(hi, hello)))))
            .ok();
    assertThat(created.path("datapoints_count").asInt()).isEqualTo(2);
  }

  @Test
  void aDistinguishingInputKeepsLookAlikeRows(Api api) {
    JsonNode created =
        api.post(
                DATASETS,
                upsertBody(
                    unique("upsert/lookalike"),
                    List.of(
                        Map.of("inputs", Map.of("q", "x", "_dedupe_id", "1")),
                        Map.of("inputs", Map.of("q", "x", "_dedupe_id", "2")))))
            .ok();
    assertThat(created.path("datapoints_count").asInt()).isEqualTo(2);
  }

  @Test
  void addAppendsNewDatapointsAfterTheBaseAndIgnoresDuplicates(Api api) {
    String path = unique("upsert/add");
    upsert(api, path, "a", "b");
    JsonNode added =
        api.post(
                DATASETS + "?include_datapoints=true",
                upsertBody(path, datapoints("c", "a", "d", "c"), "action", "add"))
            .ok();
    assertThat(questions(added.path("datapoints"))).containsExactly("a", "b", "c", "d");
    assertThat(added.path("datapoints_count").asInt()).isEqualTo(4);
  }

  @Test
  void datapointIdsAreStableAcrossVersions(Api api) {
    String path = unique("upsert/stable");
    JsonNode first =
        api.post(DATASETS + "?include_datapoints=true", upsertBody(path, datapoints("a", "b")))
            .ok();
    JsonNode second =
        api.post(
                DATASETS + "?include_datapoints=true",
                upsertBody(path, datapoints("z"), "action", "add"))
            .ok();
    JsonNode third =
        api.post(DATASETS + "?include_datapoints=true", upsertBody(path, datapoints("y", "b")))
            .ok();
    assertThat(ids(second.path("datapoints")).subList(0, 2))
        .isEqualTo(ids(first.path("datapoints")));
    assertThat(ids(third.path("datapoints")).get(1))
        .isEqualTo(ids(first.path("datapoints")).get(1));
    assertThat(ids(third.path("datapoints")).get(0)).isNotIn(ids(first.path("datapoints")));
  }

  @Test
  void addBuildsOnTheLatestVersionNotTheDeployedOne(Api api) {
    String path = unique("upsert/latest");
    upsert(api, path, "a");
    upsert(api, path, "b");
    JsonNode added =
        api.post(
                DATASETS + "?include_datapoints=true",
                upsertBody(path, datapoints("c"), "action", "add"))
            .ok();
    assertThat(questions(added.path("datapoints"))).containsExactly("b", "c");
  }

  @Test
  void addOntoANamedVersion(Api api) {
    String path = unique("upsert/named-base");
    JsonNode first = upsert(api, path, "a");
    upsert(api, path, "b");
    JsonNode added =
        api.post(
                DATASETS
                    + "?include_datapoints=true&version_id="
                    + first.path("version_id").asText(),
                upsertBody(path, datapoints("c"), "action", "add"))
            .ok();
    assertThat(questions(added.path("datapoints"))).containsExactly("a", "c");
  }

  @Test
  void addOntoTheVersionDeployedToAnEnvironment(Api api) {
    String path = unique("upsert/env-base");
    JsonNode first = upsert(api, path, "a");
    upsert(api, path, "b");
    JsonNode byName =
        api.post(
                DATASETS + "?include_datapoints=true&environment=production",
                upsertBody(path, datapoints("c"), "action", "add"))
            .ok();
    assertThat(questions(byName.path("datapoints"))).containsExactly("a", "c");
    String environmentId = first.path("environments").get(0).path("id").asText();
    JsonNode byId =
        api.post(
                DATASETS + "?include_datapoints=true&environment=" + environmentId,
                upsertBody(path, datapoints("d"), "action", "add"))
            .ok();
    assertThat(questions(byId.path("datapoints"))).containsExactly("a", "d");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"version_id=dsv_doesnotexist", "environment=staging", "environment=nowhere"})
  void addOrRemoveOntoAMissingBaseIs404(String query, Api api) {
    String path = unique("upsert/missing-base");
    JsonNode created = upsert(api, path, "a");
    for (String action : List.of("add", "remove")) {
      api.post(DATASETS + "?" + query, upsertBody(path, datapoints("b"), "action", action))
          .assertDetail(404);
    }
    assertThat(versionCount(api, created.path("id").asText())).isEqualTo(1);
  }

  @Test
  void aVersionOfAnotherDatasetIsNoBase(Api api) {
    JsonNode other = upsert(api, unique("upsert/other"), "a");
    String path = unique("upsert/mine");
    upsert(api, path, "a");
    api.post(
            DATASETS + "?version_id=" + other.path("version_id").asText(),
            upsertBody(path, datapoints("b"), "action", "add"))
        .assertDetail(404);
  }

  @Test
  void versionIdAndEnvironmentTogetherAre422ForAdd(Api api) {
    String path = unique("upsert/both");
    JsonNode created = upsert(api, path, "a");
    api.post(
            DATASETS + "?environment=production&version_id=" + created.path("version_id").asText(),
            upsertBody(path, datapoints("b"), "action", "add"))
        .assertInvalid("query");
  }

  @Test
  void removeDropsMatchingDatapointsAndIgnoresAbsentOnes(Api api) {
    String path = unique("upsert/remove");
    upsert(api, path, "a", "b", "c");
    JsonNode removed =
        api.post(
                DATASETS + "?include_datapoints=true",
                upsertBody(path, datapoints("b", "not-there"), "action", "remove"))
            .ok();
    assertThat(questions(removed.path("datapoints"))).containsExactly("a", "c");
  }

  @Test
  void removeMatchesByContent(Api api) {
    String path = unique("upsert/remove-content");
    api.post(
            DATASETS,
            "{\"path\": \""
                + path
                + "\", \"datapoints\": [{\"inputs\": {\"a\": \"1\", \"b\": \"2\"}},"
                + " {\"inputs\": {\"q\": \"keep\"}}]}")
        .ok();
    JsonNode removed =
        api.post(
                DATASETS + "?include_datapoints=true",
                "{\"path\": \""
                    + path
                    + "\", \"action\": \"remove\", \"datapoints\": [{\"messages\": [], \"inputs\": {\"b\": \"2\", \"a\": \"1\"}}]}")
            .ok();
    assertThat(questions(removed.path("datapoints"))).containsExactly("keep");
  }

  @Test
  void removingEverythingLeavesAnEmptyVersion(Api api) {
    String path = unique("upsert/remove-all");
    upsert(api, path, "a", "b");
    JsonNode removed =
        api.post(DATASETS, upsertBody(path, datapoints("a", "b"), "action", "remove")).ok();
    assertThat(removed.path("datapoints_count").asInt()).isZero();
  }

  @Test
  void addAndRemoveCreateTheDatasetFromAnEmptyBase(Api api) {
    JsonNode added =
        api.post(
                DATASETS + "?include_datapoints=true",
                upsertBody(unique("upsert/add-new"), datapoints("a", "b"), "action", "add"))
            .ok();
    assertThat(questions(added.path("datapoints"))).containsExactly("a", "b");
    assertThat(added.path("environments")).hasSize(1);
    JsonNode removed =
        api.post(
                DATASETS,
                upsertBody(unique("upsert/remove-new"), datapoints("a"), "action", "remove"))
            .ok();
    assertThat(removed.path("datapoints_count").asInt()).isZero();
    assertThat(removed.path("id").asText()).startsWith("ds_");
  }

  @ParameterizedTest
  @CsvSource({
    "add,version_id=dsv_nothing",
    "add,environment=production",
    "remove,version_id=dsv_nothing",
    "remove,environment=production"
  })
  void addOrRemoveCreatingADatasetWithANamedBaseIs404AndCreatesNothing(
      String action, String query, Api api) {
    String name = unique("ghost");
    api.post(
            DATASETS + "?" + query, upsertBody("upsert/" + name, datapoints("a"), "action", action))
        .assertDetail(404);
    assertThat(api.get(DATASETS + "?name=" + name).ok().path("total").asInt()).isZero();
  }

  @Test
  void setIgnoresVersionIdAndEnvironmentEvenWhenBothAreGiven(Api api) {
    String path = unique("upsert/set-ignores");
    String query = "?version_id=dsv_nothing&environment=nowhere";
    JsonNode created = api.post(DATASETS + query, upsertBody(path, datapoints("a"))).ok();
    JsonNode second =
        api.post(DATASETS + query, upsertBody(path, datapoints("b"), "action", "set")).ok();
    assertThat(second.path("id").asText()).isEqualTo(created.path("id").asText());
    assertThat(second.path("datapoints_count").asInt()).isEqualTo(1);
  }

  // ---- identical content ----

  @Test
  void identicalContentReturnsExistingVersion(Api api) {
    String path = unique("upsert/identical");
    JsonNode first = upsert(api, path, "a", "b");
    String id = first.path("id").asText();
    JsonNode before = api.get(DATASETS + "/" + id).ok();
    JsonNode again = upsert(api, path, "b", "a");
    assertThat(again.path("version_id").asText()).isEqualTo(first.path("version_id").asText());
    assertThat(again.path("environments")).hasSize(1);
    assertThat(versionCount(api, id)).isEqualTo(1);
    assertThat(api.get(DATASETS + "/" + id).ok().path("updated_at").asText())
        .isEqualTo(before.path("updated_at").asText());
  }

  @Test
  void identicalContentMayBeAnOlderVersion(Api api) {
    String path = unique("upsert/older");
    JsonNode first = upsert(api, path, "a");
    api.post(DATASETS, upsertBody(path, datapoints("b"), "action", "add")).ok();
    JsonNode back = api.post(DATASETS, upsertBody(path, datapoints("b"), "action", "remove")).ok();
    assertThat(back.path("version_id").asText()).isEqualTo(first.path("version_id").asText());
    assertThat(versionCount(api, first.path("id").asText())).isEqualTo(2);
  }

  @Test
  void addingOnlyExistingDatapointsReturnsTheBase(Api api) {
    String path = unique("upsert/add-existing");
    JsonNode first = upsert(api, path, "a", "b");
    JsonNode again = api.post(DATASETS, upsertBody(path, datapoints("b"), "action", "add")).ok();
    assertThat(again.path("version_id").asText()).isEqualTo(first.path("version_id").asText());
    assertThat(versionCount(api, first.path("id").asText())).isEqualTo(1);
  }

  @Test
  void identicalContentWithADifferentVersionNameIs409NamingTheExistingVersion(Api api) {
    String path = unique("upsert/identical-name");
    JsonNode first = upsert(api, path, "a");
    Api.Response conflict =
        api.post(DATASETS, upsertBody(path, datapoints("a"), "version_name", "renamed"));
    conflict.assertDetail(409);
    assertThat(conflict.json().path("detail").asText()).contains(first.path("version_id").asText());
    assertThat(versionCount(api, first.path("id").asText())).isEqualTo(1);
  }

  @Test
  void identicalContentUnderAnotherNameThanTheExistingNameIs409(Api api) {
    String path = unique("upsert/identical-other-name");
    JsonNode first =
        api.post(DATASETS, upsertBody(path, datapoints("a"), "version_name", "one")).ok();
    Api.Response conflict =
        api.post(
            DATASETS, upsertBody(path, datapoints("a"), "action", "add", "version_name", "two"));
    conflict.assertDetail(409);
    assertThat(conflict.json().path("detail").asText()).contains(first.path("version_id").asText());
  }

  @Test
  void identicalContentWithTheSameVersionNameReturnsExistingVersion(Api api) {
    String path = unique("upsert/identical-same-name");
    JsonNode first =
        api.post(DATASETS, upsertBody(path, datapoints("a"), "version_name", "one")).ok();
    JsonNode again =
        api.post(DATASETS, upsertBody(path, datapoints("a"), "version_name", "one")).ok();
    assertThat(again.path("version_id").asText()).isEqualTo(first.path("version_id").asText());
  }

  @Test
  void versionDescriptionPlaysNoPartInIdentity(Api api) {
    String path = unique("upsert/description");
    JsonNode first =
        api.post(DATASETS, upsertBody(path, datapoints("a"), "version_description", "original"))
            .ok();
    JsonNode again =
        api.post(DATASETS, upsertBody(path, datapoints("a"), "version_description", "different"))
            .ok();
    assertThat(again.path("version_id").asText()).isEqualTo(first.path("version_id").asText());
    assertThat(again.path("version_description").asText()).isEqualTo("original");
    assertThat(versionCount(api, first.path("id").asText())).isEqualTo(1);
  }

  @Test
  void aVersionNameUsedByAnotherVersionIs409(Api api) {
    String path = unique("upsert/name-taken");
    JsonNode first =
        api.post(DATASETS, upsertBody(path, datapoints("a"), "version_name", "taken")).ok();
    Api.Response conflict =
        api.post(DATASETS, upsertBody(path, datapoints("b"), "version_name", "taken"));
    conflict.assertDetail(409);
    assertThat(versionCount(api, first.path("id").asText())).isEqualTo(1);
  }

  @Test
  void theSameVersionNameInAnotherDatasetIsFine(Api api) {
    api.post(DATASETS, upsertBody(unique("upsert/name-a"), datapoints("a"), "version_name", "v1"))
        .ok();
    api.post(DATASETS, upsertBody(unique("upsert/name-b"), datapoints("a"), "version_name", "v1"))
        .ok();
  }

  @Test
  void anEmptyVersionNameIs422(Api api) {
    String name = unique("empty-name");
    api.post(DATASETS, upsertBody("upsert/" + name, datapoints("a"), "version_name", ""))
        .assertInvalid("body", "version_name");
    assertThat(api.get(DATASETS + "?name=" + name).ok().path("total").asInt()).isZero();
  }

  // ---- attributes ----

  @Test
  void setWithoutAttributesUsesEmptyAttributes(Api api) {
    String path = unique("upsert/attrs-set");
    api.post(DATASETS, upsertBody(path, datapoints("a"), "attributes", Map.of("k", "v"))).ok();
    JsonNode replaced = upsert(api, path, "b");
    assertThat(replaced.path("attributes").isObject()).isTrue();
    assertThat(replaced.path("attributes").isEmpty()).isTrue();
  }

  @Test
  void addAndRemoveKeepTheBaseAttributesWhenNoneAreGiven(Api api) {
    String path = unique("upsert/attrs-keep");
    api.post(DATASETS, upsertBody(path, datapoints("a"), "attributes", Map.of("k", "v", "n", 3)))
        .ok();
    JsonNode added = api.post(DATASETS, upsertBody(path, datapoints("b"), "action", "add")).ok();
    assertThat(added.path("attributes")).isEqualTo(Api.JSON.valueToTree(Map.of("k", "v", "n", 3)));
    JsonNode removed =
        api.post(DATASETS, upsertBody(path, datapoints("a"), "action", "remove")).ok();
    assertThat(removed.path("attributes"))
        .isEqualTo(Api.JSON.valueToTree(Map.of("k", "v", "n", 3)));
  }

  @Test
  void givenAttributesReplaceTheBasesRatherThanMerge(Api api) {
    String path = unique("upsert/attrs-replace");
    api.post(DATASETS, upsertBody(path, datapoints("a"), "attributes", Map.of("a", 1, "b", 2)))
        .ok();
    JsonNode added =
        api.post(
                DATASETS,
                upsertBody(path, datapoints("b"), "action", "add", "attributes", Map.of("c", 3)))
            .ok();
    assertThat(added.path("attributes")).isEqualTo(Api.JSON.valueToTree(Map.of("c", 3)));
  }

  @Test
  void attributesArePartOfAVersionsIdentity(Api api) {
    String path = unique("upsert/attrs-identity");
    JsonNode first =
        api.post(
                DATASETS,
                "{\"path\": \""
                    + path
                    + "\", \"datapoints\": [{\"inputs\": {\"q\": \"a\"}}], \"attributes\": {\"x\": 1, \"y\": [1, 2]}}")
            .ok();
    JsonNode reordered =
        api.post(
                DATASETS,
                "{\"path\": \""
                    + path
                    + "\", \"datapoints\": [{\"inputs\": {\"q\": \"a\"}}], \"attributes\": {\"y\": [1, 2], \"x\": 1}}")
            .ok();
    assertThat(reordered.path("version_id").asText()).isEqualTo(first.path("version_id").asText());
    JsonNode changed =
        api.post(
                DATASETS,
                "{\"path\": \""
                    + path
                    + "\", \"datapoints\": [{\"inputs\": {\"q\": \"a\"}}], \"attributes\": {\"x\": 2, \"y\": [1, 2]}}")
            .ok();
    assertThat(changed.path("version_id").asText()).isNotEqualTo(first.path("version_id").asText());
    JsonNode attributesOnlyChange =
        api.post(
                DATASETS,
                upsertBody(path, List.of(), "action", "add", "attributes", Map.of("z", true)))
            .ok();
    assertThat(attributesOnlyChange.path("datapoints_count").asInt()).isEqualTo(1);
    assertThat(attributesOnlyChange.path("version_id").asText())
        .isNotIn(first.path("version_id").asText(), changed.path("version_id").asText());
  }

  @Test
  void nullAttributeValuesAreKept(Api api) {
    JsonNode created =
        api.post(
                DATASETS,
                "{\"path\": \""
                    + unique("upsert/attrs-null")
                    + "\", \"datapoints\": [], \"attributes\": {\"gone\": null, \"nested\": {\"also\": null}}}")
            .ok();
    assertThat(created.path("attributes").has("gone")).isTrue();
    assertThat(created.path("attributes").get("gone").isNull()).isTrue();
    assertThat(created.path("attributes").path("nested").get("also").isNull()).isTrue();
  }

  @Test
  void attributesThatAreNotAnObjectAre422(Api api) {
    api.post(
            DATASETS,
            "{\"path\": \""
                + unique("upsert/attrs-bad")
                + "\", \"datapoints\": [], \"attributes\": [1, 2]}")
        .assertInvalid("body", "attributes");
  }

  // ---- path and id ----

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "/",
        "/leading",
        "trailing/",
        "a//b",
        "tab\there",
        "nul\u0000byte",
        "del\u007fchar"
      })
  void invalidPathsAre422(String path, Api api) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("path", path);
    body.put("datapoints", List.of());
    api.post(DATASETS, body).assertInvalid("body", "path");
  }

  @Test
  void aPathOver255CharactersIs422ButExactly255IsFine(Api api) {
    String prefix = unique("upsert/long") + "/";
    api.post(DATASETS, upsertBody(prefix + "x".repeat(256 - prefix.length()), List.of()))
        .assertInvalid("body", "path");
    JsonNode created =
        api.post(DATASETS, upsertBody(prefix + "x".repeat(255 - prefix.length()), List.of())).ok();
    assertThat(created.path("path").asText()).hasSize(255);
  }

  @Test
  void neitherPathNorIdIs422(Api api) {
    api.post(DATASETS, Map.of("datapoints", datapoints("a"))).assertInvalid("body");
  }

  @Test
  void missingDatapointsIs422(Api api) {
    api.post(DATASETS, Map.of("path", unique("upsert/no-datapoints")))
        .assertInvalid("body", "datapoints");
  }

  @Test
  void anEmptyDatapointsListIsAllowed(Api api) {
    JsonNode created = upsert(api, unique("upsert/empty"));
    assertThat(created.path("datapoints_count").asInt()).isZero();
  }

  @Test
  void upsertById(Api api) {
    JsonNode created = upsert(api, unique("upsert/by-id"), "a");
    JsonNode added =
        api.post(
                DATASETS + "?include_datapoints=true",
                Map.of(
                    "id",
                    created.path("id").asText(),
                    "action",
                    "add",
                    "datapoints",
                    datapoints("b")))
            .ok();
    assertThat(added.path("id").asText()).isEqualTo(created.path("id").asText());
    assertThat(questions(added.path("datapoints"))).containsExactly("a", "b");
  }

  @Test
  void anUnknownIdIs404(Api api) {
    api.post(DATASETS, Map.of("id", "ds_doesnotexist", "datapoints", datapoints("a")))
        .assertDetail(404);
    api.post(
            DATASETS,
            Map.of(
                "id",
                "ds_doesnotexist",
                "path",
                unique("upsert/unknown-id"),
                "datapoints",
                datapoints("a")))
        .assertDetail(404);
  }

  @Test
  void anIdWithAnotherPathIs409(Api api) {
    JsonNode created = upsert(api, unique("upsert/id-path"), "a");
    String otherPath = unique("upsert/elsewhere");
    api.post(
            DATASETS,
            Map.of(
                "id",
                created.path("id").asText(),
                "path",
                otherPath,
                "datapoints",
                datapoints("b")))
        .assertDetail(409);
    assertThat(versionCount(api, created.path("id").asText())).isEqualTo(1);
    assertThat(api.get(DATASETS + "/" + created.path("id").asText()).ok().path("path").asText())
        .isEqualTo(created.path("path").asText());
  }

  @Test
  void anIdWithItsOwnPathIsAccepted(Api api) {
    JsonNode created = upsert(api, unique("upsert/id-own-path"), "a");
    JsonNode again =
        api.post(
                DATASETS,
                Map.of(
                    "id",
                    created.path("id").asText(),
                    "path",
                    created.path("path").asText(),
                    "datapoints",
                    datapoints("b")))
            .ok();
    assertThat(again.path("id").asText()).isEqualTo(created.path("id").asText());
  }

  @Test
  void aMalformedUpsertIs422EvenForAnUnknownId(Api api) {
    api.post(DATASETS, Map.of("id", "ds_doesnotexist", "path", "/bad/", "datapoints", List.of()))
        .assertInvalid("body", "path");
    api.post(DATASETS, "{\"id\": \"ds_doesnotexist\", \"datapoints\": [{\"inputs\": {\"q\": 1}}]}")
        .assertInvalid("body", "datapoints", 0, "inputs", "q");
  }

  @Test
  void aMalformedAddIs422EvenWhenItsBaseIsMissing(Api api) {
    String path = unique("upsert/precedence");
    upsert(api, path, "a");
    api.post(
            DATASETS + "?version_id=dsv_doesnotexist",
            "{\"path\": \""
                + path
                + "\", \"action\": \"add\", \"datapoints\": [{\"inputs\": {\"q\": 1}}]}")
        .assertInvalid("body", "datapoints", 0);
  }

  // ---- request parsing ----

  @Test
  void nullFieldsMeanAbsent(Api api) {
    String path = unique("upsert/nulls");
    JsonNode created =
        api.post(
                DATASETS + "?include_datapoints=true",
                "{\"path\": \""
                    + path
                    + "\", \"id\": null,"
                    + " \"action\": null, \"attributes\": null, \"version_name\": null, \"version_description\": null,"
                    + " \"datapoints\": [{\"inputs\": {\"q\": \"a\"}, \"messages\": null, \"target\": null},"
                    + " {\"inputs\": null, \"messages\": [{\"role\": \"user\", \"content\": \"hi\", \"name\": null,"
                    + " \"tool_call_id\": null, \"tool_calls\": null}]}]}")
            .ok();
    assertThat(created.path("datapoints_count").asInt()).isEqualTo(2);
    assertThat(created.path("attributes").isEmpty()).isTrue();
    assertThat(created.has("version_name")).isFalse();
    JsonNode again =
        api.post(
                DATASETS,
                "{\"path\": \""
                    + path
                    + "\", \"datapoints\": [{\"inputs\": {\"q\": \"a\"}},"
                    + " {\"messages\": [{\"role\": \"user\", \"content\": \"hi\"}]}]}")
            .ok();
    assertThat(again.path("version_id").asText()).isEqualTo(created.path("version_id").asText());
  }

  @Test
  void unknownFieldsAreIgnored(Api api) {
    JsonNode created =
        api.post(
                DATASETS,
                "{\"path\": \""
                    + unique("upsert/unknown-fields")
                    + "\", \"commit\": true,"
                    + " \"tags\": [\"x\"], \"datapoints\": [{\"inputs\": {\"q\": \"a\"}, \"metadata\": {\"k\": 1},"
                    + " \"messages\": [{\"role\": \"user\", \"content\": \"hi\", \"thinking\": \"hmm\"}]}]}")
            .ok();
    assertThat(created.path("datapoints_count").asInt()).isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"{", "{\"path\": \"x\", \"datapoints\": [}", "not json", "{\"path\": \"x\",}"})
  void malformedJsonIs422(String json, Api api) {
    api.post(DATASETS, json).assertInvalid("body");
  }

  @Test
  void anEmptyBodyIs422(Api api) {
    api.post(DATASETS, "").assertInvalid("body");
  }

  @Test
  void aBodyOfTheWrongShapeIs422(Api api) {
    api.post(DATASETS, "[]").assertInvalid("body");
    api.post(DATASETS, "{\"path\": \"" + unique("upsert/shape") + "\", \"datapoints\": \"x\"}")
        .assertInvalid("body", "datapoints");
    api.post(DATASETS, "{\"path\": 42, \"datapoints\": []}").assertInvalid("body", "path");
  }

  @Test
  void anUnknownActionIs422(Api api) {
    api.post(DATASETS, upsertBody(unique("upsert/action"), List.of(), "action", "merge"))
        .assertInvalid("body", "action");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1", "true", "1.5", "{\"x\": \"y\"}", "[\"a\"]", "null"})
  void nonStringInputValuesAre422WithTheirLocation(String value, Api api) {
    String name = unique("inputs");
    api.post(
            DATASETS,
            "{\"path\": \"upsert/"
                + name
                + "\", \"datapoints\": [{\"inputs\": {\"q\": \"ok\"}},"
                + " {\"inputs\": {\"q\": "
                + value
                + "}}]}")
        .assertInvalid("body", "datapoints", 1, "inputs", "q");
    assertThat(api.get(DATASETS + "?name=" + name).ok().path("total").asInt())
        .as("nothing created")
        .isZero();
  }

  @Test
  void inputsThatAreNotAnObjectAre422(Api api) {
    api.post(
            DATASETS,
            "{\"path\": \""
                + unique("upsert/inputs-shape")
                + "\", \"datapoints\": [{\"inputs\": \"q\"}]}")
        .assertInvalid("body", "datapoints", 0, "inputs");
  }

  @Test
  void aTargetThatIsNotAnObjectIs422(Api api) {
    api.post(
            DATASETS,
            "{\"path\": \""
                + unique("upsert/target-shape")
                + "\", \"datapoints\": [{\"target\": \"expected\"}]}")
        .assertInvalid("body", "datapoints", 0, "target");
  }

  @Test
  void targetValuesOfAnyTypeRoundTripIncludingNull(Api api) {
    JsonNode created =
        api.post(
                DATASETS + "?include_datapoints=true",
                "{\"path\": \""
                    + unique("upsert/target")
                    + "\", \"datapoints\": [{\"target\": {\"output\": null, \"n\": 0.1, \"big\": 12345678901234567890,"
                    + " \"list\": [1, \"two\", {\"three\": false}], \"text\": \"é\\n\"}}]}")
            .ok();
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
    JsonNode created =
        api.post(
                DATASETS,
                "{\"path\": \""
                    + unique("upsert/target-null")
                    + "\", \"datapoints\": [{\"inputs\": {\"q\": \"a\"}, \"target\": {\"output\": null}},"
                    + " {\"inputs\": {\"q\": \"a\"}, \"target\": {}}]}")
            .ok();
    assertThat(created.path("datapoints_count").asInt()).isEqualTo(2);
  }

  @Test
  void everyContractRoleIsAccepted(Api api) {
    List<Map<String, Object>> messages = new ArrayList<>();
    for (String role : List.of("system", "developer", "user", "assistant", "tool")) {
      messages.add(Map.of("role", role, "content", "from " + role));
    }
    JsonNode created =
        api.post(
                DATASETS + "?include_datapoints=true",
                upsertBody(unique("upsert/roles"), List.of(Map.of("messages", messages))))
            .ok();
    assertThat(created.path("datapoints").get(0).path("messages")).hasSize(5);
    assertThat(created.path("datapoints").get(0).path("messages").get(4).path("role").asText())
        .isEqualTo("tool");
  }

  @Test
  void anUnknownRoleIs422(Api api) {
    api.post(
            DATASETS,
            upsertBody(
                unique("upsert/role"),
                List.of(
                    Map.of(
                        "messages", List.of(Map.of("role", "wizard", "content", "abracadabra"))))))
        .assertInvalid("body", "datapoints", 0, "messages", 0, "role");
  }

  @Test
  void aMessageWithoutARoleIs422(Api api) {
    api.post(
            DATASETS,
            upsertBody(
                unique("upsert/no-role"),
                List.of(Map.of("messages", List.of(Map.of("content", "who am I"))))))
        .assertInvalid("body", "datapoints", 0, "messages", 0, "role");
  }

  @Test
  void contentPartsRoundTrip(Api api) {
    List<Object> parts =
        List.of(
            Map.of("type", "text", "text", "what is in this picture?"),
            Map.of(
                "type",
                "image_url",
                "image_url",
                Map.of("url", "https://img.example/cat.png", "detail", "low")));
    Map<String, Object> toolCall =
        Map.of(
            "id",
            "call_1",
            "type",
            "function",
            "function",
            Map.of("name", "lookup", "arguments", "{\"q\":\"cat\"}"));
    Map<String, Object> datapoint =
        Map.of(
            "messages",
            List.of(
                Map.of("role", "user", "content", parts),
                Map.of("role", "assistant", "tool_calls", List.of(toolCall)),
                Map.of(
                    "role",
                    "tool",
                    "tool_call_id",
                    "call_1",
                    "name",
                    "lookup",
                    "content",
                    "a cat")));
    JsonNode created =
        api.post(
                DATASETS + "?include_datapoints=true",
                upsertBody(unique("upsert/parts"), List.of(datapoint)))
            .ok();
    JsonNode messages = created.path("datapoints").get(0).path("messages");
    assertThat(messages.get(0).path("content")).isEqualTo(Api.JSON.valueToTree(parts));
    assertThat(messages.get(1).path("tool_calls").get(0)).isEqualTo(Api.JSON.valueToTree(toolCall));
    assertThat(messages.get(2).path("tool_call_id").asText()).isEqualTo("call_1");
  }

  @Test
  void anUnknownContentPartTypeIs422(Api api) {
    api.post(
            DATASETS,
            upsertBody(
                unique("upsert/part-type"),
                List.of(
                    Map.of(
                        "messages",
                        List.of(
                            Map.of(
                                "role",
                                "user",
                                "content",
                                List.of(Map.of("type", "audio", "audio", "x"))))))))
        .assertInvalid("body", "datapoints", 0, "messages", 0, "content", 0, "type");
  }

  @Test
  void anImageDetailOutsideHighLowAutoIs422(Api api) {
    api.post(
            DATASETS,
            upsertBody(
                unique("upsert/detail"),
                List.of(
                    Map.of(
                        "messages",
                        List.of(
                            Map.of(
                                "role",
                                "user",
                                "content",
                                List.of(
                                    Map.of(
                                        "type",
                                        "image_url",
                                        "image_url",
                                        Map.of(
                                            "url",
                                            "https://img.example/x.png",
                                            "detail",
                                            "ultra")))))))))
        .assertInvalid("body", "datapoints", 0, "messages", 0, "content", 0, "image_url", "detail");
  }

  @Test
  void aTextPartWithoutTextIs422(Api api) {
    api.post(
            DATASETS,
            upsertBody(
                unique("upsert/text-part"),
                List.of(
                    Map.of(
                        "messages",
                        List.of(
                            Map.of("role", "user", "content", List.of(Map.of("type", "text"))))))))
        .assertInvalid("body", "datapoints", 0, "messages", 0, "content", 0, "text");
  }

  @Test
  void contentThatIsNeitherTextNorPartsIs422(Api api) {
    api.post(
            DATASETS,
            upsertBody(
                unique("upsert/content"),
                List.of(Map.of("messages", List.of(Map.of("role", "user", "content", 42))))))
        .assertInvalid("body", "datapoints", 0, "messages", 0, "content");
  }

  @Test
  void aToolCallThatIsNotAFunctionIs422(Api api) {
    api.post(
            DATASETS,
            upsertBody(
                unique("upsert/tool-call"),
                List.of(
                    Map.of(
                        "messages",
                        List.of(
                            Map.of(
                                "role",
                                "assistant",
                                "tool_calls",
                                List.of(
                                    Map.of(
                                        "id",
                                        "c1",
                                        "type",
                                        "retrieval",
                                        "function",
                                        Map.of("name", "f", "arguments", "{}")))))))))
        .assertInvalid("body", "datapoints", 0, "messages", 0, "tool_calls", 0, "type");
  }

  @Test
  void aRejectedUpsertChangesNothing(Api api) {
    String path = unique("upsert/rejected");
    JsonNode created = upsert(api, path, "a");
    api.post(
            DATASETS,
            "{\"path\": \""
                + path
                + "\", \"action\": \"add\", \"datapoints\": ["
                + "{\"inputs\": {\"q\": \"fine\"}}, {\"inputs\": {\"q\": 7}}]}")
        .assertInvalid("body", "datapoints", 1, "inputs", "q");
    assertThat(versionCount(api, created.path("id").asText())).isEqualTo(1);
    JsonNode datapoints =
        api.get(DATASETS + "/" + created.path("id").asText() + "/datapoints").ok();
    assertThat(questions(datapoints.path("records"))).containsExactly("a");
  }

  // ---- helpers ----

  private static int versionCount(Api api, String datasetId) {
    return api.get(DATASETS + "/" + datasetId + "/versions").ok().path("records").size();
  }
}
