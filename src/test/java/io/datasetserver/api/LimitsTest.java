package io.datasetserver.api;

import static io.datasetserver.testing.TestData.DATASETS;
import static io.datasetserver.testing.TestData.add;
import static io.datasetserver.testing.TestData.datapoint;
import static io.datasetserver.testing.TestData.datapoints;
import static io.datasetserver.testing.TestData.datasetUrl;
import static io.datasetserver.testing.TestData.id;
import static io.datasetserver.testing.TestData.questions;
import static io.datasetserver.testing.TestData.uniquePath;
import static io.datasetserver.testing.TestData.upsert;
import static io.datasetserver.testing.TestData.upsertBody;
import static io.datasetserver.testing.TestData.versionId;
import static io.datasetserver.testing.TestData.versionUrl;
import static io.datasetserver.testing.TestData.waitForClockPast;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.model.Filters;
import io.datasetserver.datasets.Limits;
import io.datasetserver.server.DatasetServer;
import io.datasetserver.storage.StoredDocuments;
import io.datasetserver.testing.Api;
import io.datasetserver.testing.RunningServer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.DocumentCodec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every limit on what a client sends (README "Limits"): just under it is a 200, just over it a 4xx
 * that says which limit, and nothing a client sends reaches a 5xx. The server runs with a cap of
 * {@value #MAX_VERSIONS} versions per dataset so the cap is reached quickly; that the real cap
 * keeps the dataset document under 16 MiB is {@code DatasetDocumentSizeTest}'s job.
 */
class LimitsTest {
  private static final int MAX_VERSIONS = 5;

  /** The 4-byte UTF-8 character U+1F600: lengths count it once, sizes four times. */
  private static final String WIDE = "\uD83D\uDE00";

  private static DatasetServer server;
  private static Api api;

  @BeforeAll
  static void start() throws Exception {
    server = DatasetServer.start(RunningServer.config().withMaxVersions(MAX_VERSIONS));
    api = new Api(server.port());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  // ---- attributes ----

  @Test
  void attributesAtTheLimitAreKeptAndReturned() {
    Map<String, Object> attributes = attributesOfSize(Limits.MAX_ATTRIBUTES_BYTES);

    JsonNode created =
        api.post(
                DATASETS,
                upsertBody(uniquePath("tests/limits"), datapoints("a"), "attributes", attributes))
            .ok();

    assertThat(created.get("attributes").get("blob").asText()).isEqualTo(attributes.get("blob"));
    assertThat(api.get(datasetUrl(created)).ok().get("attributes").get("blob").asText())
        .isEqualTo(attributes.get("blob"));
  }

  @Test
  void attributesOverTheLimitAreRejectedNamingTheLimit() {
    Api.Response response =
        api.post(
            DATASETS,
            upsertBody(
                uniquePath("tests/limits"),
                datapoints("a"),
                "attributes",
                attributesOfSize(Limits.MAX_ATTRIBUTES_BYTES + 1)));

    response.assertInvalid("body", "attributes");
    assertThat(message(response)).contains(String.valueOf(Limits.MAX_ATTRIBUTES_BYTES));
  }

  /** The report: the seventeenth such `add` used to pass 16 MiB and answer 500. */
  @Test
  void seventeenAddsWithMegabyteAttributesAreAllRefusedCleanly() {
    JsonNode first = upsert(api, uniquePath("tests/limits"), "a");
    String megabyte = "x".repeat(1_000_000);

    for (int i = 0; i < 17; i++) {
      Api.Response response =
          api.post(
              DATASETS,
              Map.of(
                  "id",
                  id(first),
                  "action",
                  "add",
                  "datapoints",
                  datapoints("m" + i),
                  "attributes",
                  Map.of("blob", megabyte + i)));
      response.assertInvalid("body", "attributes");
    }
    assertThat(api.get(datasetUrl(first) + "/versions").ok().get("records")).hasSize(1);
  }

  @Test
  void versionsWithLargestAttributesAndDescriptionsKeepTheDatasetDocumentSmall() {
    JsonNode first = upsert(api, uniquePath("tests/limits"), "a");
    List<JsonNode> created = new ArrayList<>();
    for (int i = 1; i < MAX_VERSIONS; i++) {
      Map<String, Object> attributes = attributesOfSize(Limits.MAX_ATTRIBUTES_BYTES);
      attributes.put(
          "blob", i + ((String) attributes.get("blob")).substring(String.valueOf(i).length()));
      created.add(
          api.post(
                  DATASETS,
                  Map.of(
                      "id",
                      id(first),
                      "action",
                      "add",
                      "datapoints",
                      datapoints("v" + i),
                      "attributes",
                      attributes,
                      "version_description",
                      longestDescription(i)))
              .ok());
    }

    assertThat(datasetDocumentBytes(id(first))).isLessThan(16 * 1024);
    JsonNode versions = api.get(datasetUrl(first) + "/versions").ok().get("records");
    assertThat(versions).hasSize(MAX_VERSIONS);
    for (int i = 0; i < created.size(); i++) {
      JsonNode listed = versions.get(created.size() - 1 - i);
      assertThat(listed.get("version_description").asText()).isEqualTo(longestDescription(i + 1));
      assertThat(listed.get("attributes").get("blob").asText()).startsWith(String.valueOf(i + 1));
    }
  }

  @Test
  void addWithoutAttributesCarriesTheBaseLongAttributesAndMatchesIdenticalContent() {
    Map<String, Object> attributes = attributesOfSize(Limits.MAX_ATTRIBUTES_BYTES);
    JsonNode first =
        api.post(
                DATASETS,
                upsertBody(uniquePath("tests/limits"), datapoints("a"), "attributes", attributes))
            .ok();

    JsonNode second = add(api, id(first), "b");
    JsonNode again =
        api.post(
                DATASETS,
                Map.of(
                    "id",
                    id(first),
                    "action",
                    "add",
                    "datapoints",
                    datapoints("b"),
                    "attributes",
                    attributes))
            .ok();

    assertThat(second.get("attributes").get("blob").asText()).isEqualTo(attributes.get("blob"));
    assertThat(versionId(again)).isEqualTo(versionId(second));
  }

  /**
   * A GET of one version fetches only that version's texts: another version's missing text does not
   * matter.
   */
  @Test
  void readingOneVersionFetchesOnlyItsOwnTexts() {
    JsonNode first =
        api.post(
                DATASETS,
                upsertBody(
                    uniquePath("tests/limits"),
                    datapoints("a"),
                    "version_description",
                    longestDescription(1)))
            .ok();
    JsonNode second =
        api.post(
                DATASETS,
                Map.of(
                    "id",
                    id(first),
                    "action",
                    "add",
                    "datapoints",
                    datapoints("b"),
                    "version_description",
                    longestDescription(2)))
            .ok();
    long removed =
        StoredDocuments.collection(server.database(), "version_texts")
            .deleteOne(
                Filters.and(Filters.eq("ds", id(first)), Filters.eq("text", longestDescription(1))))
            .getDeletedCount();
    assertThat(removed).isEqualTo(1);

    JsonNode read = api.get(datasetUrl(first) + "?version_id=" + versionId(second)).ok();

    assertThat(read.get("version_description").asText()).isEqualTo(longestDescription(2));
  }

  // ---- version_description ----

  @Test
  void descriptionAtTheLimitIsKeptWhereverItIsSet() {
    String longest = longestDescription(0);
    JsonNode created =
        api.post(
                DATASETS,
                upsertBody(
                    uniquePath("tests/limits"), datapoints("a"), "version_description", longest))
            .ok();
    JsonNode uploaded =
        api.upload(
                datasetUrl(created) + "/datapoints/csv",
                "rows.csv",
                "q\nb\n".getBytes(StandardCharsets.UTF_8),
                "version_description",
                longest)
            .ok();
    JsonNode patched = api.patch(versionUrl(created), Map.of("description", longest + "")).ok();

    assertThat(created.get("version_description").asText()).isEqualTo(longest);
    assertThat(uploaded.get("version_description").asText()).isEqualTo(longest);
    assertThat(patched.get("version_description").asText()).isEqualTo(longest);
  }

  @Test
  void descriptionOverTheLimitIsRejectedWhereverItIsSet() {
    String tooLong = longestDescription(0) + "x";
    JsonNode created = upsert(api, uniquePath("tests/limits"), "a");

    Api.Response upserted =
        api.post(
            DATASETS,
            Map.of(
                "id",
                id(created),
                "action",
                "add",
                "datapoints",
                datapoints("b"),
                "version_description",
                tooLong));
    Api.Response uploaded =
        api.upload(
            datasetUrl(created) + "/datapoints/csv",
            "rows.csv",
            "q\nb\n".getBytes(StandardCharsets.UTF_8),
            "version_description",
            tooLong);
    Api.Response patched = api.patch(versionUrl(created), Map.of("description", tooLong));

    upserted.assertInvalid("body", "version_description");
    uploaded.assertInvalid("body", "version_description");
    patched.assertInvalid("body", "description");
    assertThat(message(upserted)).contains(String.valueOf(Limits.MAX_VERSION_DESCRIPTION));
    assertThat(api.get(datasetUrl(created) + "/versions").ok().get("records")).hasSize(1);
  }

  @Test
  void changingALongDescriptionReplacesItsTextAndClearingItRemovesIt() {
    JsonNode created =
        api.post(
                DATASETS,
                upsertBody(
                    uniquePath("tests/limits"),
                    datapoints("a"),
                    "version_description",
                    longestDescription(1)))
            .ok();

    JsonNode changed =
        api.patch(versionUrl(created), Map.of("description", longestDescription(2))).ok();
    JsonNode unchanged =
        api.patch(versionUrl(created), Map.of("description", longestDescription(2))).ok();
    JsonNode cleared = api.patch(versionUrl(created), Map.of("description", "")).ok();

    assertThat(changed.get("version_description").asText()).isEqualTo(longestDescription(2));
    assertThat(unchanged.get("updated_at")).isEqualTo(changed.get("updated_at"));
    assertThat(cleared.has("version_description")).isFalse();
  }

  // ---- version_name ----

  @Test
  void versionNameIsOneTo255Characters() {
    JsonNode created = upsert(api, uniquePath("tests/limits"), "a");

    JsonNode named =
        api.post(
                DATASETS,
                Map.of(
                    "id",
                    id(created),
                    "action",
                    "add",
                    "datapoints",
                    datapoints("b"),
                    "version_name",
                    WIDE.repeat(Limits.MAX_VERSION_NAME)))
            .ok();
    Api.Response tooLong =
        api.post(
            DATASETS,
            Map.of(
                "id",
                id(created),
                "action",
                "add",
                "datapoints",
                datapoints("c"),
                "version_name",
                "n".repeat(Limits.MAX_VERSION_NAME + 1)));

    assertThat(named.get("version_name").asText()).isEqualTo(WIDE.repeat(Limits.MAX_VERSION_NAME));
    tooLong.assertInvalid("body", "version_name");
  }

  // ---- datapoints ----

  @Test
  void datapointAtTheLimitIsStoredAndOneOverItIsRejected() {
    String path = uniquePath("tests/limits");
    // {"inputs":{"q":"…"}} is 19 bytes around the value.
    String atLimit = "y".repeat(Limits.MAX_DATAPOINT_BYTES - 19);

    JsonNode created = api.post(DATASETS, upsertBody(path, List.of(datapoint(atLimit)))).ok();
    Api.Response tooLarge =
        api.post(DATASETS, upsertBody(path, List.of(datapoint("a"), datapoint(atLimit + "y"))));

    assertThat(questions(api, created)).containsExactly(atLimit);
    tooLarge.assertInvalid("body", "datapoints", 1);
    assertThat(message(tooLarge)).contains(String.valueOf(Limits.MAX_DATAPOINT_BYTES));
  }

  @Test
  void csvRowOverTheDatapointLimitIsRejectedNamingTheRow() {
    JsonNode created = upsert(api, uniquePath("tests/limits"), "a");
    String csv = "q\nfine\n" + "y".repeat(Limits.MAX_DATAPOINT_BYTES) + "\n";

    Api.Response response =
        api.upload(
            datasetUrl(created) + "/datapoints/csv",
            "rows.csv",
            csv.getBytes(StandardCharsets.UTF_8));

    response.assertInvalid("body", "file");
    assertThat(message(response))
        .startsWith("Row 2: ")
        .contains(String.valueOf(Limits.MAX_DATAPOINT_BYTES));
  }

  // ---- versions per dataset ----

  @Test
  void datasetAtTheVersionCapRefusesNewVersionsWithAConflictThatSaysWhatToDo() {
    JsonNode first = upsert(api, uniquePath("tests/limits"), "v0");
    List<JsonNode> versions = new ArrayList<>(List.of(first));
    for (int i = 1; i < MAX_VERSIONS; i++) {
      versions.add(add(api, id(first), "v" + i));
    }

    Api.Response refused =
        api.post(
            DATASETS,
            Map.of("id", id(first), "action", "add", "datapoints", datapoints("one too many")));
    Api.Response csv =
        api.upload(
            datasetUrl(first) + "/datapoints/csv",
            "rows.csv",
            "q\none too many\n".getBytes(StandardCharsets.UTF_8));
    JsonNode identical =
        api.post(DATASETS, Map.of("id", id(first), "action", "add", "datapoints", datapoints()))
            .ok();

    refused.assertDetail(409);
    csv.assertDetail(409);
    assertThat(message(refused))
        .contains(id(first), MAX_VERSIONS + " versions", "delete", "new dataset");
    assertThat(versionId(identical)).isEqualTo(versionId(versions.get(MAX_VERSIONS - 1)));
    waitForClockPast(Instant.now().toString());
    api.delete(versionUrl(versions.get(1))).assertStatus(204);
    JsonNode afterDelete = add(api, id(first), "room again");
    assertThat(questions(api, afterDelete)).endsWith("room again");
  }

  // ---- cleanup ----

  @Test
  void longTextsAreSweptWithTheirVersionAndWithTheirDataset() {
    JsonNode first = upsert(api, uniquePath("tests/limits"), "a");
    JsonNode second =
        api.post(
                DATASETS,
                Map.of(
                    "id",
                    id(first),
                    "action",
                    "add",
                    "datapoints",
                    datapoints("b"),
                    "version_description",
                    longestDescription(7),
                    "attributes",
                    attributesOfSize(1000)))
            .ok();
    // Everything the answered request wrote is older than a sweep's cutoff from now on.
    waitForClockPast(Instant.now().toString());
    assertThat(textsOf(id(first))).isEqualTo(2);

    api.delete(versionUrl(second)).assertStatus(204);
    assertThat(textsOf(id(first))).isZero();

    JsonNode third =
        api.post(
                DATASETS,
                Map.of(
                    "id",
                    id(first),
                    "action",
                    "add",
                    "datapoints",
                    datapoints("c"),
                    "version_description",
                    longestDescription(8)))
            .ok();
    assertThat(textsOf(id(third))).isEqualTo(1);
    api.delete(datasetUrl(first)).assertStatus(204);
    assertThat(textsOf(id(first))).isZero();
  }

  // ---- documents written before texts moved out and entries became binary ----

  @Test
  void datasetWrittenWithLongTextsInlineReadsAndMovesThemOutAtItsNextWrite() {
    JsonNode created = upsert(api, uniquePath("tests/limits"), "a");
    String longAttributes = "{\"blob\":\"" + "z".repeat(5000) + "\"}";
    String longDescription = "d".repeat(3000);
    var datasets = StoredDocuments.collection(server.database(), "datasets");
    Document stored =
        StoredDocuments.inEarlierForm(datasets.find(Filters.eq("_id", id(created))).first());
    Document version = stored.getList("versions", Document.class).get(0);
    version.put("attrs", longAttributes);
    version.put("description", longDescription);
    // As the old code would have written it: a change, so a new revision.
    stored.put("rev", stored.get("rev", Number.class).longValue() + 1);
    datasets.replaceOne(Filters.eq("_id", id(created)), stored);

    JsonNode read = api.get(datasetUrl(created)).ok();
    JsonNode second = add(api, id(created), "b");

    assertThat(read.get("attributes").get("blob").asText()).hasSize(5000);
    assertThat(read.get("version_description").asText()).isEqualTo(longDescription);
    assertThat(second.get("attributes").get("blob").asText()).hasSize(5000);
    Document rewritten =
        StoredDocuments.versionEntries(datasets.find(Filters.eq("_id", id(created))).first())
            .get(0);
    assertThat(rewritten)
        .doesNotContainKeys("attrs", "description")
        .containsKeys("attrs_ref", "description_ref");
    JsonNode reread = api.get(datasetUrl(created) + "?version_id=" + versionId(created)).ok();
    assertThat(reread.get("version_description").asText()).isEqualTo(longDescription);
    assertThat(reread.get("attributes").get("blob").asText()).hasSize(5000);
  }

  // ---- helpers ----

  /** Attributes {"blob": "…"} whose compact JSON is exactly {@code bytes} long. */
  private static Map<String, Object> attributesOfSize(int bytes) {
    return new java.util.HashMap<>(Map.of("blob", "x".repeat(bytes - "{\"blob\":\"\"}".length())));
  }

  /** A description of exactly the longest length, in 4-byte characters, distinct per {@code n}. */
  private static String longestDescription(int n) {
    String prefix = n + ":";
    return prefix + WIDE.repeat(Limits.MAX_VERSION_DESCRIPTION - prefix.length());
  }

  private static String message(Api.Response response) {
    JsonNode detail = response.json().get("detail");
    return detail.isTextual() ? detail.asText() : detail.get(0).get("msg").asText();
  }

  private static int datasetDocumentBytes(String datasetId) {
    Document document =
        StoredDocuments.collection(server.database(), "datasets")
            .find(Filters.eq("_id", datasetId))
            .first();
    return new RawBsonDocument(document, new DocumentCodec()).getByteBuffer().remaining();
  }

  private static long textsOf(String datasetId) {
    return StoredDocuments.collection(server.database(), "version_texts")
        .countDocuments(Filters.eq("ds", datasetId));
  }
}
