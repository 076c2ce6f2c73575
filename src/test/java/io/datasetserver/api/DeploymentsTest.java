package io.datasetserver.api;

import static io.datasetserver.testing.TestData.DATASETS;
import static io.datasetserver.testing.TestData.add;
import static io.datasetserver.testing.TestData.datapoints;
import static io.datasetserver.testing.TestData.datasetUrl;
import static io.datasetserver.testing.TestData.id;
import static io.datasetserver.testing.TestData.instant;
import static io.datasetserver.testing.TestData.listedByUpdatedAt;
import static io.datasetserver.testing.TestData.questions;
import static io.datasetserver.testing.TestData.uniquePath;
import static io.datasetserver.testing.TestData.upsert;
import static io.datasetserver.testing.TestData.versionId;
import static io.datasetserver.testing.TestData.waitForClockPast;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.datasetserver.testing.Api;
import io.datasetserver.testing.RunningServer;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Deployments (contract §3 "Deployments", §2): POST / DELETE / GET /v5/datasets/{id}/environments,
 * and how {@code environment=} and the default version follow them.
 */
@ExtendWith(RunningServer.class)
class DeploymentsTest {

  @Test
  void deployByEnvironmentIdReturnsTheDeployedVersionWithThatEnvironment(Api api) {
    JsonNode first = upsert(api, uniquePath("tests/deployments"), "a");
    JsonNode second = add(api, id(first), "b");
    JsonNode staging = environment(api, first, "staging");

    JsonNode deployed =
        api.post(
                datasetUrl(first)
                    + "/environments/"
                    + staging.get("id").asText()
                    + "?version_id="
                    + versionId(second),
                null)
            .ok();

    assertThat(versionId(deployed)).isEqualTo(versionId(second));
    assertThat(deployed.get("id").asText()).isEqualTo(id(first));
    assertThat(deployed.get("datapoints_count").asInt()).isEqualTo(2);
    assertThat(deployed.get("environments")).hasSize(1);
    JsonNode environment = deployed.get("environments").get(0);
    assertThat(environment.get("id").asText())
        .isEqualTo(staging.get("id").asText())
        .startsWith("env_");
    assertThat(environment.get("name").asText()).isEqualTo("staging");
    assertThat(environment.get("tag").asText()).isEqualTo("other");
    assertThat(environment.get("created_at").asText())
        .isEqualTo(staging.get("created_at").asText());
  }

  @Test
  void deployByEnvironmentNameIsAccepted(Api api) {
    JsonNode first = upsert(api, uniquePath("tests/deployments"), "a");
    JsonNode second = add(api, id(first), "b");

    JsonNode deployed =
        api.post(datasetUrl(first) + "/environments/staging?version_id=" + versionId(second), null)
            .ok();

    assertThat(versionId(deployed)).isEqualTo(versionId(second));
    assertThat(environmentNames(deployed)).containsExactly("staging");
    assertThat(versionId(api.get(datasetUrl(first) + "?environment=staging").ok()))
        .isEqualTo(versionId(second));
  }

  @Test
  void versionDeployedToTwoEnvironmentsListsBoth(Api api) {
    JsonNode first = upsert(api, uniquePath("tests/deployments"), "a");

    JsonNode deployed =
        api.post(datasetUrl(first) + "/environments/staging?version_id=" + versionId(first), null)
            .ok();

    assertThat(environmentNames(deployed)).containsExactlyInAnyOrder("production", "staging");
  }

  @Test
  void deployingReplacesWhatWasDeployedThere(Api api) {
    JsonNode first = upsert(api, uniquePath("tests/deployments"), "a");
    JsonNode second = add(api, id(first), "b");
    api.post(datasetUrl(first) + "/environments/staging?version_id=" + versionId(first), null).ok();

    api.post(datasetUrl(first) + "/environments/staging?version_id=" + versionId(second), null)
        .ok();

    assertThat(environmentNames(version(api, first, versionId(first))))
        .containsExactly("production");
    assertThat(environmentNames(version(api, first, versionId(second)))).containsExactly("staging");
    assertThat(versionId(api.get(datasetUrl(first) + "?environment=staging").ok()))
        .isEqualTo(versionId(second));
  }

