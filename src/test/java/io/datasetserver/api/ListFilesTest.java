package io.datasetserver.api;

import static io.datasetserver.testing.TestData.DATASETS;
import static io.datasetserver.testing.TestData.add;
import static io.datasetserver.testing.TestData.datasetUrl;
import static io.datasetserver.testing.TestData.id;
import static io.datasetserver.testing.TestData.ids;
import static io.datasetserver.testing.TestData.unique;
import static io.datasetserver.testing.TestData.upsert;
import static io.datasetserver.testing.TestData.versionId;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.datasetserver.testing.Api;
import io.datasetserver.testing.RunningServer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * GET /v5/files (contract §7). The server is shared by the class, so every test works under a
 * top-level folder of its own and filters by it.
 */
@ExtendWith(RunningServer.class)
class ListFilesTest {
  private static final String FILES = "/v5/files";

  @Test
  void pathSelectsTheDatasetsInsideAFolderAtAnyDepth(Api api) {
    String top = unique("depth");
    JsonNode direct = upsert(api, top + "/a/direct", "x");
    JsonNode deep = upsert(api, top + "/a/b/c/deep", "x");
    JsonNode sibling = upsert(api, top + "/ab/sibling", "x");

    JsonNode page = api.get(FILES + "?path=" + top + "/a").ok();
    assertThat(ids(page.path("records"))).containsExactlyInAnyOrder(id(direct), id(deep));
    assertThat(page.path("total").asInt()).isEqualTo(2);
    assertThat(ids(api.get(FILES + "?path=" + top + "/a/b").ok().path("records")))
        .containsExactly(id(deep));
    assertThat(ids(api.get(FILES + "?path=" + top + "&size=100").ok().path("records")))
        .containsExactlyInAnyOrder(id(direct), id(deep), id(sibling));
    assertThat(api.get(FILES + "?path=" + top + "/a/direct").ok().path("total").asInt())
        .as("a dataset's own path is not a folder")
        .isZero();
    assertThat(api.get(FILES + "?path=" + unique("nowhere")).ok().path("records")).isEmpty();
  }

  /**
   * A folder's listing is kept per sort key once asked for (DatasetCatalog): asked again it must
   * give the same, in each order its own, and a write must show in the next one.
   */
  @Test
  void aFolderListedAgainInAnotherOrderOrAfterAWriteIsCurrent(Api api) {
    String top = unique("again");
    JsonNode zebra = upsert(api, top + "/in/zebra", "x");
    JsonNode apple = upsert(api, top + "/in/apple", "x");
    upsert(api, top + "/out/other", "x");
    String byName = FILES + "?path=" + top + "/in&sort_by=name&order=";
    for (int asked = 0; asked < 2; asked++) {
      assertThat(ids(api.get(byName + "asc").ok().path("records")))
          .containsExactly(id(apple), id(zebra));
      assertThat(ids(api.get(byName + "desc").ok().path("records")))
          .containsExactly(id(zebra), id(apple));
      assertThat(
              ids(
                  api.get(FILES + "?path=" + top + "/in&sort_by=created_at&order=asc")
                      .ok()
                      .path("records")))
          .containsExactly(id(zebra), id(apple));
    }
    JsonNode mango = upsert(api, top + "/in/mango", "x");
    assertThat(ids(api.get(byName + "asc").ok().path("records")))
        .containsExactly(id(apple), id(mango), id(zebra));
  }

  @Test
  void aTrailingSlashInThePathIsIgnored(Api api) {
    String top = unique("slash");
    JsonNode dataset = upsert(api, top + "/in/data", "x");
    assertThat(ids(api.get(FILES + "?path=" + top + "/in/").ok().path("records")))
        .containsExactly(id(dataset));
    assertThat(ids(api.get(FILES + "?path=" + top + "/").ok().path("records")))
        .containsExactly(id(dataset));
  }

