package io.datasetserver.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.datasetserver.testing.Api;
import io.datasetserver.testing.RunningServer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Deployments (contract §3 "Deployments", §2): POST / DELETE / GET
 * /v5/datasets/{id}/environments, and how {@code environment=} and the default version follow them.
 */
@ExtendWith(RunningServer.class)
class DeploymentsTest {

  @Test
  void deployByEnvironmentIdReturnsTheDeployedVersionWithThatEnvironment(Api api) {
    JsonNode first = create(api, path(), "a");
    JsonNode second = add(api, id(first), "b");
    JsonNode staging = environment(api, first, "staging");

    JsonNode deployed = ok(api.post(datasetUrl(first) + "/environments/" + staging.get("id").asText()
        + "?version_id=" + versionId(second), null));

    assertThat(versionId(deployed)).isEqualTo(versionId(second));
    assertThat(deployed.get("id").asText()).isEqualTo(id(first));
    assertThat(deployed.get("datapoints_count").asInt()).isEqualTo(2);
    assertThat(deployed.get("environments")).hasSize(1);
    JsonNode environment = deployed.get("environments").get(0);
    assertThat(environment.get("id").asText()).isEqualTo(staging.get("id").asText()).startsWith("env_");
    assertThat(environment.get("name").asText()).isEqualTo("staging");
    assertThat(environment.get("tag").asText()).isEqualTo("other");
    assertThat(environment.get("created_at").asText()).isEqualTo(staging.get("created_at").asText());
  }

  @Test
  void deployByEnvironmentNameIsAccepted(Api api) {
    JsonNode first = create(api, path(), "a");
    JsonNode second = add(api, id(first), "b");

    JsonNode deployed = ok(api.post(datasetUrl(first) + "/environments/staging?version_id=" + versionId(second), null));

    assertThat(versionId(deployed)).isEqualTo(versionId(second));
    assertThat(environmentNames(deployed)).containsExactly("staging");
    assertThat(versionId(ok(api.get(datasetUrl(first) + "?environment=staging")))).isEqualTo(versionId(second));
  }

  @Test
  void versionDeployedToTwoEnvironmentsListsBoth(Api api) {
    JsonNode first = create(api, path(), "a");

    JsonNode deployed = ok(api.post(datasetUrl(first) + "/environments/staging?version_id=" + versionId(first), null));

    assertThat(environmentNames(deployed)).containsExactlyInAnyOrder("production", "staging");
  }

  @Test
  void deployingReplacesWhatWasDeployedThere(Api api) {
    JsonNode first = create(api, path(), "a");
    JsonNode second = add(api, id(first), "b");
    ok(api.post(datasetUrl(first) + "/environments/staging?version_id=" + versionId(first), null));

    ok(api.post(datasetUrl(first) + "/environments/staging?version_id=" + versionId(second), null));

    assertThat(environmentNames(version(api, first, versionId(first)))).containsExactly("production");
    assertThat(environmentNames(version(api, first, versionId(second)))).containsExactly("staging");
    assertThat(versionId(ok(api.get(datasetUrl(first) + "?environment=staging")))).isEqualTo(versionId(second));
  }

  @Test
  void missingVersionIdIsRejected(Api api) {
    JsonNode first = create(api, path(), "a");

    Api.Response response = api.post(datasetUrl(first) + "/environments/staging", null);

    assertThat(response.status()).as(response.toString()).isEqualTo(422);
    assertThat(response.json().get("detail").get(0).get("loc"))
        .extracting(JsonNode::asText).containsExactly("query", "version_id");
    assertThat(ok(api.get(datasetUrl(first) + "/environments")).get(1).has("file")).isFalse();
  }

  @Test
  void missingVersionIdIsRejectedBeforeTheDatasetOrEnvironmentIsLookedUp(Api api) {
    JsonNode first = create(api, path(), "a");

    assertStatus(api.post("/v5/datasets/ds_unknown/environments/staging", null), 422);
    assertStatus(api.post(datasetUrl(first) + "/environments/nowhere", null), 422);
  }

  @Test
  void deployToUnknownEnvironmentIsNotFound(Api api) {
    JsonNode first = create(api, path(), "a");

    Api.Response response = api.post(datasetUrl(first) + "/environments/env_unknown?version_id=" + versionId(first),
        null);

    assertThat(response.status()).as(response.toString()).isEqualTo(404);
    assertThat(response.json().get("detail").isTextual()).isTrue();
    assertStatus(api.post(datasetUrl(first) + "/environments/development?version_id=" + versionId(first), null), 404);
  }

