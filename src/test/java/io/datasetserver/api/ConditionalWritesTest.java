package io.datasetserver.api;

import static io.datasetserver.testing.TestData.DATASETS;
import static io.datasetserver.testing.TestData.add;
import static io.datasetserver.testing.TestData.datapoints;
import static io.datasetserver.testing.TestData.unique;
import static io.datasetserver.testing.TestData.uniquePath;
import static io.datasetserver.testing.TestData.upsert;
import static io.datasetserver.testing.TestData.upsertBody;
import static io.datasetserver.testing.TestData.versionId;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.model.Filters;
import io.datasetserver.server.DatasetServer;
import io.datasetserver.storage.StoredDocuments;
import io.datasetserver.testing.Api;
import io.datasetserver.testing.RunningServer;
import io.datasetserver.testing.TestData;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Contract §8.3: {@code ETag} on responses that describe one dataset, {@code If-Match} on every
 * write, 412 when it is stale, and where 412 stands among the other errors.
 */
@ExtendWith(RunningServer.class)
class ConditionalWritesTest {
  private static final String IF_MATCH = "If-Match";

  /**
   * A dataset with two versions: {@code v1} deployed to production, {@code v2} the latest and not
   * deployed.
   */
  record Fixture(String id, String path, String v1, String v2) {
    String url() {
      return DATASETS + "/" + id;
    }

    static Fixture create(Api api) {
      String path = uniquePath("tests/etag");
      JsonNode first = upsert(api, path, "a");
      JsonNode second = add(api, TestData.id(first), "b");
      return new Fixture(TestData.id(first), path, versionId(first), versionId(second));
    }
  }

  /** One write endpoint, making a real change to a fixture dataset. */
  record Write(String name, BiFunction<Api, Fixture, Api.Response> send) {
    Api.Response to(Api api, Fixture dataset) {
      return send.apply(api, dataset);
    }

    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Write> writes() {
    return Stream.of(
        new Write(
            "upsert by id",
            (api, d) ->
                api.post(
                    DATASETS,
                    Map.of("id", d.id(), "action", "add", "datapoints", datapoints(unique("q"))))),
        new Write(
            "upsert by path",
            (api, d) ->
                api.post(DATASETS, upsertBody(d.path(), datapoints(unique("q")), "action", "add"))),
        new Write(
            "move", (api, d) -> api.patch(d.url(), Map.of("path", uniquePath("tests/etag-moved")))),
        new Write("delete dataset", (api, d) -> api.delete(d.url())),
        new Write(
            "update version",
            (api, d) ->
                api.patch(d.url() + "/versions/" + d.v2(), Map.of("name", unique("renamed")))),
        new Write("delete version", (api, d) -> api.delete(d.url() + "/versions/" + d.v2())),
        new Write(
            "deploy",
            (api, d) -> api.post(d.url() + "/environments/staging?version_id=" + d.v2(), null)),
        new Write("undeploy", (api, d) -> api.delete(d.url() + "/environments/production")),
        new Write(
            "csv upload",
            (api, d) ->
                api.upload(
                    d.url() + "/datapoints/csv",
                    "rows.csv",
                    ("q\n" + unique("row") + "\n").getBytes(StandardCharsets.UTF_8))));
  }

  private static String etag(Api api, Fixture dataset) {
    Api.Response response = api.get(dataset.url());
    response.assertStatus(200);
    return response.header("ETag");
  }

  /** Another change to the dataset, so that an ETag read before it is stale. */
  private static void changeBehindTheClientsBack(Api api, Fixture dataset) {
    api.patch(dataset.url() + "/versions/" + dataset.v1(), Map.of("description", unique("edited")))
        .ok();
  }

  private static Document storedDocument(DatasetServer server, Fixture dataset) {
    return StoredDocuments.collection(server.database(), "datasets")
        .find(Filters.eq("_id", dataset.id()))
        .first();
  }

  // ---- ETag ----

