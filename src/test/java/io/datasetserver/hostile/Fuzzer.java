package io.datasetserver.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.datasetserver.testing.Api;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Turns a seed into a reproducible stream of hostile requests: a valid request to one of the 13
 * endpoints of CONTRACT.md §3, then zero to three mutations of its path, query, headers, JSON body,
 * bytes, multipart framing or CSV file. Every choice comes from one {@link Random} and never from
 * what the server answered, so a seed always yields the same mutations (only the server-generated
 * ids in paths differ from run to run).
 */
final class Fuzzer {
  /**
   * The live ids the requests aim at; refreshed by the test, never consulted for a random choice.
   */
  interface Targets {
    String datasetId();

    String datasetPath();

    /**
     * The first version (deployed to production), the second (deployed to staging), a third (not
     * deployed).
     */
    List<String> versionIds();

    /** A dataset of the fixture that a DELETE may remove. */
    String victimId();

    String productionEnvId();

    String stagingEnvId();

    /** A dataset of the other organization. */
    String foreignDatasetId();

    String scratchPrefix();
  }

  enum Endpoint {
    LIST_DATASETS("GET", "/v5/datasets", Body.NONE),
    UPSERT_DATASET("POST", "/v5/datasets", Body.JSON),
    GET_DATASET("GET", "/v5/datasets/{id}", Body.NONE),
    DELETE_DATASET("DELETE", "/v5/datasets/{victim}", Body.NONE),
    MOVE_DATASET("PATCH", "/v5/datasets/{id}", Body.JSON),
    LIST_DATAPOINTS("GET", "/v5/datasets/{id}/datapoints", Body.NONE),
    LIST_VERSIONS("GET", "/v5/datasets/{id}/versions", Body.NONE),
    DELETE_VERSION("DELETE", "/v5/datasets/{id}/versions/{version}", Body.NONE),
    UPDATE_VERSION("PATCH", "/v5/datasets/{id}/versions/{version}", Body.JSON),
    UPLOAD_CSV("POST", "/v5/datasets/{id}/datapoints/csv", Body.MULTIPART),
    DEPLOY("POST", "/v5/datasets/{id}/environments/{environment}", Body.NONE),
    UNDEPLOY("DELETE", "/v5/datasets/{id}/environments/{environment}", Body.NONE),
    LIST_ENVIRONMENTS("GET", "/v5/datasets/{id}/environments", Body.NONE);

    final String method;
    final String template;
    final Body body;

    Endpoint(String method, String template, Body body) {
      this.method = method;
      this.template = template;
      this.body = body;
    }
  }

  enum Body {
    NONE,
    JSON,
    MULTIPART
  }

  /** A request ready to send, with what was done to it. */
  record Generated(int index, Endpoint endpoint, Wire.Request request, List<String> mutations) {
    String describe() {
      Wire.Request r = request;
      String target =
          r.target().length() > 300
              ? r.target().substring(0, 300) + "…(" + r.target().length() + " chars)"
              : r.target();
      return "#"
          + index
          + " "
          + endpoint
          + " "
          + r.method()
          + " "
          + target
          + (r.raw() ? " [raw socket]" : "")
          + "\n    headers: "
          + shortened(r.headers())
          + "\n    body: "
          + sketch(r.body())
          + "\n    mutations: "
          + mutations;
    }
  }

  private static Map<String, String> shortened(Map<String, String> headers) {
    Map<String, String> shown = new LinkedHashMap<>();
    headers.forEach(
        (name, value) ->
            shown.put(
                name,
                value.length() > 100
                    ? value.substring(0, 60) + "…(" + value.length() + " chars)"
                    : value));
    return shown;
  }

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final int MIB = 1 << 20;
  private static final String[] WORDS = {
    "alpha",
    "héllo",
    "日本語",
    "emoji 😀",
    "quote \"q\"",
    "back\\slash",
    "tab\there",
    "new\nline",
    "",
    " ",
    "null",
    "0",
    "<script>",
    "'; DROP TABLE x; --",
    "\u202Eevil",
    "ﬀ"
  };
  private static final String[] ROLES = {"user", "assistant", "system", "tool", "developer"};
  private static final String[] JUNK_BODIES = {
    "",
    "null",
    "[]",
    "{}",
    "true",
    "\"x\"",
    "0",
    "-1",
    "{",
    "}",
    "[",
    "]",
    "{\"a\":}",
    "{\"a\"",
    "NaN",
    "Infinity",
    "{'path':'x'}",
    "// comment\n{}",
    "/* c */ {}",
    "{}{}",
    "{} trailing",
    "[[[[",
    "\"\\ud800\"",
    "{\"\\u0000\":\"\\u0000\"}",
    "1e999999999",
    "{\"path\":\"x\",}",
    ",",
    "\u0000",
    "\uFEFF{}"
  };
  private static final String[] CONTENT_TYPES = {
    null,
    "",
    "text/plain",
    "application/xml",
    "text/html",
    "application/json; charset=ISO-8859-1",
    "application/json; charset=utf-16",
    "application/json; charset=bogus-charset",
    "application/x-www-form-urlencoded",
    "multipart/form-data",
    "multipart/form-data; boundary=",
    "multipart/mixed; boundary=x",
    "*/*",
    "application/*",
    "garbage",
    "application/json;;;",
    "APPLICATION/JSON",
    "application/merge-patch+json",
    "text/csv",
    "application/json; boundary=x",
    "application/octet-stream",
    "a;;;==",
    "/",
    "application/",
    ";",
    "application/json; charset=\"utf-8\"",
    "application/json, text/plain",
    "application/json; q=0.5"
  };
  private static final String[] QUERY_VALUES = {
    "",
    "abc",
    "-1",
    "0",
    "1",
    "1.5",
    "1e3",
    "99999999999999999999",
    "-99999999999999999999",
    "2147483648",
    "-2147483649",
    "%FF",
    "%00",
    "%2F",
    "%20",
    "+",
    "TRUE",
    "yes",
    "null",
    "%E2%98%83",
    "%C0%AF",
    "%0A%0D",
    "1001",
    "1000",
    "%EF%BF%BD",
    "dsv_nope",
    "env_nope",
    "production",
    "staging",
    "live"
  };
  private static final String[] QUERY_NAMES = {
    "page",
    "size",
    "name",
    "user_filter",
    "sort_by",
    "order",
    "version_id",
    "environment",
    "include_datapoints",
    "action",
    "id",
    "x"
  };
  private static final String[] ENUM_JUNK = {
    "SET",
    "append",
    "",
    "upsert",
    "set ",
    " set",
    "sét",
    "null",
    "0",
    "add\u0000",
    "ROBOT",
    "robot",
    "audio",
    "ultra",
    "latest",
    "latest_savedx",
    "DESC",
    "Created_At",
    "random"
  };
  private static final String[] METHODS = {
    "GET",
    "POST",
    "PUT",
    "PATCH",
    "DELETE",
    "HEAD",
    "OPTIONS",
    "TRACE",
    "FOO",
    "get",
    "PROPFIND",
    "M-SEARCH"
  };
  private static final String[] KEYS = {
    null,
    "",
    "key_alpha_ad",
    "key_alpha_ada_",
    "KEY_ALPHA_ADA",
    "key_alpha_ada ",
    " key_alpha_ada",
    "key_alpha_ada,key_beta_bob",
    Api.BETA,
    Api.ALPHA_ALAN,
    "f1f16abf57e85579c31a9a3135f238a523410da9a1e306f2266a3b1015278b81",
    "Bearer key_alpha_ada",
    "null",
    "undefined",
    "ключ",
    "\u00ff\u00fe"
  };