  @Test
  void deployOfUnknownVersionIsNotFound(Api api) {
    JsonNode first = create(api, path(), "a");

    Api.Response response = api.post(datasetUrl(first) + "/environments/staging?version_id=dsv_unknown", null);

    assertThat(response.status()).as(response.toString()).isEqualTo(404);
    assertThat(response.json().get("detail").isTextual()).isTrue();
    assertThat(ok(api.get(datasetUrl(first) + "/environments")).get(1).has("file")).isFalse();
  }

  @Test
  void deployOfAnotherDatasetsVersionIsNotFound(Api api) {
    JsonNode mine = create(api, path(), "a");
    JsonNode other = create(api, path(), "b");

    assertStatus(api.post(datasetUrl(mine) + "/environments/production?version_id=" + versionId(other), null), 404);

    assertThat(versionId(ok(api.get(datasetUrl(mine))))).isEqualTo(versionId(mine));
  }

  @Test
  void deployToUnknownDatasetIsNotFound(Api api) {
    JsonNode first = create(api, path(), "a");

    assertStatus(api.post("/v5/datasets/ds_unknown/environments/staging?version_id=" + versionId(first), null), 404);
    assertStatus(api.delete("/v5/datasets/ds_unknown/environments/staging"), 404);
    assertStatus(api.get("/v5/datasets/ds_unknown/environments"), 404);
  }

  @Test
  void deployingToTheDefaultEnvironmentMakesItTheDefaultVersion(Api api) {
    JsonNode first = create(api, path(), "a");
    JsonNode second = add(api, id(first), "b");
    assertThat(versionId(ok(api.get(datasetUrl(first))))).isEqualTo(versionId(first));

    ok(api.post(datasetUrl(first) + "/environments/production?version_id=" + versionId(second), null));

    JsonNode byDefault = ok(api.get(datasetUrl(first)));
    assertThat(versionId(byDefault)).isEqualTo(versionId(second));
    assertThat(environmentNames(byDefault)).containsExactly("production");
    assertThat(environmentNames(version(api, first, versionId(first)))).isEmpty();
    JsonNode listed = ok(api.get("/v5/datasets?size=1000&name=" + first.get("name").asText())).get("records");
    assertThat(listed).extracting(d -> d.get("version_id").asText()).containsExactly(versionId(second));
  }

  @Test
  void removingTheDefaultDeploymentFallsBackToTheLatestVersion(Api api) {
    JsonNode first = create(api, path(), "a");
    JsonNode second = add(api, id(first), "b");
    JsonNode third = add(api, id(first), "c");
    ok(api.post(datasetUrl(first) + "/environments/production?version_id=" + versionId(second), null));

    Api.Response response = api.delete(datasetUrl(first) + "/environments/production");

    assertThat(response.status()).as(response.toString()).isEqualTo(204);
    assertThat(response.body()).isEmpty();
    JsonNode byDefault = ok(api.get(datasetUrl(first)));
    assertThat(versionId(byDefault)).isEqualTo(versionId(third));
    assertThat(environmentNames(byDefault)).isEmpty();
    assertThat(environmentNames(version(api, first, versionId(second)))).isEmpty();
    assertStatus(api.get(datasetUrl(first) + "?environment=production"), 404);
  }

  @Test
  void undeployByEnvironmentIdIsAccepted(Api api) {
    JsonNode first = create(api, path(), "a");
    JsonNode production = environment(api, first, "production");

    assertStatus(api.delete(datasetUrl(first) + "/environments/" + production.get("id").asText()), 204);

    assertThat(environment(api, first, "production").has("file")).isFalse();
  }

  @Test
  void undeployIsIdempotent(Api api) {
    JsonNode first = create(api, path(), "a");

    assertStatus(api.delete(datasetUrl(first) + "/environments/staging"), 204);
    assertStatus(api.delete(datasetUrl(first) + "/environments/production"), 204);
    assertStatus(api.delete(datasetUrl(first) + "/environments/production"), 204);

    assertThat(ok(api.get(datasetUrl(first) + "/environments"))).allSatisfy(e -> assertThat(e.has("file")).isFalse());
  }

  @Test
  void undeployOfUnknownEnvironmentIsNotFound(Api api) {
    JsonNode first = create(api, path(), "a");

    Api.Response response = api.delete(datasetUrl(first) + "/environments/env_unknown");

    assertThat(response.status()).as(response.toString()).isEqualTo(404);
    assertThat(response.json().get("detail").isTextual()).isTrue();
    assertThat(environmentNames(ok(api.get(datasetUrl(first))))).containsExactly("production");
  }

