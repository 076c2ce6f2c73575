package io.datasetserver.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(RunningServer.class)
class SmokeTest {
  @Test
  void upsertThenGetRoundTrips(Api api) {
    Api.Response created =
        api.post(
            "/v5/datasets",
            Map.of(
                "path", "smoke/one", "datapoints", List.of(Map.of("inputs", Map.of("q", "hi")))));
    assertThat(created.status()).as(created.toString()).isEqualTo(200);
    String id = created.json().get("id").asText();
    Api.Response fetched = api.get("/v5/datasets/" + id + "?include_datapoints=true");
    assertThat(fetched.json().get("datapoints").get(0).get("inputs").get("q").asText())
        .isEqualTo("hi");
    assertThat(api.as(Api.ALPHA_ALAN).get("/v5/datasets/" + id).status()).isEqualTo(200);
    assertThat(api.as(Api.BETA).get("/v5/datasets/" + id).status()).isEqualTo(404);
    assertThat(api.as(null).get("/v5/datasets/" + id).status()).isEqualTo(401);
  }
}
