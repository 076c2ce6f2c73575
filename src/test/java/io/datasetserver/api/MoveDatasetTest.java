package io.datasetserver.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.datasetserver.testing.Api;
import io.datasetserver.testing.RunningServer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** PATCH /v5/datasets/{id}: move and rename. */
@ExtendWith(RunningServer.class)
class MoveDatasetTest {
  private static final String DATASETS = "/v5/datasets";

  @Test
  void movesToANewPath(Api api) {
    JsonNode created = upsert(api, unique() + "/old/name", "a");
    String id = created.path("id").asText();
    String newPath = unique() + "/new/place";
    JsonNode moved = ok(api.patch(DATASETS + "/" + id, Map.of("path", newPath)));
    assertThat(moved.path("id").asText()).isEqualTo(id);
    assertThat(moved.path("path").asText()).isEqualTo(newPath);
    assertThat(moved.path("name").asText()).isEqualTo("place");
    assertThat(moved.path("version_id").asText()).isEqualTo(created.path("version_id").asText());
    assertThat(moved.path("directory_id").asText()).isNotEqualTo(created.path("directory_id").asText());
    JsonNode fetched = ok(api.get(DATASETS + "/" + id));
    assertThat(fetched.path("path").asText()).isEqualTo(newPath);
    assertThat(fetched.path("directory_id").asText()).isEqualTo(moved.path("directory_id").asText());
  }

  @Test
  void aMovedDatasetIsFoundAtItsNewPathAndItsOldPathIsFree(Api api) {
    String oldPath = unique();
    JsonNode created = upsert(api, oldPath, "a");
    String id = created.path("id").asText();
    String newPath = unique();
    ok(api.patch(DATASETS + "/" + id, Map.of("path", newPath)));
    JsonNode lookedUp = ok(api.post(DATASETS, Map.of("path", newPath, "action", "add", "datapoints", List.of())));
    assertThat(lookedUp.path("id").asText()).isEqualTo(id);
    assertThat(lookedUp.path("version_id").asText()).isEqualTo(created.path("version_id").asText());
    JsonNode atOldPath = upsert(api, oldPath, "a");
    assertThat(atOldPath.path("id").asText()).isNotEqualTo(id);
  }

  @Test
  void nameRenamesWithinTheFolder(Api api) {
    String folder = unique();
    JsonNode created = upsert(api, folder + "/before", "a");
    JsonNode renamed = ok(api.patch(DATASETS + "/" + created.path("id").asText(), Map.of("name", "after")));
    assertThat(renamed.path("path").asText()).isEqualTo(folder + "/after");
    assertThat(renamed.path("name").asText()).isEqualTo("after");
    assertThat(renamed.path("directory_id").asText()).isEqualTo(created.path("directory_id").asText());
  }

  @Test
  void nameRenamesADatasetInTheRootFolder(Api api) {
    JsonNode created = upsert(api, "root-" + UUID.randomUUID(), "a");
    String name = "renamed-" + UUID.randomUUID();
    JsonNode renamed = ok(api.patch(DATASETS + "/" + created.path("id").asText(), Map.of("name", name)));
    assertThat(renamed.path("path").asText()).isEqualTo(name);
  }

  @Test
  void nameIsAppliedAfterPath(Api api) {
    JsonNode created = upsert(api, unique(), "a");
    String folder = unique() + "/x/y";
    JsonNode moved = ok(api.patch(DATASETS + "/" + created.path("id").asText(),
        Map.of("path", folder + "/z", "name", "w")));
    assertThat(moved.path("path").asText()).isEqualTo(folder + "/w");
  }

  @Test
  void aNameWithASlashIs422(Api api) {
    JsonNode created = upsert(api, unique(), "a");
    String id = created.path("id").asText();
    assertInvalid(api.patch(DATASETS + "/" + id, Map.of("name", "a/b")), "body", "name");
    assertThat(ok(api.get(DATASETS + "/" + id)).path("path").asText()).isEqualTo(created.path("path").asText());
  }