  @Test
  void environmentListHasEveryEnvironmentWithTheVersionDeployedThere(Api api) {
    JsonNode first = create(api, path(), "a");
    add(api, id(first), "b");

    JsonNode environments = ok(api.get(datasetUrl(first) + "/environments"));

    assertThat(environments).extracting(e -> e.get("name").asText()).containsExactlyInAnyOrder("production", "staging");
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
    JsonNode first = create(api, path(), "a");
    JsonNode second = add(api, id(first), "b");

    ok(api.post(datasetUrl(first) + "/environments/staging?version_id=" + versionId(second), null));
    assertStatus(api.delete(datasetUrl(first) + "/environments/production"), 204);

    assertThat(environment(api, first, "production").has("file")).isFalse();
    assertThat(versionId(environment(api, first, "staging").get("file"))).isEqualTo(versionId(second));
  }

  @Test
  void anotherOrganizationListsItsOwnEnvironments(Api api) {
    JsonNode theirs = ok(api.as(Api.BETA).post("/v5/datasets", Map.of("path", path(), "datapoints", datapoints("a"))));

    JsonNode environments = ok(api.as(Api.BETA).get(datasetUrl(theirs) + "/environments"));

    assertThat(environments).extracting(e -> e.get("name").asText()).containsExactlyInAnyOrder("live", "staging");
    JsonNode live = find(environments, "live");
    assertThat(live.get("tag").asText()).isEqualTo("default");
    assertThat(versionId(live.get("file"))).isEqualTo(versionId(theirs));
    assertThat(find(environments, "staging").has("file")).isFalse();
    assertStatus(api.as(Api.BETA).post(datasetUrl(theirs) + "/environments/production?version_id="
        + versionId(theirs), null), 404);
  }

  @Test
  void environmentNameResolvesToTheDeployedVersionOnGetAndDatapoints(Api api) {
    JsonNode first = create(api, path(), "a");
    JsonNode second = add(api, id(first), "b");
    ok(api.post(datasetUrl(first) + "/environments/staging?version_id=" + versionId(first), null));
    ok(api.post(datasetUrl(first) + "/environments/production?version_id=" + versionId(second), null));

    JsonNode staged = ok(api.get(datasetUrl(first) + "?environment=staging&include_datapoints=true"));
    JsonNode page = ok(api.get(datasetUrl(first) + "/datapoints?environment=staging"));
    JsonNode produced = ok(api.get(datasetUrl(first) + "/datapoints?environment=production"));

    assertThat(versionId(staged)).isEqualTo(versionId(first));
    assertThat(staged.get("datapoints")).extracting(d -> d.get("inputs").get("q").asText()).containsExactly("a");
    assertThat(page.get("total").asInt()).isEqualTo(1);
    assertThat(page.get("records")).extracting(d -> d.get("inputs").get("q").asText()).containsExactly("a");
    assertThat(produced.get("records")).extracting(d -> d.get("inputs").get("q").asText()).containsExactly("a", "b");
  }

  @Test
  void environmentIdIsAcceptedAsTheEnvironmentQueryParameter(Api api) {
    JsonNode first = create(api, path(), "a");
    JsonNode second = add(api, id(first), "b");
    ok(api.post(datasetUrl(first) + "/environments/staging?version_id=" + versionId(second), null));
    String stagingId = environment(api, first, "staging").get("id").asText();

    assertThat(versionId(ok(api.get(datasetUrl(first) + "?environment=" + stagingId)))).isEqualTo(versionId(second));
  }

  @Test
  void environmentWithNothingDeployedOrUnknownIsNotFound(Api api) {
    JsonNode first = create(api, path(), "a");

    assertStatus(api.get(datasetUrl(first) + "?environment=staging"), 404);
    assertStatus(api.get(datasetUrl(first) + "/datapoints?environment=staging"), 404);
    assertStatus(api.get(datasetUrl(first) + "?environment=nowhere"), 404);
    assertStatus(api.get(datasetUrl(first) + "/datapoints?environment=nowhere"), 404);
  }

  @Test
  void environmentNamesTheBaseOfAnUpsert(Api api) {
    JsonNode first = create(api, path(), "a");
    JsonNode second = add(api, id(first), "b");
    ok(api.post(datasetUrl(first) + "/environments/staging?version_id=" + versionId(first), null));

    JsonNode added = ok(api.post("/v5/datasets?environment=staging&include_datapoints=true",
        Map.of("id", id(first), "action", "add", "datapoints", datapoints("c"))));

    assertThat(versionId(added)).isNotIn(versionId(first), versionId(second));
    assertThat(added.get("datapoints")).extracting(d -> d.get("inputs").get("q").asText()).containsExactly("a", "c");
    assertStatus(api.post("/v5/datasets?environment=nowhere", Map.of("id", id(first), "action", "add",
        "datapoints", datapoints("d"))), 404);
  }