  private final Random random;
  private final Targets targets;

  Fuzzer(long seed, Targets targets) {
    this.random = new Random(seed);
    this.targets = targets;
  }

  Generated next(int index) {
    Endpoint endpoint = Endpoint.values()[random.nextInt(Endpoint.values().length)];
    Draft draft = base(endpoint);
    int roll = random.nextInt(100);
    int count = roll < 8 ? 0 : roll < 68 ? 1 : roll < 90 ? 2 : 3;
    for (int i = 0; i < count; i++) {
      mutate(draft);
    }
    return new Generated(index, endpoint, draft.build(), draft.mutations);
  }

  // ---------------------------------------------------------------- valid requests

  private Draft base(Endpoint endpoint) {
    Draft draft = new Draft(endpoint);
    List<String> versions = targets.versionIds();
    for (String segment : endpoint.template.substring(1).split("/")) {
      switch (segment) {
        case "{id}" -> draft.addId(targets.datasetId());
        case "{victim}" -> draft.addId(targets.victimId());
        case "{version}" -> draft.addId(versions.get(random.nextInt(versions.size())));
        case "{environment}" ->
            draft.addId(
                pick(targets.productionEnvId(), targets.stagingEnvId(), "staging", "production"));
        default -> draft.segments.add(segment);
      }
    }
    switch (endpoint) {
      case LIST_DATASETS -> {
        maybeQuery(draft, "page", String.valueOf(1 + random.nextInt(3)));
        maybeQuery(draft, "size", String.valueOf(random.nextInt(50)));
        maybeQuery(draft, "name", pick("fixture", "scratch", "a", "%C3%A9"));
        maybeQuery(draft, "user_filter", pick("ada", "alan", "ALPHA.example", "Lovelace"));
        maybeQuery(draft, "sort_by", pick("created_at", "updated_at", "name"));
        maybeQuery(draft, "order", pick("asc", "desc"));
      }
      case UPSERT_DATASET -> {
        ObjectNode body = NODES.objectNode();
        int target = random.nextInt(3);
        if (target == 0) {
          body.put("path", targets.datasetPath());
        } else if (target == 1) {
          body.put("id", targets.datasetId());
        } else {
          body.put("path", targets.scratchPrefix() + "/scratch-" + random.nextInt(4));
        }
        ArrayNode datapoints = body.putArray("datapoints");
        int n = random.nextInt(4);
        for (int i = 0; i < n; i++) {
          datapoints.add(datapoint());
        }
        String action = pick("set", "add", "remove", null);
        if (action != null) {
          body.put("action", action);
        }
        if (random.nextInt(3) == 0) {
          body.set("attributes", freeJson(2));
        }
        if (random.nextInt(4) == 0) {
          body.put("version_name", "v-" + random.nextInt(1_000_000_000));
        }
        if (random.nextInt(4) == 0) {
          body.put("version_description", word());
        }
        draft.json = body;
        maybeQuery(draft, "include_datapoints", pick("true", "false"));
        if (random.nextInt(4) == 0) {
          draft.query("version_id", versions.get(random.nextInt(versions.size())));
        } else if (random.nextInt(4) == 0) {
          draft.query("environment", pick("production", "staging"));
        }
      }
      case GET_DATASET -> {
        selector(draft, versions);
        maybeQuery(draft, "include_datapoints", pick("true", "false"));
      }
      case MOVE_DATASET -> {
        ObjectNode body = NODES.objectNode();
        int kind = random.nextInt(4);
        if (kind == 0 || kind == 2) {
          body.put(
              "path", targets.scratchPrefix() + "/moved-" + random.nextInt(1000) + "/" + "fixture");
        }
        if (kind == 1 || kind == 2) {
          body.put("name", "renamed-" + random.nextInt(1000));
        }
        draft.json = body;
      }
      case LIST_DATAPOINTS -> {
        selector(draft, versions);
        maybeQuery(draft, "page", String.valueOf(1 + random.nextInt(3)));
        maybeQuery(draft, "size", String.valueOf(random.nextInt(100)));
      }
      case LIST_VERSIONS ->
          maybeQuery(draft, "include_datapoints", pick("latest_saved", "latest_committed"));
      case UPDATE_VERSION -> {
        ObjectNode body = NODES.objectNode();
        if (random.nextBoolean()) {
          body.put("name", "name-" + random.nextInt(1_000_000_000));
        }
        if (random.nextBoolean()) {
          body.put("description", word());
        }
        draft.json = body;
      }
      case UPLOAD_CSV -> {
        draft.csv = new StringBuilder(validCsv());
        if (random.nextInt(3) == 0) {
          draft.field("version_name", "csv-" + random.nextInt(1_000_000_000));
        }
        if (random.nextInt(3) == 0) {
          draft.field("version_description", word());
        }
        if (random.nextInt(4) == 0) {
          selector(draft, versions);
        }
      }
      case DEPLOY -> draft.query("version_id", versions.get(random.nextInt(versions.size())));
      default -> {
        // DELETE_DATASET, DELETE_VERSION, UNDEPLOY, LIST_ENVIRONMENTS: the path is the whole
        // request.
      }
    }
    return draft;
  }

  private void selector(Draft draft, List<String> versions) {
    int kind = random.nextInt(4);
    if (kind == 0) {
      draft.query("version_id", versions.get(random.nextInt(versions.size())));
    } else if (kind == 1) {
      draft.query("environment", pick("production", "staging", targets.productionEnvId()));
    }
  }

