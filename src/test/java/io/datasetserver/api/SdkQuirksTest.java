package io.datasetserver.api;

import static io.datasetserver.testing.TestData.DATASETS;
import static io.datasetserver.testing.TestData.datapoint;
import static io.datasetserver.testing.TestData.datapoints;
import static io.datasetserver.testing.TestData.uniquePath;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.datasetserver.testing.Api;
import io.datasetserver.testing.RunningServer;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the official SDKs rely on: null means absent, unknown fields are ignored, paging ends on an
 * empty page.
 */
@ExtendWith(RunningServer.class)
class SdkQuirksTest {
  @Test
  void fieldsSentAsNullMeanAbsent(Api api) {
    String path = uniquePath("sdk");
    // What the SDK sends for upsert(path=..., datapoints=[{inputs: ...}]) with every other property
    // unset.
    String body =
        "{\"path\": \""
            + path
            + "\", \"id\": null, \"action\": null, \"attributes\": null,"
            + " \"version_name\": null, \"version_description\": null,"
            + " \"datapoints\": [{\"inputs\": {\"q\": \"a\"}, \"messages\": null, \"target\": null},"
            + " {\"inputs\": null, \"target\": {\"output\": \"b\"}, \"messages\": [{\"role\": \"user\", \"content\": \"b\","
            + " \"name\": null, \"tool_call_id\": null, \"tool_calls\": null}]}]}";
    JsonNode created = api.post(DATASETS + "?include_datapoints=true", body).ok();
    assertThat(created.path("datapoints_count").asInt()).isEqualTo(2);
    assertThat(created.path("attributes").isEmpty()).isTrue();
    assertThat(created.has("version_name")).isFalse();
    assertThat(created.has("version_description")).isFalse();
    JsonNode message = created.path("datapoints").get(1).path("messages").get(0);
    assertThat(message.has("name")).isFalse();
    assertThat(message.has("tool_calls")).isFalse();
    // null action is the default (set): a second request with null action replaces the datapoints.
    JsonNode replaced =
        api.post(
                DATASETS,
                "{\"path\": \""
                    + path
                    + "\", \"action\": null,"
                    + " \"datapoints\": [{\"inputs\": {\"q\": \"c\"}}]}")
            .ok();
    assertThat(replaced.path("datapoints_count").asInt()).isEqualTo(1);
  }

  @Test
  void nullVersionNameOnAnIdenticalUpsertIsNoConflict(Api api) {
    String path = uniquePath("sdk");
    JsonNode first =
        api.post(
                DATASETS,
                "{\"path\": \""
                    + path
                    + "\", \"version_name\": \"v1\","
                    + " \"datapoints\": [{\"inputs\": {\"q\": \"a\"}}]}")
            .ok();
    JsonNode again =
        api.post(
                DATASETS,
                "{\"path\": \""
                    + path
                    + "\", \"version_name\": null,"
                    + " \"datapoints\": [{\"inputs\": {\"q\": \"a\"}}]}")
            .ok();
    assertThat(again.path("version_id").asText()).isEqualTo(first.path("version_id").asText());
  }

  @Test
  void unknownFieldsAreIgnoredEverywhere(Api api) {
    String path = uniquePath("sdk");
    JsonNode created =
        api.post(
                DATASETS,
                "{\"path\": \""
                    + path
                    + "\", \"commit_message\": \"hi\","
                    + " \"future_option\": {\"nested\": [1, 2]}, \"datapoints\": [{\"inputs\": {\"q\": \"a\"}, \"id\": \"dp_mine\","
                    + " \"messages\": [{\"role\": \"user\", \"content\": \"a\", \"refusal\": null, \"audio\": {\"id\": \"x\"}}]}]}")
            .ok();
    assertThat(created.path("datapoints_count").asInt()).isEqualTo(1);
    JsonNode patched =
        api.patch(DATASETS + "/" + created.path("id").asText(), "{\"directory_id\": \"dir_x\"}")
            .ok();
    assertThat(patched.path("path").asText()).isEqualTo(path);
  }

