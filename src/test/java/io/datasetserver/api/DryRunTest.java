package io.datasetserver.api;

import static io.datasetserver.testing.TestData.DATASETS;
import static io.datasetserver.testing.TestData.add;
import static io.datasetserver.testing.TestData.datapoints;
import static io.datasetserver.testing.TestData.datasetUrl;
import static io.datasetserver.testing.TestData.id;
import static io.datasetserver.testing.TestData.unique;
import static io.datasetserver.testing.TestData.uniquePath;
import static io.datasetserver.testing.TestData.upsert;
import static io.datasetserver.testing.TestData.upsertBody;
import static io.datasetserver.testing.TestData.versionId;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.datasetserver.server.DatasetServer;
import io.datasetserver.storage.StoredDocuments;
import io.datasetserver.testing.Api;
import io.datasetserver.testing.RunningServer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Contract §8.4: {@code POST /datasets?dry_run=true} answers what the upsert would do, with the
 * upsert's own errors, and writes nothing (checked over HTTP and in the database itself).
 */
@ExtendWith(RunningServer.class)
class DryRunTest {
  private static final String DRY_RUN = DATASETS + "?dry_run=true";

  private static Map<String, Object> dp(String q, String output) {
    return Map.of("inputs", Map.of("q", q), "target", Map.of("output", output));
  }

  /** Every document of every collection, as the database holds them. */
  private static Map<String, List<Document>> everything(DatasetServer server) {
    Map<String, List<Document>> all = new LinkedHashMap<>();
    for (String name : StoredDocuments.counts(server.database()).keySet()) {
      all.put(
          name, StoredDocuments.collection(server.database(), name).find().into(new ArrayList<>()));
    }
    return all;
  }

  /**
   * Runs the dry run and proves it wrote nothing: document counts, documents, and what HTTP shows.
   */
  private static Api.Response dryRun(Api api, DatasetServer server, String query, Object body) {
    Map<String, Long> counts = StoredDocuments.counts(server.database());
    Map<String, List<Document>> before = everything(server);
    String datasets = api.get(DATASETS + "?size=1000&sort_by=updated_at").body();
    Api.Response response = api.post(DRY_RUN + query, body);
    assertThat(StoredDocuments.counts(server.database())).isEqualTo(counts);
    assertThat(everything(server)).isEqualTo(before);
    assertThat(api.get(DATASETS + "?size=1000&sort_by=updated_at").body()).isEqualTo(datasets);
    return response;
  }

  private static Map<String, Object> counts(JsonNode preview) {
    Map<String, Object> counts = new HashMap<>();
    for (String field : List.of("added", "removed", "changed", "unchanged", "datapoints_count")) {
      counts.put(field, preview.path(field).asInt(-1));
    }
    return counts;
  }

  private static Map<String, Object> expected(
      int added, int removed, int changed, int unchanged, int count) {
    return Map.of(
        "added",
        added,
        "removed",
        removed,
        "changed",
        changed,
        "unchanged",
        unchanged,
        "datapoints_count",
        count);
  }

  @Test
  void aDryRunOfANewDatasetCountsItsDatapointsAndCreatesNothing(Api api, DatasetServer server) {
    String path = uniquePath("tests/dry");
    JsonNode preview =
        dryRun(
                api,
                server,
                "",
                upsertBody(path, datapoints("a", "b", "a"), "attributes", Map.of("k", 1)))
            .ok();
    assertThat(preview.path("dry_run").asBoolean()).isTrue();
    assertThat(preview.path("creates_dataset").asBoolean()).isTrue();
    assertThat(preview.path("creates_version").asBoolean()).isTrue();
    assertThat(preview.has("version_id")).isFalse();
    assertThat(preview.has("base_version_id")).isFalse();
    assertThat(preview.path("attributes_changed").asBoolean()).isTrue();
    assertThat(counts(preview)).isEqualTo(expected(2, 0, 0, 0, 2));
    assertThat(
            api.get(DATASETS + "?name=" + path.substring(path.indexOf('/') + 1))
                .ok()
                .path("total")
                .asInt())
        .isZero();
  }