  @Test
  void environmentNamesTheBaseOfACsvUpload(Api api) {
    JsonNode first = create(api, path(), "a");
    JsonNode second = add(api, id(first), "b");
    ok(api.post(datasetUrl(first) + "/environments/staging?version_id=" + versionId(first), null));

    JsonNode uploaded = ok(api.upload(datasetUrl(first) + "/datapoints/csv?environment=staging", "rows.csv",
        "q\nc\n".getBytes(StandardCharsets.UTF_8)));

    assertThat(versionId(uploaded)).isNotIn(versionId(first), versionId(second));
    assertThat(questions(api, uploaded)).containsExactly("a", "c");
  }

  @Test
  void deployMovesTheVersionsUpdatedAt(Api api) {
    JsonNode first = create(api, path(), "a");
    JsonNode second = add(api, id(first), "b");
    waitForClockPast(second.get("updated_at").asText());

    JsonNode deployed = ok(api.post(datasetUrl(first) + "/environments/staging?version_id=" + versionId(second), null));

    assertThat(instant(deployed, "updated_at")).isAfter(instant(second, "updated_at"));
    assertThat(deployed.get("created_at").asText()).isEqualTo(second.get("created_at").asText());
    assertThat(version(api, first, versionId(second)).get("updated_at").asText())
        .isEqualTo(deployed.get("updated_at").asText());
  }

  @Test
  void undeployMovesTheVersionsUpdatedAt(Api api) {
    JsonNode first = create(api, path(), "a");
    add(api, id(first), "b");
    waitForClockPast(first.get("updated_at").asText());

    assertStatus(api.delete(datasetUrl(first) + "/environments/production"), 204);

    JsonNode undeployed = version(api, first, versionId(first));
    assertThat(instant(undeployed, "updated_at")).isAfter(instant(first, "updated_at"));
  }

  @Test
  void deployAndUndeployMoveTheDatasetUpWhenListedByUpdatedAt(Api api) {
    String token = "dep" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    JsonNode older = create(api, "tests/deployments/" + token + "-older", "a");
    JsonNode newer = create(api, "tests/deployments/" + token + "-newer", "a");
    assertThat(listedByUpdatedAt(api, token)).containsExactly(id(newer), id(older));
    waitForClockPast(newer.get("updated_at").asText());

    ok(api.post(datasetUrl(older) + "/environments/staging?version_id=" + versionId(older), null));
    assertThat(listedByUpdatedAt(api, token)).containsExactly(id(older), id(newer));
    waitForClockPast(version(api, older, versionId(older)).get("updated_at").asText());

    assertStatus(api.delete(datasetUrl(newer) + "/environments/production"), 204);
    assertThat(listedByUpdatedAt(api, token)).containsExactly(id(newer), id(older));
  }

  @Test
  void redeployingTheSameVersionChangesNothing(Api api) {
    JsonNode first = create(api, path(), "a");
    waitForClockPast(first.get("updated_at").asText());

    JsonNode again = ok(api.post(datasetUrl(first) + "/environments/production?version_id=" + versionId(first), null));

    assertThat(again.get("updated_at").asText()).isEqualTo(first.get("updated_at").asText());
    assertThat(environmentNames(again)).containsExactly("production");
  }

  @Test
  void undeployingAnEmptyEnvironmentChangesNothing(Api api) {
    JsonNode first = create(api, path(), "a");
    waitForClockPast(first.get("updated_at").asText());

    assertStatus(api.delete(datasetUrl(first) + "/environments/staging"), 204);

    assertThat(version(api, first, versionId(first)).get("updated_at").asText())
        .isEqualTo(first.get("updated_at").asText());
  }

  @Test
  void anotherOrganizationCannotDeployUndeployOrListEnvironments(Api api) {
    JsonNode first = create(api, path(), "a");
    JsonNode second = add(api, id(first), "b");
    Api beta = api.as(Api.BETA);

    assertStatus(beta.post(datasetUrl(first) + "/environments/live?version_id=" + versionId(second), null), 404);
    assertStatus(beta.post(datasetUrl(first) + "/environments/staging?version_id=" + versionId(second), null), 404);
    assertStatus(beta.delete(datasetUrl(first) + "/environments/live"), 404);
    assertStatus(beta.delete(datasetUrl(first) + "/environments/staging"), 404);
    assertStatus(beta.get(datasetUrl(first) + "/environments"), 404);

    assertThat(versionId(environment(api, first, "production").get("file"))).isEqualTo(versionId(first));
    assertThat(environment(api, first, "staging").has("file")).isFalse();
    assertThat(version(api, first, versionId(second)).get("updated_at").asText())
        .isEqualTo(second.get("updated_at").asText());
  }

