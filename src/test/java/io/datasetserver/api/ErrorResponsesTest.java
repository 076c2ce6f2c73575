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
    api.get("/v5/no-such-resource").assertDetail(404);
    api.get("/v5/datasets/ds_x/no-such-child").assertDetail(404);
  }

  @Test
  void anUnsupportedMethodIsA405WithDetail(Api api) {
    api.send("PUT", "/v5/datasets", "{}", "application/json").assertDetail(405);
  }

  @Test
  void aBodyThatIsNotJsonIsAnErrorWithDetail(Api api) {
    Api.Response response = api.send("POST", "/v5/datasets", "path=x", "text/plain");
    assertThat(response.status()).as(response.toString()).isBetween(400, 499);
    assertThat(response.header("Content-Type"))
        .as(response.toString())
        .startsWith("application/json");
    assertThat(response.json().has("detail")).as(response.toString()).isTrue();
  }
}