  @Test
  void missingVersionIdIsRejected(Api api) {
    JsonNode first = upsert(api, uniquePath("tests/deployments"), "a");

    Api.Response response = api.post(datasetUrl(first) + "/environments/staging", null);

    response.assertStatus(422);
    assertThat(response.json().get("detail").get(0).get("loc"))
        .extracting(JsonNode::asText)
        .containsExactly("query", "version_id");
    assertThat(api.get(datasetUrl(first) + "/environments").ok().get(1).has("file")).isFalse();
  }

  @Test
  void missingVersionIdIsRejectedBeforeTheDatasetOrEnvironmentIsLookedUp(Api api) {
    JsonNode first = upsert(api, uniquePath("tests/deployments"), "a");

    api.post(DATASETS + "/ds_unknown/environments/staging", null).assertStatus(422);
    api.post(datasetUrl(first) + "/environments/nowhere", null).assertStatus(422);
  }

  @Test
  void deployToUnknownEnvironmentIsNotFound(Api api) {
    JsonNode first = upsert(api, uniquePath("tests/deployments"), "a");

    Api.Response response =
        api.post(
            datasetUrl(first) + "/environments/env_unknown?version_id=" + versionId(first), null);

    response.assertStatus(404);
    assertThat(response.json().get("detail").isTextual()).isTrue();
    api.post(datasetUrl(first) + "/environments/development?version_id=" + versionId(first), null)
        .assertStatus(404);
  }

  @Test
  void deployOfUnknownVersionIsNotFound(Api api) {
    JsonNode first = upsert(api, uniquePath("tests/deployments"), "a");

    Api.Response response =
        api.post(datasetUrl(first) + "/environments/staging?version_id=dsv_unknown", null);

    response.assertStatus(404);
    assertThat(response.json().get("detail").isTextual()).isTrue();
    assertThat(api.get(datasetUrl(first) + "/environments").ok().get(1).has("file")).isFalse();
  }

  @Test
  void deployOfAnotherDatasetsVersionIsNotFound(Api api) {
    JsonNode mine = upsert(api, uniquePath("tests/deployments"), "a");
    JsonNode other = upsert(api, uniquePath("tests/deployments"), "b");

    api.post(datasetUrl(mine) + "/environments/production?version_id=" + versionId(other), null)
        .assertStatus(404);

    assertThat(versionId(api.get(datasetUrl(mine)).ok())).isEqualTo(versionId(mine));
  }

  @Test
  void deployToUnknownDatasetIsNotFound(Api api) {
    JsonNode first = upsert(api, uniquePath("tests/deployments"), "a");

    api.post(DATASETS + "/ds_unknown/environments/staging?version_id=" + versionId(first), null)
        .assertStatus(404);
    api.delete(DATASETS + "/ds_unknown/environments/staging").assertStatus(404);
    api.get(DATASETS + "/ds_unknown/environments").assertStatus(404);
  }

  @Test
  void deployingToTheDefaultEnvironmentMakesItTheDefaultVersion(Api api) {
    JsonNode first = upsert(api, uniquePath("tests/deployments"), "a");
    JsonNode second = add(api, id(first), "b");
    assertThat(versionId(api.get(datasetUrl(first)).ok())).isEqualTo(versionId(first));

    api.post(datasetUrl(first) + "/environments/production?version_id=" + versionId(second), null)
        .ok();

    JsonNode byDefault = api.get(datasetUrl(first)).ok();
    assertThat(versionId(byDefault)).isEqualTo(versionId(second));
    assertThat(environmentNames(byDefault)).containsExactly("production");
    assertThat(environmentNames(version(api, first, versionId(first)))).isEmpty();
    JsonNode listed =
        api.get(DATASETS + "?size=1000&name=" + first.get("name").asText()).ok().get("records");
    assertThat(listed)
        .extracting(d -> d.get("version_id").asText())
        .containsExactly(versionId(second));
  }