  @Test
  void everyResponseDescribingOneDatasetCarriesTheSameStrongETag(Api api) {
    Fixture dataset = Fixture.create(api);
    String etag = etag(api, dataset);
    assertThat(etag).matches("\"[0-9a-f]+\"");
    assertThat(
            api.get(dataset.url() + "?version_id=" + dataset.v2() + "&include_datapoints=true")
                .header("ETag"))
        .isEqualTo(etag);
    assertThat(api.get(dataset.url() + "/versions").header("ETag")).isEqualTo(etag);
    assertThat(api.get(dataset.url() + "/versions?include_datapoints=latest_saved").header("ETag"))
        .isEqualTo(etag);
    assertThat(api.get(dataset.url() + "/environments").header("ETag")).isEqualTo(etag);
    // Writes that change nothing return the same state's tag.
    assertThat(
            api.post(DATASETS, Map.of("id", dataset.id(), "action", "add", "datapoints", List.of()))
                .header("ETag"))
        .isEqualTo(etag);
    assertThat(api.patch(dataset.url(), Map.of()).header("ETag")).isEqualTo(etag);
    assertThat(
            api.post(dataset.url() + "/environments/production?version_id=" + dataset.v1(), null)
                .header("ETag"))
        .isEqualTo(etag);
  }

  @Test
  void listsOfManyDatasetsAndPagesOfDatapointsCarryNoETag(Api api) {
    Fixture dataset = Fixture.create(api);
    assertThat(api.get(DATASETS).header("ETag")).isNull();
    assertThat(api.get(dataset.url() + "/datapoints").header("ETag")).isNull();
  }

  @Test
  void theETagChangesWithEveryChangeAndIsReturnedByTheWrite(Api api) {
    Fixture dataset = Fixture.create(api);
    List<String> seen = new ArrayList<>(List.of(etag(api, dataset)));
    List<Supplier<Api.Response>> changes =
        List.of(
            () ->
                api.post(
                    DATASETS,
                    Map.of("id", dataset.id(), "action", "add", "datapoints", datapoints("c"))),
            () ->
                api.patch(
                    dataset.url() + "/versions/" + dataset.v2(), Map.of("name", unique("name"))),
            () ->
                api.patch(
                    dataset.url() + "/versions/" + dataset.v2(),
                    Map.of("description", "described")),
            () ->
                api.post(dataset.url() + "/environments/staging?version_id=" + dataset.v2(), null),
            () -> api.delete(dataset.url() + "/environments/staging"),
            () -> api.patch(dataset.url(), Map.of("path", uniquePath("tests/etag-moved"))),
            () -> api.delete(dataset.url() + "/versions/" + dataset.v2()),
            () ->
                api.upload(
                    dataset.url() + "/datapoints/csv",
                    "rows.csv",
                    "q\nfrom csv\n".getBytes(StandardCharsets.UTF_8)));
    for (Supplier<Api.Response> send : changes) {
      Api.Response change = send.get();
      assertThat(change.status()).as(change.toString()).isIn(200, 204);
      String after = change.header("ETag");
      assertThat(after).as(change.toString()).isNotNull().doesNotStartWith("W/");
      assertThat(seen).as(change.toString()).doesNotContain(after);
      assertThat(etag(api, dataset)).as(change.toString()).isEqualTo(after);
      seen.add(after);
    }
  }

  @Test
  void changesToAnotherDatasetAndReadsLeaveTheETagAlone(Api api) {
    Fixture dataset = Fixture.create(api);
    Fixture other = Fixture.create(api);
    String before = etag(api, dataset);
    add(api, other.id(), "elsewhere");
    api.get(dataset.url() + "/datapoints").ok();
    api.get(DATASETS + "?name=" + dataset.path().substring(dataset.path().lastIndexOf('/') + 1))
        .ok();
    assertThat(etag(api, dataset)).isEqualTo(before);
  }

  @Test
  void datasetsNeverShareAnETag(Api api) {
    assertThat(etag(api, Fixture.create(api))).isNotEqualTo(etag(api, Fixture.create(api)));
  }

  // ---- If-Match on each write ----

