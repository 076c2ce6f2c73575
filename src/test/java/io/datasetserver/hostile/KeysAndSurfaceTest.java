package io.datasetserver.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import io.datasetserver.testing.Api;
import io.datasetserver.testing.RunningServer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

/**
 * The attack surface around the API: keys configured as digests work, keys never reach the log, and
 * whatever is asked of the server (unknown routes, unknown methods, any status) it answers with
 * JSON, {@code X-Content-Type-Options: nosniff} and an {@code X-Request-Id}.
 */
@ExtendWith(RunningServer.class)
class KeysAndSurfaceTest {
  /** Keys that must never be logged: the three configured ones and some a client might mistype. */
  private static final List<String> INVALID_KEYS =
      List.of(
          "key_alpha_ada_typo",
          "sk-live-" + UUID.randomUUID(),
          "hl_" + UUID.randomUUID().toString().replace("-", ""),
          "f1f16abf57e85579c31a9a3135f238a523410da9a1e306f2266a3b1015278b81");

  @Test
  void aKeyConfiguredAsItsSha256DigestAuthenticatesItsUser(Api api) {
    Api alan = api.as(Api.ALPHA_ALAN);
    JsonNode created =
        alan.post(
                "/v5/datasets",
                Map.of(
                    "path",
                    "keys/alan-" + UUID.randomUUID(),
                    "datapoints",
                    List.of(Map.of("inputs", Map.of("q", "hi")))))
            .json();
    assertThat(created.path("created_by").path("id").asText()).isEqualTo("usr_alan");
    String id = created.path("id").asText();
    assertThat(alan.get("/v5/datasets/" + id).status()).isEqualTo(200);
    // Same organization as ALPHA; another organization sees nothing; the digest itself is no key.
    assertThat(api.as(Api.ALPHA).get("/v5/datasets/" + id).status()).isEqualTo(200);
    assertThat(api.as(Api.BETA).get("/v5/datasets/" + id).status()).isEqualTo(404);
    Api.Response digestAsKey = api.as(INVALID_KEYS.get(3)).get("/v5/datasets/" + id);
    assertThat(digestAsKey.status()).isEqualTo(401);
    assertThat(digestAsKey.json().path("detail").isTextual()).isTrue();
  }

  @Test
  void noApiKeyEverAppearsInALogLine(Api api) throws Exception {
    Wire wire = new Wire(api.port());
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    ch.qos.logback.classic.Logger ours = context.getLogger("io.datasetserver");
    ch.qos.logback.classic.Logger access = context.getLogger("access");
    Level oursBefore = ours.getLevel();
    Level accessBefore = access.getLevel();
    List<String> keys = new ArrayList<>(List.of(Api.ALPHA, Api.ALPHA_ALAN, Api.BETA));
    keys.addAll(INVALID_KEYS);
    List<String> requestIds = new ArrayList<>();
    List<ILoggingEvent> events;
    // Our own code logs at DEBUG too while this runs: a key must not leak at any level.
    ours.setLevel(Level.DEBUG);
    access.setLevel(Level.DEBUG);
    try (LogCapture log = LogCapture.attach(Level.TRACE)) {
      String id =
          api.post("/v5/datasets", Map.of("path", "keys/logged", "datapoints", List.of()))
              .json()
              .path("id")
              .asText();
      for (String key : keys) {
        List<Wire.Request> requests =
            List.of(
                request("GET", "/v5/datasets", key, null, null),
                request("GET", "/v5/datasets/" + id + "?include_datapoints=true", key, null, null),
                request(
                    "POST",
                    "/v5/datasets",
                    key,
                    "application/json",
                    "{\"path\":\"keys/logged\",\"action\":\"add\",\"datapoints\":[{\"inputs\":{\"q\":\"x\"}}]}"),
                request("POST", "/v5/datasets", key, "application/json", "{\"path\":"),
                request(
                    "POST",
                    "/v5/datasets",
                    key,
                    "application/json",
                    "{\"path\":\"x\",\"datapoints\":[{\"inputs\":{\"q\":1}}]}"),
                request("GET", "/v5/datasets/ds_unknown", key, null, null),
                request("GET", "/v5/datasets?page=abc", key, null, null),
                request("PUT", "/v5/datasets", key, "application/json", "{}"),
                request("GET", "/v5/no-such-route", key, null, null),
                request("POST", "/v5/datasets", key, "a;;;==", "{}"),
                request(
                    "POST",
                    "/v5/datasets/" + id + "/datapoints/csv",
                    key,
                    "multipart/form-data; boundary=b",
                    "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"k.csv\"\r\n\r\nq\n\"unterminated\r\n--b--\r\n"),
                request("GET", "/v5/datasets?name=" + key + "&api_key=" + key, key, null, null),
                request("GET", "/healthz?api_key=" + key, key, null, null),
                request("GET", "/metrics", key, null, null));
        for (Wire.Request request : requests) {
          Wire.Reply reply = wire.send(request);
          if (reply.header("X-Request-Id") != null) {
            requestIds.add(reply.header("X-Request-Id"));
          }
        }
      }
      // The access line is written before the response; give other appenders' threads a moment
      // anyway.
      Thread.sleep(200);
      events = log.events();
    } finally {
      ours.setLevel(oursBefore);
      access.setLevel(accessBefore);
    }

    assertThat(events).as("captured log events").isNotEmpty();
    List<String> leaks = new ArrayList<>();
    for (ILoggingEvent event : events) {
      String text = LogCapture.everything(event);
      for (String key : keys) {
        if (text.contains(key)) {
          leaks.add(
              "key '"
                  + key
                  + "' in "
                  + event.getLevel()
                  + " "
                  + event.getLoggerName()
                  + ": "
                  + text);
        }
      }
    }
    assertThat(leaks).as("log events carrying an API key").isEmpty();
    List<String> accessLines =
        events.stream()
            .filter(e -> e.getLoggerName().equals("access"))
            .map(ILoggingEvent::getFormattedMessage)
            .toList();
    for (String requestId : requestIds) {
      assertThat(accessLines)
          .as("an access line for request %s", requestId)
          .anyMatch(line -> line.contains(requestId));
    }
  }