  @Test
  void removingTheDefaultDeploymentFallsBackToTheLatestVersion(Api api) {
    JsonNode first = upsert(api, uniquePath("tests/deployments"), "a");
    JsonNode second = add(api, id(first), "b");
    JsonNode third = add(api, id(first), "c");
    api.post(datasetUrl(first) + "/environments/production?version_id=" + versionId(second), null)
        .ok();

    Api.Response response = api.delete(datasetUrl(first) + "/environments/production");

    response.assertStatus(204);
    assertThat(response.body()).isEmpty();
    JsonNode byDefault = api.get(datasetUrl(first)).ok();
    assertThat(versionId(byDefault)).isEqualTo(versionId(third));
    assertThat(environmentNames(byDefault)).isEmpty();
    assertThat(environmentNames(version(api, first, versionId(second)))).isEmpty();
    api.get(datasetUrl(first) + "?environment=production").assertStatus(404);
  }

  @Test
  void undeployByEnvironmentIdIsAccepted(Api api) {
    JsonNode first = upsert(api, uniquePath("tests/deployments"), "a");
    JsonNode production = environment(api, first, "production");

    api.delete(datasetUrl(first) + "/environments/" + production.get("id").asText())
        .assertStatus(204);

    assertThat(environment(api, first, "production").has("file")).isFalse();
  }

  @Test
  void undeployIsIdempotent(Api api) {
    JsonNode first = upsert(api, uniquePath("tests/deployments"), "a");

    api.delete(datasetUrl(first) + "/environments/staging").assertStatus(204);
    api.delete(datasetUrl(first) + "/environments/production").assertStatus(204);
    api.delete(datasetUrl(first) + "/environments/production").assertStatus(204);

    assertThat(api.get(datasetUrl(first) + "/environments").ok())
        .allSatisfy(e -> assertThat(e.has("file")).isFalse());
  }

  @Test
  void undeployOfUnknownEnvironmentIsNotFound(Api api) {
    JsonNode first = upsert(api, uniquePath("tests/deployments"), "a");

    Api.Response response = api.delete(datasetUrl(first) + "/environments/env_unknown");

    response.assertStatus(404);
    assertThat(response.json().get("detail").isTextual()).isTrue();
    assertThat(environmentNames(api.get(datasetUrl(first)).ok())).containsExactly("production");
  }

  @Test
  void environmentListHasEveryEnvironmentWithTheVersionDeployedThere(Api api) {
    JsonNode first = upsert(api, uniquePath("tests/deployments"), "a");
    add(api, id(first), "b");

    JsonNode environments = api.get(datasetUrl(first) + "/environments").ok();

    assertThat(environments)
        .extracting(e -> e.get("name").asText())
        .containsExactlyInAnyOrder("production", "staging");
    for (JsonNode environment : environments) {
      assertThat(environment.get("id").asText()).startsWith("env_");
      assertThat(OffsetDateTime.parse(environment.get("created_at").asText())).isNotNull();
      assertThat(environment.get("tag").asText())
          .isEqualTo(environment.get("name").asText().equals("production") ? "default" : "other");
    }
    JsonNode production = environment(api, first, "production");
    assertThat(production.get("file").get("id").asText()).isEqualTo(id(first));
    assertThat(versionId(production.get("file"))).isEqualTo(versionId(first));
    assertThat(production.get("file").get("type").asText()).isEqualTo("dataset");
    assertThat(production.get("file").get("datapoints_count").asInt()).isEqualTo(1);
    assertThat(environmentNames(production.get("file"))).containsExactly("production");
    assertThat(environment(api, first, "staging").has("file")).isFalse();
  }

