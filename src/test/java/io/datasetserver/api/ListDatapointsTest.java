package io.datasetserver.api;

import static io.datasetserver.testing.TestData.DATASETS;
import static io.datasetserver.testing.TestData.questions;
import static io.datasetserver.testing.TestData.uniquePath;
import static io.datasetserver.testing.TestData.upsert;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.datasetserver.testing.Api;
import io.datasetserver.testing.RunningServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** GET /v5/datasets/{id}/datapoints. */
@ExtendWith(RunningServer.class)
class ListDatapointsTest {
  @Test
  void pagesThroughTheDatapointsInTheVersionsOrder(Api api) {
    List<String> qs = List.of("g", "c", "e", "a", "f", "b", "d");
    JsonNode created = upsert(api, uniquePath("datapoints"), qs.toArray(String[]::new));
    String id = created.path("id").asText();
    List<String> seen = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    int[] sizes = {3, 3, 1};
    for (int page = 1; page <= 3; page++) {
      JsonNode body = api.get(DATASETS + "/" + id + "/datapoints?size=3&page=" + page).ok();
      assertThat(body.path("page").asInt()).isEqualTo(page);
      assertThat(body.path("size").asInt()).isEqualTo(3);
      assertThat(body.path("total").asInt()).isEqualTo(7);
      assertThat(body.path("records")).hasSize(sizes[page - 1]);
      body.path("records")
          .forEach(
              r -> {
                seen.add(r.path("inputs").path("q").asText());
                ids.add(r.path("id").asText());
              });
    }
    assertThat(seen).isEqualTo(qs);
    JsonNode whole = api.get(DATASETS + "/" + id + "?include_datapoints=true").ok();
    List<String> wholeIds = new ArrayList<>();
    whole.path("datapoints").forEach(d -> wholeIds.add(d.path("id").asText()));
    assertThat(ids).isEqualTo(wholeIds);
  }

  @Test
  void aVersionOfManyReadBatchesIsTheSameWholeAndInPagesOf1000(Api api) {
    List<String> qs = new ArrayList<>();
    for (int i = 0; i < 1234; i++) {
      qs.add("q" + i);
    }
    String id =
        upsert(api, uniquePath("datapoints"), qs.toArray(String[]::new)).path("id").asText();
    List<String> paged = new ArrayList<>();
    for (int page = 1; page <= 2; page++) {
      paged.addAll(
          questions(
              api.get(DATASETS + "/" + id + "/datapoints?size=1000&page=" + page)
                  .ok()
                  .path("records")));
    }
    assertThat(paged).isEqualTo(qs);
    JsonNode whole = api.get(DATASETS + "/" + id + "?include_datapoints=true").ok();
    assertThat(questions(whole.path("datapoints"))).isEqualTo(qs);
  }