  @Test
  void unknownRoutesAreJson404sUnderV5AndAtTheRoot(Api api) throws Exception {
    Wire wire = new Wire(api.port());
    List<String> wrong = new ArrayList<>();
    for (String path :
        List.of(
            "/v5/no-such-resource",
            "/v5/datasets/ds_x/no-such-child",
            "/v5/datasets/ds_x/versions/v/x/y",
            "/v5/datasets/ds_x/datapoints/csv/x",
            "/v5/",
            "/v5",
            "/v6/datasets",
            "/nope",
            "/app/",
            "/app/nope.js",
            "/healthz/extra",
            "/v5x",
            "/index.html",
            "/WEB-INF/web.xml",
            "/.env",
            "/v5/datasets/..%2F..%2Fhealthz",
            "/v5/datasets/a%2Fb",
            "/v5/datasets/%2F",
            "/v5/datasets/a%2Fb/versions")) {
      for (String method : List.of("GET", "POST", "DELETE")) {
        Wire.Reply reply =
            wire.send(
                request(
                    method,
                    path,
                    Api.ALPHA,
                    method.equals("POST") ? "application/json" : null,
                    method.equals("POST") ? "{}" : null));
        if ((reply.status() != 404 && reply.status() != 405) || !isJsonError(reply)) {
          wrong.add(method + " " + path + " -> " + reply);
        }
      }
    }
    assertThat(wrong).as("unknown routes not answered with a JSON 404/405").isEmpty();
  }

  @Test
  void unknownMethodsAreJson405sUnderV5AndAtTheRoot(Api api) throws Exception {
    Wire wire = new Wire(api.port());
    List<String[]> cases =
        List.of(
            new String[] {"PUT", "/v5/datasets"},
            new String[] {"DELETE", "/v5/datasets"},
            new String[] {"PATCH", "/v5/datasets"},
            new String[] {"PUT", "/v5/datasets/ds_x"},
            new String[] {"POST", "/v5/datasets/ds_x"},
            new String[] {"PUT", "/v5/datasets/ds_x/versions"},
            new String[] {"POST", "/v5/datasets/ds_x/versions"},
            new String[] {"GET", "/v5/datasets/ds_x/datapoints/csv"},
            new String[] {"PUT", "/v5/datasets/ds_x/environments/e"},
            new String[] {"TRACE", "/v5/datasets"},
            new String[] {"FOO", "/v5/datasets"},
            new String[] {"PROPFIND", "/v5/datasets"},
            new String[] {"POST", "/healthz"},
            new String[] {"DELETE", "/readyz"},
            new String[] {"PUT", "/metrics"},
            new String[] {"TRACE", "/healthz"},
            new String[] {"FOO", "/healthz"});
    List<String> wrong = new ArrayList<>();
    for (String[] c : cases) {
      Wire.Reply reply = wire.send(request(c[0], c[1], Api.ALPHA, null, null));
      if (reply.status() != 405 || !isJsonError(reply) || reply.header("Allow") == null) {
        wrong.add(c[0] + " " + c[1] + " -> " + reply);
      }
    }
    assertThat(wrong)
        .as("unknown methods not answered with a JSON 405 and an Allow header")
        .isEmpty();
  }

