package io.datasetserver.api;

import static io.datasetserver.testing.TestData.DATASETS;
import static io.datasetserver.testing.TestData.add;
import static io.datasetserver.testing.TestData.datapoints;
import static io.datasetserver.testing.TestData.datasetUrl;
import static io.datasetserver.testing.TestData.id;
import static io.datasetserver.testing.TestData.json;
import static io.datasetserver.testing.TestData.uniquePath;
import static io.datasetserver.testing.TestData.upsert;
import static io.datasetserver.testing.TestData.upsertBody;
import static io.datasetserver.testing.TestData.versionId;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.datasetserver.testing.Api;
import io.datasetserver.testing.RunningServer;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** GET /v5/datasets/{id}/export (contract §8.2). */
@ExtendWith(RunningServer.class)
class ExportVersionTest {

  private static Api.Response export(Api api, JsonNode version, String format) {
    Api.Response response =
        api.get(
            datasetUrl(version) + "/export?format=" + format + "&version_id=" + versionId(version));
    response.assertStatus(200);
    return response;
  }

  private static JsonNode set(Api api, String path, List<?> datapoints, Object... fields) {
    return api.post(DATASETS, upsertBody(path, datapoints, fields)).ok();
  }

  private static List<JsonNode> allDatapoints(Api api, JsonNode version) {
    List<JsonNode> result = new ArrayList<>();
    api.get(datasetUrl(version) + "?include_datapoints=true&version_id=" + versionId(version))
        .ok()
        .get("datapoints")
        .forEach(result::add);
    return result;
  }

  /** Each datapoint without its id: what a round trip through another dataset must keep. */
  private static List<JsonNode> contents(List<JsonNode> datapoints) {
    return datapoints.stream()
        .map(
            d -> {
              JsonNode copy = d.deepCopy();
              ((com.fasterxml.jackson.databind.node.ObjectNode) copy).remove("id");
              return copy;
            })
        .toList();
  }

  private static List<CSVRecord> csv(String body) throws IOException {
    return CSVFormat.RFC4180.parse(new StringReader(body)).getRecords();
  }

  private static Map<String, Object> row(String question, String note, Object... more) {
    Map<String, Object> datapoint = new LinkedHashMap<>();
    datapoint.put("inputs", Map.of("question", question, "note", note));
    for (int i = 0; i + 1 < more.length; i += 2) {
      datapoint.put((String) more[i], more[i + 1]);
    }
    return datapoint;
  }

  /**
   * Hard cells: quotes, commas, line breaks, unicode, both kinds of message content, nested
   * targets.
   */
  private static List<Map<String, Object>> awkwardDatapoints() {
    Map<String, Object> nestedTarget = new LinkedHashMap<>();
    nestedTarget.put(
        "output", Map.of("nested", List.of(1, 2.5, Map.of("k", "v")), "empty", Map.of()));
    nestedTarget.put("score", 0.75);
    nestedTarget.put("absent", null);
    return List.of(
        row("He said \"hi\", then left", "line1\nline2\r\nline3", "target", Map.of("output", "x")),
        row(
            "caf\u00e9 \u2615 \u65e5\u672c\u8a9e",
            "",
            "messages",
            List.of(
                Map.of("role", "user", "content", "a, b"),
                Map.of(
                    "role",
                    "assistant",
                    "content",
                    List.of(
                        Map.of("type", "text", "text", "part \"q\""),
                        Map.of(
                            "type",
                            "image_url",
                            "image_url",
                            Map.of("url", "http://x.example/y.png", "detail", "low"))))),
            "target",
            nestedTarget),
        row(
            "",
            "trailing,comma,",
            "messages",
            List.of(
                Map.of(
                    "role",
                    "assistant",
                    "content",
                    "calling",
                    "tool_calls",
                    List.of(
                        Map.of(
                            "id",
                            "call_1",
                            "type",
                            "function",
                            "function",
                            Map.of("name", "lookup", "arguments", "{\"id\": 7}")))))),
        row("plain", "\"", "target", Map.of("output", "{not json", "target.dotted", "yes")),
        row("  spaced  ", "tab\there", "target", Map.of("output", "{\"looks\": \"like json\"}")));
  }

  @Test
  void jsonlHasOneDatapointPerLineExactlyAsTheDatapointsListing(Api api) {
    JsonNode version =
        set(api, uniquePath("tests/export"), awkwardDatapoints(), "version_name", "v1");
    Api.Response response = export(api, version, "jsonl");
    assertThat(response.header("Content-Type")).isEqualTo("application/x-ndjson");
    assertThat(response.body()).endsWith("\n");
    String[] lines = response.body().split("\n", -1);
    assertThat(lines).hasSize(6);
    assertThat(lines[5]).isEmpty();
    JsonNode listed =
        api.get(datasetUrl(version) + "/datapoints?version_id=" + versionId(version))
            .ok()
            .get("records");
    for (int i = 0; i < 5; i++) {
      assertThat(json(lines[i])).isEqualTo(listed.get(i));
    }
  }

