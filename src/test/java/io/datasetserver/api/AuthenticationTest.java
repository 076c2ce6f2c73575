package io.datasetserver.api;

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

/** Contract §4 and §5: every /v5 request needs a known X-API-KEY, and 401 comes before anything else. */
@ExtendWith(RunningServer.class)
class AuthenticationTest {
  private static final String DATASETS = "/v5/datasets";

  /** One request to each endpoint, made with the given client. */
  private static List<Function<Api, Api.Response>> everyEndpoint(String id, String versionId) {
    String ds = DATASETS + "/" + id;
    return List.of(
        a -> a.get(DATASETS),
        a -> a.post(DATASETS, Map.of("path", "auth/" + UUID.randomUUID(), "datapoints", List.of())),
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
    JsonNode created = create(api);
    for (Function<Api, Api.Response> request : everyEndpoint(created.path("id").asText(),
        created.path("version_id").asText())) {
      assertUnauthorized(request.apply(api.as(null)));
    }
    assertThat(api.get(DATASETS + "/" + created.path("id").asText()).status()).as("nothing deleted").isEqualTo(200);
  }

  @Test
  void anUnknownKeyIs401OnEveryEndpoint(Api api) {
    JsonNode created = create(api);
    for (String key : List.of("key_wrong", "", Api.ALPHA + "x", Api.ALPHA.toUpperCase())) {
      for (Function<Api, Api.Response> request : everyEndpoint(created.path("id").asText(),
          created.path("version_id").asText())) {
        assertUnauthorized(request.apply(api.as(key)));
      }
    }
    JsonNode after = ok(api.get(DATASETS + "/" + created.path("id").asText()));
    assertThat(after.path("path").asText()).isEqualTo(created.path("path").asText());
  }

  @Test
  void theHashedKeyOfASecondUserIsAccepted(Api api) {
    assertThat(api.as(Api.ALPHA_ALAN).get(DATASETS).status()).isEqualTo(200);
  }

  @Test
  void theConfiguredDigestIsNotItselfAKey(Api api) {
    assertUnauthorized(api.as("f1f16abf57e85579c31a9a3135f238a523410da9a1e306f2266a3b1015278b81").get(DATASETS));
  }

  @Test
  void unauthorizedWinsOverAMalformedRequest(Api api) {
    for (Api client : List.of(api.as(null), api.as("key_wrong"))) {
      assertUnauthorized(client.post(DATASETS, "{not json"));
      assertUnauthorized(client.post(DATASETS, Map.of("path", "/bad/", "datapoints", List.of())));
      assertUnauthorized(client.get(DATASETS + "?page=0&size=-1&sort_by=nope"));
      assertUnauthorized(client.get(DATASETS + "/ds_x?version_id=a&environment=b"));
      assertUnauthorized(client.get(DATASETS + "/ds_x/versions?include_datapoints=bogus"));
      assertUnauthorized(client.patch(DATASETS + "/ds_x", Map.of("name", "a/b")));
    }
  }

  @Test
  void unauthorizedWinsOverNotFound(Api api) {
    assertUnauthorized(api.as(null).get(DATASETS + "/ds_doesnotexist"));
    assertUnauthorized(api.as(null).delete(DATASETS + "/ds_doesnotexist"));
  }

  @Test
  void aRejectedRequestCreatesNothing(Api api) {
    String name = "auth" + UUID.randomUUID().toString().replace("-", "");
    assertUnauthorized(api.as("key_wrong").post(DATASETS, Map.of("path", "auth/" + name, "datapoints", List.of())));
    assertThat(ok(api.get(DATASETS + "?name=" + name)).path("total").asInt()).isZero();
  }

  // ---- helpers ----

  private static JsonNode create(Api api) {
    return ok(api.post(DATASETS, Map.of("path", "auth/" + UUID.randomUUID(),
        "datapoints", List.of(Map.of("inputs", Map.of("q", "a"))))));
  }

  private static JsonNode ok(Api.Response response) {
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response.json();
  }

  private static void assertUnauthorized(Api.Response response) {
    assertThat(response.status()).as(response.toString()).isEqualTo(401);
    assertThat(response.header("Content-Type")).as(response.toString()).startsWith("application/json");
    assertThat(response.json().path("detail").isTextual()).as(response.toString()).isTrue();
  }
}