  private ObjectNode datapoint() {
    ObjectNode datapoint = NODES.objectNode();
    if (random.nextInt(4) != 0) {
      ObjectNode inputs = datapoint.putObject("inputs");
      int n = 1 + random.nextInt(3);
      for (int i = 0; i < n; i++) {
        inputs.put(
            pick("q", "question", "context", "_dedupe_id", "ключ"), word() + random.nextInt(1000));
      }
    }
    if (random.nextInt(3) == 0) {
      ArrayNode messages = datapoint.putArray("messages");
      int n = 1 + random.nextInt(3);
      for (int i = 0; i < n; i++) {
        ObjectNode message = messages.addObject().put("role", ROLES[random.nextInt(ROLES.length)]);
        if (random.nextBoolean()) {
          message.put("content", word());
        } else {
          ArrayNode parts = message.putArray("content");
          parts.addObject().put("type", "text").put("text", word());
          if (random.nextBoolean()) {
            parts
                .addObject()
                .put("type", "image_url")
                .putObject("image_url")
                .put("url", "https://example.com/" + random.nextInt(100) + ".png")
                .put("detail", pick("high", "low", "auto"));
          }
        }
        if (random.nextInt(5) == 0) {
          message
              .putArray("tool_calls")
              .addObject()
              .put("id", "call_" + random.nextInt(100))
              .put("type", "function")
              .putObject("function")
              .put("name", "lookup")
              .put("arguments", "{\"x\":1}");
        }
      }
    }
    if (random.nextInt(3) == 0) {
      ObjectNode target = datapoint.putObject("target");
      target.put("output", word());
      target.set("extra", freeJson(2));
    }
    return datapoint;
  }

  private JsonNode freeJson(int depth) {
    int kind = random.nextInt(depth <= 0 ? 5 : 7);
    return switch (kind) {
      case 0 -> TextNode.valueOf(word());
      case 1 -> NODES.numberNode(random.nextInt(2000) - 1000);
      case 2 ->
          NODES.numberNode(
              new java.math.BigDecimal("0.1")
                  .multiply(java.math.BigDecimal.valueOf(random.nextInt(100))));
      case 3 -> NODES.booleanNode(random.nextBoolean());
      case 4 -> NODES.nullNode();
      case 5 -> {
        ArrayNode array = NODES.arrayNode();
        int n = random.nextInt(3);
        for (int i = 0; i < n; i++) {
          array.add(freeJson(depth - 1));
        }
        yield array;
      }
      default -> {
        ObjectNode object = NODES.objectNode();
        int n = random.nextInt(3);
        for (int i = 0; i < n; i++) {
          object.set("k" + random.nextInt(5), freeJson(depth - 1));
        }
        yield object;
      }
    };
  }

  private String validCsv() {
    List<String> columns = new ArrayList<>(List.of("q"));
    for (String optional : List.of("context", "target", "messages", "target.score", "Target")) {
      if (random.nextInt(3) == 0) {
        columns.add(optional);
      }
    }
    StringBuilder csv =
        new StringBuilder(String.join(",", columns)).append(random.nextBoolean() ? "\r\n" : "\n");
    int rows = random.nextInt(4);
    for (int r = 0; r < rows; r++) {
      List<String> cells = new ArrayList<>();
      for (String column : columns) {
        cells.add(
            csvCell(
                switch (column) {
                  case "target" ->
                      random.nextBoolean()
                          ? "{\"output\":\"" + random.nextInt(100) + "\"}"
                          : word();
                  case "messages" ->
                      random.nextBoolean()
                          ? ""
                          : "[{\"role\":\"user\",\"content\":\"" + random.nextInt(100) + "\"}]";
                  case "target.score" -> String.valueOf(random.nextInt(10));
                  default -> word() + random.nextInt(1000);
                }));
      }
      csv.append(String.join(",", cells)).append('\n');
    }
    return csv.toString();
  }

  private static String csvCell(String value) {
    if (value.contains(",")
        || value.contains("\"")
        || value.contains("\n")
        || value.contains("\r")) {
      return "\"" + value.replace("\"", "\"\"") + "\"";
    }
    return value;
  }

  // ---------------------------------------------------------------- mutations

  private void mutate(Draft draft) {
    int roll = random.nextInt(100);
    if (roll < 14) {
      mutatePath(draft);
    } else if (roll < 26) {
      mutateQuery(draft);
    } else if (roll < 50) {
      if (draft.endpoint.body == Body.MULTIPART && random.nextInt(3) != 0) {
        if (random.nextBoolean()) {
          mutateCsv(draft);
        } else {
          mutateMultipart(draft);
        }
      } else {
        mutateJson(draft);
      }
    } else if (roll < 60) {
      mutateBytes(draft);
    } else if (roll < 70) {
      mutateContentType(draft);
    } else if (roll < 76) {
      draft.method = METHODS[random.nextInt(METHODS.length)];
      draft.note("method " + draft.method);
    } else if (roll < 83) {
      String key = KEYS[random.nextInt(KEYS.length)];
      if (random.nextInt(10) == 0) {
        key = "k".repeat(1 + random.nextInt(6000));
      }
      draft.key = key;
      draft.note(
          "api key "
              + (key == null
                  ? "absent"
                  : key.length() > 40 ? key.length() + " chars" : "'" + key + "'"));
    } else if (roll < 88) {
      mutateHeaders(draft);
    } else if (roll < 93) {
      mutateRaw(draft);
    } else if (draft.endpoint.body == Body.MULTIPART) {
      mutateCsv(draft);
    } else {
      mutateJson(draft);
    }
  }