  @Test
  void jsonlIsTheDefaultFormatAndTheDefaultVersionIsExported(Api api) {
    JsonNode v1 = upsert(api, uniquePath("tests/export"), "a", "b");
    add(api, id(v1), "c");
    Api.Response response = api.get(datasetUrl(v1) + "/export");
    response.assertStatus(200);
    assertThat(response.header("Content-Type")).isEqualTo("application/x-ndjson");
    assertThat(response.body().lines().map(l -> json(l).get("inputs").get("q").asText()).toList())
        .containsExactly("a", "b");
  }

  @Test
  void theFileIsNamedForTheDatasetAndTheVersionNameElseItsId(Api api) {
    String path = uniquePath("tests/export");
    String name = path.substring(path.lastIndexOf('/') + 1);
    JsonNode named = set(api, path, datapoints("a"), "version_name", "reviewed");
    assertThat(export(api, named, "jsonl").header("Content-Disposition"))
        .isEqualTo("attachment; filename=\"" + name + "-reviewed.jsonl\"");
    JsonNode unnamed = add(api, id(named), "b");
    assertThat(export(api, unnamed, "csv").header("Content-Disposition"))
        .isEqualTo("attachment; filename=\"" + name + "-" + versionId(unnamed) + ".csv\"");
  }

  @Test
  void quotesLineBreaksAndNonAsciiInTheFileNameCannotBreakTheHeader(Api api) {
    JsonNode version =
        set(
            api,
            "tests/export/na\u00efve \""
                + java.util.UUID.randomUUID().toString().substring(0, 8)
                + "\"",
            datapoints("a"),
            "version_name",
            "v\r\nX-Injected: 1\\");
    Api.Response response = export(api, version, "jsonl");
    String disposition = response.header("Content-Disposition");
    assertThat(response.header("X-Injected")).isNull();
    assertThat(disposition)
        .startsWith("attachment; filename=\"na_ve _")
        .contains("-v__X-Injected: 1_.jsonl\"; ")
        .contains("filename*=UTF-8''na%C3%AFve%20%22")
        .endsWith("%22-v%0D%0AX-Injected%3A%201%5C.jsonl");
  }

  @Test
  void csvHasAnInputColumnPerKeyInOrderOfFirstAppearanceThenMessagesThenTarget(Api api)
      throws IOException {
    JsonNode version =
        set(
            api,
            uniquePath("tests/export"),
            List.of(
                Map.of("inputs", Map.of("b", "1")),
                Map.of("inputs", Map.of("a", "2", "b", "3"), "target", Map.of("output", "t")),
                Map.of(
                    "inputs",
                    Map.of("c", "4"),
                    "messages",
                    List.of(Map.of("role", "user", "content", "m")))));
    Api.Response response = export(api, version, "csv");
    assertThat(response.header("Content-Type")).isEqualTo("text/csv; charset=utf-8");
    List<CSVRecord> records = csv(response.body());
    assertThat(records.get(0).toList()).containsExactly("b", "a", "c", "messages", "target");
    assertThat(records.get(1).toList()).containsExactly("1", "", "", "", "");
    assertThat(records.get(2).toList()).containsExactly("3", "2", "", "", "{\"output\":\"t\"}");
    assertThat(json(records.get(3).get(3)))
        .isEqualTo(json("[{\"role\":\"user\",\"content\":\"m\"}]"));
    assertThat(records).hasSize(4);
    assertThat(response.body()).contains("\r\n");
  }

  @Test
  void csvLeavesOutMessagesAndTargetWhenNoDatapointHasThem(Api api) throws IOException {
    JsonNode version = upsert(api, uniquePath("tests/export"), "a", "b");
    assertThat(csv(export(api, version, "csv").body()).stream().map(CSVRecord::toList).toList())
        .containsExactly(List.of("q"), List.of("a"), List.of("b"));
  }

  @Test
  void csvUploadedIntoAnEmptyDatasetGivesBackTheSameDatapoints(Api api) {
    JsonNode original = set(api, uniquePath("tests/export"), awkwardDatapoints());
    byte[] file = export(api, original, "csv").body().getBytes(StandardCharsets.UTF_8);
    JsonNode empty = set(api, uniquePath("tests/export"), List.of());
    JsonNode uploaded = api.upload(datasetUrl(empty) + "/datapoints/csv", "export.csv", file).ok();
    assertThat(uploaded.get("datapoints_count").asInt()).isEqualTo(5);
    assertThat(contents(allDatapoints(api, uploaded)))
        .isEqualTo(contents(allDatapoints(api, original)));
  }