  @Test
  void environmentListFollowsDeployments(Api api) {
    JsonNode first = upsert(api, uniquePath("tests/deployments"), "a");
    JsonNode second = add(api, id(first), "b");

    api.post(datasetUrl(first) + "/environments/staging?version_id=" + versionId(second), null)
        .ok();
    api.delete(datasetUrl(first) + "/environments/production").assertStatus(204);

    assertThat(environment(api, first, "production").has("file")).isFalse();
    assertThat(versionId(environment(api, first, "staging").get("file")))
        .isEqualTo(versionId(second));
  }

  @Test
  void anotherOrganizationListsItsOwnEnvironments(Api api) {
    JsonNode theirs = upsert(api.as(Api.BETA), uniquePath("tests/deployments"), "a");

    JsonNode environments = api.as(Api.BETA).get(datasetUrl(theirs) + "/environments").ok();

    assertThat(environments)
        .extracting(e -> e.get("name").asText())
        .containsExactlyInAnyOrder("live", "staging");
    JsonNode live = find(environments, "live");
    assertThat(live.get("tag").asText()).isEqualTo("default");
    assertThat(versionId(live.get("file"))).isEqualTo(versionId(theirs));
    assertThat(find(environments, "staging").has("file")).isFalse();
    api.as(Api.BETA)
        .post(datasetUrl(theirs) + "/environments/production?version_id=" + versionId(theirs), null)
        .assertStatus(404);
  }

  @Test
  void environmentNameResolvesToTheDeployedVersionOnGetAndDatapoints(Api api) {
    JsonNode first = upsert(api, uniquePath("tests/deployments"), "a");
    JsonNode second = add(api, id(first), "b");
    api.post(datasetUrl(first) + "/environments/staging?version_id=" + versionId(first), null).ok();
    api.post(datasetUrl(first) + "/environments/production?version_id=" + versionId(second), null)
        .ok();

    JsonNode staged =
        api.get(datasetUrl(first) + "?environment=staging&include_datapoints=true").ok();
    JsonNode page = api.get(datasetUrl(first) + "/datapoints?environment=staging").ok();
    JsonNode produced = api.get(datasetUrl(first) + "/datapoints?environment=production").ok();

    assertThat(versionId(staged)).isEqualTo(versionId(first));
    assertThat(staged.get("datapoints"))
        .extracting(d -> d.get("inputs").get("q").asText())
        .containsExactly("a");
    assertThat(page.get("total").asInt()).isEqualTo(1);
    assertThat(page.get("records"))
        .extracting(d -> d.get("inputs").get("q").asText())
        .containsExactly("a");
    assertThat(produced.get("records"))
        .extracting(d -> d.get("inputs").get("q").asText())
        .containsExactly("a", "b");
  }

  @Test
  void environmentIdIsAcceptedAsTheEnvironmentQueryParameter(Api api) {
    JsonNode first = upsert(api, uniquePath("tests/deployments"), "a");
    JsonNode second = add(api, id(first), "b");
    api.post(datasetUrl(first) + "/environments/staging?version_id=" + versionId(second), null)
        .ok();
    String stagingId = environment(api, first, "staging").get("id").asText();

    assertThat(versionId(api.get(datasetUrl(first) + "?environment=" + stagingId).ok()))
        .isEqualTo(versionId(second));
  }

  @Test
  void environmentWithNothingDeployedOrUnknownIsNotFound(Api api) {
    JsonNode first = upsert(api, uniquePath("tests/deployments"), "a");

    api.get(datasetUrl(first) + "?environment=staging").assertStatus(404);
    api.get(datasetUrl(first) + "/datapoints?environment=staging").assertStatus(404);
    api.get(datasetUrl(first) + "?environment=nowhere").assertStatus(404);
    api.get(datasetUrl(first) + "/datapoints?environment=nowhere").assertStatus(404);
  }

