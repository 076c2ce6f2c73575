package io.datasetserver.transfer;

import static io.datasetserver.testing.TestData.DATASETS;
import static io.datasetserver.testing.TestData.datapoints;
import static io.datasetserver.testing.TestData.upsertBody;
import static io.datasetserver.testing.TestData.waitForClockPast;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.datasetserver.server.DatasetServer;
import io.datasetserver.testing.Api;
import io.datasetserver.testing.RunningServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code make export} then {@code make import} into a fresh server (contract §9): every read of
 * every exported dataset returns the same bytes on both servers.
 */
@ExtendWith(RunningServer.class)
class ExportImportRoundTripTest {
  @TempDir Path folder;

  @Test
  void anExportImportedIntoAFreshServerReadsTheSameByteForByte(Api source) throws Exception {
    String root = "rt-" + UUID.randomUUID().toString().substring(0, 8);
    List<String> exported = new ArrayList<>();
    exported.add(richDataset(source, root + "/support/queries"));
    exported.add(movedEmptyDataset(source, root + "/other/empty", root + "/other/moved"));
    String outside =
        source
            .post(DATASETS, upsertBody("elsewhere-" + root + "/x", datapoints("q")))
            .ok()
            .get("id")
            .asText();

    Exporter.Summary summary = export(source, folder, root);

    assertThat(summary.exported()).isEqualTo(2);
    try (Stream<Path> files = Files.list(folder.resolve(Layout.FILES))) {
      assertThat(files.map(f -> f.getFileName().toString()))
          .containsExactlyInAnyOrderElementsOf(exported)
          .doesNotContain(outside);
    }
    assertThat(folder.resolve(Layout.LOG)).exists();
    assertThat(export(source, folder, root).alreadyDone()).isEqualTo(2);

    try (DatasetServer fresh = DatasetServer.start(RunningServer.config())) {
      Api target = new Api(fresh.port());
      ByteArrayOutputStream output = new ByteArrayOutputStream();
      Importer.Summary imported =
          new Importer(
                  new ApiClient(target.baseUrl(), Api.ALPHA),
                  new PrintStream(output, true, StandardCharsets.UTF_8))
              .run(folder);
      assertThat(imported.imported()).as(output.toString(StandardCharsets.UTF_8)).isEqualTo(2);
      for (String id : exported) {
        for (String read : reads(source, id)) {
          Api.Response expected = source.get(read);
          Api.Response actual = target.get(read);
          assertThat(actual.status()).as(read).isEqualTo(expected.status());
          assertThat(actual.body()).as(read).isEqualTo(expected.body());
        }
      }
    }
  }

  /**
   * Three versions with names, descriptions, attributes, messages of every kind and two
   * deployments.
   */
  private static String richDataset(Api api, String path) {
    List<Map<String, Object>> first =
        List.of(
            Map.of(
                "inputs",
                Map.of("q", "weather?"),
                "messages",
                List.of(
                    Map.of(
                        "role",
                        "user",
                        "content",
                        List.of(
                            Map.of("type", "text", "text", "look"),
                            Map.of(
                                "type",
                                "image_url",
                                "image_url",
                                Map.of("url", "https://img.example/a.png", "detail", "low")))),
                    Map.of(
                        "role",
                        "assistant",
                        "tool_calls",
                        List.of(
                            Map.of(
                                "id",
                                "c1",
                                "type",
                                "function",
                                "function",
                                Map.of("name", "weather", "arguments", "{}")))),
                    Map.of("role", "tool", "tool_call_id", "c1", "content", "sunny")),
                "target",
                Map.of("output", "sunny", "score", 0.25, "tags", List.of(1, "two"))),
            Map.of("inputs", Map.of("q", "ünïcödé ✓")));
    JsonNode v1 =
        api.post(DATASETS, upsertBody(path, first, "attributes", Map.of("model", "a"))).ok();
    String id = v1.get("id").asText();
    waitForClockPast(v1.get("created_at").asText());
    JsonNode v2 =
        api.post(
                DATASETS,
                Map.of(
                    "id",
                    id,
                    "action",
                    "add",
                    "datapoints",
                    datapoints("added"),
                    "version_name",
                    "v2",
                    "version_description",
                    "second"))
            .ok();
    waitForClockPast(v2.get("created_at").asText());
    List<Map<String, Object>> many = new ArrayList<>();
    for (int i = 0; i < 1201; i++) {
      many.add(Map.of("inputs", Map.of("q", "bulk " + i), "target", Map.of("output", i)));
    }
    JsonNode v3 =
        api.post(
                DATASETS,
                Map.of(
                    "id",
                    id,
                    "action",
                    "add",
                    "datapoints",
                    many,
                    "attributes",
                    Map.of("model", "b", "nested", Map.of("k", List.of()))))
            .ok();
    waitForClockPast(v3.get("created_at").asText());
    api.post(
            DATASETS
                + "/"
                + id
                + "/environments/staging?version_id="
                + v2.get("version_id").asText(),
            null)
        .ok();
    api.patch(
            DATASETS + "/" + id + "/versions/" + v1.get("version_id").asText(),
            Map.of("name", "first", "description", "the first"))
        .ok();
    return id;
  }

  /** A dataset whose only version is empty, moved after it was made. */
  private static String movedEmptyDataset(Api api, String path, String movedTo) {
    JsonNode created = api.post(DATASETS, upsertBody(path, List.of())).ok();
    waitForClockPast(created.get("created_at").asText());
    api.patch(DATASETS + "/" + created.get("id").asText(), Map.of("path", movedTo)).ok();
    return created.get("id").asText();
  }

  /**
   * Every read of the dataset: each version with its datapoints, the lists, every page, the
   * environments.
   */
  private static List<String> reads(Api api, String id) {
    String url = DATASETS + "/" + id;
    List<String> reads =
        new ArrayList<>(
            List.of(
                url,
                url + "/versions",
                url + "/versions?include_datapoints=latest_saved",
                url + "/environments",
                url + "/datapoints"));
    for (JsonNode version : api.get(url + "/versions").ok().get("records")) {
      String versionId = version.get("version_id").asText();
      reads.add(url + "?version_id=" + versionId + "&include_datapoints=true");
      int count = version.get("datapoints_count").asInt();
      for (int page = 1; page <= count / 500 + 1; page++) {
        reads.add(url + "/datapoints?version_id=" + versionId + "&size=500&page=" + page);
      }
      reads.add(url + "/datapoints?version_id=" + versionId + "&size=7&page=3");
    }
    reads.add(
        url + "?environment=staging"); // a 404 for the dataset deployed nowhere there, on both
    // servers
    return reads;
  }

  private static Exporter.Summary export(Api api, Path target, String under) throws IOException {
    return new Exporter(
            new ApiClient(api.baseUrl(), Api.ALPHA),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))
        .run(target, under);
  }
}
