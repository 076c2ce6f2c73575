package io.datasetserver.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.datasetserver.testing.Api;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Reads what a dataset's versions really hold, through the public API, page by page. */
final class Versions {
  private static final int PAGE_SIZE = 1000;

  private Versions() {}

  /** Every live version, newest first. */
  static List<JsonNode> all(Api api, String datasetId) {
    JsonNode versions = ok(api.get("/v5/datasets/" + datasetId + "/versions"));
    List<JsonNode> records = new ArrayList<>();
    versions.path("records").forEach(records::add);
    return records;
  }

  /**
   * Every datapoint of a version, paging until the first empty page (as the official SDKs do);
   * asserts that each page reports the version's count as {@code total}.
   */
  static List<JsonNode> datapoints(Api api, String datasetId, JsonNode version) {
    String versionId = version.path("version_id").asText();
    long count = version.path("datapoints_count").asLong();
    List<JsonNode> all = new ArrayList<>();
    for (int page = 1; page <= count / PAGE_SIZE + 2; page++) {
      JsonNode body =
          ok(
              api.get(
                  "/v5/datasets/"
                      + datasetId
                      + "/datapoints?version_id="
                      + versionId
                      + "&size="
                      + PAGE_SIZE
                      + "&page="
                      + page));
      assertThat(body.path("total").asLong())
          .as("total of %s page %d", versionId, page)
          .isEqualTo(count);
      if (body.path("records").isEmpty()) {
        return all;
      }
      body.path("records").forEach(all::add);
    }
    throw new AssertionError(
        "version " + versionId + " lists more than its datapoints_count " + count);
  }

  /** The {@code inputs.q} of each datapoint, in order: the tests' own key for what they sent. */
  static List<String> qs(List<JsonNode> datapoints) {
    return datapoints.stream().map(d -> d.path("inputs").path("q").asText()).toList();
  }

  /** A version and every datapoint its listing returned. */
  record Listed(JsonNode version, List<JsonNode> datapoints) {
    String versionId() {
      return version.path("version_id").asText();
    }

    int count() {
      return version.path("datapoints_count").asInt();
    }
  }

  /**
   * Asserts that every visible version is complete: its listing returns exactly {@code
   * datapoints_count} distinct datapoints. Returns the versions, newest first, with their
   * datapoints.
   */
  static List<Listed> assertEveryVersionComplete(Api api, String datasetId) {
    List<JsonNode> versions = all(api, datasetId);
    assertThat(versions).as("dataset %s has versions", datasetId).isNotEmpty();
    List<Listed> result = new ArrayList<>();
    for (JsonNode version : versions) {
      Listed listed = new Listed(version, datapoints(api, datasetId, version));
      Set<String> ids = new HashSet<>();
      listed.datapoints().forEach(d -> ids.add(d.path("id").asText()));
      assertThat(listed.datapoints())
          .as("datapoints listed for version %s", listed.versionId())
          .hasSize(listed.count());
      assertThat(ids)
          .as("distinct datapoint ids of version %s", listed.versionId())
          .hasSize(listed.count());
      result.add(listed);
    }
    return result;
  }

  static JsonNode ok(Api.Response response) {
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response.json();
  }
}
