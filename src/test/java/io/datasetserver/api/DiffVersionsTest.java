package io.datasetserver.api;

import static io.datasetserver.testing.TestData.DATASETS;
import static io.datasetserver.testing.TestData.add;
import static io.datasetserver.testing.TestData.datapoint;
import static io.datasetserver.testing.TestData.datapoints;
import static io.datasetserver.testing.TestData.datasetUrl;
import static io.datasetserver.testing.TestData.id;
import static io.datasetserver.testing.TestData.uniquePath;
import static io.datasetserver.testing.TestData.upsert;
import static io.datasetserver.testing.TestData.upsertBody;
import static io.datasetserver.testing.TestData.versionId;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.datasetserver.testing.Api;
import io.datasetserver.testing.RunningServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** GET /v5/datasets/{id}/diff (contract §8.1). */
@ExtendWith(RunningServer.class)
class DiffVersionsTest {

  private static JsonNode diff(Api api, JsonNode dataset, String query) {
    return api.get(datasetUrl(dataset) + "/diff?" + query).ok();
  }

  private static String between(JsonNode from, JsonNode to) {
    return "from_version_id=" + versionId(from) + "&to_version_id=" + versionId(to);
  }

  private static List<Long> counts(JsonNode diff) {
    return List.of(
        diff.get("added").asLong(),
        diff.get("removed").asLong(),
        diff.get("changed").asLong(),
        diff.get("unchanged").asLong(),
        diff.get("total").asLong());
  }

  /** Each record as "change:q-before>q-after". */
  private static List<String> records(JsonNode diff) {
    List<String> result = new ArrayList<>();
    diff.get("records")
        .forEach(
            r ->
                result.add(
                    r.get("change").asText()
                        + ":"
                        + r.path("before").path("inputs").path("q").asText("")
                        + ">"
                        + r.path("after").path("inputs").path("q").asText("")));
    return result;
  }

  private static Map<String, Object> withTarget(String q, Object target) {
    return Map.of("inputs", Map.of("q", q), "target", target);
  }

  private static JsonNode set(Api api, String path, List<?> datapoints) {
    return api.post(DATASETS, upsertBody(path, datapoints)).ok();
  }

  @Test
  void countsAddedRemovedAndUnchangedDatapointsByContent(Api api) {
    String path = uniquePath("tests/diff");
    JsonNode v1 = upsert(api, path, "a", "b", "c");
    JsonNode v2 = upsert(api, path, "b", "c", "d", "e");
    JsonNode diff = diff(api, v1, between(v1, v2));
    assertThat(counts(diff)).containsExactly(2L, 1L, 0L, 2L, 3L);
    assertThat(records(diff)).containsExactly("added:>d", "added:>e", "removed:a>");
    assertThat(diff.get("attributes_changed").asBoolean()).isFalse();
    assertThat(diff.get("page").asInt()).isEqualTo(1);
    assertThat(diff.get("size").asInt()).isEqualTo(50);
    JsonNode added = diff.get("records").get(0);
    assertThat(added.has("before")).isFalse();
    assertThat(added.has("fields")).isFalse();
    assertThat(added.get("after").get("id").asText()).startsWith("dp_");
  }

  @Test
  void describesBothVersionsWithoutDatapoints(Api api) {
    String path = uniquePath("tests/diff");
    JsonNode v1 = upsert(api, path, "a");
    JsonNode v2 = add(api, id(v1), "b");
    JsonNode diff = diff(api, v1, between(v1, v2));
    assertThat(versionId(diff.get("from"))).isEqualTo(versionId(v1));
    assertThat(versionId(diff.get("to"))).isEqualTo(versionId(v2));
    assertThat(diff.get("from").get("environments").get(0).get("name").asText())
        .isEqualTo("production");
    assertThat(diff.get("to").get("datapoints_count").asInt()).isEqualTo(2);
    assertThat(diff.get("from").has("datapoints")).isFalse();
    assertThat(diff.get("to").has("datapoints")).isFalse();
  }