  private void mutatePath(Draft draft) {
    int kind = random.nextInt(100);
    if (kind < 60 && !draft.idSlots.isEmpty()) {
      int slot = draft.idSlots.get(random.nextInt(draft.idSlots.size()));
      String id =
          switch (random.nextInt(24)) {
            case 0 -> "";
            case 1 -> "nope";
            case 2 -> "ds_" + base62(22);
            case 3 -> "dsv_" + base62(22);
            case 4 -> "env_" + base62(24);
            case 5 -> "a%2Fb";
            case 6 -> "%2F";
            case 7 -> draft.segments.get(slot) + "%2F..%2F..%2Fhealthz";
            case 8 -> "..";
            case 9 -> "%2E%2E";
            case 10 -> "x".repeat(100 + random.nextInt(5000));
            case 11 -> random.nextInt(5) == 0 ? "y".repeat(20_000) : "ds_" + "z".repeat(1000);
            case 12 -> "%E2%98%83%F0%9F%98%80";
            case 13 -> "%00";
            case 14 -> "%FF%FE";
            case 15 -> "%C0%AF";
            case 16 -> draft.segments.get(slot) + ";matrix=1";
            case 17 -> draft.segments.get(slot) + "%3B";
            case 18 -> "%20" + draft.segments.get(slot);
            case 19 -> targets.foreignDatasetId();
            case 20 -> targets.versionIds().get(0);
            case 21 -> targets.productionEnvId();
            case 22 -> draft.segments.get(slot).toUpperCase(java.util.Locale.ROOT);
            default -> "%25" + draft.segments.get(slot);
          };
      draft.segments.set(slot, id);
      draft.note("path id " + (id.length() > 60 ? id.length() + " chars" : "'" + id + "'"));
      return;
    }
    switch (random.nextInt(8)) {
      case 0 -> {
        draft.trailingSlash = true;
        draft.note("trailing slash");
      }
      case 1 -> {
        int at = random.nextInt(draft.segments.size());
        draft.insertSegment(at, "");
        draft.note("empty segment at " + at);
      }
      case 2 -> {
        draft.segments.add(pick("extra", "..", "csv", "versions", "%2F"));
        draft.note("extra segment");
      }
      case 3 -> {
        if (draft.segments.size() > 2) {
          draft.idSlots.remove(Integer.valueOf(draft.segments.size() - 1));
          draft.segments.remove(draft.segments.size() - 1);
          draft.note("last segment removed");
        }
      }
      case 4 -> {
        draft.segments.set(0, pick("V5", "v4", "v6", "", "v5.0", "%76%35"));
        draft.note("api root " + draft.segments.get(0));
      }
      case 5 -> {
        draft.segments.set(1, pick("Datasets", "dataset", "datasets%00", "prompts", "%64atasets"));
        draft.note("collection " + draft.segments.get(1));
      }
      case 6 -> {
        draft.fragment = "#frag";
        draft.note("fragment");
      }
      default -> {
        draft.insertSegment(1, "..");
        draft.note("dot segment");
      }
    }
  }

  private void mutateQuery(Draft draft) {
    switch (random.nextInt(6)) {
      case 0, 1, 2 -> {
        String name = QUERY_NAMES[random.nextInt(QUERY_NAMES.length)];
        String value =
            random.nextInt(3) == 0
                ? ENUM_JUNK[random.nextInt(ENUM_JUNK.length)]
                    .replace(" ", "%20")
                    .replace("\u0000", "%00")
                    .replace("é", "%C3%A9")
                : QUERY_VALUES[random.nextInt(QUERY_VALUES.length)];
        if (random.nextInt(15) == 0) {
          value = "v".repeat(1000 + random.nextInt(4000));
        }
        draft.query.removeIf(pair -> pair[0].equals(name));
        draft.query(name, value);
        draft.note(
            "query " + name + "=" + (value.length() > 40 ? value.length() + " chars" : value));
      }
      case 3 -> {
        draft.query("version_id", targets.versionIds().get(0));
        draft.query("environment", "production");
        draft.note("version_id and environment");
      }
      case 4 -> {
        String name = QUERY_NAMES[random.nextInt(QUERY_NAMES.length)];
        draft.query(name, "1");
        draft.query(name, "2");
        draft.note("repeated query " + name);
      }
      default -> {
        draft.rawQuery =
            pick("&&&", "=", "page", "page=", "=1", "%", "a=%", "size=1&size", "?", "page=1#x");
        draft.note("raw query '" + draft.rawQuery + "'");
      }
    }
  }

  private void mutateJson(Draft draft) {
    if (draft.json == null && draft.endpoint.body == Body.NONE && random.nextInt(4) != 0) {
      // A body where none belongs is tried now and then; mostly the query is fuzzed instead.
      mutateQuery(draft);
      return;
    }
    if (draft.json == null || random.nextInt(10) == 0) {
      draft.json =
          random.nextBoolean()
              ? NODES.objectNode().put("path", "x").set("datapoints", NODES.arrayNode())
              : NODES.objectNode();
      if (draft.contentType == null) {
        draft.contentType = "application/json";
      }
      draft.note("json body added");
      if (random.nextBoolean()) {
        return;
      }
    }
    List<Location> locations = new ArrayList<>();
    collect(draft.json, null, null, -1, locations);
    Location at = locations.get(random.nextInt(locations.size()));
    int kind = random.nextInt(100);
    if (kind < 22) {
      JsonNode wrong = wrongType();
      draft.replace(at, wrong);
      draft.note("wrong type at " + at.path + ": " + wrong);
    } else if (kind < 30) {
      if (at.parent instanceof ObjectNode parent) {
        parent.remove(at.field);
        draft.note("removed " + at.path);
      } else {
        draft.replace(at, NODES.nullNode());
        draft.note("null at " + at.path);
      }
    } else if (kind < 36) {
      draft.replace(at, NODES.nullNode());
      draft.note("null at " + at.path);
    } else if (kind < 46) {
      String raw = hugeNumber();
      draft.replaceRaw(at, raw);
      draft.note(
          "number " + (raw.length() > 40 ? raw.length() + " chars" : raw) + " at " + at.path);
    } else if (kind < 55) {
      int depth =
          random.nextInt(25) == 0 ? 10_000 : pickInt(2, 20, 126, 127, 128, 129, 200, 1000, 2000);
      boolean arrays = random.nextBoolean();
      boolean balanced = random.nextInt(6) != 0;
      draft.replaceRaw(at, nested(depth, arrays, balanced));
      draft.note(
          "nesting "
              + depth
              + (arrays ? " arrays" : " objects")
              + (balanced ? "" : " unbalanced")
              + " at "
              + at.path);
    } else if (kind < 62) {
      int length =
          random.nextInt(60) == 0 ? MIB + random.nextInt(1000) : 1000 + random.nextInt(20_000);
      draft.replace(at, TextNode.valueOf(longString(length)));
      draft.note("string of " + length + " chars at " + at.path);
    } else if (kind < 72) {
      draft.replaceRaw(at, duplicateKeys(at.node));
      draft.note("duplicate keys at " + at.path);
    } else if (kind < 80) {
      draft.replace(at, TextNode.valueOf(ENUM_JUNK[random.nextInt(ENUM_JUNK.length)]));
      draft.note("unknown enum value at " + at.path);
      enumJunk(draft);
    } else if (kind < 86) {
      String text =
          pick(
              "\\ud800",
              "\\udc00x",
              "\\u0000",
              "\\uFFFF",
              "\\uFEFF",
              "\\ud83d\\ude00",
              "\\u",
              "\\x41",
              "\\");
      draft.replaceRaw(at, "\"a" + text + "b\"");
      draft.note("escape " + text + " at " + at.path);
    } else if (kind < 91) {
      if (draft.json instanceof ObjectNode root) {
        ArrayNode many = root.putArray("datapoints");
        int n = random.nextInt(10) == 0 ? 10_000 : 200 + random.nextInt(800);
        for (int i = 0; i < n; i++) {
          many.add(
              random.nextInt(50) == 0
                  ? wrongType()
                  : NODES.objectNode().set("inputs", NODES.objectNode().put("q", "row-" + i)));
        }
        draft.note(n + " datapoints");
      }
    } else if (kind < 96) {
      if (at.node instanceof ObjectNode object) {
        for (int i = 0; i < 1 + random.nextInt(5); i++) {
          object.set(
              pick("zz_unknown", "", "__proto__", "$where", "inputs", "constructor", "\u0000"),
              wrongType());
        }
        draft.note("unknown fields at " + at.path);
      } else {
        draft.replace(at, freeJson(3));
        draft.note("free json at " + at.path);
      }
    } else {
      draft.bytes =
          JUNK_BODIES[random.nextInt(JUNK_BODIES.length)].getBytes(StandardCharsets.UTF_8);
      draft.note("junk body '" + new String(draft.bytes, StandardCharsets.UTF_8) + "'");
    }
  }

