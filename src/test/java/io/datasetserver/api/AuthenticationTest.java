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
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Contract §4 and §5: every /v5 request needs a known X-API-KEY, and 401 comes before anything
 * else.
 */
@ExtendWith(RunningServer.class)
class AuthenticationTest {
  /** One request to each endpoint, made with the given client. */
  private static List<Function<Api, Api.Response>> everyEndpoint(String id, String versionId) {
    String ds = DATASETS + "/" + id;
    return List.of(
        a -> a.get(DATASETS),
        a -> a.post(DATASETS, Map.of("path", uniquePath("auth"), "datapoints", List.of())),
        a -> a.get(ds),
        a -> a.patch(ds, Map.of("name", "renamed")),
        a -> a.get(ds + "/datapoints"),
        a -> a.get(ds + "/versions"),
        a -> a.patch(ds + "/versions/" + versionId, Map.of("name", "x")),
        a -> a.get(ds + "/environments"),
        a -> a.delete(ds));
  }

  @Test
  void aMissingKeyIs401OnEveryEndpoint(Api api) {
    JsonNode created = upsert(api, uniquePath("auth"), "a");
    for (Function<Api, Api.Response> request :
        everyEndpoint(created.path("id").asText(), created.path("version_id").asText())) {
      request.apply(api.as(null)).assertDetail(401);
    }
    assertThat(api.get(DATASETS + "/" + created.path("id").asText()).status())
        .as("nothing deleted")
        .isEqualTo(200);
  }

  @Test
  void anUnknownKeyIs401OnEveryEndpoint(Api api) {
    JsonNode created = upsert(api, uniquePath("auth"), "a");
    for (String key : List.of("key_wrong", "", Api.ALPHA + "x", Api.ALPHA.toUpperCase())) {
      for (Function<Api, Api.Response> request :
          everyEndpoint(created.path("id").asText(), created.path("version_id").asText())) {
        request.apply(api.as(key)).assertDetail(401);
      }
    }
    JsonNode after = api.get(DATASETS + "/" + created.path("id").asText()).ok();
    assertThat(after.path("path").asText()).isEqualTo(created.path("path").asText());
  }

  @Test
  void theHashedKeyOfASecondUserIsAccepted(Api api) {
    api.as(Api.ALPHA_ALAN).get(DATASETS).assertStatus(200);
  }

  @Test
  void theConfiguredDigestIsNotItselfAKey(Api api) {
    api.as("f1f16abf57e85579c31a9a3135f238a523410da9a1e306f2266a3b1015278b81")
        .get(DATASETS)
        .assertDetail(401);
  }

  @Test
  void unauthorizedWinsOverAMalformedRequest(Api api) {
    for (Api client : List.of(api.as(null), api.as("key_wrong"))) {
      client.post(DATASETS, "{not json").assertDetail(401);
      client.post(DATASETS, Map.of("path", "/bad/", "datapoints", List.of())).assertDetail(401);
      client.get(DATASETS + "?page=0&size=-1&sort_by=nope").assertDetail(401);
      client.get(DATASETS + "/ds_x?version_id=a&environment=b").assertDetail(401);
      client.get(DATASETS + "/ds_x/versions?include_datapoints=bogus").assertDetail(401);
      client.patch(DATASETS + "/ds_x", Map.of("name", "a/b")).assertDetail(401);
    }
  }

  @Test
  void unauthorizedWinsOverNotFound(Api api) {
    api.as(null).get(DATASETS + "/ds_doesnotexist").assertDetail(401);
    api.as(null).delete(DATASETS + "/ds_doesnotexist").assertDetail(401);
  }

  @Test
  void aRejectedRequestCreatesNothing(Api api) {
    String name = "auth" + UUID.randomUUID().toString().replace("-", "");
    api.as("key_wrong")
        .post(DATASETS, Map.of("path", "auth/" + name, "datapoints", List.of()))
        .assertDetail(401);
    assertThat(api.get(DATASETS + "?name=" + name).ok().path("total").asInt()).isZero();
  }

  // ---- helpers ----
}