  @Test
  void aCorrectedTargetIsOneChangedRecordWithTheTargetKeysThatDiffer(Api api) {
    String path = uniquePath("tests/diff");
    JsonNode v1 =
        set(
            api,
            path,
            List.of(
                withTarget(
                    "capital of France",
                    Map.of("output", "Lyon", "score", 1, "meta", Map.of("src", "a"))),
                datapoint("same")));
    JsonNode v2 =
        set(
            api,
            path,
            List.of(
                withTarget(
                    "capital of France",
                    Map.of("output", "Paris", "meta", Map.of("src", "a"), "reviewed", true)),
                datapoint("same")));
    JsonNode diff = diff(api, v1, between(v1, v2));
    assertThat(counts(diff)).containsExactly(0L, 0L, 1L, 1L, 1L);
    JsonNode record = diff.get("records").get(0);
    assertThat(record.get("change").asText()).isEqualTo("changed");
    assertThat(record.get("before").get("target").get("output").asText()).isEqualTo("Lyon");
    assertThat(record.get("after").get("target").get("output").asText()).isEqualTo("Paris");
    assertThat(record.get("fields"))
        .extracting(JsonNode::asText)
        .containsExactly("target.output", "target.reviewed", "target.score");
  }

  @Test
  void equalInputsWithDifferentMessagesAreNotAChange(Api api) {
    String path = uniquePath("tests/diff");
    JsonNode v1 =
        set(
            api,
            path,
            List.of(
                Map.of(
                    "inputs",
                    Map.of("q", "x"),
                    "messages",
                    List.of(Map.of("role", "user", "content", "one")))));
    JsonNode v2 =
        set(
            api,
            path,
            List.of(
                Map.of(
                    "inputs",
                    Map.of("q", "x"),
                    "messages",
                    List.of(Map.of("role", "user", "content", "two")))));
    assertThat(records(diff(api, v1, between(v1, v2)))).containsExactly("added:>x", "removed:x>");
  }

  @Test
  void twoRemovedDatapointsWithTheSameInputsMakeTheChangeAmbiguous(Api api) {
    String path = uniquePath("tests/diff");
    JsonNode v1 =
        set(
            api,
            path,
            List.of(withTarget("x", Map.of("output", 1)), withTarget("x", Map.of("output", 2))));
    JsonNode v2 = set(api, path, List.of(withTarget("x", Map.of("output", 3))));
    JsonNode diff = diff(api, v1, between(v1, v2));
    assertThat(counts(diff)).containsExactly(1L, 2L, 0L, 0L, 3L);
    assertThat(records(diff)).containsExactly("added:>x", "removed:x>", "removed:x>");
  }

  @Test
  void twoAddedDatapointsWithTheSameInputsMakeTheChangeAmbiguous(Api api) {
    String path = uniquePath("tests/diff");
    JsonNode v1 = set(api, path, List.of(withTarget("x", Map.of("output", 1)), datapoint("y")));
    JsonNode v2 =
        set(
            api,
            path,
            List.of(
                withTarget("x", Map.of("output", 2)),
                withTarget("x", Map.of("output", 3)),
                datapoint("y")));
    assertThat(counts(diff(api, v1, between(v1, v2)))).containsExactly(2L, 1L, 0L, 1L, 3L);
  }

  @Test
  void anUnchangedLookAlikeDoesNotStopAChange(Api api) {
    String path = uniquePath("tests/diff");
    Map<String, Object> kept = withTarget("x", Map.of("output", 0));
    JsonNode v1 = set(api, path, List.of(kept, withTarget("x", Map.of("output", 1))));
    JsonNode v2 = set(api, path, List.of(kept, withTarget("x", Map.of("output", 2))));
    assertThat(counts(diff(api, v1, between(v1, v2)))).containsExactly(0L, 0L, 1L, 1L, 1L);
  }

  @Test
  void addedAndChangedComeInTheOrderOfToThenRemovedInTheOrderOfFrom(Api api) {
    String path = uniquePath("tests/diff");
    JsonNode v1 =
        set(
            api,
            path,
            List.of(
                datapoint("r2"),
                withTarget("c", Map.of("output", 1)),
                datapoint("keep"),
                datapoint("r1")));
    JsonNode v2 =
        set(
            api,
            path,
            List.of(
                datapoint("a2"),
                datapoint("keep"),
                withTarget("c", Map.of("output", 2)),
                datapoint("a1")));
    JsonNode diff = diff(api, v1, between(v1, v2));
    assertThat(records(diff))
        .containsExactly("added:>a2", "changed:c>c", "added:>a1", "removed:r2>", "removed:r1>");
  }

