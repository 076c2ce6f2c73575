package io.datasetserver.imports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.datasetserver.datasets.DatapointContent;
import io.datasetserver.datasets.DatasetsException;
import io.datasetserver.datasets.Limits;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ImportedDatapointTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode json(String text) throws IOException {
    return JSON.readTree(text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "[]",
        "3",
        "\"text\"",
        "null",
        "{\"score\":1}",
        "{\"id\":5}",
        "{\"inputs\":[]}",
        "{\"target\":\"yes\"}",
        "{\"messages\":{}}",
        "{\"messages\":[\"hi\"]}"
      })
  void anythingButAnObjectWithDatapointFieldsIsNotADatapoint(String line) throws IOException {
    assertThat(ImportedDatapoint.problem(json(line))).isNotNull();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{}",
        "{\"id\":\"dp_x\",\"inputs\":{\"n\":1},\"messages\":null,\"target\":null}",
        "{\"messages\":[{\"role\":\"narrator\",\"content\":[{\"type\":\"video\"}]}]}",
        "{\"target\":{\"a\":[null]}}"
      })
  void objectsWithAtMostIdInputsMessagesAndTargetAreDatapoints(String line) throws IOException {
    assertThat(ImportedDatapoint.problem(json(line))).isNull();
  }

  @Test
  void theStoredFormKeepsEveryValueButTopLevelNulls() throws IOException {
    ImportedDatapoint datapoint =
        ImportedDatapoint.in(
            "ds_a",
            json(
                "{\"id\":\"dp_old\",\"inputs\":{},\"messages\":[{\"role\":\"user\",\"name\":null,\"content\":\"hi\"}],"
                    + "\"target\":null}"));
    assertThat(datapoint.stored().canonicalJson())
        .isEqualTo(
            "{\"inputs\":{},\"messages\":[{\"content\":\"hi\",\"name\":null,\"role\":\"user\"}]}");
  }

  @Test
  void theIdIsTheOneTheApiGivesTheSameContent() throws IOException {
    ImportedDatapoint imported =
        ImportedDatapoint.in(
            "ds_a",
            json(
                "{\"id\":\"dp_old\",\"inputs\":{},\"messages\":[{\"role\":\"user\",\"name\":null,\"content\":\"hi\"}]}"));
    DatapointContent viaApi =
        DatapointContent.from(
            json("{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"), List.of("body"));
    assertThat(imported.id()).isEqualTo(viaApi.idIn("ds_a"));
    assertThat(
            ImportedDatapoint.in(
                    "ds_b", json("{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"))
                .id())
        .isNotEqualTo(imported.id());
  }

  @Test
  void timesWithoutAnOffsetAreUtcAndKeptToTheMillisecond() {
    ImportPlan plan =
        ImportPlan.of(
            "ds_abc",
            "a/b",
            List.of(
                new ImportPlan.VersionSpec(
                    "dsv_1",
                    null,
                    null,
                    null,
                    0,
                    "2024-07-19T00:29:35.178992",
                    "2024-07-19T02:29:35.5+02:00",
                    null)),
            List.of());
    assertThat(plan.versions().get(0).createdAt()).hasToString("2024-07-19T00:29:35.178Z");
    // A time with an offset is converted to UTC.
    assertThat(plan.versions().get(0).updatedAt()).hasToString("2024-07-19T00:29:35.500Z");
  }

  @Test
  void aPlanPastTheLimitsOfEveryOtherWriteIsRefused() {
    String description = "d".repeat(Limits.MAX_VERSION_DESCRIPTION + 1);
    List<ImportPlan.VersionSpec> versions =
        List.of(
            new ImportPlan.VersionSpec(
                "dsv_0", null, description, null, 0, "2024-01-01T00:00:00Z", null, null));
    try {
      ImportPlan.of("ds_abc", "a/b", versions, List.of());
    } catch (DatasetsException.Invalid e) {
      assertThat(e.errors().get(0).location())
          .containsExactly("body", "versions", 0, "version_description");
      return;
    }
    throw new AssertionError("an oversized plan was accepted");
  }

  @Test
  void everyProblemOfAPlanIsReportedAtOnce() {
    try {
      ImportPlan.of(
          "nope",
          "/x",
          List.of(new ImportPlan.VersionSpec("dsv_1", "", null, null, -1, "later", null, null)),
          List.of());
    } catch (DatasetsException.Invalid e) {
      assertThat(e.errors()).hasSizeGreaterThanOrEqualTo(5);
      return;
    }
    throw new AssertionError("an invalid plan was accepted");
  }
}