  /** Unknown values for the enums a datapoint carries, planted where they belong. */
  private void enumJunk(Draft draft) {
    if (!(draft.json instanceof ObjectNode root)) {
      return;
    }
    String junk = ENUM_JUNK[random.nextInt(ENUM_JUNK.length)];
    switch (random.nextInt(4)) {
      case 0 -> root.put("action", junk);
      case 1 ->
          root.putArray("datapoints")
              .addObject()
              .putArray("messages")
              .addObject()
              .put("role", junk)
              .put("content", "x");
      case 2 ->
          root.putArray("datapoints")
              .addObject()
              .putArray("messages")
              .addObject()
              .put("role", "user")
              .putArray("content")
              .addObject()
              .put("type", junk)
              .put("text", "x");
      default ->
          root.putArray("datapoints")
              .addObject()
              .putArray("messages")
              .addObject()
              .put("role", "user")
              .putArray("content")
              .addObject()
              .put("type", "image_url")
              .putObject("image_url")
              .put("url", "u")
              .put("detail", junk);
    }
  }

  private void mutateBytes(Draft draft) {
    byte[] body = draft.bodyBytes();
    if ((body == null || body.length == 0)
        && draft.endpoint.body == Body.NONE
        && random.nextInt(4) != 0) {
      mutateQuery(draft);
      return;
    }
    if (body == null || body.length == 0) {
      body = "{\"path\":\"fuzz\",\"datapoints\":[]}".getBytes(StandardCharsets.UTF_8);
      if (draft.contentType == null) {
        draft.contentType = "application/json";
      }
    }
    byte[][] invalid = {
      {(byte) 0xFF},
      {(byte) 0xC0, (byte) 0xAF},
      {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
      {(byte) 0x80},
      {(byte) 0xE2, (byte) 0x82},
      {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80},
      {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
      {0}
    };
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    switch (random.nextInt(8)) {
      case 0, 1 -> {
        byte[] bad = invalid[random.nextInt(invalid.length)];
        int at = insideString(body);
        out.write(body, 0, at);
        out.writeBytes(bad);
        out.write(body, at, body.length - at);
        draft.note("invalid UTF-8 " + hex(bad) + " at byte " + at);
      }
      case 2 -> {
        int at = random.nextInt(body.length);
        out.writeBytes(body);
        byte[] bytes = out.toByteArray();
        bytes[at] = (byte) random.nextInt(256);
        out.reset();
        out.writeBytes(bytes);
        draft.note("byte " + at + " flipped");
      }
      case 3 -> {
        int at = random.nextInt(body.length);
        out.write(body, 0, at);
        draft.note("truncated at " + at);
      }
      case 4 -> {
        out.writeBytes(body);
        byte[] garbage = new byte[1 + random.nextInt(200)];
        random.nextBytes(garbage);
        out.writeBytes(garbage);
        draft.note("binary tail of " + garbage.length);
      }
      case 5 -> {
        String text = new String(body, StandardCharsets.UTF_8);
        java.nio.charset.Charset charset =
            random.nextBoolean() ? StandardCharsets.UTF_16BE : StandardCharsets.UTF_16LE;
        out.writeBytes(text.getBytes(charset));
        draft.note("encoded as " + charset);
      }
      case 6 -> {
        byte[] garbage = new byte[random.nextInt(30) == 0 ? MIB : 1 + random.nextInt(4000)];
        random.nextBytes(garbage);
        out.writeBytes(garbage);
        draft.note("binary body of " + garbage.length);
      }
      default -> {
        out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        out.writeBytes(body);
        draft.note("UTF-8 BOM");
      }
    }
    draft.bytes = out.toByteArray();
  }

  private void mutateContentType(Draft draft) {
    String type = CONTENT_TYPES[random.nextInt(CONTENT_TYPES.length)];
    if (draft.endpoint.body == Body.MULTIPART && random.nextInt(3) == 0) {
      type =
          pick(
              "multipart/form-data",
              "multipart/form-data; boundary=\"\"",
              "multipart/form-data; boundary=" + "b".repeat(200),
              "multipart/form-data; boundary=wrong",
              "multipart/form-data; charset=utf-8",
              "multipart/form-data; boundary=;");
    }
    draft.contentType = type;
    draft.contentTypeForced = true;
    draft.note("content type " + (type == null ? "absent" : "'" + type + "'"));
  }

  private void mutateHeaders(Draft draft) {
    switch (random.nextInt(4)) {
      case 0 -> {
        String accept =
            pick(
                "application/xml",
                "text/html",
                "*/*",
                "garbage",
                "application/json;q=0",
                "text/*",
                "application/json, */*;q=0.1");
        draft.headers.put("Accept", accept);
        draft.note("accept " + accept);
      }
      case 1 -> {
        String id =
            pick(
                "trace-123",
                "",
                "a b",
                "x".repeat(129),
                "<script>",
                "ключ",
                "r".repeat(5000),
                "key_alpha_ada");
        draft.headers.put("X-Request-Id", id);
        draft.note("request id " + (id.length() > 30 ? id.length() + " chars" : "'" + id + "'"));
      }
      case 2 -> {
        String encoding = pick("gzip", "deflate", "br", "identity", "chunked", "garbage");
        draft.headers.put("Content-Encoding", encoding);
        draft.note("content encoding " + encoding);
      }
      default -> {
        draft.headers.put("X-HTTP-Method-Override", pick("DELETE", "PUT", "PATCH", "GET"));
        draft.note("method override");
      }
    }
  }

  /** Request lines {@link java.net.URI} refuses; sent over a plain socket. */
  private void mutateRaw(Draft draft) {
    draft.raw = true;
    String bad =
        pick(
            "%ZZ",
            "%",
            "%4",
            "%G1",
            "%u0041",
            "\u00ff",
            "\u00c3\u00a9",
            "|",
            "{x}",
            "^",
            "`",
            "\"",
            "%%",
            "\\",
            "%2F%2E%2E");
    if (!draft.idSlots.isEmpty() && random.nextBoolean()) {
      int slot = draft.idSlots.get(random.nextInt(draft.idSlots.size()));
      draft.segments.set(slot, draft.segments.get(slot) + bad);
      draft.note("raw path byte(s) '" + bad + "'");
    } else {
      draft.rawQuery = pick("page=", "size=", "version_id=", "name=", "environment=") + bad;
      draft.note("raw query '" + draft.rawQuery + "'");
    }
  }

  private void mutateCsv(Draft draft) {
    StringBuilder csv = draft.csv;
    switch (random.nextInt(16)) {
      case 0 -> {
        csv.append("\"unterminated,").append(word()).append('\n');
        draft.note("csv unterminated quote");
      }
      case 1 -> {
        byte[] garbage = new byte[1 + random.nextInt(3000)];
        random.nextBytes(garbage);
        draft.csvBytes = garbage;
        draft.note("csv binary of " + garbage.length);
      }
      case 2 -> {
        int columns = random.nextInt(4) == 0 ? 100_000 : 100 + random.nextInt(3000);
        StringBuilder wide = new StringBuilder();
        for (int i = 0; i < columns; i++) {
          wide.append(i == 0 ? "" : ",").append('c').append(i);
        }
        wide.append('\n');
        int rowCells = random.nextBoolean() ? columns : columns - 1;
        for (int i = 0; i < rowCells; i++) {
          wide.append(i == 0 ? "" : ",").append(i % 7);
        }
        wide.append('\n');
        draft.csv = wide;
        draft.note("csv " + columns + " columns, row of " + rowCells);
      }
      case 3 -> {
        draft.csv =
            new StringBuilder(
                pick(
                    "",
                    "\n",
                    "\r\n\r\n",
                    ",",
                    "\uFEFF",
                    "\uFEFF\n",
                    "\"\"",
                    "a",
                    "a\n",
                    "a,a\nx,y\n",
                    ",,\n1,2,3\n",
                    "\"a\nb\",c\n1,2\n",
                    "q\n\"\n",
                    "q\r1\r2\r"));
        draft.note("csv '" + draft.csv.toString().replace("\n", "\\n").replace("\r", "\\r") + "'");
      }
      case 4 -> {
        csv.append("1,2,3,4,5,6,7,8,9\n");
        draft.note("csv row with extra cells");
      }
      case 5 -> {
        draft.csv =
            new StringBuilder("q,messages\nx,")
                .append(
                    csvCell(
                        pick(
                            "not json",
                            "{\"role\":\"user\"}",
                            "[1,2]",
                            "[{\"role\":\"robot\",\"content\":\"x\"}]",
                            "[{\"role\":\"user\",\"content\":5}]",
                            "[",
                            "null",
                            "[{\"role\":\"user\",\"content\":[{\"type\":\"audio\"}]}]")))
                .append('\n');
        draft.note("csv bad messages cell");
      }
      case 6 -> {
        int depth = pickInt(100, 129, 500, 1001, 10_000);
        String column = pick("target", "messages", "target.deep", "q");
        draft.csv =
            new StringBuilder("q," + column.replace("q", "q2") + "\nx,")
                .append(csvCell(nested(depth, random.nextBoolean(), true)))
                .append('\n');
        draft.note("csv " + depth + "-deep JSON in " + column);
      }
      case 7 -> {
        byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = random.nextInt(bytes.length + 1);
        out.write(bytes, 0, at);
        out.writeBytes(new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF});
        out.write(bytes, at, bytes.length - at);
        draft.csvBytes = out.toByteArray();
        draft.note("csv invalid UTF-8 at " + at);
      }
      case 8 -> {
        draft.csv = new StringBuilder("q,q\n1,2\n");
        draft.note("csv duplicate header");
      }
      case 9 -> {
        int length = random.nextInt(20) == 0 ? MIB : 10_000 + random.nextInt(50_000);
        draft.csv = new StringBuilder("q\n").append(csvCell(longString(length))).append('\n');
        draft.note("csv cell of " + length + " chars");
      }
      case 10 -> {
        csv.append("a\u0000b,\u0000\n");
        draft.note("csv NUL characters");
      }
      case 11 -> {
        draft.csv =
            new StringBuilder(
                    "q,target,target.x,target.y\n1,plain,\"{\"\"a\"\":1}\",null\n2,\"[1,2]\",,")
                .append(hugeNumber())
                .append('\n');
        draft.note("csv target columns");
      }
      case 12 -> {
        int rows = random.nextInt(10) == 0 ? 20_000 : 500 + random.nextInt(2000);
        StringBuilder many = new StringBuilder("q,n\n");
        for (int i = 0; i < rows; i++) {
          many.append("row,").append(i % 50).append('\n');
        }
        draft.csv = many;
        draft.note("csv " + rows + " rows");
      }
      case 13 -> {
        csv.insert(0, "\uFEFF\uFEFF");
        draft.note("csv double BOM");
      }
      case 14 -> {
        draft.csv = new StringBuilder("q\n\"a\"b\"\n\"x\"\"\n");
        draft.note("csv stray quotes");
      }
      default -> {
        draft.csv =
            new StringBuilder("q,").append("\"").append("m\n".repeat(1000)).append("\"\n1,2\n");
        draft.note("csv multi-line quoted header");
      }
    }
  }

  private void mutateMultipart(Draft draft) {
    switch (random.nextInt(12)) {
      case 0 -> {
        draft.omitFile = true;
        draft.note("multipart without file part");
      }
      case 1 -> {
        draft.fileField = pick("File", "files", "", "file\"", "csv");
        draft.note("file part named '" + draft.fileField + "'");
      }
      case 2 -> {
        draft.extraParts.add(new String[] {"file", "second.csv", "q\nsecond\n"});
        draft.note("two file parts");
      }
      case 3 -> {
        draft.boundaryInHeader = "other-boundary";
        draft.note("boundary mismatch");
      }
      case 4 -> {
        draft.noClosingDelimiter = true;
        draft.note("no closing delimiter");
      }
      case 5 -> {
        byte[] garbage = new byte[random.nextInt(2000)];
        random.nextBytes(garbage);
        draft.bytes = garbage;
        draft.note("multipart garbage of " + garbage.length);
      }
      case 6 -> {
        draft.field("version_name", pick("", "n".repeat(256), "ünïcödé", "\u0000"));
        draft.note("version_name field junk");
      }
      case 7 -> {
        for (int i = 0; i < 1000; i++) {
          draft.field("f" + i, "v");
        }
        draft.note("1000 form fields");
      }
      case 8 -> {
        draft.filePartHeaders =
            pick(
                "Content-Transfer-Encoding: base64\r\n",
                "Content-Type: text/csv; charset=utf-16\r\n",
                "Content-Type: application/octet-stream\r\n",
                "Content-Encoding: gzip\r\n",
                "Content-Type: ;;;\r\n");
        draft.note("file part header " + draft.filePartHeaders.trim());
      }
      case 9 -> {
        draft.fileName =
            pick("../../etc/passwd", "", "a\"b.csv", "ключ.csv", "x".repeat(5000), "con");
        draft.note(
            "file name "
                + (draft.fileName.length() > 40
                    ? draft.fileName.length() + " chars"
                    : draft.fileName));
      }
      case 10 -> {
        draft.dispositionOverride =
            pick(
                "form-data",
                "attachment; name=\"file\"",
                "form-data; name=",
                "garbage",
                "form-data; name=\"file\"; filename*=UTF-8''%FF.csv");
        draft.note("content disposition '" + draft.dispositionOverride + "'");
      }
      default -> {
        draft.bytes =
            ("--b\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\n"
                    + "q\n1\n".repeat(3)
                    + "--b")
                .getBytes(StandardCharsets.UTF_8);
        draft.contentType = "multipart/form-data; boundary=b";
        draft.contentTypeForced = true;
        draft.note("multipart with truncated tail");
      }
    }
  }

  // ---------------------------------------------------------------- values

  private JsonNode wrongType() {
    return switch (random.nextInt(14)) {
      case 0 -> NODES.numberNode(1);
      case 1 -> NODES.numberNode(-1);
      case 2 -> NODES.numberNode(1.5);
      case 3 -> NODES.booleanNode(true);
      case 4 -> NODES.nullNode();
      case 5 -> TextNode.valueOf("");
      case 6 -> TextNode.valueOf("str");
      case 7 -> NODES.arrayNode();
      case 8 -> NODES.objectNode();
      case 9 -> NODES.arrayNode().add(1).add("a").addNull();
      case 10 -> NODES.objectNode().put("a", 1);
      case 11 -> TextNode.valueOf("1");
      case 12 -> NODES.arrayNode().add(NODES.objectNode());
      default -> TextNode.valueOf("true");
    };
  }

  private String hugeNumber() {
    return switch (random.nextInt(12)) {
      case 0 -> "1e999999999";
      case 1 -> "-1e999999999";
      case 2 -> "1e-999999999";
      case 3 -> "9".repeat(999);
      case 4 -> "-" + "9".repeat(999);
      case 5 -> "1" + "0".repeat(1500);
      case 6 -> "9223372036854775808";
      case 7 -> "-9223372036854775809";
      case 8 -> "0." + "0".repeat(900) + "1";
      case 9 -> "1.7976931348623157e309";
      case 10 -> "-0";
      default -> "123456789012345678901234567890.123456789e-30";
    };
  }

  private static String nested(int depth, boolean arrays, boolean balanced) {
    StringBuilder text = new StringBuilder(depth * 6 + 10);
    for (int i = 0; i < depth; i++) {
      text.append(arrays ? "[" : "{\"a\":");
    }
    text.append("1");
    if (balanced) {
      for (int i = 0; i < depth; i++) {
        text.append(arrays ? ']' : '}');
      }
    }
    return text.toString();
  }

  private String duplicateKeys(JsonNode node) {
    if (node instanceof ObjectNode object && object.size() > 0) {
      String field = object.fieldNames().next();
      String serialized = Wire.JSON.valueToTree(object).toString();
      return "{"
          + Wire.JSON.valueToTree(field).toString()
          + ":"
          + wrongType()
          + ","
          + serialized.substring(1);
    }
    return "{\"q\":\"a\",\"q\":\"b\"}";
  }

  private String longString(int length) {
    StringBuilder text = new StringBuilder(length + 8);
    String unit = pick("a", "é", "日", "😀", "\"", "\\", "\n", "\u0000");
    while (text.length() < length) {
      text.append(unit);
    }
    return text.toString();
  }

  /** A position inside the first string literal of a JSON text, or the middle when it has none. */
  private int insideString(byte[] body) {
    for (int i = 0; i < body.length; i++) {
      if (body[i] == '"' && random.nextInt(3) == 0) {
        return i + 1;
      }
    }
    return body.length / 2;
  }

  private String word() {
    return WORDS[random.nextInt(WORDS.length)];
  }

  private String base62(int length) {
    String alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < length; i++) {
      text.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return text.toString();
  }

  private void maybeQuery(Draft draft, String name, String value) {
    if (random.nextBoolean()) {
      draft.query(name, value);
    }
  }

  @SafeVarargs
  private <T> T pick(T... options) {
    return options[random.nextInt(options.length)];
  }

  private int pickInt(int... options) {
    return options[random.nextInt(options.length)];
  }

  private static String hex(byte[] bytes) {
    StringBuilder text = new StringBuilder();
    for (byte b : bytes) {
      text.append(String.format("%02X", b & 0xFF));
    }
    return text.toString();
  }

  static String sketch(byte[] body) {
    if (body == null) {
      return "(none)";
    }
    StringBuilder text = new StringBuilder();
    int shown = Math.min(body.length, 240);
    for (int i = 0; i < shown; i++) {
      int b = body[i] & 0xFF;
      if (b >= 0x20 && b < 0x7F) {
        text.append((char) b);
      } else if (b == '\n') {
        text.append("\\n");
      } else {
        text.append(String.format("\\x%02X", b));
      }
    }
    return body.length + " bytes: " + text + (body.length > shown ? "…" : "");
  }

  // ---------------------------------------------------------------- JSON locations

  /**
   * One node of a JSON tree and how to reach it: its parent and field (or index); the root has
   * neither.
   */
  private record Location(JsonNode node, JsonNode parent, String field, int index, String path) {}

  private static void collect(
      JsonNode node, JsonNode parent, String field, int index, List<Location> into) {
    String path = parent == null ? "$" : field != null ? field : "[" + index + "]";
    into.add(new Location(node, parent, field, index, path));
    if (node instanceof ObjectNode object) {
      object.properties().forEach(e -> collect(e.getValue(), object, e.getKey(), -1, into));
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        collect(array.get(i), array, null, i, into);
      }
    }
  }