  @Test
  void pagesThroughTheRecordsAndAPageAfterTheEndIsEmpty(Api api) {
    String path = uniquePath("tests/diff");
    JsonNode v1 = upsert(api, path, "r1", "r2", "keep");
    JsonNode v2 = upsert(api, path, "keep", "a1", "a2", "a3");
    List<String> seen = new ArrayList<>();
    for (int page = 1; page <= 3; page++) {
      JsonNode body = diff(api, v1, between(v1, v2) + "&size=2&page=" + page);
      assertThat(body.get("total").asInt()).isEqualTo(5);
      assertThat(body.get("page").asInt()).isEqualTo(page);
      assertThat(body.get("size").asInt()).isEqualTo(2);
      seen.addAll(records(body));
    }
    assertThat(seen)
        .containsExactly("added:>a1", "added:>a2", "added:>a3", "removed:r1>", "removed:r2>");
    JsonNode past = diff(api, v1, between(v1, v2) + "&size=2&page=4");
    assertThat(past.get("records")).isEmpty();
    assertThat(past.get("total").asInt()).isEqualTo(5);
    JsonNode onlyCounts = diff(api, v1, between(v1, v2) + "&size=0");
    assertThat(onlyCounts.get("records")).isEmpty();
    assertThat(counts(onlyCounts)).containsExactly(3L, 2L, 0L, 1L, 5L);
  }

  @Test
  void aVersionComparedWithItselfHasOnlyUnchangedDatapoints(Api api) {
    JsonNode v1 = upsert(api, uniquePath("tests/diff"), "a", "b");
    JsonNode diff = diff(api, v1, between(v1, v1));
    assertThat(counts(diff)).containsExactly(0L, 0L, 0L, 2L, 0L);
    assertThat(diff.get("records")).isEmpty();
    assertThat(diff.get("attributes_changed").asBoolean()).isFalse();
  }

  @Test
  void withoutToTheMostRecentlyCreatedVersionIsCompared(Api api) {
    JsonNode v1 = upsert(api, uniquePath("tests/diff"), "a");
    JsonNode v2 = add(api, id(v1), "b");
    // v1 stays deployed to production (the default): "to" is still the newest version.
    JsonNode diff = diff(api, v1, "from_version_id=" + versionId(v1));
    assertThat(versionId(diff.get("to"))).isEqualTo(versionId(v2));
    assertThat(records(diff)).containsExactly("added:>b");
  }

  @Test
  void environmentsSelectEitherSide(Api api) {
    JsonNode v1 = upsert(api, uniquePath("tests/diff"), "a");
    JsonNode v2 = add(api, id(v1), "b");
    add(api, id(v1), "c");
    api.post(datasetUrl(v1) + "/environments/staging?version_id=" + versionId(v2), null).ok();
    JsonNode diff = diff(api, v1, "from_environment=production&to_environment=staging");
    assertThat(versionId(diff.get("from"))).isEqualTo(versionId(v1));
    assertThat(versionId(diff.get("to"))).isEqualTo(versionId(v2));
    assertThat(records(diff)).containsExactly("added:>b");
    JsonNode backwards = diff(api, v1, "from_environment=staging&to_version_id=" + versionId(v1));
    assertThat(records(backwards)).containsExactly("removed:b>");
  }

  @Test
  void reportsWhetherTheAttributesDiffer(Api api) {
    String path = uniquePath("tests/diff");
    JsonNode v1 =
        api.post(DATASETS, upsertBody(path, datapoints("a"), "attributes", Map.of("k", 1))).ok();
    JsonNode v2 =
        api.post(DATASETS, upsertBody(path, datapoints("a"), "attributes", Map.of("k", 2))).ok();
    JsonNode diff = diff(api, v1, between(v1, v2));
    assertThat(diff.get("attributes_changed").asBoolean()).isTrue();
    assertThat(counts(diff)).containsExactly(0L, 0L, 0L, 1L, 0L);
  }

