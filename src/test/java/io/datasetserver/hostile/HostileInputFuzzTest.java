package io.datasetserver.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import io.datasetserver.api.JsonMapping;
import io.datasetserver.testing.Api;
import io.datasetserver.testing.RunningServer;
import io.datasetserver.testing.Slow;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.SequenceInputStream;
import java.lang.management.ManagementFactory;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Hostile input (CONTRACT.md §5): a seeded fuzz over all 13 endpoints must never get a 5xx, must
 * get a JSON {@code detail} with every 4xx, and must leave the server up with a bounded heap;
 * oversized bodies are 413 and too-deep JSON is 422.
 *
 * <p>Rerun a failure with {@code -Dfuzz.seed=N}; {@code -Dfuzz.requests=N} changes the count.
 */
@ExtendWith(RunningServer.class)
@Slow
class HostileInputFuzzTest {
  private static final long DEFAULT_SEED = 20_261_128L;
  private static final int DEFAULT_REQUESTS = 10_000;

  /** A fresh fixture every so many requests keeps what the fuzz piles into the database small. */
  private static final int REQUESTS_PER_FIXTURE = 250;

  private static final long HEAP_GROWTH_BOUND = 256L << 20;
  private static final int MAX_BODY_BYTES = 32 << 20;
  private static final Pattern SANE_REQUEST_ID = Pattern.compile("[!-~]{1,128}");

  @Test
  void fuzzedRequestsNeverGetA5xxAndEveryErrorIsJsonWithDetail(Api api) throws Exception {
    long seed = Long.getLong("fuzz.seed", DEFAULT_SEED);
    int requests = Integer.getInteger("fuzz.requests", DEFAULT_REQUESTS);
    Wire wire = new Wire(api.port());
    Fixture fixture = new Fixture(api, "fuzz-" + seed);
    Fuzzer fuzzer = new Fuzzer(seed, fixture);
    Map<Integer, Integer> statuses = new TreeMap<>();
    Failures failures = new Failures(seed);
    long started = System.nanoTime();
    TreeMap<Long, String> slowest = new TreeMap<>();
    long slowNanos = 0;
    long baselineHeap = usedHeapAfterGc();
    long heapGrowth;
    int sent = 0;
    try (LogCapture log = LogCapture.attach(Level.WARN)) {
      for (int i = 0; i < requests; i++) {
        if (i % REQUESTS_PER_FIXTURE == 0) {
          fixture.rotate(i / REQUESTS_PER_FIXTURE);
        }
        Fuzzer.Generated generated = fuzzer.next(i);
        long before = System.nanoTime();
        Wire.Reply reply;
        try {
          reply = wire.send(generated.request());
        } catch (IOException e) {
          failures.add(generated, null, List.of("no response: " + e), "");
          assertServerUp(api, seed, generated);
          continue;
        } finally {
          sent++;
        }
        long nanos = System.nanoTime() - before;
        slowest.put(
            nanos, nanos / 1_000_000 + "ms " + generated.endpoint() + " " + generated.mutations());
        if (slowest.size() > 5) {
          slowest.pollFirstEntry();
        }
        if (nanos > 100_000_000L) {
          slowNanos += nanos;
        }
        statuses.merge(reply.status(), 1, Integer::sum);
        List<String> problems = problems(generated.request(), reply);
        if (!problems.isEmpty()) {
          failures.add(generated, reply, problems, serverLog(log, reply));
        }
        if (i % 1000 == 999) {
          assertServerUp(api, seed, generated);
        }
      }
      assertServerUp(api, seed, null);
    } finally {
      try {
        fixture.deleteEverything();
      } catch (RuntimeException | AssertionError e) {
        System.out.println("FUZZ cleanup failed: " + e);
      }
      heapGrowth = usedHeapAfterGc() - baselineHeap;
      long fiveXx =
          statuses.entrySet().stream()
              .filter(e -> e.getKey() >= 500)
              .mapToLong(Map.Entry::getValue)
              .sum();
      System.out.printf(
          "FUZZ seed=%d requests=%d statuses=%s 5xx=%d failing_requests=%d failure_kinds=%d "
              + "heap_growth_after_gc_mb=%d duration_s=%d%n",
          seed,
          sent,
          statuses,
          fiveXx,
          failures.count(),
          failures.kinds(),
          heapGrowth >> 20,
          (System.nanoTime() - started) / 1_000_000_000L);
      System.out.println(
          "FUZZ slowest requests ("
              + slowNanos / 1_000_000
              + " ms in requests over 100 ms): "
              + String.join("; ", slowest.descendingMap().values()));
      failures.print();
    }
    assertThat(heapGrowth)
        .as("used heap after GC grew by %d MiB over the fuzz (seed %d)", heapGrowth >> 20, seed)
        .isLessThan(HEAP_GROWTH_BOUND);
    assertThat(failures.count()).as(failures.report()).isZero();
  }