  @ParameterizedTest(name = "{0}")
  @MethodSource("writes")
  void writeWithTheCurrentETagSucceeds(Write write, Api api) {
    Fixture dataset = Fixture.create(api);
    String etag = etag(api, dataset);
    Api.Response response = write.to(api.withHeader(IF_MATCH, etag), dataset);
    assertThat(response.status()).as(response.toString()).isIn(200, 204);
    if (!write.name().equals("delete dataset")) {
      assertThat(response.header("ETag")).isNotEqualTo(etag).isEqualTo(etag(api, dataset));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("writes")
  void writeWithAStaleETagIs412AndWritesNothing(Write write, Api api, DatasetServer server) {
    Fixture dataset = Fixture.create(api);
    String stale = etag(api, dataset);
    changeBehindTheClientsBack(api, dataset);
    String current = etag(api, dataset);
    Map<String, Long> counts = StoredDocuments.counts(server.database());
    Document stored = storedDocument(server, dataset);

    Api.Response response = write.to(api.withHeader(IF_MATCH, stale), dataset);

    response.assertDetail(412);
    assertThat(response.json().path("detail").asText()).contains(dataset.id()).contains(current);
    assertThat(StoredDocuments.counts(server.database())).isEqualTo(counts);
    assertThat(storedDocument(server, dataset)).isEqualTo(stored);
    assertThat(etag(api, dataset)).isEqualTo(current);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("writes")
  void starMatchesAnyExistingDataset(Write write, Api api) {
    Fixture dataset = Fixture.create(api);
    changeBehindTheClientsBack(api, dataset);
    Api.Response response = write.to(api.withHeader(IF_MATCH, "*"), dataset);
    assertThat(response.status()).as(response.toString()).isIn(200, 204);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("writes")
  void aListOfTagsMatchesWhenOneOfThemDoes(Write write, Api api) {
    Fixture dataset = Fixture.create(api);
    String stale = etag(api, dataset);
    changeBehindTheClientsBack(api, dataset);
    String current = etag(api, dataset);
    Api.Response response =
        write.to(api.withHeader(IF_MATCH, stale + ", \"other\" ,W/\"x\"," + current), dataset);
    assertThat(response.status()).as(response.toString()).isIn(200, 204);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("writes")
  void malformedIfMatchIs422AtTheHeaderEvenForAnUnknownDataset(
      Write write, Api api, DatasetServer server) {
    Fixture dataset = Fixture.create(api);
    Map<String, Long> counts = StoredDocuments.counts(server.database());
    for (String malformed :
        List.of("abc", "", "\"unterminated", "*, \"abc\"", "\"a\" \"b\"", "W/abc")) {
      write.to(api.withHeader(IF_MATCH, malformed), dataset).assertInvalid("header", "if-match");
    }
    Fixture unknown =
        new Fixture("ds_unknown", uniquePath("tests/etag-unknown"), "dsv_unknown", "dsv_unknown");
    write.to(api.withHeader(IF_MATCH, "abc"), unknown).assertInvalid("header", "if-match");
    assertThat(StoredDocuments.counts(server.database())).isEqualTo(counts);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("writes")
  void unauthenticatedComesBeforeAMalformedIfMatch(Write write, Api api) {
    Fixture dataset = Fixture.create(api);
    write.to(api.as(null).withHeader(IF_MATCH, "abc"), dataset).assertDetail(401);
  }

  @Test
  void weakTagsNeverMatch(Api api) {
    Fixture dataset = Fixture.create(api);
    String etag = etag(api, dataset);
    api.withHeader(IF_MATCH, "W/" + etag)
        .patch(dataset.url(), Map.of("name", unique("weak")))
        .assertDetail(412);
  }

  @Test
  void repeatedIfMatchHeadersAreOneList(Api api) {
    Fixture dataset = Fixture.create(api);
    String etag = etag(api, dataset);
    api.withHeader(IF_MATCH, "\"stale\"")
        .withHeader(IF_MATCH, etag)
        .patch(dataset.url(), Map.of("name", unique("repeated")))
        .ok();
  }

  @Test
  void theETagOfOneStateDoesNotMatchAnotherDatasetInThatState(Api api) {
    Fixture one = Fixture.create(api);
    Fixture other = Fixture.create(api);
    api.withHeader(IF_MATCH, etag(api, one))
        .patch(other.url(), Map.of("name", unique("x")))
        .assertDetail(412);
  }

  // ---- an upsert that would create a dataset ----

  @ParameterizedTest
  @ValueSource(strings = {"\"abc\"", "*"})
  void anUpsertThatWouldCreateADatasetFailsUnderAnyIfMatch(
      String ifMatch, Api api, DatasetServer server) {
    String path = uniquePath("tests/etag-new");
    Map<String, Long> counts = StoredDocuments.counts(server.database());
    Api.Response response =
        api.withHeader(IF_MATCH, ifMatch).post(DATASETS, upsertBody(path, datapoints("a")));
    response.assertDetail(412);
    assertThat(response.json().path("detail").asText()).contains(path);
    assertThat(StoredDocuments.counts(server.database())).isEqualTo(counts);
    // Still creatable without the condition.
    upsert(api, path, "a");
  }

  @Test
  void aCreatingAddThatNamesABaseIs404BeforeItsIfMatchIs412(Api api) {
    api.withHeader(IF_MATCH, "*")
        .post(
            DATASETS + "?version_id=dsv_nope",
            upsertBody(uniquePath("tests/etag-new"), datapoints("a"), "action", "add"))
        .assertDetail(404);
  }

  // ---- precedence: 404, then 412, then 409 ----

  @Test
  void unknownThingsAre404BeforeAStaleIfMatchIs412(Api api) {
    Fixture dataset = Fixture.create(api);
    Api stale = api.withHeader(IF_MATCH, "\"stale\"");
    stale.post(DATASETS, Map.of("id", "ds_unknown", "datapoints", List.of())).assertDetail(404);
    stale
        .post(
            DATASETS + "?version_id=dsv_unknown",
            Map.of("id", dataset.id(), "action", "add", "datapoints", List.of()))
        .assertDetail(404);
    stale.patch(DATASETS + "/ds_unknown", Map.of("name", "x")).assertDetail(404);
    stale.delete(DATASETS + "/ds_unknown").assertDetail(404);
    stale.patch(dataset.url() + "/versions/dsv_unknown", Map.of("name", "x")).assertDetail(404);
    stale.delete(dataset.url() + "/versions/dsv_unknown").assertDetail(404);
    stale
        .post(dataset.url() + "/environments/nowhere?version_id=" + dataset.v1(), null)
        .assertDetail(404);
    stale
        .post(dataset.url() + "/environments/staging?version_id=dsv_unknown", null)
        .assertDetail(404);
    stale.delete(dataset.url() + "/environments/nowhere").assertDetail(404);
    stale
        .upload(
            dataset.url() + "/datapoints/csv?version_id=dsv_unknown",
            "rows.csv",
            "q\nx\n".getBytes(StandardCharsets.UTF_8))
        .assertDetail(404);
  }

  @Test
  void aStaleIfMatchIs412BeforeAnyConflict(Api api) {
    Fixture dataset = Fixture.create(api);
    Fixture other = Fixture.create(api);
    String v1Name = unique("taken");
    api.patch(dataset.url() + "/versions/" + dataset.v1(), Map.of("name", v1Name)).ok();
    List<Map.Entry<String, java.util.function.Function<Api, Api.Response>>> conflicts =
        List.of(
            Map.entry(
                "version name taken (upsert)",
                a ->
                    a.post(
                        DATASETS,
                        Map.of(
                            "id",
                            dataset.id(),
                            "action",
                            "add",
                            "datapoints",
                            datapoints("new"),
                            "version_name",
                            v1Name))),
            Map.entry(
                "identical content under another name",
                a ->
                    a.post(
                        DATASETS,
                        Map.of(
                            "id",
                            dataset.id(),
                            "action",
                            "add",
                            "datapoints",
                            List.of(),
                            "version_name",
                            unique("other")))),
            Map.entry(
                "id and path disagree",
                a ->
                    a.post(
                        DATASETS,
                        Map.of("id", dataset.id(), "path", other.path(), "datapoints", List.of()))),
            Map.entry(
                "move to a taken path", a -> a.patch(dataset.url(), Map.of("path", other.path()))),
            Map.entry(
                "version name taken (rename)",
                a -> a.patch(dataset.url() + "/versions/" + dataset.v2(), Map.of("name", v1Name))),
            Map.entry(
                "delete a deployed version",
                a -> a.delete(dataset.url() + "/versions/" + dataset.v1())),
            Map.entry(
                "csv under a taken name",
                a ->
                    a.upload(
                        dataset.url() + "/datapoints/csv",
                        "rows.csv",
                        "q\nnew row\n".getBytes(StandardCharsets.UTF_8),
                        "version_name",
                        v1Name)));
    String current = etag(api, dataset);
    for (var conflict : conflicts) {
      Api.Response stale = conflict.getValue().apply(api.withHeader(IF_MATCH, "\"stale\""));
      assertThat(stale.status()).as(conflict.getKey() + ": " + stale).isEqualTo(412);
      Api.Response matching = conflict.getValue().apply(api.withHeader(IF_MATCH, current));
      assertThat(matching.status()).as(conflict.getKey() + ": " + matching).isEqualTo(409);
    }
  }

  @Test
  void aStaleIfMatchFailsAlsoForAWriteThatWouldChangeNothing(Api api) {
    Fixture dataset = Fixture.create(api);
    Api stale = api.withHeader(IF_MATCH, "\"stale\"");
    stale.patch(dataset.url(), Map.of()).assertDetail(412);
    stale
        .post(DATASETS, Map.of("id", dataset.id(), "action", "add", "datapoints", List.of()))
        .assertDetail(412);
    stale.delete(dataset.url() + "/environments/staging").assertDetail(412);
  }

  // ---- concurrency ----

  /**
   * Two writers read the same ETag and write at once: one wins, the other gets 412 (also after
   * losing the race).
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("concurrentWrites")
  void ofTwoConcurrentWritersWithTheSameIfMatchExactlyOneWins(Write write, Api api)
      throws Exception {
    for (int round = 0; round < 25; round++) {
      assertThat(concurrently(api, write, 2))
          .as("round " + round)
          .containsExactlyInAnyOrder(200, 412);
    }
  }

  /**
   * Eight writers of slower adds: several of them pass the check against the same state and race at
   * the compare-and-set, and each one that loses must meet its stale If-Match on the retry instead
   * of rebasing onto the winner's version.
   */
  @Test
  void writersThatLoseTheRaceAreRefusedOnTheirRetry(Api api) throws Exception {
    Write bigAdd =
        new Write(
            "add of 200",
            (a, d) ->
                a.post(
                    DATASETS,
                    Map.of(
                        "id",
                        d.id(),
                        "action",
                        "add",
                        "datapoints",
                        datapoints(
                            Stream.generate(() -> unique("q"))
                                .limit(200)
                                .toArray(String[]::new)))));
    for (int round = 0; round < 10; round++) {
      List<Integer> statuses = concurrently(api, bigAdd, 8);
      assertThat(statuses).as("round " + round).containsOnly(200, 412).containsOnlyOnce(200);
    }
  }

  /**
   * Statuses of {@code writers} simultaneous writes to a fresh dataset, all under the ETag read
   * before.
   */
  private static List<Integer> concurrently(Api api, Write write, int writers) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    try {
      Fixture dataset = Fixture.create(api);
      Api conditional = api.withHeader(IF_MATCH, etag(api, dataset));
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Api.Response>> results = new ArrayList<>();
      for (int writer = 0; writer < writers; writer++) {
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  return write.to(conditional, dataset);
                }));
      }
      start.countDown();
      List<Integer> statuses = new ArrayList<>();
      for (Future<Api.Response> result : results) {
        statuses.add(result.get().status());
      }
      return statuses;
    } finally {
      pool.shutdownNow();
    }
  }

  static Stream<Write> concurrentWrites() {
    return Stream.of(
        new Write(
            "add",
            (api, d) ->
                api.post(
                    DATASETS,
                    Map.of("id", d.id(), "action", "add", "datapoints", datapoints(unique("q"))))),
        new Write(
            "rename",
            (api, d) -> api.patch(d.url() + "/versions/" + d.v2(), Map.of("name", unique("n")))));
  }
}