  /** A request being built: path segments, query, headers and body, each open to mutation. */
  private final class Draft {
    final Endpoint endpoint;
    String method;
    final List<String> segments = new ArrayList<>();
    final List<Integer> idSlots = new ArrayList<>();
    final List<String[]> query = new ArrayList<>();
    String rawQuery;
    String fragment = "";
    boolean trailingSlash;
    final Map<String, String> headers = new LinkedHashMap<>();
    String key = Api.ALPHA;
    String contentType;
    boolean contentTypeForced;
    JsonNode json;
    final Map<String, String> raws = new LinkedHashMap<>();
    byte[] bytes;
    StringBuilder csv;
    byte[] csvBytes;
    final List<String[]> fields = new ArrayList<>();
    final List<String[]> extraParts = new ArrayList<>();
    boolean omitFile;
    String fileField = "file";
    String fileName = "rows.csv";
    String filePartHeaders = "Content-Type: text/csv\r\n";
    String dispositionOverride;
    String boundaryInHeader;
    boolean noClosingDelimiter;
    boolean raw;
    final List<String> mutations = new ArrayList<>();

    Draft(Endpoint endpoint) {
      this.endpoint = endpoint;
      this.method = endpoint.method;
      if (endpoint.body == Body.JSON) {
        contentType = "application/json";
      }
    }