  @Test
  void anEmptyOrAbsentPathSelectsEveryDataset(Api api) {
    String top = unique("everything");
    upsert(api, top + "/one", "x");
    long total = api.get(FILES).ok().path("total").asLong();
    assertThat(total).isEqualTo(api.get(DATASETS).ok().path("total").asLong()).isPositive();
    assertThat(api.get(FILES + "?path=").ok().path("total").asLong()).isEqualTo(total);
    assertThat(api.get(FILES + "?path=/").ok().path("total").asLong()).isEqualTo(total);
  }

  @Test
  void recordsAreDatasetResponsesAtTheirDefaultVersionPagedLikeDatasets(Api api) {
    String top = unique("records");
    JsonNode first = upsert(api, top + "/data", "x", "y");
    add(api, id(first), "z"); // not deployed
    JsonNode page = api.get(FILES + "?path=" + top).ok();
    assertThat(page.path("page").asInt()).isEqualTo(1);
    assertThat(page.path("size").asInt()).isEqualTo(10);
    JsonNode record = page.path("records").get(0);
    assertThat(versionId(record)).isEqualTo(versionId(first));
    assertThat(record.path("type").asText()).isEqualTo("dataset");
    assertThat(record.path("datapoints_count").asInt()).isEqualTo(2);
    assertThat(record.path("directory_id").asText()).isEqualTo(first.path("directory_id").asText());
    assertThat(record.has("datapoints")).isFalse();
  }

