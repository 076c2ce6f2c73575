package io.datasetserver.api;

import static io.datasetserver.testing.TestData.DATASETS;
import static io.datasetserver.testing.TestData.datapoints;
import static io.datasetserver.testing.TestData.uniquePath;
import static io.datasetserver.testing.TestData.upsert;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.datasetserver.testing.Api;
import io.datasetserver.testing.RunningServer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Contract §4: another organization's dataset behaves exactly like an unknown one. */
@ExtendWith(RunningServer.class)
class TenancyTest {
  @Test
  void anotherOrganizationsIdIs404OnEveryEndpointAndChangesNothing(Api api) {
    String path = uniquePath("tenancy");
    JsonNode first = upsert(api, path, "a", "b");
    JsonNode second = upsert(api, path, "c");
    String id = first.path("id").asText();
    String v1 = first.path("version_id").asText();
    String v2 = second.path("version_id").asText();
    JsonNode before = snapshot(api, id);

    Api beta = api.as(Api.BETA);
    String ds = DATASETS + "/" + id;
    List<Api.Response> responses =
        List.of(
            beta.get(ds),
            beta.get(ds + "?version_id=" + v1),
            beta.get(ds + "?include_datapoints=true"),
            beta.get(ds + "/datapoints"),
            beta.get(ds + "/datapoints?version_id=" + v1),
            beta.get(ds + "/versions"),
            beta.get(ds + "/versions?include_datapoints=latest_saved"),
            beta.patch(ds, Map.of("path", uniquePath("tenancy"))),
            beta.patch(ds, Map.of()),
            beta.post(DATASETS, Map.of("id", id, "datapoints", datapoints("x"))),
            beta.post(DATASETS, Map.of("id", id, "action", "add", "datapoints", datapoints("x"))),
            beta.post(
                DATASETS, Map.of("id", id, "action", "remove", "datapoints", datapoints("a"))),
            beta.post(DATASETS, Map.of("id", id, "action", "add", "datapoints", List.of())),
            beta.post(DATASETS, Map.of("id", id, "path", path, "datapoints", datapoints("x"))),
            beta.get(ds + "/environments"),
            beta.post(ds + "/environments/staging?version_id=" + v2, null),
            beta.delete(ds + "/environments/staging"),
            beta.patch(ds + "/versions/" + v2, Map.of("name", "hijacked")),
            beta.delete(ds + "/versions/" + v2),
            beta.upload(
                ds + "/datapoints/csv", "rows.csv", "q\nx\n".getBytes(StandardCharsets.UTF_8)),
            beta.delete(ds));
    for (Api.Response response : responses) {
      response.assertDetail(404);
      assertThat(response.body()).doesNotContain(path);
    }
    assertThat(snapshot(api, id)).isEqualTo(before);
  }

  @Test
  void anotherOrganizationsIdLooksLikeAnUnknownId(Api api) {
    String id = upsert(api, uniquePath("tenancy"), "a").path("id").asText();
    Api.Response foreign = api.as(Api.BETA).get(DATASETS + "/" + id);
    Api.Response unknown = api.as(Api.BETA).get(DATASETS + "/ds_doesnotexist0000000000");
    assertThat(foreign.status()).isEqualTo(unknown.status()).isEqualTo(404);
    assertThat(foreign.json().path("detail").asText().replace(id, "ID"))
        .isEqualTo(
            unknown.json().path("detail").asText().replace("ds_doesnotexist0000000000", "ID"));
  }

  @Test
  void anotherOrganizationsDatasetsAreNotListed(Api api) {
    String name = "tenant" + UUID.randomUUID().toString().replace("-", "");
    upsert(api, "tenancy/" + name, "a");
    JsonNode listed = api.as(Api.BETA).get(DATASETS + "?name=" + name).ok();
    assertThat(listed.path("total").asInt()).isZero();
    assertThat(listed.path("records")).isEmpty();
    assertThat(api.get(DATASETS + "?name=" + name).ok().path("total").asInt()).isEqualTo(1);
  }

