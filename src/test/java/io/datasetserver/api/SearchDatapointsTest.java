package io.datasetserver.api;

import static io.datasetserver.testing.TestData.DATASETS;
import static io.datasetserver.testing.TestData.add;
import static io.datasetserver.testing.TestData.datasetUrl;
import static io.datasetserver.testing.TestData.id;
import static io.datasetserver.testing.TestData.questions;
import static io.datasetserver.testing.TestData.uniquePath;
import static io.datasetserver.testing.TestData.upsert;
import static io.datasetserver.testing.TestData.upsertBody;
import static io.datasetserver.testing.TestData.versionId;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.datasetserver.testing.Api;
import io.datasetserver.testing.RunningServer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** GET /v5/datasets/{id}/datapoints?q=… (contract §8.5). */
@ExtendWith(RunningServer.class)
class SearchDatapointsTest {
  private static JsonNode dataset;

  /**
   * One datapoint per place the text may be found, each with a distinct {@code q} input naming it.
   */
  @BeforeAll
  static void createDataset(Api api) {
    dataset =
        api.post(
                DATASETS,
                upsertBody(
                    uniquePath("tests/search"),
                    List.of(
                        Map.of("inputs", Map.of("q", "input", "topic", "Where is my REFUND?")),
                        Map.of(
                            "inputs",
                            Map.of("q", "message string"),
                            "messages",
                            List.of(Map.of("role", "user", "content", "I want a refund, please"))),
                        Map.of(
                            "inputs",
                            Map.of("q", "message part"),
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
                                            Map.of("url", "http://x.example/refund.png")),
                                        Map.of("type", "text", "text", "see the Refunds page"))))),
                        Map.of(
                            "inputs",
                            Map.of("q", "image only"),
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
                                            Map.of("url", "http://x.example/refund.png")))))),
                        Map.of(
                            "inputs",
                            Map.of("q", "target text"),
                            "target",
                            Map.of("output", "Refunded in 5 days")),
                        Map.of(
                            "inputs",
                            Map.of("q", "target nested"),
                            "target",
                            Map.of("meta", Map.of("tags", List.of("refund")))),
                        Map.of(
                            "inputs",
                            Map.of("q", "target number"),
                            "target",
                            Map.of("score", 0.125)),
                        Map.of(
                            "inputs",
                            Map.of("q", "key only", "refund", "no"),
                            "target",
                            Map.of("refund", false)),
                        Map.of("inputs", Map.of("q", "quoted", "said", "she said \"ok\" and left")),
                        Map.of(
                            "inputs",
                            Map.of("q", "unicode", "city", "\u00c9COLE \u00e0 Z\u00fcrich")),
                        Map.of("inputs", Map.of("q", "unrelated")))))
            .ok();
  }

  private static JsonNode search(Api api, String text, String more) {
    return api.get(
            datasetUrl(dataset)
                + "/datapoints?q="
                + URLEncoder.encode(text, StandardCharsets.UTF_8)
                + more)
        .ok();
  }

  private static List<String> found(Api api, String text) {
    return questions(search(api, text, "").get("records"));
  }

  @Test
  void findsTheTextCaseInsensitivelyInInputsMessageTextAndTargetValues(Api api) {
    assertThat(found(api, "refund"))
        .containsExactly("input", "message string", "message part", "target text", "target nested");
    assertThat(search(api, "ReFuNd", "").get("total").asInt()).isEqualTo(5);
  }

  @Test
  void keysAndImageUrlsAreNotSearched(Api api) {
    assertThat(found(api, "refund.png")).isEmpty();
    assertThat(found(api, "topic")).isEmpty();
    assertThat(found(api, "output")).isEmpty();
  }

  @Test
  void targetValuesAreComparedAsTheirJsonText(Api api) {
    assertThat(found(api, "0.125")).containsExactly("target number");
    assertThat(found(api, "[\"refund\"]")).containsExactly("target nested");
    assertThat(found(api, "false")).containsExactly("key only");
    assertThat(found(api, "\"Refunded")).containsExactly("target text");
  }

  @Test
  void textWithQuotesAndNonAsciiLettersIsFound(Api api) {
    assertThat(found(api, "said \"OK\"")).containsExactly("quoted");
    assertThat(found(api, "\u00e9cole \u00c0 z\u00dcrich")).containsExactly("unicode");
  }

  @Test
  void theTextIsLiteralNotAPattern(Api api) {
    assertThat(found(api, ".*")).isEmpty();
    assertThat(found(api, "in 5 days)")).isEmpty();
    assertThat(found(api, "in 5 days")).containsExactly("target text");
  }

  @Test
  void matchesArePagedInTheVersionsOrderAndTotalCountsThem(Api api) {
    List<String> seen = new ArrayList<>();
    for (int page = 1; page <= 3; page++) {
      JsonNode body = search(api, "refund", "&size=2&page=" + page);
      assertThat(body.get("total").asInt()).isEqualTo(5);
      assertThat(body.get("page").asInt()).isEqualTo(page);
      assertThat(body.get("size").asInt()).isEqualTo(2);
      seen.addAll(questions(body.get("records")));
    }
    assertThat(seen)
        .containsExactly("input", "message string", "message part", "target text", "target nested");
    JsonNode past = search(api, "refund", "&size=2&page=4");
    assertThat(past.get("records")).isEmpty();
    assertThat(past.get("total").asInt()).isEqualTo(5);
    assertThat(search(api, "nothing like this", "").get("total").asInt()).isZero();
  }

  @Test
  void searchesEveryReadBatchOfALargerVersion(Api api) {
    List<String> questions = new ArrayList<>();
    for (int i = 0; i < 2500; i++) {
      questions.add("n" + i);
    }
    JsonNode version = upsert(api, uniquePath("tests/search"), questions.toArray(String[]::new));
    List<String> expected = questions.stream().filter(q -> q.startsWith("n1")).toList();
    JsonNode last = api.get(datasetUrl(version) + "/datapoints?q=N1&size=100&page=12").ok();
    assertThat(last.get("total").asInt()).isEqualTo(expected.size()).isEqualTo(1111);
    assertThat(questions(last.get("records"))).isEqualTo(expected.subList(1100, 1111));
  }

  @Test
  void recordsAreTheListingsOwn(Api api) {
    JsonNode all = api.get(datasetUrl(dataset) + "/datapoints?size=100").ok().get("records");
    assertThat(search(api, "message part", "").get("records").get(0)).isEqualTo(all.get(2));
  }

  @Test
  void anEmptyTextFiltersNothing(Api api) {
    JsonNode body = api.get(datasetUrl(dataset) + "/datapoints?q=&size=100").ok();
    assertThat(body.get("total").asInt()).isEqualTo(11);
    assertThat(body.get("records")).hasSize(11);
  }

  @Test
  void searchesTheSelectedVersion(Api api) {
    JsonNode v1 = upsert(api, uniquePath("tests/search"), "apple", "banana");
    JsonNode v2 = add(api, id(v1), "pineapple");
    assertThat(questions(api.get(datasetUrl(v1) + "/datapoints?q=APPLE").ok().get("records")))
        .containsExactly("apple");
    JsonNode latest =
        api.get(datasetUrl(v1) + "/datapoints?q=apple&version_id=" + versionId(v2)).ok();
    assertThat(questions(latest.get("records"))).containsExactly("apple", "pineapple");
    assertThat(latest.get("total").asInt()).isEqualTo(2);
  }

  @Test
  void errorsAreAsWithoutASearch(Api api) {
    api.get(datasetUrl(dataset) + "/datapoints?q=x&page=0").assertInvalid("query", "page");
    api.get(datasetUrl(dataset) + "/datapoints?q=x&version_id=dsv_x&environment=production")
        .assertInvalid("query", "environment");
    api.get(datasetUrl(dataset) + "/datapoints?q=x&version_id=dsv_unknown").assertDetail(404);
    api.get(DATASETS + "/ds_unknown/datapoints?q=x").assertDetail(404);
    api.as(Api.BETA).get(datasetUrl(dataset) + "/datapoints?q=x").assertDetail(404);
  }
}
