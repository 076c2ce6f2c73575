package io.datasetserver.api;

import static io.datasetserver.testing.TestData.DATASETS;
import static io.datasetserver.testing.TestData.uniquePath;
import static io.datasetserver.testing.TestData.upsert;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.datasetserver.testing.Api;
import io.datasetserver.testing.RunningServer;
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
  @Test
  void movesToANewPath(Api api) {
    JsonNode created = upsert(api, uniquePath("move") + "/old/name", "a");
    String id = created.path("id").asText();
    String newPath = uniquePath("move") + "/new/place";
    JsonNode moved = api.patch(DATASETS + "/" + id, Map.of("path", newPath)).ok();
    assertThat(moved.path("id").asText()).isEqualTo(id);
    assertThat(moved.path("path").asText()).isEqualTo(newPath);
    assertThat(moved.path("name").asText()).isEqualTo("place");
    assertThat(moved.path("version_id").asText()).isEqualTo(created.path("version_id").asText());
    assertThat(moved.path("directory_id").asText())
        .isNotEqualTo(created.path("directory_id").asText());
    JsonNode fetched = api.get(DATASETS + "/" + id).ok();
    assertThat(fetched.path("path").asText()).isEqualTo(newPath);
    assertThat(fetched.path("directory_id").asText())
        .isEqualTo(moved.path("directory_id").asText());
  }

  @Test
  void aMovedDatasetIsFoundAtItsNewPathAndItsOldPathIsFree(Api api) {
    String oldPath = uniquePath("move");
    JsonNode created = upsert(api, oldPath, "a");
    String id = created.path("id").asText();
    String newPath = uniquePath("move");
    api.patch(DATASETS + "/" + id, Map.of("path", newPath)).ok();
    JsonNode lookedUp =
        api.post(DATASETS, Map.of("path", newPath, "action", "add", "datapoints", List.of())).ok();
    assertThat(lookedUp.path("id").asText()).isEqualTo(id);
    assertThat(lookedUp.path("version_id").asText()).isEqualTo(created.path("version_id").asText());
    JsonNode atOldPath = upsert(api, oldPath, "a");
    assertThat(atOldPath.path("id").asText()).isNotEqualTo(id);
  }

  @Test
  void nameRenamesWithinTheFolder(Api api) {
    String folder = uniquePath("move");
    JsonNode created = upsert(api, folder + "/before", "a");
    JsonNode renamed =
        api.patch(DATASETS + "/" + created.path("id").asText(), Map.of("name", "after")).ok();
    assertThat(renamed.path("path").asText()).isEqualTo(folder + "/after");
    assertThat(renamed.path("name").asText()).isEqualTo("after");
    assertThat(renamed.path("directory_id").asText())
        .isEqualTo(created.path("directory_id").asText());
  }

  @Test
  void nameRenamesADatasetInTheRootFolder(Api api) {
    JsonNode created = upsert(api, "root-" + UUID.randomUUID(), "a");
    String name = "renamed-" + UUID.randomUUID();
    JsonNode renamed =
        api.patch(DATASETS + "/" + created.path("id").asText(), Map.of("name", name)).ok();
    assertThat(renamed.path("path").asText()).isEqualTo(name);
  }

  @Test
  void nameIsAppliedAfterPath(Api api) {
    JsonNode created = upsert(api, uniquePath("move"), "a");
    String folder = uniquePath("move") + "/x/y";
    JsonNode moved =
        api.patch(
                DATASETS + "/" + created.path("id").asText(),
                Map.of("path", folder + "/z", "name", "w"))
            .ok();
    assertThat(moved.path("path").asText()).isEqualTo(folder + "/w");
  }

  @Test
  void aNameWithASlashIs422(Api api) {
    JsonNode created = upsert(api, uniquePath("move"), "a");
    String id = created.path("id").asText();
    api.patch(DATASETS + "/" + id, Map.of("name", "a/b")).assertInvalid("body", "name");
    assertThat(api.get(DATASETS + "/" + id).ok().path("path").asText())
        .isEqualTo(created.path("path").asText());
  }

  @Test
  void anEmptyNameIs422(Api api) {
    JsonNode created = upsert(api, uniquePath("move"), "a");
    api.patch(DATASETS + "/" + created.path("id").asText(), Map.of("name", ""))
        .assertInvalid("body", "name");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "/leading", "trailing/", "a//b", "ctl\u0007char"})
  void anInvalidPathIs422(String path, Api api) {
    JsonNode created = upsert(api, uniquePath("move"), "a");
    api.patch(DATASETS + "/" + created.path("id").asText(), Map.of("path", path))
        .assertInvalid("body", "path");
  }

  @Test
  void aPathOver255CharactersIs422(Api api) {
    JsonNode created = upsert(api, uniquePath("move"), "a");
    api.patch(DATASETS + "/" + created.path("id").asText(), Map.of("path", "p/" + "x".repeat(254)))
        .assertInvalid("body", "path");
  }

  @Test
  void aTakenPathIs409AndNothingMoves(Api api) {
    JsonNode mine = upsert(api, uniquePath("move"), "a");
    JsonNode other = upsert(api, uniquePath("move"), "b");
    String id = mine.path("id").asText();
    api.patch(DATASETS + "/" + id, Map.of("path", other.path("path").asText())).assertDetail(409);
    assertThat(api.get(DATASETS + "/" + id).ok().path("path").asText())
        .isEqualTo(mine.path("path").asText());
  }

  @Test
  void renamingOntoATakenNameIs409(Api api) {
    String folder = uniquePath("move");
    JsonNode mine = upsert(api, folder + "/mine", "a");
    upsert(api, folder + "/theirs", "b");
    api.patch(DATASETS + "/" + mine.path("id").asText(), Map.of("name", "theirs"))
        .assertDetail(409);
  }

  @Test
  void anEmptyBodyChangesNothing(Api api) {
    JsonNode created = upsert(api, uniquePath("move"), "a");
    String id = created.path("id").asText();
    JsonNode before = api.get(DATASETS + "/" + id).ok();
    JsonNode unchanged = api.patch(DATASETS + "/" + id, Map.of()).ok();
    assertThat(unchanged.path("path").asText()).isEqualTo(created.path("path").asText());
    assertThat(unchanged.path("updated_at").asText()).isEqualTo(before.path("updated_at").asText());
    assertThat(api.get(DATASETS + "/" + id).ok().path("updated_at").asText())
        .isEqualTo(before.path("updated_at").asText());
  }

  @Test
  void nullFieldsChangeNothing(Api api) {
    JsonNode created = upsert(api, uniquePath("move"), "a");
    String id = created.path("id").asText();
    JsonNode unchanged = api.patch(DATASETS + "/" + id, "{\"path\": null, \"name\": null}").ok();
    assertThat(unchanged.path("path").asText()).isEqualTo(created.path("path").asText());
    assertThat(unchanged.path("updated_at").asText())
        .isEqualTo(created.path("updated_at").asText());
  }

  @Test
  void aBodylessPatchChangesNothing(Api api) {
    JsonNode created = upsert(api, uniquePath("move"), "a");
    Api.Response response =
        api.send("PATCH", DATASETS + "/" + created.path("id").asText(), null, null);
    JsonNode unchanged = response.ok();
    assertThat(unchanged.path("path").asText()).isEqualTo(created.path("path").asText());
  }

  @Test
  void itsOwnPathChangesNothing(Api api) {
    String path = uniquePath("move") + "/same";
    JsonNode created = upsert(api, path, "a");
    String id = created.path("id").asText();
    upsert(api, path, "b");
    JsonNode versionsBefore = api.get(DATASETS + "/" + id + "/versions").ok();
    JsonNode unchanged = api.patch(DATASETS + "/" + id, Map.of("path", path)).ok();
    assertThat(unchanged.path("updated_at").asText())
        .isEqualTo(created.path("updated_at").asText());
    api.patch(DATASETS + "/" + id, Map.of("name", "same")).ok();
    api.patch(DATASETS + "/" + id, Map.of("path", path, "name", "same")).ok();
    assertThat(api.get(DATASETS + "/" + id + "/versions").ok()).isEqualTo(versionsBefore);
  }

  @Test
  void theResponseIsTheDatasetAtItsDefaultVersion(Api api) {
    String path = uniquePath("move");
    JsonNode first = upsert(api, path, "a");
    upsert(api, path, "b", "c");
    JsonNode moved =
        api.patch(DATASETS + "/" + first.path("id").asText(), Map.of("path", uniquePath("move")))
            .ok();
    assertThat(moved.path("version_id").asText()).isEqualTo(first.path("version_id").asText());
    assertThat(moved.path("datapoints_count").asInt()).isEqualTo(1);
    assertThat(moved.has("datapoints")).isFalse();
  }

  @Test
  void aMoveIsAChangeToEveryVersion(Api api) {
    String path = uniquePath("move");
    JsonNode first = upsert(api, path, "a");
    JsonNode second = upsert(api, path, "b");
    String id = first.path("id").asText();
    JsonNode moved = api.patch(DATASETS + "/" + id, Map.of("path", uniquePath("move"))).ok();
    for (JsonNode version : api.get(DATASETS + "/" + id + "/versions").ok().path("records")) {
      assertThat(version.path("path").asText()).isEqualTo(moved.path("path").asText());
      assertThat(version.path("updated_at").asText()).isEqualTo(moved.path("updated_at").asText());
    }
    assertThat(second.path("version_id").asText()).isNotEqualTo(first.path("version_id").asText());
  }

  @Test
  void theListFindsTheDatasetUnderItsNewName(Api api) {
    JsonNode created = upsert(api, uniquePath("move"), "a");
    String newName = "moved" + UUID.randomUUID().toString().replace("-", "");
    api.patch(DATASETS + "/" + created.path("id").asText(), Map.of("name", newName)).ok();
    JsonNode listed = api.get(DATASETS + "?name=" + newName).ok();
    assertThat(listed.path("total").asInt()).isEqualTo(1);
    assertThat(listed.path("records").get(0).path("id").asText())
        .isEqualTo(created.path("id").asText());
  }

  @Test
  void anUnknownDatasetIs404(Api api) {
    api.patch(DATASETS + "/ds_doesnotexist", Map.of("path", uniquePath("move"))).assertDetail(404);
  }

  @Test
  void aMalformedMoveIs422EvenForAnUnknownDataset(Api api) {
    api.patch(DATASETS + "/ds_doesnotexist", Map.of("path", "/bad/")).assertInvalid("body", "path");
    api.patch(DATASETS + "/ds_doesnotexist", Map.of("name", "a/b")).assertInvalid("body", "name");
  }

  @Test
  void malformedJsonIs422(Api api) {
    JsonNode created = upsert(api, uniquePath("move"), "a");
    api.patch(DATASETS + "/" + created.path("id").asText(), "{\"path\": ").assertInvalid("body");
    api.patch(DATASETS + "/" + created.path("id").asText(), "{\"path\": 7}")
        .assertInvalid("body", "path");
  }
}
