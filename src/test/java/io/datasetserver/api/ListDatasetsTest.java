package io.datasetserver.api;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * GET /v5/datasets. The server is shared by the class, so every test names its datasets with
 * a unique token and lists with {@code name=token}.
 */
@ExtendWith(RunningServer.class)
class ListDatasetsTest {
  private static final String DATASETS = "/v5/datasets";

  @Test
  void listsTheMatchingDatasetsWithPageSizeAndTotal(Api api) {
    String token = token();
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < 3; i++) {
      ids.add(create(api, "list/" + token + "-" + i).path("id").asText());
    }
    JsonNode page = ok(api.get(DATASETS + "?name=" + token));
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
      created.add(create(api, "list/" + token + "-" + i).path("id").asText());
    }
    List<String> seen = new ArrayList<>();
    int[] expectedSizes = {2, 2, 1};
    for (int page = 1; page <= 3; page++) {
      JsonNode body = ok(api.get(DATASETS + "?size=2&page=" + page + "&name=" + token));
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
      create(api, "list/" + token + "-" + i);
    }
    for (String page : List.of("2", "3", "1000000", String.valueOf(Integer.MAX_VALUE))) {
      JsonNode body = ok(api.get(DATASETS + "?size=3&page=" + page + "&name=" + token));
      assertThat(body.path("records").isArray()).isTrue();
      assertThat(body.path("records")).as("page " + page).isEmpty();
      assertThat(body.path("total").asInt()).isEqualTo(3);
    }
  }

  @Test
  void sizeZeroReturnsOnlyTheTotal(Api api) {
    String token = token();
    create(api, "list/" + token + "-a");
    create(api, "list/" + token + "-b");
    JsonNode body = ok(api.get(DATASETS + "?size=0&name=" + token));
    assertThat(body.path("records")).isEmpty();
    assertThat(body.path("total").asInt()).isEqualTo(2);
  }

  @Test
  void sizeOf1000IsAllowed(Api api) {
    assertThat(ok(api.get(DATASETS + "?size=1000")).path("size").asInt()).isEqualTo(1000);
  }

  @ParameterizedTest
  @ValueSource(strings = {"page=0", "page=-1"})
  void pageBelowOneIs422(String query, Api api) {
    assertInvalid(api.get(DATASETS + "?" + query), "query", "page");
  }

  @ParameterizedTest
  @ValueSource(strings = {"size=-1", "size=1001", "size=100000"})
  void sizeOutOfRangeIs422(String query, Api api) {
    assertInvalid(api.get(DATASETS + "?" + query), "query", "size");
  }

  @ParameterizedTest
  @ValueSource(strings = {"page=abc", "page=1.5", "size=ten"})
  void nonIntegerPagingValuesAre422(String query, Api api) {
    assertInvalid(api.get(DATASETS + "?" + query), "query", query.substring(0, query.indexOf('=')));
  }

  @ParameterizedTest
  @ValueSource(strings = {"sort_by=size", "sort_by=CREATED_AT", "order=up", "order=ASC"})
  void badEnumValuesAre422(String query, Api api) {
    assertInvalid(api.get(DATASETS + "?" + query), "query", query.substring(0, query.indexOf('=')));
  }

  // ---- filters ----

  @Test
  void nameFilterIsACaseInsensitiveSubstringOfTheName(Api api) {
    String token = token();
    String id = create(api, "list/Prefix" + token.toUpperCase() + "Suffix").path("id").asText();
    for (String filter : List.of(token, token.toUpperCase(), "prefix" + token, token.substring(2, 8), token + "suffix")) {
      assertThat(idsOf(ok(api.get(DATASETS + "?name=" + filter)))).as(filter).contains(id);
    }
    assertThat(ok(api.get(DATASETS + "?name=" + token + "x")).path("total").asInt()).isZero();
  }

  @Test
  void nameFilterLooksAtTheNameNotTheFolder(Api api) {
    String token = token();
    create(api, "list/" + token + "/plain");
    assertThat(ok(api.get(DATASETS + "?name=" + token)).path("total").asInt()).isZero();
  }

  @Test
  void nameFilterTreatsPatternCharactersLiterally(Api api) {
    String token = token();
    String id = create(api, "list/" + token + "(1).v*").path("id").asText();
    create(api, "list/" + token + "x1yv");
    assertThat(idsOf(ok(api.get(DATASETS + "?name=" + encode(token + "(1).v*"))))).containsExactly(id);
    assertThat(ok(api.get(DATASETS + "?name=" + encode(token + "."))).path("total").asInt()).isZero();
  }

  @Test
  void userFilterMatchesTheCreatorsEmailOrFullNameCaseInsensitively(Api api) {
    String token = token();
    String byAda = create(api, "list/" + token + "-ada").path("id").asText();
    String byAlan = create(api.as(Api.ALPHA_ALAN), "list/" + token + "-alan").path("id").asText();
    assertThat(idsOf(ok(api.get(DATASETS + "?name=" + token + "&user_filter=ALAN%40alpha")))).containsExactly(byAlan);
    assertThat(idsOf(ok(api.get(DATASETS + "?name=" + token + "&user_filter=lovelace")))).containsExactly(byAda);
    assertThat(idsOf(ok(api.get(DATASETS + "?name=" + token + "&user_filter=TURING")))).containsExactly(byAlan);
    assertThat(idsOf(ok(api.get(DATASETS + "?name=" + token + "&user_filter=alpha.example"))))
        .containsExactlyInAnyOrder(byAda, byAlan);
    assertThat(ok(api.get(DATASETS + "?name=" + token + "&user_filter=nobody")).path("total").asInt()).isZero();
  }

  @Test
  void userFilterMatchesTheCreatorOfAnyVersion(Api api) {
    String token = token();
    String path = "list/" + token;
    String id = create(api, path).path("id").asText();
    assertThat(ok(api.get(DATASETS + "?name=" + token + "&user_filter=turing")).path("total").asInt()).isZero();
    ok(api.as(Api.ALPHA_ALAN).post(DATASETS, Map.of("path", path, "action", "add",
        "datapoints", List.of(Map.of("inputs", Map.of("q", "by alan"))))));
    JsonNode page = ok(api.get(DATASETS + "?name=" + token + "&user_filter=turing"));
    assertThat(idsOf(page)).containsExactly(id);
    assertThat(page.path("records").get(0).path("created_by").path("id").asText())
        .as("the record is the default (first) version").isEqualTo("usr_ada");
  }

  // ---- sorting ----

  @Test
  void sortsByNameInEitherDirection(Api api) {
    String token = token();
    create(api, "list/b/" + token + "-b");
    create(api, "list/c/" + token + "-c");
    create(api, "list/a/" + token + "-a");
    assertThat(namesOf(ok(api.get(DATASETS + "?sort_by=name&order=asc&name=" + token))))
        .containsExactly(token + "-a", token + "-b", token + "-c");
    assertThat(namesOf(ok(api.get(DATASETS + "?sort_by=name&order=desc&name=" + token))))
        .containsExactly(token + "-c", token + "-b", token + "-a");
    assertThat(namesOf(ok(api.get(DATASETS + "?sort_by=name&name=" + token)))).as("desc by default")
        .containsExactly(token + "-c", token + "-b", token + "-a");
  }

  @Test
  void tiesAreBrokenByIdInTheDirectionOfTheOrder(Api api) {
    String token = token();
    List<String> ids = new ArrayList<>();
    for (String folder : List.of("x", "y", "z", "w")) {
      ids.add(create(api, "list/" + folder + "/" + token).path("id").asText());
    }
    List<String> ascending = ids.stream().sorted().toList();
    assertThat(idsOf(ok(api.get(DATASETS + "?sort_by=name&order=asc&name=" + token)))).isEqualTo(ascending);
    List<String> descending = new ArrayList<>(ascending);
    Collections.reverse(descending);
    assertThat(idsOf(ok(api.get(DATASETS + "?sort_by=name&order=desc&name=" + token)))).isEqualTo(descending);
  }

  @Test
  void sortsByCreationNewestFirstByDefault(Api api) {
    String token = token();
    for (int i = 0; i < 4; i++) {
      create(api, "list/" + token + "-" + i);
    }
    // Expected order from the creation times the server reports, ties by id (same direction).
    JsonNode listed = ok(api.get(DATASETS + "?name=" + token));
    Map<String, Instant> created = new HashMap<>();
    listed.path("records").forEach(r -> created.put(r.path("id").asText(), instant(r.path("created_at"))));
    List<String> expected = sortedBy(created, false);
    assertThat(idsOf(listed)).isEqualTo(expected);
    assertThat(idsOf(ok(api.get(DATASETS + "?sort_by=created_at&order=desc&name=" + token)))).isEqualTo(expected);
    assertThat(idsOf(ok(api.get(DATASETS + "?sort_by=created_at&order=asc&name=" + token))))
        .isEqualTo(sortedBy(created, true));
  }

  @Test
  void sortByUpdatedAtFollowsTheLatestChangeToAnyVersion(Api api) {
    String token = token();
    String first = create(api, "list/" + token + "-first").path("id").asText();
    create(api, "list/" + token + "-second");
    create(api, "list/" + token + "-third");
    // A new (undeployed) version of the oldest dataset: its listed record stays the first version.
    JsonNode newer = ok(api.post(DATASETS, Map.of("path", "list/" + token + "-first",
        "datapoints", List.of(Map.of("inputs", Map.of("q", "changed"))))));
    Map<String, Instant> updated = new HashMap<>();
    for (JsonNode record : ok(api.get(DATASETS + "?name=" + token)).path("records")) {
      String id = record.path("id").asText();
      Instant latest = Instant.MIN;
      for (JsonNode version : ok(api.get(DATASETS + "/" + id + "/versions")).path("records")) {
        Instant at = instant(version.path("updated_at"));
        latest = at.isAfter(latest) ? at : latest;
      }
      updated.put(id, latest);
    }
    assertThat(updated.get(first)).isEqualTo(instant(newer.path("updated_at")));
    assertThat(idsOf(ok(api.get(DATASETS + "?sort_by=updated_at&order=desc&name=" + token))))
        .isEqualTo(sortedBy(updated, false));
    assertThat(idsOf(ok(api.get(DATASETS + "?sort_by=updated_at&order=asc&name=" + token))))
        .isEqualTo(sortedBy(updated, true));
  }

  @Test
  void eachRecordIsTheDatasetAtItsDefaultVersion(Api api) {
    String token = token();
    JsonNode first = create(api, "list/" + token);
    ok(api.post(DATASETS, Map.of("path", "list/" + token, "datapoints",
        List.of(Map.of("inputs", Map.of("q", "x")), Map.of("inputs", Map.of("q", "y"))))));
    JsonNode record = ok(api.get(DATASETS + "?name=" + token)).path("records").get(0);
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

  private static JsonNode create(Api api, String path) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("path", path);
    body.put("datapoints", List.of(Map.of("inputs", Map.of("q", "hello"))));
    return ok(api.post(DATASETS, body));
  }

  private static Instant instant(JsonNode timestamp) {
    return OffsetDateTime.parse(timestamp.asText()).toInstant();
  }

  private static List<String> sortedBy(Map<String, Instant> keys, boolean ascending) {
    Comparator<String> order = Comparator.<String, Instant>comparing(keys::get).thenComparing(Comparator.naturalOrder());
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

  private static JsonNode ok(Api.Response response) {
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response.json();
  }

  /** A 422 whose detail lists {loc, msg, type} errors, one of them at a location starting with {@code location}. */
  private static void assertInvalid(Api.Response response, Object... location) {
    assertThat(response.status()).as(response.toString()).isEqualTo(422);
    assertThat(response.header("Content-Type")).as(response.toString()).startsWith("application/json");
    JsonNode detail = response.json().path("detail");
    assertThat(detail.isArray() && !detail.isEmpty()).as(response.toString()).isTrue();
    List<List<Object>> locations = new ArrayList<>();
    for (JsonNode error : detail) {
      assertThat(error.path("msg").isTextual()).as(response.toString()).isTrue();
      assertThat(error.path("type").isTextual()).as(response.toString()).isTrue();
      List<Object> loc = new ArrayList<>();
      error.path("loc").forEach(part -> loc.add(part.isInt() ? (Object) part.intValue() : part.asText()));
      assertThat(loc).as(response.toString()).isNotEmpty();
      assertThat(loc.get(0)).as(response.toString()).isIn("body", "query", "path");
      locations.add(loc);
    }
    assertThat(locations).as(response.toString()).anySatisfy(loc -> assertThat(loc).startsWith(location));
  }
}