  @Test
  void anEmptyNameIs422(Api api) {
    JsonNode created = upsert(api, unique(), "a");
    assertInvalid(api.patch(DATASETS + "/" + created.path("id").asText(), Map.of("name", "")), "body", "name");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "/leading", "trailing/", "a//b", "ctl\u0007char"})
  void anInvalidPathIs422(String path, Api api) {
    JsonNode created = upsert(api, unique(), "a");
    assertInvalid(api.patch(DATASETS + "/" + created.path("id").asText(), Map.of("path", path)), "body", "path");
  }

  @Test
  void aPathOver255CharactersIs422(Api api) {
    JsonNode created = upsert(api, unique(), "a");
    assertInvalid(api.patch(DATASETS + "/" + created.path("id").asText(), Map.of("path", "p/" + "x".repeat(254))),
        "body", "path");
  }

  @Test
  void aTakenPathIs409AndNothingMoves(Api api) {
    JsonNode mine = upsert(api, unique(), "a");
    JsonNode other = upsert(api, unique(), "b");
    String id = mine.path("id").asText();
    assertDetail(api.patch(DATASETS + "/" + id, Map.of("path", other.path("path").asText())), 409);
    assertThat(ok(api.get(DATASETS + "/" + id)).path("path").asText()).isEqualTo(mine.path("path").asText());
  }

  @Test
  void renamingOntoATakenNameIs409(Api api) {
    String folder = unique();
    JsonNode mine = upsert(api, folder + "/mine", "a");
    upsert(api, folder + "/theirs", "b");
    assertDetail(api.patch(DATASETS + "/" + mine.path("id").asText(), Map.of("name", "theirs")), 409);
  }

  @Test
  void anEmptyBodyChangesNothing(Api api) {
    JsonNode created = upsert(api, unique(), "a");
    String id = created.path("id").asText();
    JsonNode before = ok(api.get(DATASETS + "/" + id));
    JsonNode unchanged = ok(api.patch(DATASETS + "/" + id, Map.of()));
    assertThat(unchanged.path("path").asText()).isEqualTo(created.path("path").asText());
    assertThat(unchanged.path("updated_at").asText()).isEqualTo(before.path("updated_at").asText());
    assertThat(ok(api.get(DATASETS + "/" + id)).path("updated_at").asText())
        .isEqualTo(before.path("updated_at").asText());
  }

  @Test
  void nullFieldsChangeNothing(Api api) {
    JsonNode created = upsert(api, unique(), "a");
    String id = created.path("id").asText();
    JsonNode unchanged = ok(api.patch(DATASETS + "/" + id, "{\"path\": null, \"name\": null}"));
    assertThat(unchanged.path("path").asText()).isEqualTo(created.path("path").asText());
    assertThat(unchanged.path("updated_at").asText()).isEqualTo(created.path("updated_at").asText());
  }

  @Test
  void aBodylessPatchChangesNothing(Api api) {
    JsonNode created = upsert(api, unique(), "a");
    Api.Response response = api.send("PATCH", DATASETS + "/" + created.path("id").asText(), null, null);
    JsonNode unchanged = ok(response);
    assertThat(unchanged.path("path").asText()).isEqualTo(created.path("path").asText());
  }

  @Test
  void itsOwnPathChangesNothing(Api api) {
    String path = unique() + "/same";
    JsonNode created = upsert(api, path, "a");
    String id = created.path("id").asText();
    upsert(api, path, "b");
    JsonNode versionsBefore = ok(api.get(DATASETS + "/" + id + "/versions"));
    JsonNode unchanged = ok(api.patch(DATASETS + "/" + id, Map.of("path", path)));
    assertThat(unchanged.path("updated_at").asText()).isEqualTo(created.path("updated_at").asText());
    ok(api.patch(DATASETS + "/" + id, Map.of("name", "same")));
    ok(api.patch(DATASETS + "/" + id, Map.of("path", path, "name", "same")));
    assertThat(ok(api.get(DATASETS + "/" + id + "/versions"))).isEqualTo(versionsBefore);
  }

  @Test
  void theResponseIsTheDatasetAtItsDefaultVersion(Api api) {
    String path = unique();
    JsonNode first = upsert(api, path, "a");
    upsert(api, path, "b", "c");
    JsonNode moved = ok(api.patch(DATASETS + "/" + first.path("id").asText(), Map.of("path", unique())));
    assertThat(moved.path("version_id").asText()).isEqualTo(first.path("version_id").asText());
    assertThat(moved.path("datapoints_count").asInt()).isEqualTo(1);
    assertThat(moved.has("datapoints")).isFalse();
  }

  @Test
  void aMoveIsAChangeToEveryVersion(Api api) {
    String path = unique();
    JsonNode first = upsert(api, path, "a");
    JsonNode second = upsert(api, path, "b");
    String id = first.path("id").asText();
    JsonNode moved = ok(api.patch(DATASETS + "/" + id, Map.of("path", unique())));
    for (JsonNode version : ok(api.get(DATASETS + "/" + id + "/versions")).path("records")) {
      assertThat(version.path("path").asText()).isEqualTo(moved.path("path").asText());
      assertThat(version.path("updated_at").asText()).isEqualTo(moved.path("updated_at").asText());
    }
    assertThat(second.path("version_id").asText()).isNotEqualTo(first.path("version_id").asText());
  }

  @Test
  void theListFindsTheDatasetUnderItsNewName(Api api) {
    JsonNode created = upsert(api, unique(), "a");
    String newName = "moved" + UUID.randomUUID().toString().replace("-", "");
    ok(api.patch(DATASETS + "/" + created.path("id").asText(), Map.of("name", newName)));
    JsonNode listed = ok(api.get(DATASETS + "?name=" + newName));
    assertThat(listed.path("total").asInt()).isEqualTo(1);
    assertThat(listed.path("records").get(0).path("id").asText()).isEqualTo(created.path("id").asText());
  }

  @Test
  void anUnknownDatasetIs404(Api api) {
    assertDetail(api.patch(DATASETS + "/ds_doesnotexist", Map.of("path", unique())), 404);
  }

  @Test
  void aMalformedMoveIs422EvenForAnUnknownDataset(Api api) {
    assertInvalid(api.patch(DATASETS + "/ds_doesnotexist", Map.of("path", "/bad/")), "body", "path");
    assertInvalid(api.patch(DATASETS + "/ds_doesnotexist", Map.of("name", "a/b")), "body", "name");
  }

  @Test
  void malformedJsonIs422(Api api) {
    JsonNode created = upsert(api, unique(), "a");
    assertInvalid(api.patch(DATASETS + "/" + created.path("id").asText(), "{\"path\": "), "body");
    assertInvalid(api.patch(DATASETS + "/" + created.path("id").asText(), "{\"path\": 7}"), "body", "path");
  }

  // ---- helpers ----

  private static String unique() {
    return "move/" + UUID.randomUUID();
  }

  private static JsonNode upsert(Api api, String path, String... qs) {
    List<Object> datapoints = new ArrayList<>();
    for (String q : qs) {
      datapoints.add(Map.of("inputs", Map.of("q", q)));
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("path", path);
    body.put("datapoints", datapoints);
    return ok(api.post(DATASETS, body));
  }

  private static JsonNode ok(Api.Response response) {
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response.json();
  }

  private static void assertDetail(Api.Response response, int status) {
    assertThat(response.status()).as(response.toString()).isEqualTo(status);
    assertThat(response.header("Content-Type")).as(response.toString()).startsWith("application/json");
    assertThat(response.json().path("detail").isTextual()).as(response.toString()).isTrue();
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