  @Test
  void bodiesOverMaxBodyBytesAre413(Api api) throws Exception {
    String id =
        api.post("/v5/datasets", Map.of("path", "limits/big", "datapoints", List.of()))
            .json()
            .path("id")
            .asText();
    String version = api.get("/v5/datasets/" + id).json().path("version_id").asText();
    byte[] head =
        "{\"path\":\"limits/huge\",\"datapoints\":[{\"inputs\":{\"q\":\""
            .getBytes(StandardCharsets.UTF_8);
    byte[] tail = "\"}}]}".getBytes(StandardCharsets.UTF_8);
    byte[] body = new byte[MAX_BODY_BYTES + (1 << 20)];
    Arrays.fill(body, (byte) 'a');
    System.arraycopy(head, 0, body, 0, head.length);
    System.arraycopy(tail, 0, body, body.length - tail.length, tail.length);

    assertDetail(api.send("POST", "/v5/datasets", body, "application/json"), 413);
    assertDetail(
        api.send("PATCH", "/v5/datasets/" + id + "/versions/" + version, body, "application/json"),
        413);
    assertDetail(api.send("PATCH", "/v5/datasets/" + id, body, "application/json"), 413);
    // Without a declared length the limit must hold while the body streams in: many small
    // datapoints, and one string longer than any parser limit below MAX_BODY_BYTES.
    assertDetail(
        chunked(
            api, "/v5/datasets", manyDatapoints(MAX_BODY_BYTES + (1 << 20)), "application/json"),
        413);
    assertDetail(chunked(api, "/v5/datasets", body, "application/json"), 413);
    // Nothing was created, and the server still answers.
    assertThat(api.get("/v5/datasets?name=huge").json().path("total").asInt()).isZero();
    assertThat(api.get("/v5/datasets?name=many").json().path("total").asInt()).isZero();
    assertThat(api.as(null).get("/healthz").status()).isEqualTo(200);
  }

  @Test
  void nestingBeyondTheMaxDepthIs422(Api api) {
    String id =
        api.post("/v5/datasets", Map.of("path", "limits/deep", "datapoints", List.of()))
            .json()
            .path("id")
            .asText();
    String version = api.get("/v5/datasets/" + id).json().path("version_id").asText();
    int max = JsonMapping.MAX_NESTING_DEPTH;
    // Depth counts every array and object: root, datapoints, the datapoint and its target come
    // first.
    String atTheLimit =
        "{\"path\":\"limits/deep\",\"datapoints\":[{\"target\":" + nested(max - 3) + "}]}";
    Api.Response accepted = api.post("/v5/datasets", atTheLimit);
    assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);

