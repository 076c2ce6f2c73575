package io.datasetserver.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.datasetserver.testing.Api;
import io.datasetserver.testing.RunningServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Contract §5: every error is JSON with a {@code detail}, also the ones the framework produces. */
@ExtendWith(RunningServer.class)
class ErrorResponsesTest {
  @Test
  void anUnknownRouteIsA404WithDetail(Api api) {
    assertDetail(api.get("/v5/no-such-resource"), 404);
    assertDetail(api.get("/v5/datasets/ds_x/no-such-child"), 404);
  }

  @Test
  void anUnsupportedMethodIsA405WithDetail(Api api) {
    assertDetail(api.send("PUT", "/v5/datasets", "{}", "application/json"), 405);
  }

  @Test
  void aBodyThatIsNotJsonIsAnErrorWithDetail(Api api) {
    Api.Response response = api.send("POST", "/v5/datasets", "path=x", "text/plain");
    assertThat(response.status()).as(response.toString()).isBetween(400, 499);
    assertThat(response.header("Content-Type")).as(response.toString()).startsWith("application/json");
    assertThat(response.json().has("detail")).as(response.toString()).isTrue();
  }

  private static void assertDetail(Api.Response response, int status) {
    assertThat(response.status()).as(response.toString()).isEqualTo(status);
    assertThat(response.header("Content-Type")).as(response.toString()).startsWith("application/json");
    assertThat(response.json().path("detail").isTextual()).as(response.toString()).isTrue();
  }
}