  @Test
  void aDryRunAddCountsOnlyNewDatapointsAgainstTheLatestVersion(Api api, DatasetServer server) {
    JsonNode first = upsert(api, uniquePath("tests/dry"), "a", "b");
    JsonNode latest = add(api, id(first), "c");
    Api.Response response =
        dryRun(
            api,
            server,
            "",
            Map.of("id", id(first), "action", "add", "datapoints", datapoints("b", "d", "e", "d")));
    JsonNode preview = response.ok();
    assertThat(preview.path("creates_dataset").asBoolean()).isFalse();
    assertThat(preview.path("creates_version").asBoolean()).isTrue();
    assertThat(preview.path("base_version_id").asText()).isEqualTo(versionId(latest));
    assertThat(preview.path("attributes_changed").asBoolean()).isFalse();
    assertThat(counts(preview)).isEqualTo(expected(2, 0, 0, 3, 5));
    assertThat(response.header("ETag")).isEqualTo(api.get(datasetUrl(first)).header("ETag"));
  }

  @Test
  void aDryRunThatMatchesAnExistingVersionNamesIt(Api api, DatasetServer server) {
    JsonNode first = upsert(api, uniquePath("tests/dry"), "a", "b");
    JsonNode latest = add(api, id(first), "c");
    // The official SDK's lookup: add nothing.
    JsonNode lookup =
        dryRun(api, server, "", Map.of("id", id(first), "action", "add", "datapoints", List.of()))
            .ok();
    assertThat(lookup.path("creates_version").asBoolean()).isFalse();
    assertThat(lookup.path("version_id").asText()).isEqualTo(versionId(latest));
    assertThat(counts(lookup)).isEqualTo(expected(0, 0, 0, 3, 3));
    // A set back to the first version's content: that version, counted against the latest.
    JsonNode back =
        dryRun(api, server, "", Map.of("id", id(first), "datapoints", datapoints("b", "a"))).ok();
    assertThat(back.path("creates_version").asBoolean()).isFalse();
    assertThat(back.path("version_id").asText()).isEqualTo(versionId(first));
    assertThat(back.path("base_version_id").asText()).isEqualTo(versionId(latest));
    assertThat(counts(back)).isEqualTo(expected(0, 1, 0, 2, 2));
  }

  @Test
  void aDryRunRemoveIgnoresAbsentDatapointsAndHonoursTheNamedBase(Api api, DatasetServer server) {
    JsonNode first = upsert(api, uniquePath("tests/dry"), "a", "b", "c");
    add(api, id(first), "d");
    JsonNode preview =
        dryRun(
                api,
                server,
                "&version_id=" + versionId(first),
                Map.of(
                    "id", id(first), "action", "remove", "datapoints", datapoints("a", "d", "zzz")))
            .ok();
    assertThat(preview.path("base_version_id").asText()).isEqualTo(versionId(first));
    assertThat(counts(preview)).isEqualTo(expected(0, 1, 0, 2, 2));
  }

  @Test
  void aDryRunSetIsCountedAgainstTheLatestVersionEvenWhenAnotherIsDeployed(
      Api api, DatasetServer server) {
    JsonNode first = upsert(api, uniquePath("tests/dry"), "a");
    JsonNode latest = add(api, id(first), "b");
    JsonNode preview =
        dryRun(
                api,
                server,
                "&version_id=" + versionId(first),
                Map.of("id", id(first), "datapoints", datapoints("b", "c")))
            .ok();
    assertThat(preview.path("base_version_id").asText()).isEqualTo(versionId(latest));
    assertThat(counts(preview)).isEqualTo(expected(1, 1, 0, 1, 2));
  }

  @Test
  void aCorrectedTargetCountsAsOneChangedDatapoint(Api api, DatasetServer server) {
    JsonNode base =
        api.post(
                DATASETS,
                upsertBody(
                    uniquePath("tests/dry"),
                    List.of(dp("a", "wrong"), dp("b", "same"), dp("c", "gone"))))
            .ok();
    JsonNode preview =
        dryRun(
                api,
                server,
                "",
                Map.of(
                    "id",
                    id(base),
                    "datapoints",
                    List.of(dp("a", "right"), dp("b", "same"), dp("d", "new"))))
            .ok();
    assertThat(counts(preview)).isEqualTo(expected(1, 1, 1, 1, 3));
  }