  @Test
  void environmentNamesTheBaseOfAnUpsert(Api api) {
    JsonNode first = upsert(api, uniquePath("tests/deployments"), "a");
    JsonNode second = add(api, id(first), "b");
    api.post(datasetUrl(first) + "/environments/staging?version_id=" + versionId(first), null).ok();

    JsonNode added =
        api.post(
                DATASETS + "?environment=staging&include_datapoints=true",
                Map.of("id", id(first), "action", "add", "datapoints", datapoints("c")))
            .ok();

    assertThat(versionId(added)).isNotIn(versionId(first), versionId(second));
    assertThat(added.get("datapoints"))
        .extracting(d -> d.get("inputs").get("q").asText())
        .containsExactly("a", "c");
    api.post(
            DATASETS + "?environment=nowhere",
            Map.of("id", id(first), "action", "add", "datapoints", datapoints("d")))
        .assertStatus(404);
  }

  @Test
  void environmentNamesTheBaseOfACsvUpload(Api api) {
    JsonNode first = upsert(api, uniquePath("tests/deployments"), "a");
    JsonNode second = add(api, id(first), "b");
    api.post(datasetUrl(first) + "/environments/staging?version_id=" + versionId(first), null).ok();

    JsonNode uploaded =
        api.upload(
                datasetUrl(first) + "/datapoints/csv?environment=staging",
                "rows.csv",
                "q\nc\n".getBytes(StandardCharsets.UTF_8))
            .ok();

    assertThat(versionId(uploaded)).isNotIn(versionId(first), versionId(second));
    assertThat(questions(api, uploaded)).containsExactly("a", "c");
  }

  @Test
  void deployMovesTheVersionsUpdatedAt(Api api) {
    JsonNode first = upsert(api, uniquePath("tests/deployments"), "a");
    JsonNode second = add(api, id(first), "b");
    waitForClockPast(second.get("updated_at").asText());

    JsonNode deployed =
        api.post(datasetUrl(first) + "/environments/staging?version_id=" + versionId(second), null)
            .ok();

    assertThat(instant(deployed, "updated_at")).isAfter(instant(second, "updated_at"));
    assertThat(deployed.get("created_at").asText()).isEqualTo(second.get("created_at").asText());
    assertThat(version(api, first, versionId(second)).get("updated_at").asText())
        .isEqualTo(deployed.get("updated_at").asText());
  }

  @Test
  void undeployMovesTheVersionsUpdatedAt(Api api) {
    JsonNode first = upsert(api, uniquePath("tests/deployments"), "a");
    add(api, id(first), "b");
    waitForClockPast(first.get("updated_at").asText());

    api.delete(datasetUrl(first) + "/environments/production").assertStatus(204);

    JsonNode undeployed = version(api, first, versionId(first));
    assertThat(instant(undeployed, "updated_at")).isAfter(instant(first, "updated_at"));
  }

  @Test
  void deployAndUndeployMoveTheDatasetUpWhenListedByUpdatedAt(Api api) {
    String token = "dep" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    JsonNode older = upsert(api, "tests/deployments/" + token + "-older", "a");
    JsonNode newer = upsert(api, "tests/deployments/" + token + "-newer", "a");
    assertThat(listedByUpdatedAt(api, token)).containsExactly(id(newer), id(older));
    waitForClockPast(newer.get("updated_at").asText());

    api.post(datasetUrl(older) + "/environments/staging?version_id=" + versionId(older), null).ok();
    assertThat(listedByUpdatedAt(api, token)).containsExactly(id(older), id(newer));
    waitForClockPast(version(api, older, versionId(older)).get("updated_at").asText());

    api.delete(datasetUrl(newer) + "/environments/production").assertStatus(204);
    assertThat(listedByUpdatedAt(api, token)).containsExactly(id(newer), id(older));
  }