  @Test
  void anAddWithoutDatapointsLooksADatasetUpByPath(Api api) {
    String path = uniquePath("sdk");
    JsonNode created =
        api.post(
                DATASETS,
                "{\"path\": \""
                    + path
                    + "\", \"datapoints\": [{\"inputs\": {\"q\": \"a\"}}],"
                    + " \"attributes\": {\"k\": \"v\"}}")
            .ok();
    api.post(
            DATASETS,
            "{\"path\": \""
                + path
                + "\", \"action\": \"add\", \"datapoints\": [{\"inputs\": {\"q\": \"b\"}}]}")
        .ok();
    JsonNode lookup =
        api.post(
                DATASETS,
                "{\"path\": \""
                    + path
                    + "\", \"action\": \"add\", \"datapoints\": [],"
                    + " \"attributes\": null, \"version_name\": null, \"version_description\": null}")
            .ok();
    assertThat(lookup.path("id").asText()).isEqualTo(created.path("id").asText());
    assertThat(lookup.path("datapoints_count").asInt()).isEqualTo(2);
    assertThat(lookup.path("attributes").path("k").asText()).isEqualTo("v");
    assertThat(
            api.get(DATASETS + "/" + created.path("id").asText() + "/versions")
                .ok()
                .path("records"))
        .hasSize(2);
  }

  @Test
  void pagingUntilAnEmptyPageVisitsEveryDataset(Api api) {
    String token = "sdk" + UUID.randomUUID().toString().replace("-", "");
    Set<String> created = new HashSet<>();
    for (int i = 0; i < 5; i++) {
      created.add(
          api.post(DATASETS, Map.of("path", "sdk/" + token + "-" + i, "datapoints", List.of()))
              .ok()
              .path("id")
              .asText());
    }
    List<String> seen = new ArrayList<>();
    for (int page = 1; page < 100; page++) {
      JsonNode body = api.get(DATASETS + "?size=2&name=" + token + "&page=" + page).ok();
      if (body.path("records").isEmpty()) {
        break;
      }
      body.path("records").forEach(r -> seen.add(r.path("id").asText()));
    }
    assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(created);
  }

  @Test
  void pagingUntilAnEmptyPageVisitsEveryDatapoint(Api api) {
    List<Object> datapoints = new ArrayList<>();
    for (int i = 0; i < 23; i++) {
      datapoints.add(datapoint("q" + i));
    }
    String id =
        api.post(DATASETS, Map.of("path", uniquePath("sdk"), "datapoints", datapoints))
            .ok()
            .path("id")
            .asText();
    List<String> seen = new ArrayList<>();
    for (int page = 1; page < 100; page++) {
      JsonNode body = api.get(DATASETS + "/" + id + "/datapoints?size=5&page=" + page).ok();
      if (body.path("records").isEmpty()) {
        assertThat(body.path("total").asInt()).isEqualTo(23);
        break;
      }
      body.path("records").forEach(r -> seen.add(r.path("inputs").path("q").asText()));
    }
    assertThat(seen).hasSize(23).doesNotHaveDuplicates();
  }

  @Test
  void responsesOmitValuelessFieldsInsteadOfSendingNull(Api api) {
    JsonNode created =
        api.post(
                DATASETS + "?include_datapoints=true",
                Map.of("path", uniquePath("sdk"), "datapoints", datapoints("a")))
            .ok();
    assertNoNullFields(created);
    String id = created.path("id").asText();
    assertNoNullFields(api.get(DATASETS + "/" + id).ok());
    assertNoNullFields(api.get(DATASETS + "?size=5").ok());
    assertNoNullFields(api.get(DATASETS + "/" + id + "/versions").ok());
    assertNoNullFields(api.get(DATASETS + "/" + id + "/datapoints").ok());
  }

  @Test
  void timestampsAreIsoWithAnOffset(Api api) {
    JsonNode created =
        api.post(DATASETS, Map.of("path", uniquePath("sdk"), "datapoints", List.of())).ok();
    for (String field : List.of("created_at", "updated_at", "last_used_at")) {
      assertThat(OffsetDateTime.parse(created.path(field).asText()).getOffset().getTotalSeconds())
          .as(field)
          .isZero();
    }
    OffsetDateTime.parse(created.path("environments").get(0).path("created_at").asText());
  }

  // ---- helpers ----

  /**
   * No field at any level is JSON null, except inside free-form values (none in these responses).
   */
  private static void assertNoNullFields(JsonNode node) {
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        assertThat(field.getValue().isNull()).as(field.getKey() + " in " + node).isFalse();
        assertNoNullFields(field.getValue());
      }
    } else if (node.isArray()) {
      node.forEach(SdkQuirksTest::assertNoNullFields);
    }
  }
}