  @Test
  void ambiguousPairsStayAddedAndRemoved(Api api, DatasetServer server) {
    // Two removed datapoints with the inputs of one added one: no pair.
    JsonNode twoRemoved =
        api.post(
                DATASETS,
                upsertBody(uniquePath("tests/dry"), List.of(dp("a", "one"), dp("a", "two"))))
            .ok();
    assertThat(
            counts(
                dryRun(
                        api,
                        server,
                        "",
                        Map.of("id", id(twoRemoved), "datapoints", List.of(dp("a", "three"))))
                    .ok()))
        .isEqualTo(expected(1, 2, 0, 0, 1));
    // One removed, two added with its inputs: no pair.
    JsonNode oneRemoved =
        api.post(DATASETS, upsertBody(uniquePath("tests/dry"), List.of(dp("a", "one")))).ok();
    assertThat(
            counts(
                dryRun(
                        api,
                        server,
                        "",
                        Map.of(
                            "id",
                            id(oneRemoved),
                            "datapoints",
                            List.of(dp("a", "two"), dp("a", "three"))))
                    .ok()))
        .isEqualTo(expected(2, 1, 0, 0, 2));
    // Equal inputs but different messages: not the same datapoint with a corrected target.
    Map<String, Object> withMessage =
        Map.of(
            "inputs",
            Map.of("q", "a"),
            "messages",
            List.of(Map.of("role", "user", "content", "hi")),
            "target",
            Map.of("output", "x"));
    JsonNode messages =
        api.post(DATASETS, upsertBody(uniquePath("tests/dry"), List.of(dp("a", "one")))).ok();
    assertThat(
            counts(
                dryRun(
                        api,
                        server,
                        "",
                        Map.of("id", id(messages), "datapoints", List.of(withMessage)))
                    .ok()))
        .isEqualTo(expected(1, 1, 0, 0, 1));
    // An unambiguous pair next to an ambiguous group still pairs.
    JsonNode mixed =
        api.post(
                DATASETS,
                upsertBody(
                    uniquePath("tests/dry"),
                    List.of(dp("a", "one"), dp("a", "two"), dp("b", "old"))))
            .ok();
    assertThat(
            counts(
                dryRun(
                        api,
                        server,
                        "",
                        Map.of(
                            "id",
                            id(mixed),
                            "datapoints",
                            List.of(dp("a", "three"), dp("b", "new"))))
                    .ok()))
        .isEqualTo(expected(1, 2, 1, 0, 2));
  }

  @Test
  void attributesChangedComparesTheResultWithTheBase(Api api, DatasetServer server) {
    JsonNode base =
        api.post(
                DATASETS,
                upsertBody(uniquePath("tests/dry"), datapoints("a"), "attributes", Map.of("k", 1)))
            .ok();
    Map<String, Object> keep =
        Map.of("id", id(base), "action", "add", "datapoints", datapoints("b"));
    assertThat(dryRun(api, server, "", keep).ok().path("attributes_changed").asBoolean()).isFalse();
    Map<String, Object> same =
        Map.of(
            "id",
            id(base),
            "action",
            "add",
            "datapoints",
            datapoints("b"),
            "attributes",
            Map.of("k", 1.0));
    assertThat(dryRun(api, server, "", same).ok().path("attributes_changed").asBoolean()).isFalse();
    Map<String, Object> other =
        Map.of(
            "id", id(base), "action", "add", "datapoints", List.of(), "attributes", Map.of("k", 2));
    JsonNode preview = dryRun(api, server, "", other).ok();
    assertThat(preview.path("attributes_changed").asBoolean()).isTrue();
    assertThat(preview.path("creates_version").asBoolean()).isTrue();
    // A set without attributes uses {}, which differs from the base's.
    assertThat(
            dryRun(api, server, "", Map.of("id", id(base), "datapoints", datapoints("a")))
                .ok()
                .path("attributes_changed")
                .asBoolean())
        .isTrue();
  }

