package io.datasetserver.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.datasetserver.testing.Api;
import io.datasetserver.testing.RunningServer;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * /metrics: Prometheus text with request latency per route template and status, JVM and pool
 * metrics.
 */
@ExtendWith(RunningServer.class)
class MetricsTest {
  private static String datasetId;

  @BeforeAll
  static void requestADataset(Api api) {
    Api.Response created =
        api.post(
            "/v5/datasets",
            Map.of(
                "path",
                "metrics/" + UUID.randomUUID(),
                "datapoints",
                List.of(Map.of("inputs", Map.of("q", "hi")))));
    assertThat(created.status()).as(created.toString()).isEqualTo(200);
    datasetId = created.json().path("id").asText();
    assertThat(api.get("/v5/datasets/" + datasetId).status()).isEqualTo(200);
    assertThat(api.get("/v5/datasets/ds_nosuchdataset").status()).isEqualTo(404);
  }

  private static String scrape(Api api) {
    Api.Response metrics = api.as(null).get("/metrics");
    assertThat(metrics.status()).as("GET /metrics without a key").isEqualTo(200);
    return metrics.body();
  }

  /** The sample lines of {@code metric} whose labels include every one of {@code labels}. */
  private static List<String> samples(String text, String metric, String... labels) {
    return text.lines()
        .filter(line -> line.startsWith(metric + "{"))
        .filter(line -> java.util.Arrays.stream(labels).allMatch(line::contains))
        .toList();
  }

  /** The request count samples of route {@code /v5/datasets/{id}} for a method and status. */
  private static List<String> datasetCounts(String text, String method, int status) {
    return samples(
        text,
        "http_server_requests_seconds_count",
        "method=\"" + method + "\"",
        "route=\"/v5/datasets/{id}\"",
        "status=\"" + status + "\"");
  }

  @Test
  void isPrometheusText(Api api) {
    Api.Response metrics = api.as(null).get("/metrics");
    assertThat(metrics.header("Content-Type")).startsWith("text/plain").contains("version=0.0.4");
    assertThat(metrics.body()).contains("# TYPE http_server_requests_seconds histogram");
  }

  @Test
  void countsRequestsByRouteTemplateAndStatus(Api api) {
    String text = scrape(api);
    assertThat(datasetCounts(text, "GET", 200))
        .as("count of GET /v5/datasets/{id} → 200 in:\n%s", text)
        .singleElement()
        .satisfies(
            line ->
                assertThat(Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                    .isGreaterThanOrEqualTo(1));
    assertThat(datasetCounts(text, "GET", 404))
        .as("count of GET /v5/datasets/{id} → 404")
        .hasSize(1);
    assertThat(text).as("ids never become labels").doesNotContain(datasetId);
  }

  @Test
  void aHeadOfAGetRouteIsCountedUnderItsOwnMethod(Api api) {
    // Jersey answers HEAD with the GET method: the timer resolved for that route's GETs is not
    // the HEAD's.
    assertThat(api.send("HEAD", "/v5/datasets/" + datasetId, null, null).status()).isEqualTo(200);
    String text = scrape(api);
    assertThat(datasetCounts(text, "HEAD", 200))
        .as("count of HEAD /v5/datasets/{id} → 200 in:\n%s", text)
        .hasSize(1);
  }

  @Test
  void recordsALatencyHistogram(Api api) {
    String text = scrape(api);
    String route = "route=\"/v5/datasets/{id}\"";
    assertThat(
            samples(
                text,
                "http_server_requests_seconds_bucket",
                route,
                "status=\"200\"",
                "le=\"+Inf\""))
        .hasSize(1);
    assertThat(samples(text, "http_server_requests_seconds_bucket", route, "status=\"200\"").size())
        .as("buckets of the histogram")
        .isGreaterThan(10);
    assertThat(samples(text, "http_server_requests_seconds_sum", route, "status=\"200\""))
        .hasSize(1);
  }

  @Test
  void unknownPathsDoNotBecomeRoutes(Api api) {
    String unknown = "no-such-thing-" + UUID.randomUUID();
    assertThat(api.as(null).get("/" + unknown).status()).isEqualTo(404);
    assertThat(api.get("/v5/" + unknown).status()).isEqualTo(404);
    assertThat(scrape(api)).doesNotContain(unknown);
  }

  @Test
  void exposesJvmMetrics(Api api) {
    String text = scrape(api);
    assertThat(samples(text, "jvm_memory_used_bytes", "area=\"heap\"")).isNotEmpty();
    assertThat(samples(text, "jvm_memory_max_bytes")).isNotEmpty();
    assertThat(text).contains("jvm_threads_live_threads", "jvm_gc_");
  }

  @Test
  void exposesMongoDbConnectionPoolMetrics(Api api) {
    String text = scrape(api);
    assertThat(samples(text, "mongodb_driver_pool_size")).as("in:\n%s", text).isNotEmpty();
    assertThat(samples(text, "mongodb_driver_pool_checkedout")).isNotEmpty();
  }
}