    void addId(String id) {
      idSlots.add(segments.size());
      segments.add(id);
    }

    void insertSegment(int at, String segment) {
      segments.add(at, segment);
      idSlots.replaceAll(slot -> slot >= at ? slot + 1 : slot);
    }

    void query(String name, String value) {
      query.add(new String[] {name, value});
    }

    void field(String name, String value) {
      fields.add(new String[] {name, value});
    }

    void note(String mutation) {
      mutations.add(mutation);
    }

    void replace(Location at, JsonNode value) {
      if (at.parent == null) {
        json = value;
      } else if (at.parent instanceof ObjectNode object) {
        object.set(at.field, value);
      } else {
        ((ArrayNode) at.parent).set(at.index, value);
      }
    }

    void replaceRaw(Location at, String rawJson) {
      String placeholder = "@@raw" + raws.size() + "@@";
      raws.put(placeholder, rawJson);
      replace(at, TextNode.valueOf(placeholder));
    }

    byte[] bodyBytes() {
      if (bytes != null) {
        return bytes;
      }
      if (endpoint.body == Body.MULTIPART
          && !(json != null && contentType != null && contentType.contains("json"))) {
        return multipart();
      }
      if (json == null) {
        return null;
      }
      String text = json.toString();
      for (Map.Entry<String, String> raw : raws.entrySet()) {
        text = text.replace("\"" + raw.getKey() + "\"", raw.getValue());
      }
      return text.getBytes(StandardCharsets.UTF_8);
    }