  @Test
  void aDryRunAnswersTheUpsertsOwnErrorsAndWritesNothing(Api api, DatasetServer server) {
    JsonNode first = upsert(api, uniquePath("tests/dry"), "a");
    String taken = unique("taken");
    api.patch(datasetUrl(first) + "/versions/" + versionId(first), Map.of("name", taken)).ok();
    JsonNode other = upsert(api, uniquePath("tests/dry"), "z");
    dryRun(api, server, "", Map.of("id", "ds_unknown", "datapoints", List.of())).assertDetail(404);
    dryRun(
            api,
            server,
            "&version_id=dsv_unknown",
            Map.of("id", id(first), "action", "add", "datapoints", List.of()))
        .assertDetail(404);
    dryRun(
            api,
            server,
            "&environment=staging",
            upsertBody(uniquePath("tests/dry"), List.of(), "action", "add"))
        .assertDetail(404);
    dryRun(
            api,
            server,
            "",
            Map.of(
                "id",
                id(first),
                "action",
                "add",
                "datapoints",
                List.of(),
                "version_name",
                unique("other")))
        .assertDetail(409);
    dryRun(
            api,
            server,
            "",
            Map.of(
                "id",
                id(first),
                "action",
                "add",
                "datapoints",
                datapoints("new"),
                "version_name",
                taken))
        .assertDetail(409);
    dryRun(
            api,
            server,
            "",
            Map.of("id", id(first), "path", other.path("path").asText(), "datapoints", List.of()))
        .assertDetail(409);
    dryRun(
            api,
            server,
            "",
            Map.of("id", id(first), "datapoints", List.of(Map.of("inputs", Map.of("q", 1)))))
        .assertInvalid("body", "datapoints", 0, "inputs", "q");
    dryRun(api, server, "", Map.of("datapoints", List.of())).assertInvalid("body", "path");
    dryRun(api, server, "", Map.of("id", id(first), "datapoints", List.of(), "version_name", ""))
        .assertInvalid("body", "version_name");
    Map<String, Long> counts = StoredDocuments.counts(server.database());
    api.post(DATASETS + "?dry_run=maybe", Map.of("id", id(first), "datapoints", List.of()))
        .assertInvalid("query", "dry_run");
    assertThat(StoredDocuments.counts(server.database())).isEqualTo(counts);
  }

  @Test
  void aDryRunChecksIfMatchLikeTheUpsert(Api api, DatasetServer server) {
    JsonNode first = upsert(api, uniquePath("tests/dry"), "a");
    String etag = api.get(datasetUrl(first)).header("ETag");
    Map<String, Object> body =
        Map.of("id", id(first), "action", "add", "datapoints", datapoints("b"));
    Api.Response matching = api.withHeader("If-Match", etag).post(DRY_RUN, body);
    assertThat(matching.ok().path("creates_version").asBoolean()).isTrue();
    assertThat(matching.header("ETag")).isEqualTo(etag);
    Api.Response stale = api.withHeader("If-Match", "\"stale\"").post(DRY_RUN, body);
    stale.assertDetail(412);
    dryRun(api, server, "", upsertBody(uniquePath("tests/dry"), List.of())).ok();
    api.withHeader("If-Match", "*")
        .post(DRY_RUN, upsertBody(uniquePath("tests/dry"), List.of()))
        .assertDetail(412);
    api.withHeader("If-Match", "abc").post(DRY_RUN, body).assertInvalid("header", "if-match");
    // Previewed, then applied to exactly the state previewed.
    JsonNode applied =
        api.withHeader("If-Match", matching.header("ETag")).post(DATASETS, body).ok();
    assertThat(applied.path("datapoints_count").asInt())
        .isEqualTo(matching.json().path("datapoints_count").asInt());
  }

  @Test
  void theDryRunPredictsTheUpsert(Api api) {
    JsonNode base =
        api.post(
                DATASETS,
                upsertBody(uniquePath("tests/dry"), List.of(dp("a", "old"), dp("b", "same"))))
            .ok();
    Map<String, Object> body =
        Map.of(
            "id",
            id(base),
            "datapoints",
            List.of(dp("a", "new"), dp("b", "same")),
            "version_name",
            unique("v2"));
    JsonNode preview = api.post(DRY_RUN + "&include_datapoints=true", body).ok();
    assertThat(preview.has("datapoints")).isFalse();
    JsonNode real = api.post(DATASETS, body).ok();
    assertThat(real.path("datapoints_count").asInt())
        .isEqualTo(preview.path("datapoints_count").asInt());
    assertThat(counts(preview)).isEqualTo(expected(0, 0, 1, 1, 2));
    // dry_run=false is the normal upsert: now it names the version just made.
    JsonNode again = api.post(DATASETS + "?dry_run=false", body).ok();
    assertThat(versionId(again)).isEqualTo(versionId(real));
    JsonNode repeat = api.post(DRY_RUN, body).ok();
    assertThat(repeat.path("creates_version").asBoolean()).isFalse();
    assertThat(repeat.path("version_id").asText()).isEqualTo(versionId(real));
  }
}