  @Test
  void aRowWhoseOnlyCellIsEmptyIsNotLostAsABlankLine(Api api) {
    JsonNode original = upsert(api, uniquePath("tests/export"), "", "x");
    byte[] file = export(api, original, "csv").body().getBytes(StandardCharsets.UTF_8);
    JsonNode empty = set(api, uniquePath("tests/export"), List.of());
    JsonNode uploaded = api.upload(datasetUrl(empty) + "/datapoints/csv", "export.csv", file).ok();
    assertThat(contents(allDatapoints(api, uploaded)))
        .isEqualTo(contents(allDatapoints(api, original)));
  }

  @Test
  void anAbsentInputComesBackEmptyAfterTheRoundTrip(Api api) {
    JsonNode original =
        set(
            api,
            uniquePath("tests/export"),
            List.of(
                Map.of("inputs", Map.of("a", "1", "b", "2")), Map.of("inputs", Map.of("a", "3"))));
    byte[] file = export(api, original, "csv").body().getBytes(StandardCharsets.UTF_8);
    JsonNode empty = set(api, uniquePath("tests/export"), List.of());
    JsonNode uploaded = api.upload(datasetUrl(empty) + "/datapoints/csv", "export.csv", file).ok();
    assertThat(allDatapoints(api, uploaded).get(1).get("inputs"))
        .isEqualTo(json("{\"a\":\"3\",\"b\":\"\"}"));
  }

  @Test
  void anInputTheUploadWouldReadAsTargetOrMessagesIsRefusedAsCsvOnly(Api api) {
    for (String key : List.of("target", "messages", "target.score")) {
      JsonNode version =
          set(api, uniquePath("tests/export"), List.of(Map.of("inputs", Map.of(key, "v"))));
      Api.Response refused = api.get(datasetUrl(version) + "/export?format=csv");
      refused.assertDetail(409);
      assertThat(refused.json().get("detail").asText()).contains("'" + key + "'").contains("jsonl");
      export(api, version, "jsonl");
    }
  }

  @Test
  void aVersionOfManySegmentsAndReadBatchesIsExportedWholeInOrder(Api api) throws IOException {
    List<String> questions = new ArrayList<>();
    for (int i = 0; i < 2500; i++) {
      questions.add("q" + i);
    }
    JsonNode version = upsert(api, uniquePath("tests/export"), questions.toArray(String[]::new));
    version = add(api, id(version), "last");
    questions.add("last");
    List<String> exported =
        export(api, version, "jsonl")
            .body()
            .lines()
            .map(line -> json(line).get("inputs").get("q").asText())
            .toList();
    assertThat(exported).isEqualTo(questions);
    List<CSVRecord> rows = csv(export(api, version, "csv").body());
    assertThat(rows.stream().skip(1).map(r -> r.get(0)).toList()).isEqualTo(questions);
  }

  @Test
  void anEmptyVersionIsAnEmptyFile(Api api) {
    JsonNode empty = set(api, uniquePath("tests/export"), List.of());
    assertThat(export(api, empty, "jsonl").body()).isEmpty();
    assertThat(export(api, empty, "csv").body()).isEmpty();
  }

  @Test
  void environmentSelectsTheVersion(Api api) {
    JsonNode v1 = upsert(api, uniquePath("tests/export"), "a");
    JsonNode v2 = add(api, id(v1), "b");
    api.post(datasetUrl(v1) + "/environments/staging?version_id=" + versionId(v2), null).ok();
    Api.Response response = api.get(datasetUrl(v1) + "/export?environment=staging");
    response.assertStatus(200);
    assertThat(response.body().lines().count()).isEqualTo(2);
  }

  @Test
  void anUnknownFormatIsRefused(Api api) {
    JsonNode version = upsert(api, uniquePath("tests/export"), "a");
    api.get(datasetUrl(version) + "/export?format=xml").assertInvalid("query", "format");
    api.get(datasetUrl(version) + "/export?format=CSV").assertInvalid("query", "format");
    api.get(DATASETS + "/ds_unknown/export?format=xml").assertInvalid("query", "format");
  }

  @Test
  void selectorErrorsAreAsForEveryRead(Api api) {
    JsonNode version = upsert(api, uniquePath("tests/export"), "a");
    api.get(
            datasetUrl(version)
                + "/export?version_id="
                + versionId(version)
                + "&environment=production")
        .assertInvalid("query", "environment");
    api.get(datasetUrl(version) + "/export?version_id=dsv_unknown").assertDetail(404);
    api.get(datasetUrl(version) + "/export?environment=nowhere").assertDetail(404);
    api.get(datasetUrl(version) + "/export?environment=staging").assertDetail(404);
    api.get(DATASETS + "/ds_unknown/export").assertDetail(404);
    api.as(Api.BETA).get(datasetUrl(version) + "/export").assertDetail(404);
    api.as(null).get(datasetUrl(version) + "/export").assertDetail(401);
  }
}