  @Test
  void anotherOrganizationsEnvironmentIdIsUnknown(Api api) {
    JsonNode theirs = ok(api.as(Api.BETA).post("/v5/datasets", Map.of("path", path(), "datapoints", datapoints("a"))));
    String liveId = find(ok(api.as(Api.BETA).get(datasetUrl(theirs) + "/environments")), "live").get("id").asText();
    JsonNode mine = create(api, path(), "a");

    assertStatus(api.post(datasetUrl(mine) + "/environments/" + liveId + "?version_id=" + versionId(mine), null), 404);
    assertStatus(api.delete(datasetUrl(mine) + "/environments/" + liveId), 404);
  }

  @Test
  void missingKeyIsUnauthorized(Api api) {
    JsonNode first = create(api, path(), "a");

    assertStatus(api.as(null).post(datasetUrl(first) + "/environments/staging?version_id=" + versionId(first), null),
        401);
    assertStatus(api.as(null).delete(datasetUrl(first) + "/environments/production"), 401);
    assertStatus(api.as(null).get(datasetUrl(first) + "/environments"), 401);

    assertThat(environmentNames(ok(api.get(datasetUrl(first))))).containsExactly("production");
  }

  // ---- helpers ----

  private static String path() {
    return "tests/deployments/" + UUID.randomUUID();
  }

  private static JsonNode create(Api api, String path, String... questions) {
    return ok(api.post("/v5/datasets", Map.of("path", path, "datapoints", datapoints(questions))));
  }

  /** A new version: the latest plus one datapoint per question. */
  private static JsonNode add(Api api, String datasetId, String... questions) {
    return ok(api.post("/v5/datasets", Map.of("id", datasetId, "action", "add", "datapoints", datapoints(questions))));
  }

  private static List<Map<String, Object>> datapoints(String... questions) {
    List<Map<String, Object>> datapoints = new ArrayList<>();
    for (String question : questions) {
      datapoints.add(Map.of("inputs", Map.of("q", question)));
    }
    return datapoints;
  }

  private static JsonNode version(Api api, JsonNode dataset, String versionId) {
    return ok(api.get(datasetUrl(dataset) + "?version_id=" + versionId));
  }

  /** The {@code q} input of every datapoint of the version, in order. */
  private static List<String> questions(Api api, JsonNode version) {
    JsonNode fetched = ok(api.get(datasetUrl(version) + "?include_datapoints=true&version_id=" + versionId(version)));
    List<String> questions = new ArrayList<>();
    fetched.get("datapoints").forEach(d -> questions.add(d.get("inputs").get("q").asText()));
    return questions;
  }

  /** The dataset's entry for the named environment in GET …/environments. */
  private static JsonNode environment(Api api, JsonNode dataset, String name) {
    return find(ok(api.get(datasetUrl(dataset) + "/environments")), name);
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

  private static String id(JsonNode dataset) {
    return dataset.get("id").asText();
  }

  private static String versionId(JsonNode dataset) {
    return dataset.get("version_id").asText();
  }

  private static String datasetUrl(JsonNode dataset) {
    return "/v5/datasets/" + id(dataset);
  }

  /** Ids of the datasets whose name contains {@code token}, most recently updated first. */
  private static List<String> listedByUpdatedAt(Api api, String token) {
    List<String> ids = new ArrayList<>();
    ok(api.get("/v5/datasets?sort_by=updated_at&order=desc&size=100&name=" + token)).get("records")
        .forEach(d -> ids.add(id(d)));
    return ids;
  }

  private static JsonNode ok(Api.Response response) {
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response.json();
  }

  private static void assertStatus(Api.Response response, int status) {
    assertThat(response.status()).as(response.toString()).isEqualTo(status);
  }

  private static Instant instant(JsonNode node, String field) {
    return OffsetDateTime.parse(node.get(field).asText()).toInstant();
  }

  /**
   * Returns once this machine's clock (which the server reads too) has passed {@code timestamp}
   * at the millisecond precision the server stores, so that a change made next gets a later
   * timestamp. A precondition, not a timed assertion.
   */
  private static void waitForClockPast(String timestamp) {
    Instant instant = OffsetDateTime.parse(timestamp).toInstant();
    while (!Instant.now().truncatedTo(ChronoUnit.MILLIS).isAfter(instant)) {
      try {
        Thread.sleep(1);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }
}