    private String boundary;

    private String boundary() {
      if (boundary == null) {
        boundary = "----fuzz" + base62(16);
      }
      return boundary;
    }

    byte[] multipart() {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      String b = boundary();
      try {
        for (String[] field : fields) {
          out.write(
              ("--"
                      + b
                      + "\r\nContent-Disposition: form-data; name=\""
                      + field[0]
                      + "\"\r\n\r\n"
                      + field[1]
                      + "\r\n")
                  .getBytes(StandardCharsets.UTF_8));
        }
        if (!omitFile) {
          String disposition =
              dispositionOverride != null
                  ? dispositionOverride
                  : "form-data; name=\"" + fileField + "\"; filename=\"" + fileName + "\"";
          out.write(
              ("--"
                      + b
                      + "\r\nContent-Disposition: "
                      + disposition
                      + "\r\n"
                      + filePartHeaders
                      + "\r\n")
                  .getBytes(StandardCharsets.UTF_8));
          out.write(csvBytes != null ? csvBytes : csv.toString().getBytes(StandardCharsets.UTF_8));
          out.write("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        for (String[] part : extraParts) {
          out.write(
              ("--"
                      + b
                      + "\r\nContent-Disposition: form-data; name=\""
                      + part[0]
                      + "\"; filename=\""
                      + part[1]
                      + "\"\r\nContent-Type: text/csv\r\n\r\n"
                      + part[2]
                      + "\r\n")
                  .getBytes(StandardCharsets.UTF_8));
        }
        if (!noClosingDelimiter) {
          out.write(("--" + b + "--\r\n").getBytes(StandardCharsets.UTF_8));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return out.toByteArray();
    }

    Wire.Request build() {
      byte[] body = bodyBytes();
      String type = contentType;
      if (!contentTypeForced && endpoint.body == Body.MULTIPART && json == null) {
        type =
            "multipart/form-data; boundary="
                + (boundaryInHeader != null ? boundaryInHeader : boundary());
      }
      StringBuilder target = new StringBuilder();
      for (String segment : segments) {
        target.append('/').append(segment);
      }
      if (trailingSlash) {
        target.append('/');
      }
      List<String> pairs = new ArrayList<>();
      for (String[] pair : query) {
        pairs.add(pair[0] + "=" + encodeQueryValue(pair[1]));
      }
      if (rawQuery != null) {
        pairs.add(rawQuery);
      }
      if (!pairs.isEmpty()) {
        target.append('?').append(String.join("&", pairs));
      }
      target.append(fragment);
      Map<String, String> all = new LinkedHashMap<>();
      if (key != null) {
        all.put("X-API-KEY", key);
      }
      if (type != null) {
        all.put("Content-Type", type);
      }
      all.putAll(headers);
      // Unusual methods go over their own connection (Connection: close): a body the server
      // leaves unread must not become the next fuzzed request (see the request-smuggling test).
      boolean sendRaw =
          raw
              || !uriSafe(target.toString())
              || !headersSafe(all)
              || !List.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method);
      return new Wire.Request(method, target.toString(), all, body, sendRaw);
    }
  }

  /** Values already holding %-escapes stay as they are; anything else is percent-encoded. */
  private static String encodeQueryValue(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean escape = c == '%' && isHex(value, i + 1) && isHex(value, i + 2);
      if (escape) {
        i += 2;
      } else if (!(Character.isLetterOrDigit(c) && c < 128) && "._~+-".indexOf(c) < 0) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
      }
    }
    return value;
  }

  private static boolean isHex(String text, int at) {
    return at < text.length() && Character.digit(text.charAt(at), 16) >= 0;
  }

  private static boolean uriSafe(String target) {
    try {
      java.net.URI.create("http://127.0.0.1" + target);
      return target.chars().allMatch(c -> c > 32 && c < 127);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /**
   * The JDK client refuses header values with control or non-ASCII characters; those go over the
   * raw socket.
   */
  private static boolean headersSafe(Map<String, String> headers) {
    for (String value : headers.values()) {
      if (!value.chars().allMatch(c -> c >= 32 && c < 127)
          || value.isEmpty()
          || value.startsWith(" ")
          || value.endsWith(" ")) {
        return false;
      }
    }
    return true;
  }
}
