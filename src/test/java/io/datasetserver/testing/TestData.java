package io.datasetserver.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the tests send and read back: fresh paths, datapoints whose only content is the input {@code
 * q}, upsert bodies and the few upserts every suite starts from, and readers for the fields the
 * assertions look at. Meant to be imported statically.
 */
public final class TestData {
  public static final String DATASETS = "/v5/datasets";

  private TestData() {}

  // ---- fresh paths ----

  /** A path no other test uses: {@code folder/<uuid>}. */
  public static String uniquePath(String folder) {
    return folder + "/" + UUID.randomUUID();
  }

  /** A path or name no other test uses: {@code prefix-<8 hex digits>}. */
  public static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  // ---- request bodies ----

  /** A datapoint whose only content is the input {@code q}. */
  public static Map<String, Object> datapoint(String q) {
    return Map.of("inputs", Map.of("q", q));
  }

  /** One {@link #datapoint} per question, in order. */
  public static List<Map<String, Object>> datapoints(String... questions) {
    List<Map<String, Object>> datapoints = new ArrayList<>();
    for (String question : questions) {
      datapoints.add(datapoint(question));
    }
    return datapoints;
  }

  /** An upsert body: path, datapoints, then field name / value pairs. */
  public static Map<String, Object> upsertBody(String path, List<?> datapoints, Object... fields) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("path", path);
    body.put("datapoints", datapoints);
    for (int i = 0; i + 1 < fields.length; i += 2) {
      body.put((String) fields[i], fields[i + 1]);
    }
    return body;
  }

  // ---- upserts and reads that must succeed ----

  /**
   * A set upsert at {@code path}, one datapoint per question; asserts a 200 and returns the
   * version.
   */
  public static JsonNode upsert(Api api, String path, String... questions) {
    return api.post(DATASETS, upsertBody(path, datapoints(questions))).ok();
  }

  /** A new version of the dataset: its latest plus one datapoint per question. */
  public static JsonNode add(Api api, String datasetId, String... questions) {
    return api.post(
            DATASETS, Map.of("id", datasetId, "action", "add", "datapoints", datapoints(questions)))
        .ok();
  }

  /**
   * The {@code q} input of every datapoint of the version, in order, as GET /datasets/{id} lists
   * them.
   */
  public static List<String> questions(Api api, JsonNode version) {
    return questions(
        api.get(datasetUrl(version) + "?include_datapoints=true&version_id=" + versionId(version))
            .ok()
            .get("datapoints"));
  }

  /** Ids of the datasets whose name contains {@code token}, most recently updated first. */
  public static List<String> listedByUpdatedAt(Api api, String token) {
    return ids(
        api.get(DATASETS + "?sort_by=updated_at&order=desc&size=100&name=" + token)
            .ok()
            .get("records"));
  }

  // ---- reading responses ----

  public static String id(JsonNode dataset) {
    return dataset.get("id").asText();
  }

  public static String versionId(JsonNode version) {
    return version.get("version_id").asText();
  }

  public static String datasetUrl(JsonNode dataset) {
    return DATASETS + "/" + id(dataset);
  }

  public static String versionUrl(JsonNode version) {
    return datasetUrl(version) + "/versions/" + versionId(version);
  }

  /** The {@code q} input of each datapoint, in order. */
  public static List<String> questions(JsonNode datapoints) {
    List<String> result = new ArrayList<>();
    datapoints.forEach(d -> result.add(d.path("inputs").path("q").asText()));
    return result;
  }

  /** The {@code id} of each element, in order. */
  public static List<String> ids(JsonNode elements) {
    List<String> result = new ArrayList<>();
    elements.forEach(e -> result.add(e.path("id").asText()));
    return result;
  }

  public static Instant instant(JsonNode node, String field) {
    return OffsetDateTime.parse(node.get(field).asText()).toInstant();
  }

  public static JsonNode json(String text) {
    try {
      return Api.JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ---- CSV files ----

  /** A CSV whose third data row holds "café" in ISO-8859-1, which is not valid UTF-8. */
  public static byte[] latin1Csv() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      out.write("q\nb\nc\n".getBytes(StandardCharsets.UTF_8));
      out.write("caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
      out.write("d\n".getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /**
   * A pattern for a message that names a bad CSV row: by its number among the data rows, or by its
   * line in the file (the header being line 1).
   */
  public static String rowMention(int dataRow) {
    return "(?i)\\b(row\\s*"
        + dataRow
        + "|line\\s*"
        + (dataRow + 1)
        + "|row\\s*"
        + (dataRow + 1)
        + ")\\b";
  }

  // ---- time ----

  /**
   * Returns once this machine's clock (which the server reads too) has passed {@code timestamp} at
   * the millisecond precision the server stores: a change made next gets a later timestamp, and a
   * sweep (grace 0 s in tests) sees everything written before as old enough. A precondition, not a
   * timed assertion.
   */
  public static void waitForClockPast(String timestamp) {
    Instant instant = OffsetDateTime.parse(timestamp).toInstant();
    while (!Instant.now().truncatedTo(ChronoUnit.MILLIS).isAfter(instant)) {
      try {
        Thread.sleep(1);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }
}