    for (int depth : new int[] {max + 1, max + 2, 1000, 10_000}) {
      List<Api.Response> responses =
          List.of(
              api.post(
                  "/v5/datasets",
                  "{\"path\":\"limits/deep\",\"datapoints\":[{\"target\":" + nested(depth) + "}]}"),
              api.post(
                  "/v5/datasets",
                  "{\"path\":\"limits/deep\",\"datapoints\":[],\"attributes\":"
                      + nested(depth)
                      + "}"),
              api.post("/v5/datasets", nested(depth)),
              api.post("/v5/datasets", "[".repeat(depth) + "]".repeat(depth)),
              api.patch("/v5/datasets/" + id, "{\"path\":" + nested(depth) + "}"),
              api.patch(
                  "/v5/datasets/" + id + "/versions/" + version,
                  "{\"name\":" + nested(depth) + "}"));
      for (Api.Response response : responses) {
        assertThat(response.status()).as("depth %d: %s", depth, response).isEqualTo(422);
        JsonNode detail = response.json().path("detail");
        assertThat(detail.isArray() && detail.size() > 0).as(response.toString()).isTrue();
        assertThat(detail.get(0).path("loc").get(0).asText())
            .as(response.toString())
            .isEqualTo("body");
      }
    }
    assertThat(api.get("/v5/datasets/" + id + "/versions").json().path("records").size())
        .isEqualTo(2);
  }

  /**
   * A body the server does not read must be discarded (or the connection closed), never parsed as
   * the next request on the connection: that is request smuggling behind any proxy.
   */
  @Test
  void aBodyTheServerLeavesUnreadIsNeverParsedAsTheNextRequest(Api api) throws Exception {
    String smuggled = "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Request-Id: SMUGGLED\r\n\r\n";
    String last =
        "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Request-Id: LAST\r\nConnection: close\r\n\r\n";
    List<String> smuggledThrough = new ArrayList<>();
    for (String method :
        List.of("TRACE", "HEAD", "GET", "DELETE", "OPTIONS", "FOO", "PUT", "POST", "PATCH")) {
      for (boolean chunked : new boolean[] {false, true}) {
        String framing =
            chunked
                ? "Transfer-Encoding: chunked\r\n\r\n"
                    + Integer.toHexString(smuggled.length())
                    + "\r\n"
                    + smuggled
                    + "\r\n0\r\n\r\n"
                : "Content-Length: " + smuggled.length() + "\r\n\r\n" + smuggled;
        String target = method.equals("POST") ? "/v5/datasets/ds_x/versions" : "/v5/datasets";
        String exchange =
            exchange(
                api.port(),
                method
                    + " "
                    + target
                    + " HTTP/1.1\r\nHost: x\r\nX-API-KEY: "
                    + Api.ALPHA
                    + "\r\nContent-Type: application/json\r\n"
                    + framing
                    + last);
        if (exchange.contains("SMUGGLED")) {
          smuggledThrough.add(
              method
                  + (chunked ? " (chunked)" : " (Content-Length)")
                  + ": "
                  + exchange.replace("\r\n", " | "));
        }
      }
    }
    assertThat(smuggledThrough).as("requests whose body was served as a second request").isEmpty();
  }

  private static byte[] multipartCsv() {
    return ("--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"r.csv\"\r\n\r\nq\nx\n\r\n--b--\r\n")
        .getBytes(StandardCharsets.UTF_8);
  }

  private static String exchange(int port, String bytes) throws IOException {
    try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
      socket.setSoTimeout(5000);
      socket.getOutputStream().write(bytes.getBytes(StandardCharsets.ISO_8859_1));
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
      try {
        socket.getInputStream().transferTo(out);
      } catch (IOException e) {
        // Reset or timeout: what arrived is what counts.
      }
      return out.toString(StandardCharsets.ISO_8859_1);
    }
  }

  /**
   * The shapes the fuzz found mishandled, pinned one by one: never a 5xx, every error JSON with a
   * detail.
   */
  @Test
  void malformedTargetsHeadersAndBodiesAreJsonClientErrors(Api api) throws Exception {
    Wire wire = new Wire(api.port());
    String id =
        api.post("/v5/datasets", Map.of("path", "limits/shapes", "datapoints", List.of()))
            .json()
            .path("id")
            .asText();
    Map<String, String> key = Wire.headers("X-API-KEY", Api.ALPHA);
    Map<String, String> json =
        Wire.headers("X-API-KEY", Api.ALPHA, "Content-Type", "application/json");
    byte[] empty = "{}".getBytes(StandardCharsets.UTF_8);
    List<Wire.Request> requests =
        List.of(
            new Wire.Request("GET", "/v5/datasets/a%2Fb", key, null, false),
            new Wire.Request(
                "GET", "/v5/datasets/" + id + "%2F..%2F..%2Fhealthz", key, null, false),
            new Wire.Request(
                "DELETE", "/v5/datasets/" + id + "/environments/%2F", key, null, false),
            new Wire.Request("GET", "/v5/datasets/%FF%FE", key, null, false),
            new Wire.Request("GET", "/v5/datasets/%C0%AF", key, null, false),
            new Wire.Request("GET", "/v5/datasets/%00", key, null, false),
            new Wire.Request("GET", "/v5/datasets/%ZZ", key, null, true),
            new Wire.Request("GET", "/v5/datasets?name=%%", key, null, true),
            new Wire.Request("GET", "/v5/datasets?name=%G1", key, null, true),
            new Wire.Request("GET", "/v5/datasets/" + "x".repeat(20_000), key, null, false),
            new Wire.Request(
                "GET", "/v5/datasets", Wire.headers("X-API-KEY", "k".repeat(20_000)), null, false),
            new Wire.Request(
                "POST",
                "/v5/datasets",
                Wire.headers("X-API-KEY", Api.ALPHA, "Content-Type", "a;;;=="),
                empty,
                false),
            new Wire.Request(
                "POST",
                "/v5/datasets",
                Wire.headers(
                    "X-API-KEY", Api.ALPHA, "Content-Type", "application/json, text/plain"),
                empty,
                false),
            new Wire.Request(
                "POST",
                "/v5/datasets/" + id + "/environments/staging",
                Wire.headers("X-API-KEY", Api.ALPHA, "Content-Type", "/"),
                null,
                false),
            new Wire.Request("GET", "/v5/datasets/" + id + "/environments", json, empty, false),
            new Wire.Request("GET", "/v5/datasets", json, empty, false),
            new Wire.Request("DELETE", "/v5/datasets/ds_nope", json, empty, false),
            new Wire.Request(
                "DELETE",
                "/v5/datasets/" + id + "/environments/staging",
                json,
                "null".getBytes(StandardCharsets.UTF_8),
                false),
            new Wire.Request("GET", "/v5/datasets?name=%00", key, null, false),
            new Wire.Request("GET", "/v5/datasets?user_filter=a%00b", key, null, false),
            new Wire.Request(
                "PATCH", "/v5/datasets/" + id, json, new byte[] {0, '{', 0, 0, 0, '}'}, false),
            new Wire.Request(
                "POST", "/v5/datasets/" + id + "/datapoints/csv", key, multipartCsv(), false),
            new Wire.Request(
                "POST",
                "/v5/datasets/" + id + "/datapoints/csv",
                Wire.headers("X-API-KEY", Api.ALPHA, "Content-Type", "*/*"),
                multipartCsv(),
                false));
    List<String> wrong = new ArrayList<>();
    for (Wire.Request request : requests) {
      Wire.Reply reply = wire.send(request);
      List<String> problems = problems(request, reply);
      if (!problems.isEmpty()) {
        String target =
            request.target().length() > 80
                ? request.target().substring(0, 80) + "…"
                : request.target();
        String headers = request.headers().toString();
        wrong.add(
            request.method()
                + " "
                + target
                + " "
                + (headers.length() > 120 ? headers.substring(0, 120) + "…" : headers)
                + " body="
                + Fuzzer.sketch(request.body())
                + "\n    -> "
                + problems
                + " "
                + reply);
      }
    }
    assertThat(api.as(null).get("/healthz").status()).isEqualTo(200);
    assertThat(wrong)
        .as(
            "requests answered with a 5xx, or an error without JSON detail, nosniff or X-Request-Id")
        .isEmpty();
  }

  // ---------------------------------------------------------------- checks

  private static List<String> problems(Wire.Request request, Wire.Reply reply) {
    List<String> problems = new ArrayList<>();
    boolean head = request.method().equals("HEAD");
    if (reply.status() >= 500) {
      problems.add("5xx");
    }
    if (!"nosniff".equals(reply.header("X-Content-Type-Options"))) {
      problems.add("no X-Content-Type-Options: nosniff");
    }
    String requestId = reply.header("X-Request-Id");
    if (requestId == null) {
      problems.add("no X-Request-Id");
    } else {
      String sent = request.headers().get("X-Request-Id");
      if (sent != null && SANE_REQUEST_ID.matcher(sent).matches() && !sent.equals(requestId)) {
        problems.add("X-Request-Id not echoed");
      }
    }
    if (reply.status() >= 400 && !head) {
      String type = reply.header("Content-Type");
      JsonNode json = reply.json();
      if (type == null || !type.startsWith("application/json")) {
        problems.add("error without JSON content type");
      }
      if (json == null || !json.isObject() || !json.hasNonNull("detail")) {
        problems.add("error without a JSON detail");
      }
      if (reply.showsStackTrace()) {
        problems.add("stack trace in the body");
      }
    } else if (reply.status() >= 200
        && reply.status() < 300
        && reply.status() != 204
        && !head
        && !request.method().equals("OPTIONS")
        && reply.json() == null) {
      problems.add("2xx body is not JSON");
    }
    return problems;
  }

  /** The server's warnings and errors (with stack traces) logged under the reply's request id. */
  private static String serverLog(LogCapture log, Wire.Reply reply) {
    String id = reply.header("X-Request-Id");
    if (id == null) {
      return "";
    }
    StringBuilder text = new StringBuilder();
    for (ILoggingEvent event : log.events()) {
      if (id.equals(event.getMDCPropertyMap().get("request_id"))) {
        text.append(event.getLevel())
            .append(' ')
            .append(event.getLoggerName())
            .append(": ")
            .append(event.getFormattedMessage())
            .append('\n')
            .append(LogCapture.stackTrace(event));
      }
    }
    return text.toString();
  }

  private static void assertServerUp(Api api, long seed, Fuzzer.Generated last) {
    Api.Response health = api.as(null).get("/healthz");
    assertThat(health.status())
        .as("server down after seed %d request %s", seed, last == null ? "-" : last.describe())
        .isEqualTo(200);
  }

  private static long usedHeapAfterGc() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(100);
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private static void assertDetail(Api.Response response, int status) {
    assertThat(response.status()).as(response.toString()).isEqualTo(status);
    assertThat(response.header("Content-Type"))
        .as(response.toString())
        .startsWith("application/json");
    assertThat(response.json().path("detail").isTextual()).as(response.toString()).isTrue();
  }

  private static byte[] manyDatapoints(int size) {
    StringBuilder json =
        new StringBuilder(size + 1000).append("{\"path\":\"limits/many\",\"datapoints\":[");
    for (int i = 0; json.length() < size; i++) {
      json.append(i == 0 ? "" : ",")
          .append("{\"inputs\":{\"q\":\"")
          .append(i)
          .append("-")
          .append("b".repeat(1000))
          .append("\"}}");
    }
    return json.append("]}").toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String nested(int depth) {
    return "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
  }

  /** Sends a body with no Content-Length (chunked), which the harness client cannot do. */
  private static Api.Response chunked(Api api, String path, byte[] body, String contentType)
      throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(api.uri(path))
            .timeout(Duration.ofSeconds(60))
            .header("X-API-KEY", Api.ALPHA)
            .header("Content-Type", contentType)
            .POST(
                HttpRequest.BodyPublishers.ofInputStream(
                    () ->
                        new SequenceInputStream(
                            new ByteArrayInputStream(body), new ByteArrayInputStream(new byte[0]))))
            .build();
    HttpResponse<byte[]> response =
        Api.client().send(request, HttpResponse.BodyHandlers.ofByteArray());
    return new Api.Response(response.statusCode(), response.body(), response.headers());
  }

  // ---------------------------------------------------------------- fixture

  /**
   * The datasets the fuzz aims at, replaced by fresh ones every {@link #REQUESTS_PER_FIXTURE}
   * requests.
   */
  private static final class Fixture implements Fuzzer.Targets {
    private final Api alpha;
    private final String prefix;
    private final String foreignId;
    private String datasetId;
    private String datasetPath;
    private List<String> versions;
    private String victimId;
    private String productionEnvId;
    private String stagingEnvId;

    Fixture(Api api, String prefix) {
      this.alpha = api.as(Api.ALPHA);
      this.prefix = prefix;
      this.foreignId =
          ok(api.as(Api.BETA)
                  .post(
                      "/v5/datasets",
                      Map.of(
                          "path",
                          prefix + "/foreign",
                          "datapoints",
                          List.of(Map.of("inputs", Map.of("q", "beta"))))))
              .path("id")
              .asText();
    }

    void rotate(int epoch) {
      String oldDataset = datasetId;
      String oldVictim = victimId;
      datasetPath = prefix + "/fixture-" + epoch;
      JsonNode v1 =
          ok(
              alpha.post(
                  "/v5/datasets",
                  Map.of(
                      "path",
                      datasetPath,
                      "datapoints",
                      List.of(
                          Map.of("inputs", Map.of("q", "a")),
                          Map.of("inputs", Map.of("q", "b"))))));
      datasetId = v1.path("id").asText();
      JsonNode v2 =
          ok(
              alpha.post(
                  "/v5/datasets",
                  Map.of(
                      "id",
                      datasetId,
                      "action",
                      "add",
                      "datapoints",
                      List.of(Map.of("inputs", Map.of("q", "c"))))));
      ok(
          alpha.post(
              "/v5/datasets/"
                  + datasetId
                  + "/environments/staging?version_id="
                  + v2.path("version_id").asText(),
              null));
      JsonNode v3 =
          ok(
              alpha.post(
                  "/v5/datasets",
                  Map.of(
                      "id",
                      datasetId,
                      "action",
                      "add",
                      "datapoints",
                      List.of(
                          Map.of("messages", List.of(Map.of("role", "user", "content", "d")))))));
      versions =
          List.of(
              v1.path("version_id").asText(),
              v2.path("version_id").asText(),
              v3.path("version_id").asText());
      victimId =
          ok(alpha.post(
                  "/v5/datasets",
                  Map.of("path", prefix + "/victim-" + epoch, "datapoints", List.of())))
              .path("id")
              .asText();
      if (productionEnvId == null) {
        for (JsonNode environment : ok(alpha.get("/v5/datasets/" + datasetId + "/environments"))) {
          if (environment.path("name").asText().equals("production")) {
            productionEnvId = environment.path("id").asText();
          } else if (environment.path("name").asText().equals("staging")) {
            stagingEnvId = environment.path("id").asText();
          }
        }
      }
      if (oldDataset != null) {
        alpha.delete("/v5/datasets/" + oldDataset);
        alpha.delete("/v5/datasets/" + oldVictim);
      }
    }

    /** Deletes every dataset of both organizations, so that the heap holds no fuzz content. */
    void deleteEverything() {
      for (Api api : List.of(alpha, alpha.as(Api.BETA))) {
        for (int round = 0; round < 50; round++) {
          JsonNode page = api.get("/v5/datasets?size=1000").json().path("records");
          if (page.isEmpty()) {
            break;
          }
          for (JsonNode dataset : page) {
            api.delete("/v5/datasets/" + dataset.path("id").asText());
          }
        }
      }
    }

    private static JsonNode ok(Api.Response response) {
      assertThat(response.status()).as("fixture request: %s", response).isEqualTo(200);
      return response.json();
    }

    @Override
    public String datasetId() {
      return datasetId;
    }

    @Override
    public String datasetPath() {
      return datasetPath;
    }

    @Override
    public List<String> versionIds() {
      return versions;
    }

    @Override
    public String victimId() {
      return victimId;
    }

    @Override
    public String productionEnvId() {
      return productionEnvId;
    }

    @Override
    public String stagingEnvId() {
      return stagingEnvId;
    }

    @Override
    public String foreignDatasetId() {
      return foreignId;
    }

    @Override
    public String scratchPrefix() {
      return prefix;
    }
  }

  // ---------------------------------------------------------------- failures

  /**
   * Failing requests grouped by kind: status, problems, and the server's exception when it logged
   * one (or the response's content type when it did not); the first examples of each are kept.
   */
  private static final class Failures {
    private static final int EXAMPLES_PER_KIND = 4;
    private final long seed;
    private final Map<String, List<String>> examples = new LinkedHashMap<>();
    private final Map<String, Integer> counts = new LinkedHashMap<>();
    private int count;

    Failures(long seed) {
      this.seed = seed;
    }

    void add(
        Fuzzer.Generated generated, Wire.Reply reply, List<String> problems, String serverLog) {
      count++;
      String cause =
          serverLog.isEmpty()
              ? "content-type "
                  + (reply == null ? "-" : reply.header("Content-Type"))
                  + ", "
                  + (reply == null ? 0 : reply.body().length > 0 ? "body" : "empty body")
              : serverLog
                  .lines()
                  .skip(1)
                  .findFirst()
                  .orElse("")
                  .replaceAll("\\d+", "N")
                  .replaceAll("\"[^\"]*\"", "\"…\"");
      String kind =
          (reply == null ? "no reply" : String.valueOf(reply.status()))
              + " "
              + problems
              + " | "
              + cause;
      counts.merge(kind, 1, Integer::sum);
      List<String> kept = examples.computeIfAbsent(kind, k -> new ArrayList<>());
      if (kept.size() < EXAMPLES_PER_KIND) {
        kept.add(
            generated.describe()
                + "\n  response "
                + (reply == null ? "(none)" : reply.toString())
                + (serverLog.isEmpty() ? "" : "\n  server log:\n" + serverLog.indent(4)));
      }
    }

    int count() {
      return count;
    }

    int kinds() {
      return counts.size();
    }

    void print() {
      if (count > 0) {
        System.out.println(report());
      }
    }

    String report() {
      StringBuilder text =
          new StringBuilder(
              "seed "
                  + seed
                  + " (rerun with -Dfuzz.seed="
                  + seed
                  + "): "
                  + count
                  + " failing requests of "
                  + counts.size()
                  + " kinds\n");
      for (Map.Entry<String, List<String>> entry : examples.entrySet()) {
        text.append("\n[")
            .append(counts.get(entry.getKey()))
            .append("x] ")
            .append(entry.getKey())
            .append('\n');
        for (String example : entry.getValue()) {
          text.append("  request ").append(example).append('\n');
        }
      }
      return text.toString();
    }
  }
}
