package io.datasetserver.api;

import static io.datasetserver.testing.TestData.add;
import static io.datasetserver.testing.TestData.datasetUrl;
import static io.datasetserver.testing.TestData.id;
import static io.datasetserver.testing.TestData.ids;
import static io.datasetserver.testing.TestData.instant;
import static io.datasetserver.testing.TestData.unique;
import static io.datasetserver.testing.TestData.upsert;
import static io.datasetserver.testing.TestData.versionId;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.datasetserver.testing.Api;
import io.datasetserver.testing.RunningServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * GET /v5/directories and GET /v5/directories/{id} (contract §7). The server is shared by the
 * class, so every test works under a top-level folder of its own. Nothing here writes to the BETA
 * organization, whose root stays empty.
 */
@ExtendWith(RunningServer.class)
class DirectoriesTest {
  private static final String DIRECTORIES = "/v5/directories";

  @Test
  void theRootOfAnOrganizationWithoutDatasetsExistsWithTheDecidedTimestamps(Api api) {
    Api beta = api.as(Api.BETA);
    JsonNode all = beta.get(DIRECTORIES).ok();
    assertThat(all).hasSize(1);
    JsonNode root = all.get(0);
    assertThat(root.path("id").asText()).startsWith("dir_");
    assertThat(root.path("path").asText()).isEmpty();
    assertThat(root.path("name").asText()).isEmpty();
    assertThat(root.has("parent_id")).isFalse();
    assertThat(root.path("tags").isArray() && root.path("tags").isEmpty()).isTrue();
    assertThat(root.path("created_at").asText()).isEqualTo("2026-01-01T00:00:00Z");
    assertThat(root.path("updated_at").asText()).isEqualTo("2026-01-01T00:00:00Z");

    JsonNode byAlias = beta.get(DIRECTORIES + "/root").ok();
    assertThat(byAlias.path("id").asText()).isEqualTo(root.path("id").asText());
    assertThat(byAlias.path("created_at").asText()).isEqualTo("2026-01-01T00:00:00Z");
    for (String list : List.of("subdirectories", "files", "parents")) {
      assertThat(byAlias.path(list).isArray() && byAlias.path(list).isEmpty()).as(list).isTrue();
    }
    assertThat(beta.get(DIRECTORIES + "/" + root.path("id").asText()).ok()).isEqualTo(byAlias);
  }

  @Test
  void directoryIdsAreTheDirectoryIdsThatDatasetsReport(Api api) {
    String top = unique("ids");
    JsonNode nested = upsert(api, top + "/inner/data", "a");
    JsonNode atRoot = upsert(api, unique("root-level"), "a");

    JsonNode inner = api.get(DIRECTORIES + "/" + nested.path("directory_id").asText()).ok();
    assertThat(inner.path("path").asText()).isEqualTo(top + "/inner");
    assertThat(inner.path("name").asText()).isEqualTo("inner");
    assertThat(ids(inner.path("files"))).containsExactly(id(nested));
    assertThat(api.get(DIRECTORIES + "/root").ok().path("id").asText())
        .isEqualTo(atRoot.path("directory_id").asText());
  }

  @Test
  void listHoldsTheRootAndEveryFolderAtAnyDepthSortedByPath(Api api) {
    String top = unique("tree");
    upsert(api, top + "/b/c/d/data", "a");
    upsert(api, top + "/a/data", "a");
    upsert(api, top + "/b/data", "a");

    JsonNode all = api.get(DIRECTORIES).ok();
    List<String> paths = new ArrayList<>();
    all.forEach(d -> paths.add(d.path("path").asText()));
    assertThat(paths.get(0)).isEmpty();
    assertThat(paths).isSorted().doesNotHaveDuplicates();
    assertThat(paths.stream().filter(p -> p.startsWith(top)).toList())
        .containsExactly(top, top + "/a", top + "/b", top + "/b/c", top + "/b/c/d");

    Map<String, JsonNode> byPath = new java.util.HashMap<>();
    all.forEach(d -> byPath.put(d.path("path").asText(), d));
    assertThat(byPath.get(top).path("parent_id").asText())
        .isEqualTo(byPath.get("").path("id").asText());
    assertThat(byPath.get(top + "/b/c").path("parent_id").asText())
        .isEqualTo(byPath.get(top + "/b").path("id").asText());
    assertThat(byPath.get(top + "/b/c").path("name").asText()).isEqualTo("c");
    for (JsonNode directory : all) {
      assertThat(directory.path("tags").isArray()).isTrue();
      assertThat(directory.has("subdirectories")).isFalse();
    }
  }

