package io.datasetserver.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.datasetserver.testing.Api;
import io.datasetserver.testing.RunningServer;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** /healthz, /readyz and the request id that every response carries. */
@ExtendWith(RunningServer.class)
class OperationalEndpointsTest {
  private static final String UUID_PATTERN =
      "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

  /** One request of each kind: both applications, every outcome from 200 to 422. */
  private static final List<Request> REQUESTS =
      List.of(
          new Request("GET", "/healthz", null, 200),
          new Request("GET", "/readyz", null, 200),
          new Request("GET", "/metrics", null, 200),
          new Request("GET", "/docs", null, 200),
          new Request("GET", "/docs/docs.js", null, 200),
          new Request("GET", "/docs/no-such-asset.js", null, 404),
          new Request("GET", "/no-such-page", null, 404),
          new Request("GET", "/v5/openapi.yaml", null, 200),
          new Request("GET", "/v5/datasets", null, 200),
          new Request("GET", "/v5/datasets/ds_doesnotexist", null, 404),
          new Request("PUT", "/v5/datasets", "{}", 405),
          new Request("POST", "/v5/datasets", "{not json", 422));

  private record Request(String method, String path, String body, int status) {
    Api.Response send(Api api) {
      return api.send(method, path, body, body == null ? null : "application/json");
    }
  }

  @Test
  void healthzAnswers200WithoutAKey(Api api) {
    Api.Response health = api.as(null).get("/healthz");
    assertThat(health.status()).as(health.toString()).isEqualTo(200);
    assertThat(health.json().path("status").asText()).isEqualTo("ok");
  }

  @Test
  void readyzAnswers200WhileTheDatabaseAnswers(Api api) {
    Api.Response ready = api.as(null).get("/readyz");
    assertThat(ready.status()).as(ready.toString()).isEqualTo(200);
    assertThat(ready.json().path("status").asText()).isEqualTo("ready");
    assertThat(ready.header("Retry-After")).isNull();
  }

  @Test
  void everyResponseCarriesAGeneratedRequestId(Api api) {
    Set<String> ids = new HashSet<>();
    for (Request request : REQUESTS) {
      Api.Response response = request.send(api);
      assertThat(response.status()).as(request + " → " + response).isEqualTo(request.status());
      String id = response.header("X-Request-Id");
      assertThat(id).as("X-Request-Id of " + request).isNotNull().matches(UUID_PATTERN);
      ids.add(id);
    }
    assertThat(ids).as("a new id for every request").hasSize(REQUESTS.size());
  }

  @Test
  void unauthenticatedResponsesCarryARequestIdToo(Api api) {
    Api.Response response = api.as(null).get("/v5/datasets");
    assertThat(response.status()).isEqualTo(401);
    assertThat(response.header("X-Request-Id")).matches(UUID_PATTERN);
  }

  @Test
  void aRequestIdSentByTheClientIsEchoed(Api api) {
    for (Request request : REQUESTS) {
      String sent = "ops-" + UUID.randomUUID();
      Api.Response response = withRequestId(api, request, sent);
      assertThat(response.header("X-Request-Id")).as("X-Request-Id of " + request).isEqualTo(sent);
    }
  }

  @Test
  void anUnusableRequestIdIsReplaced(Api api) {
    Request request = new Request("GET", "/healthz", null, 200);
    for (String unusable : List.of("x".repeat(129), "two words")) {
      Api.Response response = withRequestId(api, request, unusable);
      assertThat(response.header("X-Request-Id")).as("reply to %s", unusable).matches(UUID_PATTERN);
    }
  }

  private static Api.Response withRequestId(Api api, Request request, String requestId) {
    return api.as(Api.ALPHA)
        .withHeader("X-Request-Id", requestId)
        .send(
            request.method(),
            request.path(),
            request.body(),
            request.body() == null ? null : "application/json");
  }
}