  @Test
  void pagesPartitionTheResultsAndAPageAfterTheEndIsEmpty(Api api) {
    String top = unique("pages");
    List<String> created = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      created.add(id(upsert(api, top + "/d" + i, "x")));
    }
    List<String> seen = new ArrayList<>();
    for (int page = 1; page <= 3; page++) {
      JsonNode body = api.get(FILES + "?path=" + top + "&size=2&page=" + page).ok();
      assertThat(body.path("total").asInt()).isEqualTo(5);
      seen.addAll(ids(body.path("records")));
    }
    assertThat(seen).containsExactlyInAnyOrderElementsOf(created);
    JsonNode after = api.get(FILES + "?path=" + top + "&size=2&page=4").ok();
    assertThat(after.path("records")).isEmpty();
    assertThat(after.path("total").asInt()).isEqualTo(5);
  }

  @Test
  void sortsByNameCreationOrChangeWithTheIdAsTieBreaker(Api api) {
    String top = unique("sorted");
    JsonNode b = upsert(api, top + "/b", "x");
    JsonNode c = upsert(api, top + "/x/c", "x");
    JsonNode a = upsert(api, top + "/a", "x");
    add(api, id(b), "y");

    assertThat(listed(api, top, "&sort_by=name&order=asc")).containsExactly(id(a), id(b), id(c));
    assertThat(listed(api, top, "&sort_by=name&order=desc")).containsExactly(id(c), id(b), id(a));
    assertThat(listed(api, top, "")).containsExactly(id(a), id(c), id(b));
    assertThat(listed(api, top, "&sort_by=created_at&order=asc"))
        .containsExactly(id(b), id(c), id(a));
    assertThat(listed(api, top, "&sort_by=updated_at")).containsExactly(id(b), id(a), id(c));
  }

  @Test
  void nameIsACaseInsensitiveSubstringOfTheDatasetName(Api api) {
    String top = unique("names");
    JsonNode match = upsert(api, top + "/Support-Queries", "x");
    upsert(api, top + "/queries/other", "x");
    assertThat(listed(api, top, "&name=port-QUER")).containsExactly(id(match));
  }

  @Test
  void typeMatchesOnlyWhenTheSelectionIncludesDatasets(Api api) {
    String top = unique("types");
    JsonNode dataset = upsert(api, top + "/data", "x");
    assertThat(listed(api, top, "&type=dataset")).containsExactly(id(dataset));
    assertThat(listed(api, top, "&type=prompt&type=dataset")).containsExactly(id(dataset));
    for (String type : List.of("prompt", "tool", "evaluator", "flow", "agent")) {
      JsonNode page = api.get(FILES + "?path=" + top + "&type=" + type).ok();
      assertThat(page.path("records")).as(type).isEmpty();
      assertThat(page.path("total").asInt()).as(type).isZero();
    }
    assertThat(listed(api, top, "&type=prompt&type=flow")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"type=datasets", "type=Dataset", "type=dataset&type=file", "type="})
  void anUnknownTypeIs422(String query, Api api) {
    api.get(FILES + "?" + query).assertInvalid("query", "type");
  }

  @Test
  void templateTrueMatchesNothing(Api api) {
    String top = unique("templates");
    JsonNode dataset = upsert(api, top + "/data", "x");
    assertThat(listed(api, top, "&template=true")).isEmpty();
    assertThat(listed(api, top, "&template=false")).containsExactly(id(dataset));
    api.get(FILES + "?template=maybe").assertInvalid("query", "template");
  }

  @Test
  void environmentSelectsDeployedDatasetsShownAtTheDeployedVersion(Api api) {
    String top = unique("environments");
    JsonNode staged = upsert(api, top + "/staged", "x");
    JsonNode v2 = add(api, id(staged), "y");
    api.post(datasetUrl(staged) + "/environments/staging?version_id=" + versionId(v2), null).ok();
    JsonNode productionOnly = upsert(api, top + "/production-only", "x");

    JsonNode page = api.get(FILES + "?path=" + top + "&environment=staging").ok();
    assertThat(ids(page.path("records"))).containsExactly(id(staged));
    assertThat(page.path("total").asInt()).isEqualTo(1);
    JsonNode record = page.path("records").get(0);
    assertThat(versionId(record)).isEqualTo(versionId(v2));
    assertThat(record.path("environments").findValuesAsText("name")).containsExactly("staging");

    String stagingId = record.path("environments").get(0).path("id").asText();
    assertThat(listed(api, top, "&environment=" + stagingId)).containsExactly(id(staged));
    assertThat(listed(api, top, "&environment=production&sort_by=name&order=asc"))
        .containsExactly(id(productionOnly), id(staged));
    JsonNode atProduction =
        api.get(FILES + "?path=" + top + "&environment=production&name=staged").ok();
    assertThat(versionId(atProduction.path("records").get(0))).isEqualTo(versionId(staged));
  }

  @Test
  void anUnknownEnvironmentIs404AfterValidation(Api api) {
    api.get(FILES + "?environment=nowhere").assertDetail(404);
    api.get(FILES + "?environment=nowhere&sort_by=size").assertInvalid("query", "sort_by");
    api.get(FILES + "?environment=nowhere&type=dataset").assertDetail(404);
  }

  @ParameterizedTest
  @ValueSource(strings = {"page=0", "size=-1", "size=1001", "sort_by=path", "order=up", "page=x"})
  void badPagingAndSortingAre422(String query, Api api) {
    api.get(FILES + "?" + query).assertInvalid("query", query.substring(0, query.indexOf('=')));
  }

  @Test
  void otherHumanloopQueryParametersAreIgnored(Api api) {
    String top = unique("ignored");
    JsonNode dataset = upsert(api, top + "/data", "x");
    assertThat(listed(api, top, "&include_raw_file_content=true&include_content=whatever"))
        .containsExactly(id(dataset));
  }

  @Test
  void anotherOrganizationSeesNoneOfTheseFilesAndAMissingKeyComesFirst(Api api) {
    String top = unique("tenancy");
    upsert(api, top + "/data", "x");
    assertThat(api.as(Api.BETA).get(FILES + "?path=" + top).ok().path("total").asInt()).isZero();
    assertThat(api.as(Api.BETA).get(FILES + "?size=1000").ok().toString()).doesNotContain(top);
    api.as(null).get(FILES + "?type=bogus").assertDetail(401);
  }

  private static List<String> listed(Api api, String folder, String query) {
    return ids(api.get(FILES + "?size=100&path=" + folder + query).ok().path("records"));
  }
}
