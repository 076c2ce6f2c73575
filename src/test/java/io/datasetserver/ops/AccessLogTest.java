package io.datasetserver.ops;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.spi.ILoggingEvent;
import io.datasetserver.testing.Api;
import io.datasetserver.testing.RunningServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** One line per request on the "access" logger: who, what, how it went, how long; never the key. */
@ExtendWith(RunningServer.class)
class AccessLogTest {
  private static final String ORG = "org_alpha"; // Api.ALPHA's organization in test-api-keys.json

  private CapturedLog log;

  @BeforeEach
  void capture() {
    log = CapturedLog.attach();
  }

  @AfterEach
  void release() {
    log.close();
  }

  private ILoggingEvent accessLineOf(String requestId) throws InterruptedException {
    return log.await(
            event ->
                event.getLoggerName().equals("access")
                    && event.getFormattedMessage().contains("request_id=" + requestId + " "),
            Duration.ofSeconds(5))
        .orElseThrow(
            () ->
                new AssertionError(
                    "no access line with request id "
                        + requestId
                        + " among "
                        + log.events().stream().map(ILoggingEvent::getFormattedMessage).toList()));
  }

  private static Api.Response send(
      Api api, String method, String path, String body, String key, String requestId) {
    Map<String, String> headers =
        key == null
            ? Map.of("X-Request-Id", requestId)
            : Map.of("X-Request-Id", requestId, "X-API-KEY", key);
    return api.as(null)
        .withHeaders(headers)
        .send(method, path, body, body == null ? null : "application/json");
  }

  @Test
  void aRequestIsLoggedWithMethodRouteStatusDurationRequestIdAndOrganization(Api api)
      throws Exception {
    Api.Response created =
        api.post(
            "/v5/datasets",
            Map.of(
                "path",
                "access/" + UUID.randomUUID(),
                "datapoints",
                List.of(Map.of("inputs", Map.of("q", "hi")))));
    String id = created.json().path("id").asText();
    String requestId = "access-" + UUID.randomUUID();

    assertThat(send(api, "GET", "/v5/datasets/" + id, null, Api.ALPHA, requestId).status())
        .isEqualTo(200);

    ILoggingEvent line = accessLineOf(requestId);
    assertThat(line.getFormattedMessage())
        .matches(
            "method=GET route=/v5/datasets/\\{id} status=200 "
                + "duration_ms=\\d+\\.\\d{2} request_id="
                + requestId
                + " org="
                + ORG);
    assertThat(line.getFormattedMessage())
        .as("the route template, not the path")
        .doesNotContain(id);
    assertThat(line.getMDCPropertyMap()).containsEntry("request_id", requestId);
  }

  @Test
  void exactlyOneLinePerRequest(Api api) throws Exception {
    String requestId = "access-" + UUID.randomUUID();
    assertThat(send(api, "GET", "/v5/datasets", null, Api.ALPHA, requestId).status())
        .isEqualTo(200);
    accessLineOf(requestId);
    Thread.sleep(200);
    assertThat(
            log.events().stream()
                .filter(
                    event ->
                        event.getLoggerName().equals("access")
                            && event.getFormattedMessage().contains(requestId)))
        .hasSize(1);
  }

  @Test
  void aRequestWithoutAValidKeyIsLoggedWithoutOrganization(Api api) throws Exception {
    String requestId = "access-" + UUID.randomUUID();
    assertThat(
            send(api, "GET", "/v5/datasets", null, "hl_wrong_" + UUID.randomUUID(), requestId)
                .status())
        .isEqualTo(401);
    assertThat(accessLineOf(requestId).getFormattedMessage()).contains("status=401", "org=-");
  }

  @Test
  void theApiKeyIsNeverLogged(Api api) throws Exception {
    String wrongKey = "hl_secret_" + UUID.randomUUID();
    List<String> requestIds =
        List.of(
            "k1-" + UUID.randomUUID(),
            "k2-" + UUID.randomUUID(),
            "k3-" + UUID.randomUUID(),
            "k4-" + UUID.randomUUID());
    send(api, "GET", "/v5/datasets", null, Api.ALPHA, requestIds.get(0));
    send(api, "POST", "/v5/datasets", "{\"path\": ", Api.ALPHA, requestIds.get(1)); // 422
    send(api, "GET", "/v5/datasets", null, wrongKey, requestIds.get(2)); // 401
    send(api, "GET", "/v5/datasets/ds_missing", null, Api.ALPHA, requestIds.get(3)); // 404
    for (String requestId : requestIds) {
      accessLineOf(requestId);
    }
    assertThat(log.events())
        .isNotEmpty()
        .allSatisfy(
            event ->
                assertThat(CapturedLog.everything(event))
                    .doesNotContain(Api.ALPHA)
                    .doesNotContain(wrongKey));
  }
}