  @Test
  void timestampsSpanTheDatasetsInTheFolderAndBelow(Api api) {
    String top = unique("times");
    JsonNode first = upsert(api, top + "/x/first", "a");
    JsonNode deeper = upsert(api, top + "/x/sub/second", "a");
    JsonNode changed = add(api, id(first), "b");

    JsonNode x = directory(api, first);
    assertThat(x.path("created_at").asText()).isEqualTo(first.path("created_at").asText());
    assertThat(x.path("updated_at").asText()).isEqualTo(changed.path("updated_at").asText());
    JsonNode sub = directory(api, deeper);
    assertThat(sub.path("created_at").asText()).isEqualTo(deeper.path("created_at").asText());
    assertThat(sub.path("updated_at").asText()).isEqualTo(deeper.path("updated_at").asText());
    JsonNode topFolder = x.path("parents").get(1);
    assertThat(topFolder.path("path").asText()).isEqualTo(top);
    assertThat(topFolder.path("created_at").asText()).isEqualTo(first.path("created_at").asText());
    assertThat(topFolder.path("updated_at").asText())
        .isEqualTo(changed.path("updated_at").asText());

    JsonNode root = api.get(DIRECTORIES + "/root").ok();
    assertThat(instant(root, "created_at")).isBeforeOrEqualTo(instant(first, "created_at"));
    assertThat(instant(root, "updated_at")).isAfterOrEqualTo(instant(changed, "updated_at"));
  }

  @Test
  void aDirectoryListsItsSubdirectoriesAndFilesByNameAndItsParentsFromTheRoot(Api api) {
    String top = unique("children");
    JsonNode zeta = upsert(api, top + "/p/zeta", "a");
    JsonNode alpha = upsert(api, top + "/p/alpha", "a");
    upsert(api, top + "/p/r/inside", "a");
    upsert(api, top + "/p/q/deep/inside", "a");
    add(api, id(alpha), "b"); // a newer version, not deployed: alpha is still shown at its first

    JsonNode p = directory(api, zeta);
    assertThat(p.path("path").asText()).isEqualTo(top + "/p");
    List<String> subdirectories = new ArrayList<>();
    p.path("subdirectories").forEach(d -> subdirectories.add(d.path("path").asText()));
    assertThat(subdirectories).containsExactly(top + "/p/q", top + "/p/r");
    assertThat(ids(p.path("files"))).containsExactly(id(alpha), id(zeta));
    JsonNode alphaFile = p.path("files").get(0);
    assertThat(versionId(alphaFile)).isEqualTo(versionId(alpha));
    assertThat(alphaFile.path("type").asText()).isEqualTo("dataset");
    assertThat(alphaFile.has("datapoints")).isFalse();
    assertThat(alphaFile.path("directory_id").asText()).isEqualTo(p.path("id").asText());

    List<String> parents = new ArrayList<>();
    p.path("parents").forEach(d -> parents.add(d.path("path").asText()));
    assertThat(parents).containsExactly("", top);
    assertThat(p.path("parent_id").asText())
        .isEqualTo(p.path("parents").get(1).path("id").asText());
    assertThat(api.get(DIRECTORIES + "/root").ok().path("parents")).isEmpty();
  }

  @Test
  void aFolderEmptiedIsGoneAndComesBackWithTheSameIdWhenFilledAgain(Api api) {
    String top = unique("emptied");
    JsonNode dataset = upsert(api, top + "/box/data", "a");
    String boxId = dataset.path("directory_id").asText();
    String topId = directory(api, dataset).path("parent_id").asText();

    api.patch(datasetUrl(dataset), Map.of("path", unique("moved-out"))).ok();
    api.get(DIRECTORIES + "/" + boxId).assertDetail(404);
    api.get(DIRECTORIES + "/" + topId).assertDetail(404);
    assertThat(api.get(DIRECTORIES).ok().findValuesAsText("id")).doesNotContain(boxId, topId);

    JsonNode refilled = upsert(api, top + "/box/other", "a");
    assertThat(refilled.path("directory_id").asText()).isEqualTo(boxId);
    assertThat(api.get(DIRECTORIES + "/" + boxId).ok().path("path").asText())
        .isEqualTo(top + "/box");

    api.delete(datasetUrl(refilled)).assertStatus(204);
    api.get(DIRECTORIES + "/" + boxId).assertDetail(404);
  }

  @Test
  void anotherOrganizationsDirectoryIsNotFound(Api api) {
    String top = unique("tenancy");
    JsonNode dataset = upsert(api, top + "/secret/data", "a");
    Api beta = api.as(Api.BETA);
    beta.get(DIRECTORIES + "/" + dataset.path("directory_id").asText()).assertDetail(404);
    assertThat(beta.get(DIRECTORIES).ok().toString()).doesNotContain(top);
    assertThat(beta.get(DIRECTORIES + "/root").ok().toString()).doesNotContain(top);
  }

  @Test
  void unknownDirectoryIsNotFoundAndAMissingKeyComesFirst(Api api) {
    api.get(DIRECTORIES + "/dir_000000000000000000000000").assertDetail(404);
    api.get(DIRECTORIES + "/ROOT").assertDetail(404);
    api.as(null).get(DIRECTORIES + "/dir_000000000000000000000000").assertDetail(401);
    api.as(null).get(DIRECTORIES).assertDetail(401);
  }

  private static JsonNode directory(Api api, JsonNode dataset) {
    return api.get(DIRECTORIES + "/" + dataset.path("directory_id").asText()).ok();
  }
}
