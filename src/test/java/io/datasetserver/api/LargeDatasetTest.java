package io.datasetserver.api;

import static io.datasetserver.testing.TestData.DATASETS;
import static io.datasetserver.testing.TestData.datapoint;
import static io.datasetserver.testing.TestData.uniquePath;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.datasetserver.testing.Api;
import io.datasetserver.testing.RunningServer;
import io.datasetserver.testing.Slow;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A 20,000-datapoint dataset round-trips. The dataset is uploaded once for the class; every test
 * reads it at its first version, which stays deployed, so tests that add versions do not disturb
 * the others.
 */
@ExtendWith(RunningServer.class)
@Slow
class LargeDatasetTest {
  private static final int ROWS = 20_000;

  private static List<Map<String, Object>> rows;
  private static String path;
  private static String id;
  private static String firstVersionId;

  @BeforeAll
  static void uploadTheDataset(Api api) {
    rows = new ArrayList<>(ROWS);
    for (int i = 0; i < ROWS; i++) {
      // Descending labels: the stored order must be the request's, not a sorted one.
      rows.add(
          Map.of(
              "inputs",
              Map.of("q", label(ROWS - 1 - i), "lang", i % 2 == 0 ? "en" : "fr"),
              "target",
              Map.of("output", i)));
    }
    path = uniquePath("large");
    JsonNode created = api.post(DATASETS, Map.of("path", path, "datapoints", rows)).ok();
    assertThat(created.path("datapoints_count").asInt()).isEqualTo(ROWS);
    id = created.path("id").asText();
    firstVersionId = created.path("version_id").asText();
  }

  private static String label(int n) {
    return String.format("row-%05d", n);
  }

  @Test
  void theDatasetReportsEveryRow(Api api) {
    JsonNode fetched = api.get(DATASETS + "/" + id).ok();
    assertThat(fetched.path("version_id").asText()).isEqualTo(firstVersionId);
    assertThat(fetched.path("datapoints_count").asInt()).isEqualTo(ROWS);
  }

  @Test
  void pagingThroughTheDatapointsReturnsEveryRowInOrder(Api api) {
    List<String> seen = new ArrayList<>(ROWS);
    List<String> ids = new ArrayList<>(ROWS);
    for (int page = 1; page <= ROWS / 1000; page++) {
      JsonNode body = api.get(DATASETS + "/" + id + "/datapoints?size=1000&page=" + page).ok();
      assertThat(body.path("total").asInt()).isEqualTo(ROWS);
      assertThat(body.path("records")).hasSize(1000);
      body.path("records")
          .forEach(
              r -> {
                seen.add(r.path("inputs").path("q").asText());
                ids.add(r.path("id").asText());
              });
    }
    JsonNode after =
        api.get(DATASETS + "/" + id + "/datapoints?size=1000&page=" + (ROWS / 1000 + 1)).ok();
    assertThat(after.path("records")).isEmpty();
    assertThat(after.path("total").asInt()).isEqualTo(ROWS);
    assertThat(seen).isEqualTo(expectedLabels());
    assertThat(new HashSet<>(ids)).hasSize(ROWS);
  }

  @Test
  void aPageInTheMiddleHoldsTheRightRows(Api api) {
    JsonNode body = api.get(DATASETS + "/" + id + "/datapoints?size=7&page=1429").ok();
    List<String> seen = new ArrayList<>();
    body.path("records").forEach(r -> seen.add(r.path("inputs").path("q").asText()));
    assertThat(seen).isEqualTo(expectedLabels().subList(7 * 1428, 7 * 1428 + 7));
  }

  @Test
  void includeDatapointsReturnsEveryRowInOrder(Api api) {
    JsonNode fetched = api.get(DATASETS + "/" + id + "?include_datapoints=true").ok();
    JsonNode datapoints = fetched.path("datapoints");
    assertThat(datapoints).hasSize(ROWS);
    List<String> seen = new ArrayList<>(ROWS);
    datapoints.forEach(d -> seen.add(d.path("inputs").path("q").asText()));
    assertThat(seen).isEqualTo(expectedLabels());
    assertThat(datapoints.get(ROWS - 1).path("target").path("output").asInt()).isEqualTo(ROWS - 1);
    assertThat(datapoints.get(0).path("inputs").path("lang").asText()).isEqualTo("en");
  }

  @Test
  void upsertingTheSameRowsAgainReturnsTheSameVersion(Api api) {
    List<Map<String, Object>> reversed = new ArrayList<>(rows);
    java.util.Collections.reverse(reversed);
    JsonNode again = api.post(DATASETS, Map.of("path", path, "datapoints", reversed)).ok();
    assertThat(again.path("version_id").asText()).isEqualTo(firstVersionId);
  }

  @Test
  void addingAndRemovingOneRowComesBackToTheSameVersion(Api api) {
    Map<String, Object> extra = datapoint("extra-" + UUID.randomUUID());
    JsonNode added =
        api.post(
                DATASETS + "?version_id=" + firstVersionId,
                Map.of("id", id, "action", "add", "datapoints", List.of(extra)))
            .ok();
    assertThat(added.path("datapoints_count").asInt()).isEqualTo(ROWS + 1);
    JsonNode last =
        api.get(
                DATASETS
                    + "/"
                    + id
                    + "/datapoints?size=1&page="
                    + (ROWS + 1)
                    + "&version_id="
                    + added.path("version_id").asText())
            .ok();
    assertThat(last.path("records").get(0).path("inputs"))
        .isEqualTo(Api.JSON.valueToTree(extra.get("inputs")));
    JsonNode removed =
        api.post(
                DATASETS + "?version_id=" + added.path("version_id").asText(),
                Map.of("id", id, "action", "remove", "datapoints", List.of(extra)))
            .ok();
    assertThat(removed.path("version_id").asText()).isEqualTo(firstVersionId);
  }

  @Test
  void removingARowFromTheMiddleKeepsTheRestInOrder(Api api) {
    JsonNode removed =
        api.post(
                DATASETS + "?include_datapoints=true&version_id=" + firstVersionId,
                Map.of("id", id, "action", "remove", "datapoints", List.of(rows.get(12_345))))
            .ok();
    assertThat(removed.path("datapoints_count").asInt()).isEqualTo(ROWS - 1);
    List<String> seen = new ArrayList<>(ROWS);
    removed.path("datapoints").forEach(d -> seen.add(d.path("inputs").path("q").asText()));
    List<String> expected = new ArrayList<>(expectedLabels());
    expected.remove(12_345);
    assertThat(seen).isEqualTo(expected);
  }

  private static List<String> expectedLabels() {
    List<String> labels = new ArrayList<>(ROWS);
    for (int i = 0; i < ROWS; i++) {
      labels.add(label(ROWS - 1 - i));
    }
    return labels;
  }
}