  @Test
  void theDefaultPageSizeIs50(Api api) {
    List<String> qs = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      qs.add("q" + i);
    }
    String id =
        upsert(api, uniquePath("datapoints"), qs.toArray(String[]::new)).path("id").asText();
    JsonNode first = api.get(DATASETS + "/" + id + "/datapoints").ok();
    assertThat(first.path("page").asInt()).isEqualTo(1);
    assertThat(first.path("size").asInt()).isEqualTo(50);
    assertThat(first.path("total").asInt()).isEqualTo(60);
    assertThat(questions(first.path("records"))).isEqualTo(qs.subList(0, 50));
    assertThat(questions(api.get(DATASETS + "/" + id + "/datapoints?page=2").ok().path("records")))
        .isEqualTo(qs.subList(50, 60));
  }

  @Test
  void pageAfterTheEndIsEmpty(Api api) {
    String id = upsert(api, uniquePath("datapoints"), "a", "b", "c").path("id").asText();
    for (String page : List.of("2", "3", "99999", String.valueOf(Integer.MAX_VALUE))) {
      JsonNode body = api.get(DATASETS + "/" + id + "/datapoints?size=3&page=" + page).ok();
      assertThat(body.path("records").isArray()).isTrue();
      assertThat(body.path("records")).as("page " + page).isEmpty();
      assertThat(body.path("total").asInt()).isEqualTo(3);
    }
  }

  @Test
  void sizeZeroReturnsOnlyTheTotal(Api api) {
    String id = upsert(api, uniquePath("datapoints"), "a", "b").path("id").asText();
    JsonNode body = api.get(DATASETS + "/" + id + "/datapoints?size=0").ok();
    assertThat(body.path("records")).isEmpty();
    assertThat(body.path("total").asInt()).isEqualTo(2);
  }

  @Test
  void anEmptyVersionHasNoDatapoints(Api api) {
    String id = upsert(api, uniquePath("datapoints")).path("id").asText();
    JsonNode body = api.get(DATASETS + "/" + id + "/datapoints").ok();
    assertThat(body.path("records")).isEmpty();
    assertThat(body.path("total").asInt()).isZero();
  }

  @Test
  void totalIsTheSelectedVersionsDatapointsCount(Api api) {
    String path = uniquePath("datapoints");
    JsonNode first = upsert(api, path, "a", "b");
    JsonNode second = upsert(api, path, "c", "d", "e");
    String id = first.path("id").asText();
    JsonNode ofSecond =
        api.get(
                DATASETS
                    + "/"
                    + id
                    + "/datapoints?version_id="
                    + second.path("version_id").asText())
            .ok();
    assertThat(ofSecond.path("total").asInt())
        .isEqualTo(second.path("datapoints_count").asInt())
        .isEqualTo(3);
    assertThat(questions(ofSecond.path("records"))).containsExactly("c", "d", "e");
  }

  @Test
  void withoutASelectorTheDefaultVersionIsListed(Api api) {
    String path = uniquePath("datapoints");
    JsonNode first = upsert(api, path, "a", "b");
    upsert(api, path, "c");
    JsonNode body = api.get(DATASETS + "/" + first.path("id").asText() + "/datapoints").ok();
    assertThat(questions(body.path("records"))).containsExactly("a", "b");
    assertThat(body.path("total").asInt()).isEqualTo(2);
  }

  @Test
  void environmentSelectsTheDeployedVersion(Api api) {
    String path = uniquePath("datapoints");
    JsonNode first = upsert(api, path, "a");
    upsert(api, path, "b");
    String id = first.path("id").asText();
    assertThat(
            questions(
                api.get(DATASETS + "/" + id + "/datapoints?environment=production")
                    .ok()
                    .path("records")))
        .containsExactly("a");
    String environmentId = first.path("environments").get(0).path("id").asText();
    JsonNode byId = api.get(DATASETS + "/" + id + "/datapoints?environment=" + environmentId).ok();
    assertThat(questions(byId.path("records"))).containsExactly("a");
    api.get(DATASETS + "/" + id + "/datapoints?environment=staging").assertDetail(404);
    api.get(DATASETS + "/" + id + "/datapoints?environment=nowhere").assertDetail(404);
  }

  @Test
  void recordsCarryTheirContent(Api api) {
    Map<String, Object> datapoint =
        Map.of(
            "inputs",
            Map.of("q", "hi"),
            "messages",
            List.of(Map.of("role", "user", "content", "hi")),
            "target",
            Map.of("output", "hello", "n", 2));
    JsonNode created =
        api.post(
                DATASETS,
                Map.of("path", uniquePath("datapoints"), "datapoints", List.of(datapoint)))
            .ok();
    JsonNode record =
        api.get(DATASETS + "/" + created.path("id").asText() + "/datapoints")
            .ok()
            .path("records")
            .get(0);
    assertThat(record.path("id").asText()).startsWith("dp_");
    for (String field : List.of("inputs", "messages", "target")) {
      assertThat(record.path(field))
          .as(field)
          .isEqualTo(Api.JSON.valueToTree(datapoint.get(field)));
    }
  }

  @Test
  void anUnknownVersionIs404(Api api) {
    String id = upsert(api, uniquePath("datapoints"), "a").path("id").asText();
    api.get(DATASETS + "/" + id + "/datapoints?version_id=dsv_doesnotexist").assertDetail(404);
  }

  @Test
  void anUnknownDatasetIs404(Api api) {
    api.get(DATASETS + "/ds_doesnotexist/datapoints").assertDetail(404);
  }

  @Test
  void versionIdAndEnvironmentTogetherAre422(Api api) {
    JsonNode created = upsert(api, uniquePath("datapoints"), "a");
    api.get(
            DATASETS
                + "/"
                + created.path("id").asText()
                + "/datapoints?environment=production&version_id="
                + created.path("version_id").asText())
        .assertInvalid("query");
  }

  @ParameterizedTest
  @ValueSource(strings = {"page=0", "page=-3", "size=-1", "size=1001", "page=x", "size=1e3"})
  void outOfRangePagingIs422(String query, Api api) {
    String id = upsert(api, uniquePath("datapoints"), "a").path("id").asText();
    api.get(DATASETS + "/" + id + "/datapoints?" + query)
        .assertInvalid("query", query.substring(0, query.indexOf('=')));
  }

  @Test
  void outOfRangePagingIs422EvenForAnUnknownDataset(Api api) {
    api.get(DATASETS + "/ds_doesnotexist/datapoints?page=0").assertInvalid("query", "page");
  }

  @Test
  void size1000IsAllowed(Api api) {
    String id = upsert(api, uniquePath("datapoints"), "a").path("id").asText();
    assertThat(api.get(DATASETS + "/" + id + "/datapoints?size=1000").ok().path("records"))
        .hasSize(1);
  }
}