  @Test
  void countsStayRightAcrossManySegmentsWhenVersionsShareMostOfThem(Api api) {
    List<String> questions = new ArrayList<>();
    for (int i = 0; i < 2600; i++) {
      questions.add("q" + i);
    }
    JsonNode big = upsert(api, uniquePath("tests/diff"), questions.toArray(String[]::new));
    JsonNode grown = add(api, id(big), "new1", "new2");
    JsonNode shrunk =
        api.post(
                DATASETS,
                Map.of(
                    "id",
                    id(big),
                    "action",
                    "remove",
                    "datapoints",
                    datapoints("q5", "q1500", "new2")))
            .ok();
    JsonNode corrected =
        api.post(
                DATASETS,
                Map.of(
                    "id",
                    id(big),
                    "action",
                    "add",
                    "datapoints",
                    List.of(withTarget("q7", Map.of("output", "fixed")))))
            .ok();
    corrected =
        api.post(
                DATASETS, Map.of("id", id(big), "action", "remove", "datapoints", datapoints("q7")))
            .ok();

    assertThat(counts(diff(api, big, between(big, grown)))).containsExactly(2L, 0L, 0L, 2600L, 2L);
    assertThat(records(diff(api, grown, between(grown, shrunk))))
        .containsExactly("removed:q5>", "removed:q1500>", "removed:new2>");
    assertThat(counts(diff(api, grown, between(grown, shrunk))))
        .containsExactly(0L, 3L, 0L, 2599L, 3L);
    assertThat(counts(diff(api, big, between(big, corrected))))
        .containsExactly(1L, 2L, 1L, 2597L, 4L);
    assertThat(records(diff(api, big, between(big, corrected))))
        .containsExactly("added:>new1", "changed:q7>q7", "removed:q5>", "removed:q1500>");
    assertThat(counts(diff(api, corrected, between(corrected, big))))
        .containsExactly(2L, 1L, 1L, 2597L, 4L);
  }

  // ---- errors ----

  @Test
  void fromIsRequired(Api api) {
    JsonNode v1 = upsert(api, uniquePath("tests/diff"), "a");
    api.get(datasetUrl(v1) + "/diff").assertInvalid("query", "from_version_id");
    api.get(datasetUrl(v1) + "/diff?to_version_id=" + versionId(v1))
        .assertInvalid("query", "from_version_id");
  }

  @Test
  void bothSelectorsOfOneSideAreRefused(Api api) {
    JsonNode v1 = upsert(api, uniquePath("tests/diff"), "a");
    api.get(
            datasetUrl(v1)
                + "/diff?from_version_id="
                + versionId(v1)
                + "&from_environment=production")
        .assertInvalid("query", "from_environment");
    api.get(
            datasetUrl(v1)
                + "/diff?from_version_id="
                + versionId(v1)
                + "&to_version_id="
                + versionId(v1)
                + "&to_environment=production")
        .assertInvalid("query", "to_environment");
  }

  @Test
  void badPagingIsRefusedBeforeTheDatasetIsLookedUp(Api api) {
    api.get(DATASETS + "/ds_unknown/diff?from_version_id=dsv_x&page=0")
        .assertInvalid("query", "page");
    api.get(DATASETS + "/ds_unknown/diff?from_version_id=dsv_x&size=1001")
        .assertInvalid("query", "size");
    api.get(DATASETS + "/ds_unknown/diff?from_version_id=dsv_x&size=-1")
        .assertInvalid("query", "size");
    api.get(DATASETS + "/ds_unknown/diff?from_version_id=dsv_x&from_environment=production")
        .assertInvalid("query", "from_environment");
  }

  @Test
  void unknownVersionsEnvironmentsAndDatasetsAreNotFound(Api api) {
    JsonNode v1 = upsert(api, uniquePath("tests/diff"), "a");
    JsonNode other = upsert(api, uniquePath("tests/diff"), "b");
    String url = datasetUrl(v1) + "/diff?";
    api.get(url + "from_version_id=dsv_unknown").assertDetail(404);
    api.get(url + "from_version_id=" + versionId(v1) + "&to_version_id=dsv_unknown")
        .assertDetail(404);
    api.get(url + "from_version_id=" + versionId(other)).assertDetail(404);
    api.get(url + "from_environment=nowhere").assertDetail(404);
    api.get(url + "from_version_id=" + versionId(v1) + "&to_environment=nowhere").assertDetail(404);
    api.get(url + "from_environment=staging").assertDetail(404);
    api.get(DATASETS + "/ds_unknown/diff?from_version_id=" + versionId(v1)).assertDetail(404);
    api.as(Api.BETA).get(url + "from_version_id=" + versionId(v1)).assertDetail(404);
    api.as(null).get(url + "from_version_id=" + versionId(v1)).assertDetail(401);
  }
}
