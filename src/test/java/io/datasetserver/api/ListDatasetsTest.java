package io.datasetserver.api;

import static io.datasetserver.testing.TestData.DATASETS;
import static io.datasetserver.testing.TestData.datapoints;
import static io.datasetserver.testing.TestData.upsert;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.datasetserver.testing.Api;
import io.datasetserver.testing.RunningServer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * GET /v5/datasets. The server is shared by the class, so every test names its datasets with a
 * unique token and lists with {@code name=token}.
 */
@ExtendWith(RunningServer.class)
class ListDatasetsTest {
  @Test
  void listsTheMatchingDatasetsWithPageSizeAndTotal(Api api) {
    String token = token();
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < 3; i++) {
      ids.add(upsert(api, "list/" + token + "-" + i, "hello").path("id").asText());
    }
    JsonNode page = api.get(DATASETS + "?name=" + token).ok();
    assertThat(page.path("page").asInt()).isEqualTo(1);
    assertThat(page.path("size").asInt()).isEqualTo(10);
    assertThat(page.path("total").asInt()).isEqualTo(3);
    assertThat(idsOf(page)).containsExactlyInAnyOrderElementsOf(ids);
    for (JsonNode record : page.path("records")) {
      assertThat(record.path("type").asText()).isEqualTo("dataset");
      assertThat(record.path("version_id").asText()).startsWith("dsv_");
      assertThat(record.path("datapoints_count").asInt()).isEqualTo(1);
      assertThat(record.path("environments")).hasSize(1);
      assertThat(record.has("datapoints")).isFalse();
    }
  }

  @Test
  void pagesPartitionTheResults(Api api) {
    String token = token();
    Set<String> created = new HashSet<>();
    for (int i = 0; i < 5; i++) {
      created.add(upsert(api, "list/" + token + "-" + i, "hello").path("id").asText());
    }
    List<String> seen = new ArrayList<>();
    int[] expectedSizes = {2, 2, 1};
    for (int page = 1; page <= 3; page++) {
      JsonNode body = api.get(DATASETS + "?size=2&page=" + page + "&name=" + token).ok();
      assertThat(body.path("page").asInt()).isEqualTo(page);
      assertThat(body.path("size").asInt()).isEqualTo(2);
      assertThat(body.path("total").asInt()).isEqualTo(5);
      assertThat(body.path("records")).hasSize(expectedSizes[page - 1]);
      seen.addAll(idsOf(body));
    }
    assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(created);
  }

  @Test
  void pageAfterTheEndIsEmpty(Api api) {
    String token = token();
    for (int i = 0; i < 3; i++) {
      upsert(api, "list/" + token + "-" + i, "hello");
    }
    for (String page : List.of("2", "3", "1000000", String.valueOf(Integer.MAX_VALUE))) {
      JsonNode body = api.get(DATASETS + "?size=3&page=" + page + "&name=" + token).ok();
      assertThat(body.path("records").isArray()).isTrue();
      assertThat(body.path("records")).as("page " + page).isEmpty();
      assertThat(body.path("total").asInt()).isEqualTo(3);
    }
  }

  @Test
  void sizeZeroReturnsOnlyTheTotal(Api api) {
    String token = token();
    upsert(api, "list/" + token + "-a", "hello");
    upsert(api, "list/" + token + "-b", "hello");
    JsonNode body = api.get(DATASETS + "?size=0&name=" + token).ok();
    assertThat(body.path("records")).isEmpty();
    assertThat(body.path("total").asInt()).isEqualTo(2);
  }

  @Test
  void sizeOf1000IsAllowed(Api api) {
    assertThat(api.get(DATASETS + "?size=1000").ok().path("size").asInt()).isEqualTo(1000);
  }

  @ParameterizedTest
  @ValueSource(strings = {"page=0", "page=-1"})
  void pageBelowOneIs422(String query, Api api) {
    api.get(DATASETS + "?" + query).assertInvalid("query", "page");
  }

  @ParameterizedTest
  @ValueSource(strings = {"size=-1", "size=1001", "size=100000"})
  void sizeOutOfRangeIs422(String query, Api api) {
    api.get(DATASETS + "?" + query).assertInvalid("query", "size");
  }

  @ParameterizedTest
  @ValueSource(strings = {"page=abc", "page=1.5", "size=ten"})
  void nonIntegerPagingValuesAre422(String query, Api api) {
    api.get(DATASETS + "?" + query).assertInvalid("query", query.substring(0, query.indexOf('=')));
  }

  @ParameterizedTest
  @ValueSource(strings = {"sort_by=size", "sort_by=CREATED_AT", "order=up", "order=ASC"})
  void badEnumValuesAre422(String query, Api api) {
    api.get(DATASETS + "?" + query).assertInvalid("query", query.substring(0, query.indexOf('=')));
  }

  // ---- filters ----

  @Test
  void nameFilterIsACaseInsensitiveSubstringOfTheName(Api api) {
    String token = token();
    String id =
        upsert(api, "list/Prefix" + token.toUpperCase() + "Suffix", "hello").path("id").asText();
    for (String filter :
        List.of(
            token,
            token.toUpperCase(),
            "prefix" + token,
            token.substring(2, 8),
            token + "suffix")) {
      assertThat(idsOf(api.get(DATASETS + "?name=" + filter).ok())).as(filter).contains(id);
    }
    assertThat(api.get(DATASETS + "?name=" + token + "x").ok().path("total").asInt()).isZero();
  }

  @Test
  void nameFilterLooksAtTheNameNotTheFolder(Api api) {
    String token = token();
    upsert(api, "list/" + token + "/plain", "hello");
    assertThat(api.get(DATASETS + "?name=" + token).ok().path("total").asInt()).isZero();
  }

  @Test
  void nameFilterTreatsPatternCharactersLiterally(Api api) {
    String token = token();
    String id = upsert(api, "list/" + token + "(1).v*", "hello").path("id").asText();
    upsert(api, "list/" + token + "x1yv", "hello");
    assertThat(idsOf(api.get(DATASETS + "?name=" + encode(token + "(1).v*")).ok()))
        .containsExactly(id);
    assertThat(api.get(DATASETS + "?name=" + encode(token + ".")).ok().path("total").asInt())
        .isZero();
  }

  @Test
  void userFilterMatchesTheCreatorsEmailOrFullNameCaseInsensitively(Api api) {
    String token = token();
    String byAda = upsert(api, "list/" + token + "-ada", "hello").path("id").asText();
    String byAlan =
        upsert(api.as(Api.ALPHA_ALAN), "list/" + token + "-alan", "hello").path("id").asText();
    assertThat(idsOf(api.get(DATASETS + "?name=" + token + "&user_filter=ALAN%40alpha").ok()))
        .containsExactly(byAlan);
    assertThat(idsOf(api.get(DATASETS + "?name=" + token + "&user_filter=lovelace").ok()))
        .containsExactly(byAda);
    assertThat(idsOf(api.get(DATASETS + "?name=" + token + "&user_filter=TURING").ok()))
        .containsExactly(byAlan);
    assertThat(idsOf(api.get(DATASETS + "?name=" + token + "&user_filter=alpha.example").ok()))
        .containsExactlyInAnyOrder(byAda, byAlan);
    assertThat(
            api.get(DATASETS + "?name=" + token + "&user_filter=nobody").ok().path("total").asInt())
        .isZero();
  }

  @Test
  void userFilterMatchesTheCreatorOfAnyVersion(Api api) {
    String token = token();
    String path = "list/" + token;
    String id = upsert(api, path, "hello").path("id").asText();
    assertThat(
            api.get(DATASETS + "?name=" + token + "&user_filter=turing").ok().path("total").asInt())
        .isZero();
    api.as(Api.ALPHA_ALAN)
        .post(DATASETS, Map.of("path", path, "action", "add", "datapoints", datapoints("by alan")))
        .ok();
    JsonNode page = api.get(DATASETS + "?name=" + token + "&user_filter=turing").ok();
    assertThat(idsOf(page)).containsExactly(id);
    assertThat(page.path("records").get(0).path("created_by").path("id").asText())
        .as("the record is the default (first) version")
        .isEqualTo("usr_ada");
  }

  // ---- sorting ----

  @Test
  void sortsByNameInEitherDirection(Api api) {
    String token = token();
    upsert(api, "list/b/" + token + "-b", "hello");
    upsert(api, "list/c/" + token + "-c", "hello");
    upsert(api, "list/a/" + token + "-a", "hello");
    assertThat(namesOf(api.get(DATASETS + "?sort_by=name&order=asc&name=" + token).ok()))
        .containsExactly(token + "-a", token + "-b", token + "-c");
    assertThat(namesOf(api.get(DATASETS + "?sort_by=name&order=desc&name=" + token).ok()))
        .containsExactly(token + "-c", token + "-b", token + "-a");
    assertThat(namesOf(api.get(DATASETS + "?sort_by=name&name=" + token).ok()))
        .as("desc by default")
        .containsExactly(token + "-c", token + "-b", token + "-a");
  }

  @Test
  void tiesAreBrokenByIdInTheDirectionOfTheOrder(Api api) {
    String token = token();
    List<String> ids = new ArrayList<>();
    for (String folder : List.of("x", "y", "z", "w")) {
      ids.add(upsert(api, "list/" + folder + "/" + token, "hello").path("id").asText());
    }
    List<String> ascending = ids.stream().sorted().toList();
    assertThat(idsOf(api.get(DATASETS + "?sort_by=name&order=asc&name=" + token).ok()))
        .isEqualTo(ascending);
    List<String> descending = new ArrayList<>(ascending);
    Collections.reverse(descending);
    assertThat(idsOf(api.get(DATASETS + "?sort_by=name&order=desc&name=" + token).ok()))
        .isEqualTo(descending);
  }

  @Test
  void sortsByCreationNewestFirstByDefault(Api api) {
    String token = token();
    for (int i = 0; i < 4; i++) {
      upsert(api, "list/" + token + "-" + i, "hello");
    }
    // Expected order from the creation times the server reports, ties by id (same direction).
    JsonNode listed = api.get(DATASETS + "?name=" + token).ok();
    Map<String, Instant> created = new HashMap<>();
    listed
        .path("records")
        .forEach(r -> created.put(r.path("id").asText(), instant(r.path("created_at"))));
    List<String> expected = sortedBy(created, false);
    assertThat(idsOf(listed)).isEqualTo(expected);
    assertThat(idsOf(api.get(DATASETS + "?sort_by=created_at&order=desc&name=" + token).ok()))
        .isEqualTo(expected);
    assertThat(idsOf(api.get(DATASETS + "?sort_by=created_at&order=asc&name=" + token).ok()))
        .isEqualTo(sortedBy(created, true));
  }

  @Test
  void sortByUpdatedAtFollowsTheLatestChangeToAnyVersion(Api api) {
    String token = token();
    String first = upsert(api, "list/" + token + "-first", "hello").path("id").asText();
    upsert(api, "list/" + token + "-second", "hello");
    upsert(api, "list/" + token + "-third", "hello");
    // A new (undeployed) version of the oldest dataset: its listed record stays the first version.
    JsonNode newer =
        api.post(
                DATASETS,
                Map.of("path", "list/" + token + "-first", "datapoints", datapoints("changed")))
            .ok();
    Map<String, Instant> updated = new HashMap<>();
    for (JsonNode record : api.get(DATASETS + "?name=" + token).ok().path("records")) {
      String id = record.path("id").asText();
      Instant latest = Instant.MIN;
      for (JsonNode version : api.get(DATASETS + "/" + id + "/versions").ok().path("records")) {
        Instant at = instant(version.path("updated_at"));
        latest = at.isAfter(latest) ? at : latest;
      }
      updated.put(id, latest);
    }
    assertThat(updated.get(first)).isEqualTo(instant(newer.path("updated_at")));
    assertThat(idsOf(api.get(DATASETS + "?sort_by=updated_at&order=desc&name=" + token).ok()))
        .isEqualTo(sortedBy(updated, false));
    assertThat(idsOf(api.get(DATASETS + "?sort_by=updated_at&order=asc&name=" + token).ok()))
        .isEqualTo(sortedBy(updated, true));
  }

  @Test
  void eachRecordIsTheDatasetAtItsDefaultVersion(Api api) {
    String token = token();
    JsonNode first = upsert(api, "list/" + token, "hello");
    api.post(DATASETS, Map.of("path", "list/" + token, "datapoints", datapoints("x", "y"))).ok();
    JsonNode record = api.get(DATASETS + "?name=" + token).ok().path("records").get(0);
    assertThat(record.path("version_id").asText()).isEqualTo(first.path("version_id").asText());
    assertThat(record.path("datapoints_count").asInt()).isEqualTo(1);
  }

  // ---- helpers ----

  private static String token() {
    return "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static Instant instant(JsonNode timestamp) {
    return OffsetDateTime.parse(timestamp.asText()).toInstant();
  }

  private static List<String> sortedBy(Map<String, Instant> keys, boolean ascending) {
    Comparator<String> order =
        Comparator.<String, Instant>comparing(keys::get).thenComparing(Comparator.naturalOrder());
    return keys.keySet().stream().sorted(ascending ? order : order.reversed()).toList();
  }

  private static List<String> idsOf(JsonNode page) {
    List<String> ids = new ArrayList<>();
    page.path("records").forEach(r -> ids.add(r.path("id").asText()));
    return ids;
  }

  private static List<String> namesOf(JsonNode page) {
    List<String> names = new ArrayList<>();
    page.path("records").forEach(r -> names.add(r.path("name").asText()));
    return names;
  }
}