  @Test
  void redeployingTheSameVersionChangesNothing(Api api) {
    JsonNode first = upsert(api, uniquePath("tests/deployments"), "a");
    waitForClockPast(first.get("updated_at").asText());

    JsonNode again =
        api.post(
                datasetUrl(first) + "/environments/production?version_id=" + versionId(first), null)
            .ok();

    assertThat(again.get("updated_at").asText()).isEqualTo(first.get("updated_at").asText());
    assertThat(environmentNames(again)).containsExactly("production");
  }

  @Test
  void undeployingAnEmptyEnvironmentChangesNothing(Api api) {
    JsonNode first = upsert(api, uniquePath("tests/deployments"), "a");
    waitForClockPast(first.get("updated_at").asText());

    api.delete(datasetUrl(first) + "/environments/staging").assertStatus(204);

    assertThat(version(api, first, versionId(first)).get("updated_at").asText())
        .isEqualTo(first.get("updated_at").asText());
  }

  @Test
  void anotherOrganizationCannotDeployUndeployOrListEnvironments(Api api) {
    JsonNode first = upsert(api, uniquePath("tests/deployments"), "a");
    JsonNode second = add(api, id(first), "b");
    Api beta = api.as(Api.BETA);

    beta.post(datasetUrl(first) + "/environments/live?version_id=" + versionId(second), null)
        .assertStatus(404);
    beta.post(datasetUrl(first) + "/environments/staging?version_id=" + versionId(second), null)
        .assertStatus(404);
    beta.delete(datasetUrl(first) + "/environments/live").assertStatus(404);
    beta.delete(datasetUrl(first) + "/environments/staging").assertStatus(404);
    beta.get(datasetUrl(first) + "/environments").assertStatus(404);

    assertThat(versionId(environment(api, first, "production").get("file")))
        .isEqualTo(versionId(first));
    assertThat(environment(api, first, "staging").has("file")).isFalse();
    assertThat(version(api, first, versionId(second)).get("updated_at").asText())
        .isEqualTo(second.get("updated_at").asText());
  }

  @Test
  void anotherOrganizationsEnvironmentIdIsUnknown(Api api) {
    JsonNode theirs = upsert(api.as(Api.BETA), uniquePath("tests/deployments"), "a");
    String liveId =
        find(api.as(Api.BETA).get(datasetUrl(theirs) + "/environments").ok(), "live")
            .get("id")
            .asText();
    JsonNode mine = upsert(api, uniquePath("tests/deployments"), "a");

    api.post(datasetUrl(mine) + "/environments/" + liveId + "?version_id=" + versionId(mine), null)
        .assertStatus(404);
    api.delete(datasetUrl(mine) + "/environments/" + liveId).assertStatus(404);
  }

  @Test
  void missingKeyIsUnauthorized(Api api) {
    JsonNode first = upsert(api, uniquePath("tests/deployments"), "a");

    api.as(null)
        .post(datasetUrl(first) + "/environments/staging?version_id=" + versionId(first), null)
        .assertStatus(401);
    api.as(null).delete(datasetUrl(first) + "/environments/production").assertStatus(401);
    api.as(null).get(datasetUrl(first) + "/environments").assertStatus(401);

    assertThat(environmentNames(api.get(datasetUrl(first)).ok())).containsExactly("production");
  }

  // ---- helpers ----

  private static JsonNode version(Api api, JsonNode dataset, String versionId) {
    return api.get(datasetUrl(dataset) + "?version_id=" + versionId).ok();
  }

  /** The dataset's entry for the named environment in GET …/environments. */
  private static JsonNode environment(Api api, JsonNode dataset, String name) {
    return find(api.get(datasetUrl(dataset) + "/environments").ok(), name);
  }

  private static JsonNode find(JsonNode environments, String name) {
    for (JsonNode environment : environments) {
      if (environment.get("name").asText().equals(name)) {
        return environment;
      }
    }
    throw new AssertionError("no environment " + name + " in " + environments);
  }

  private static List<String> environmentNames(JsonNode version) {
    List<String> names = new ArrayList<>();
    version.get("environments").forEach(e -> names.add(e.get("name").asText()));
    return names;
  }
}