  @Test
  void pathsAreUniquePerOrganizationOnly(Api api) {
    String path = uniquePath("tenancy");
    JsonNode alpha = upsert(api, path, "a");
    JsonNode beta = upsert(api.as(Api.BETA), path, "b");
    assertThat(beta.path("id").asText()).isNotEqualTo(alpha.path("id").asText());
    assertThat(beta.path("environments").get(0).path("name").asText()).isEqualTo("live");
    JsonNode alphaAfter =
        api.get(DATASETS + "/" + alpha.path("id").asText() + "?include_datapoints=true").ok();
    assertThat(alphaAfter.path("version_id").asText()).isEqualTo(alpha.path("version_id").asText());
    assertThat(alphaAfter.path("datapoints").get(0).path("inputs").path("q").asText())
        .isEqualTo("a");
  }

  @Test
  void movingOntoAPathUsedInAnotherOrganizationIsAllowed(Api api) {
    String path = uniquePath("tenancy");
    upsert(api, path, "a");
    JsonNode beta = upsert(api.as(Api.BETA), uniquePath("tenancy"), "b");
    JsonNode moved =
        api.as(Api.BETA)
            .patch(DATASETS + "/" + beta.path("id").asText(), Map.of("path", path))
            .ok();
    assertThat(moved.path("path").asText()).isEqualTo(path);
  }

  @Test
  void aVersionOfAnotherOrganizationsDatasetIsNoVersionOfMine(Api api) {
    JsonNode alpha = upsert(api, uniquePath("tenancy"), "a");
    JsonNode beta = upsert(api.as(Api.BETA), uniquePath("tenancy"), "b");
    api.as(Api.BETA)
        .get(
            DATASETS
                + "/"
                + beta.path("id").asText()
                + "?version_id="
                + alpha.path("version_id").asText())
        .assertDetail(404);
    api.as(Api.BETA)
        .post(
            DATASETS + "?version_id=" + alpha.path("version_id").asText(),
            Map.of("id", beta.path("id").asText(), "action", "add", "datapoints", datapoints("c")))
        .assertDetail(404);
  }

  @Test
  void environmentsAreResolvedInTheCallersOrganization(Api api) {
    JsonNode beta = upsert(api.as(Api.BETA), uniquePath("tenancy"), "b");
    String id = beta.path("id").asText();
    assertThat(
            api.as(Api.BETA)
                .get(DATASETS + "/" + id + "?environment=live")
                .ok()
                .path("version_id")
                .asText())
        .isEqualTo(beta.path("version_id").asText());
    api.as(Api.BETA).get(DATASETS + "/" + id + "?environment=production").assertDetail(404);
    JsonNode alpha = upsert(api, uniquePath("tenancy"), "a");
    String alphaProduction = alpha.path("environments").get(0).path("id").asText();
    api.as(Api.BETA).get(DATASETS + "/" + id + "?environment=" + alphaProduction).assertDetail(404);
  }

  @Test
  void usersOfOneOrganizationShareItsDatasets(Api api) {
    String path = uniquePath("tenancy");
    JsonNode created = upsert(api, path, "a");
    Api alan = api.as(Api.ALPHA_ALAN);
    assertThat(
            alan.get(DATASETS + "/" + created.path("id").asText()).ok().path("version_id").asText())
        .isEqualTo(created.path("version_id").asText());
    JsonNode added =
        alan.post(DATASETS, Map.of("path", path, "action", "add", "datapoints", datapoints("b")))
            .ok();
    assertThat(added.path("id").asText()).isEqualTo(created.path("id").asText());
    assertThat(added.path("created_by").path("id").asText()).isEqualTo("usr_alan");
  }

  // ---- helpers ----

  /** Everything ALPHA can see of a dataset. */
  private static JsonNode snapshot(Api api, String id) {
    Map<String, JsonNode> views = new LinkedHashMap<>();
    views.put("default", api.get(DATASETS + "/" + id + "?include_datapoints=true").ok());
    views.put(
        "versions",
        api.get(DATASETS + "/" + id + "/versions?include_datapoints=latest_saved").ok());
    views.put("environments", api.get(DATASETS + "/" + id + "/environments").ok());
    return Api.JSON.valueToTree(views);
  }
}