  @Test
  void everyResponseCarriesNosniffAndARequestIdEchoedWhenTheClientSendsOne(Api api)
      throws Exception {
    Wire wire = new Wire(api.port());
    String id =
        api.post("/v5/datasets", Map.of("path", "surface/headers", "datapoints", List.of()))
            .json()
            .path("id")
            .asText();
    String version = api.get("/v5/datasets/" + id).json().path("version_id").asText();
    String csv =
        "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"r.csv\"\r\n\r\nq\nx\n\r\n--b--\r\n";
    List<Wire.Request> requests =
        List.of(
            request("GET", "/v5/datasets", Api.ALPHA, null, null), // 200
            request(
                "GET",
                "/v5/datasets/" + id + "?include_datapoints=true",
                Api.ALPHA,
                null,
                null), // 200, streamed
            request(
                "GET",
                "/v5/datasets/" + id + "/versions?include_datapoints=latest_saved",
                Api.ALPHA,
                null,
                null),
            request(
                "POST",
                "/v5/datasets/" + id + "/datapoints/csv",
                Api.ALPHA,
                "multipart/form-data; boundary=b",
                csv),
            request(
                "POST",
                "/v5/datasets/" + id + "/environments/staging?version_id=" + version,
                Api.ALPHA,
                null,
                null),
            request(
                "DELETE",
                "/v5/datasets/" + id + "/environments/staging",
                Api.ALPHA,
                null,
                null), // 204
            request("GET", "/v5/datasets", null, null, null), // 401
            request("GET", "/v5/datasets/ds_nope", Api.ALPHA, null, null), // 404
            request(
                "DELETE",
                "/v5/datasets/" + id + "/versions/" + version,
                Api.ALPHA,
                null,
                null), // 409
            request("POST", "/v5/datasets", Api.ALPHA, "application/json", "{\"path\":"), // 422
            request("POST", "/v5/datasets", Api.ALPHA, "text/plain", "{}"), // 415
            request(
                "GET", "/v5/datasets", Api.ALPHA, null, null, "Accept", "application/xml"), // 406
            request("PUT", "/v5/datasets", Api.ALPHA, null, null), // 405
            request("HEAD", "/v5/datasets", Api.ALPHA, null, null),
            request("OPTIONS", "/v5/datasets", Api.ALPHA, null, null),
            request("GET", "/v5/openapi.yaml", null, null, null),
            request("GET", "/healthz", null, null, null),
            request("GET", "/readyz", null, null, null),
            request("GET", "/metrics", null, null, null),
            request("GET", "/docs", null, null, null),
            request("GET", "/nope", null, null, null),
            request("POST", "/v5/datasets", Api.ALPHA, "a;;;==", "{}")); // malformed media type
    // (Targets and bodies the HTTP layer mishandles are pinned in HostileInputFuzzTest.)
    List<String> missing = new ArrayList<>();
    int n = 0;
    for (Wire.Request request : requests) {
      String sent = "trace-" + (n++) + "-" + UUID.randomUUID();
      Wire.Request traced = withHeader(request, "X-Request-Id", sent);
      for (Wire.Request variant : List.of(request, traced)) {
        Wire.Reply reply = wire.send(variant);
        String label = variant.method() + " " + variant.target() + " -> " + reply.status();
        if (!"nosniff".equals(reply.header("X-Content-Type-Options"))) {
          missing.add(label + ": no X-Content-Type-Options: nosniff " + reply.headers());
        }
        String requestId = reply.header("X-Request-Id");
        if (requestId == null || requestId.isBlank()) {
          missing.add(label + ": no X-Request-Id " + reply.headers());
        } else if (variant == traced && !sent.equals(requestId)) {
          missing.add(label + ": X-Request-Id " + requestId + " instead of the client's " + sent);
        }
      }
    }
    assertThat(missing).as("responses without the headers every response must carry").isEmpty();

    // A request id that is not a sane token is replaced, never reflected.
    Wire.Reply replaced =
        wire.send(
            request("GET", "/v5/datasets", Api.ALPHA, null, null, "X-Request-Id", "x".repeat(500)));
    assertThat(replaced.header("X-Request-Id")).isNotBlank().hasSizeLessThanOrEqualTo(128);
  }

  // ---------------------------------------------------------------- helpers

  /** JSON with a detail, and nothing of an HTML error page or a stack trace. */
  private static boolean isJsonError(Wire.Reply reply) {
    String type = reply.header("Content-Type");
    JsonNode json = reply.json();
    String body = reply.text().toLowerCase(java.util.Locale.ROOT);
    return type != null
        && type.startsWith("application/json")
        && json != null
        && (json.path("detail").isTextual() || json.path("detail").isArray())
        && !body.contains("<html")
        && !body.contains("grizzly")
        && !body.contains("exception")
        && !reply.showsStackTrace();
  }

  private static Wire.Request request(
      String method,
      String target,
      String key,
      String contentType,
      String body,
      String... headers) {
    Map<String, String> all = new java.util.LinkedHashMap<>();
    if (key != null) {
      all.put("X-API-KEY", key);
    }
    if (contentType != null) {
      all.put("Content-Type", contentType);
    }
    all.putAll(Wire.headers(headers));
    return new Wire.Request(
        method, target, all, body == null ? null : body.getBytes(StandardCharsets.UTF_8), false);
  }

  private static Wire.Request withHeader(Wire.Request request, String name, String value) {
    Map<String, String> headers = new java.util.LinkedHashMap<>(request.headers());
    headers.put(name, value);
    return new Wire.Request(
        request.method(), request.target(), headers, request.body(), request.raw());
  }
}
