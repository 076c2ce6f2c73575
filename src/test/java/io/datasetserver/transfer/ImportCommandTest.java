package io.datasetserver.transfer;

import static io.datasetserver.testing.TestData.DATASETS;
import static io.datasetserver.testing.TestData.upsert;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.datasetserver.datasets.CanonicalJson;
import io.datasetserver.testing.Api;
import io.datasetserver.testing.RunningServer;
import io.datasetserver.testing.TestData;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code make import} (contract §9) against the real server: a folder as Humanloop's export tool
 * writes it comes back with every id, version, creator and datapoint kept; a re-run reports what is
 * present; malformed datasets are reported by file and line and leave nothing behind.
 */
@ExtendWith(RunningServer.class)
class ImportCommandTest {
  @TempDir Path folder;

  record Run(Importer.Summary summary, String output) {}

  static Run importFolder(Api api, String key, Path export) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Importer.Summary summary =
        new Importer(
                new ApiClient(api.baseUrl(), key),
                new PrintStream(bytes, true, StandardCharsets.UTF_8))
            .run(export);
    return new Run(summary, bytes.toString(StandardCharsets.UTF_8));
  }

  @Test
  void humanloopExportComesBackWithIdsVersionsCreatorsAndExactDatapoints(Api api)
      throws IOException {
    ExportFixture fixture = new ExportFixture(folder, 1);
    ExportFixture.DatasetBuilder dataset = fixture.dataset(TestData.uniquePath("humanloop"));
    String big = dataset.version("v1", 0, 2001);
    String small = dataset.version("v2", 1990, 8);
    String empty = dataset.version("v3", 0, 0);
    dataset.deploy(small, "production").deploy(big, "canary").write();
    fixture.prompt("prompts/support");

    Run run = importFolder(api, Api.ALPHA, folder);

    assertThat(run.summary())
        .as(run.output())
        .extracting(
            Importer.Summary::imported,
            Importer.Summary::present,
            Importer.Summary::skipped,
            Importer.Summary::conflicts,
            Importer.Summary::failed)
        .containsExactly(1, 0, 1, 0, 0);
    assertThat(run.summary().exitStatus()).isZero();
    assertThat(run.output())
        .contains("not deployed to 'canary'")
        .contains("1/1 datasets, 2,009/2,009 datapoints")
        .contains("imported 1, already present 0, skipped (not datasets) 1, conflicts 0, failed 0");
    String url = DATASETS + "/" + dataset.id;
    JsonNode versions = api.get(url + "/versions").ok().get("records");
    assertThat(TestData.ids(versions)).containsOnly(dataset.id);
    assertThat(versions.findValuesAsText("version_id")).containsExactly(empty, small, big);
    for (String versionId : List.of(big, small, empty)) {
      JsonNode file =
          TestData.json(Files.readString(dataset.folder().resolve("versions").resolve(versionId)));
      JsonNode got = api.get(url + "?version_id=" + versionId + "&include_datapoints=true").ok();
      assertThat(got.get("path").asText()).isEqualTo(dataset.path);
      for (String field :
          List.of(
              "version_name",
              "version_description",
              "attributes",
              "datapoints_count",
              "created_by")) {
        assertThat(got.get(field)).as(field).isEqualTo(file.get(field));
      }
      assertThat(got.get("created_at").asText())
          .isEqualTo(file.get("created_at").asText().substring(0, 23) + "Z");
      assertThat(got.get("updated_at").asText())
          .isEqualTo(file.get("updated_at").asText().substring(0, 23) + "Z");
      List<String> expected = new ArrayList<>();
      forEachLine(
          dataset.folder().resolve("datapoints").resolve(versionId),
          line -> expected.add(asRead(line)));
      List<String> actual = new ArrayList<>();
      got.get("datapoints").forEach(d -> actual.add(withoutId(d)));
      assertThat(actual).as(versionId).containsExactlyElementsOf(expected);
    }
    assertThat(api.get(url + "?environment=production").ok().get("version_id").asText())
        .isEqualTo(small);
    assertThat(api.get(url).ok().get("version_id").asText()).isEqualTo(small);
  }

  @Test
  void importedIdsWorkOnEveryEndpointThatTakesThem(Api api) throws IOException {
    ExportFixture fixture = new ExportFixture(folder, 2);
    ExportFixture.DatasetBuilder dataset = fixture.dataset(TestData.uniquePath("ids"));
    String first = dataset.version("first", 0, 3);
    String second = dataset.version("second", 3, 3);
    dataset.write();
    assertThat(importFolder(api, Api.ALPHA, folder).summary().imported()).isEqualTo(1);
    String url = DATASETS + "/" + dataset.id;

    assertThat(
            api.get(url + "/datapoints?version_id=" + second + "&size=2").ok().get("total").asInt())
        .isEqualTo(3);
    api.post(url + "/environments/staging?version_id=" + first, null).ok();
    assertThat(api.get(url + "?environment=staging").ok().get("version_id").asText())
        .isEqualTo(first);
    api.patch(url + "/versions/" + second, Map.of("name", "renamed")).ok();
    api.delete(url + "/environments/staging").assertStatus(204);
    api.delete(url + "/versions/" + first).assertStatus(204);
    api.patch(url, Map.of("name", "moved")).ok();
    JsonNode added =
        api.post(
                DATASETS,
                Map.of(
                    "id",
                    dataset.id,
                    "action",
                    "add",
                    "datapoints",
                    TestData.datapoints("one more")))
            .ok();
    assertThat(added.get("datapoints_count").asInt()).isEqualTo(4);
    api.delete(url).assertStatus(204);
    api.get(url).assertStatus(404);
  }

  @Test
  void theSameDatapointAddedThroughTheApiIsRecognisedAsAlreadyThere(Api api) throws IOException {
    ExportFixture fixture = new ExportFixture(folder, 3);
    ExportFixture.DatasetBuilder dataset = fixture.dataset(TestData.uniquePath("identity"));
    String only = dataset.version("only", 1, 1);
    dataset.write();
    importFolder(api, Api.ALPHA, folder);
    // Datapoint 1 has message fields set to null, which the API counts as absent (contract §1).
    ObjectNode same = fixture.datapoint(1);
    same.remove("id");
    same.get("messages")
        .forEach(
            message -> {
              List<String> nulls = new ArrayList<>();
              message
                  .properties()
                  .forEach(
                      f -> {
                        if (f.getValue().isNull()) {
                          nulls.add(f.getKey());
                        }
                      });
              ((ObjectNode) message).remove(nulls);
            });
    JsonNode unchanged =
        api.post(DATASETS, Map.of("id", dataset.id, "action", "add", "datapoints", List.of(same)))
            .ok();
    assertThat(unchanged.get("version_id").asText()).isEqualTo(only);
    assertThat(unchanged.get("datapoints_count").asInt()).isEqualTo(1);
  }

  @Test
  void aSecondRunReportsEveryDatasetPresentAndChangesNothing(Api api) throws IOException {
    ExportFixture fixture = new ExportFixture(folder, 4);
    ExportFixture.DatasetBuilder dataset = fixture.dataset(TestData.uniquePath("rerun"));
    dataset.version("a", 0, 5);
    dataset.write();
    importFolder(api, Api.ALPHA, folder);
    String before = api.get(DATASETS + "/" + dataset.id + "/versions").ok().toString();

    Run again = importFolder(api, Api.ALPHA, folder);

    assertThat(again.summary().present()).as(again.output()).isEqualTo(1);
    assertThat(again.summary().imported()).isZero();
    assertThat(again.summary().exitStatus()).isZero();
    assertThat(api.get(DATASETS + "/" + dataset.id + "/versions").ok().toString())
        .isEqualTo(before);
  }

  @Test
  void aPathOrIdHeldByOtherContentIsAConflictAndLeftAlone(Api api) throws IOException {
    ExportFixture fixture = new ExportFixture(folder, 5);
    String takenPath = TestData.uniquePath("taken");
    JsonNode other = upsert(api, takenPath, "already here");
    ExportFixture.DatasetBuilder onTakenPath = fixture.dataset(takenPath);
    onTakenPath.version("a", 0, 2);
    onTakenPath.write();
    ExportFixture.DatasetBuilder fine = fixture.dataset(TestData.uniquePath("fine"));
    fine.version("a", 0, 2);
    fine.write();

    Run run = importFolder(api, Api.ALPHA, folder);

    assertThat(run.summary().conflicts()).as(run.output()).isEqualTo(1);
    assertThat(run.summary().imported()).isEqualTo(1);
    assertThat(run.summary().exitStatus()).isEqualTo(1);
    assertThat(run.output())
        .contains("conflict: files/" + onTakenPath.id)
        .contains(other.get("id").asText());
    api.get(DATASETS + "/" + onTakenPath.id).assertStatus(404);
    assertThat(TestData.questions(api, api.get(TestData.datasetUrl(other)).ok()))
        .containsExactly("already here");

    // The same id with other versions: also a conflict, and the existing dataset is unchanged.
    Path second = folder.resolve("second");
    ExportFixture.DatasetBuilder sameIdOtherVersions =
        new ExportFixture(second, 5).dataset(fine.id, TestData.uniquePath("elsewhere"));
    sameIdOtherVersions.version("b", 10, 3);
    sameIdOtherVersions.write();
    Run conflicting = importFolder(api, Api.ALPHA, second);
    assertThat(conflicting.summary().conflicts()).as(conflicting.output()).isEqualTo(1);
    assertThat(api.get(DATASETS + "/" + fine.id).ok().get("path").asText()).isEqualTo(fine.path);
  }

  @Test
  void datasetsOfOneOrganizationAreInvisibleToAnother(Api api) throws IOException {
    ExportFixture fixture = new ExportFixture(folder, 6);
    ExportFixture.DatasetBuilder dataset = fixture.dataset(TestData.uniquePath("tenant"));
    dataset.version("a", 0, 2);
    dataset.deploy(dataset.version("b", 2, 2), "live").write();

    Run beta = importFolder(api, Api.BETA, folder);

    assertThat(beta.summary().imported()).as(beta.output()).isEqualTo(1);
    assertThat(
            api.as(Api.BETA)
                .get(DATASETS + "/" + dataset.id + "?environment=live")
                .ok()
                .get("datapoints_count")
                .asInt())
        .isEqualTo(2);
    api.get(DATASETS + "/" + dataset.id).assertStatus(404);
    // The id is taken (ids are unique across organizations); the other organization learns nothing
    // else.
    Run alpha = importFolder(api, Api.ALPHA, folder);
    assertThat(alpha.summary().conflicts()).as(alpha.output()).isEqualTo(1);
    assertThat(alpha.output()).contains("is already in use").doesNotContain("org_beta");
  }

  static Stream<Arguments> malformedDatasets() {
    return Stream.of(
        Arguments.of(
            "bad JSON in a datapoint line",
            "datapoints/V/2.jsonl line 5",
            (Breaker)
                (d, v) ->
                    replaceLine(
                        d.resolve("datapoints/" + v + "/2.jsonl"),
                        5,
                        "{\"inputs\": {\"q\": \"x\"")),
        Arguments.of(
            "a line that is an array",
            "datapoints/V/1.jsonl line 3",
            (Breaker)
                (d, v) -> replaceLine(d.resolve("datapoints/" + v + "/1.jsonl"), 3, "[1, 2]")),
        Arguments.of(
            "a line with a field no datapoint has",
            "datapoints/V/1.jsonl line 1001",
            (Breaker)
                (d, v) ->
                    replaceLine(
                        d.resolve("datapoints/" + v + "/1.jsonl"),
                        1001,
                        "{\"inputs\":{},\"score\":3}")),
        Arguments.of(
            "messages that are not a list",
            "datapoints/V/1.jsonl line 7",
            (Breaker)
                (d, v) ->
                    replaceLine(
                        d.resolve("datapoints/" + v + "/1.jsonl"),
                        7,
                        "{\"messages\":{\"role\":\"user\"}}")),
        Arguments.of(
            "an empty line",
            "datapoints/V/2.jsonl line 2",
            (Breaker) (d, v) -> replaceLine(d.resolve("datapoints/" + v + "/2.jsonl"), 2, "")),
        Arguments.of(
            "a missing JSONL file",
            "datapoints/V/2.jsonl",
            (Breaker)
                (d, v) ->
                    Files.move(
                        d.resolve("datapoints/" + v + "/2.jsonl"),
                        d.resolve("datapoints/" + v + "/3.jsonl"))),
        Arguments.of(
            "a count that disagrees",
            "datapoints/V",
            (Breaker)
                (d, v) ->
                    appendLine(
                        d.resolve("datapoints/" + v + "/2.jsonl"),
                        "{\"inputs\":{\"q\":\"extra\"}}")),
        Arguments.of(
            "a missing deployments.json",
            "deployments.json",
            (Breaker) (d, v) -> Files.delete(d.resolve("deployments.json"))),
        Arguments.of(
            "a missing file.json",
            "file.json",
            (Breaker) (d, v) -> Files.delete(d.resolve("file.json"))),
        Arguments.of(
            "bad JSON in a version file",
            "versions/V",
            (Breaker) (d, v) -> Files.writeString(d.resolve("versions/" + v), "{\"version_id\":")),
        Arguments.of(
            "an unfinished export", ".done", (Breaker) (d, v) -> Files.delete(d.resolve(".done"))));
  }

  interface Breaker {
    void breakIt(Path datasetFolder, String versionId) throws IOException;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformedDatasets")
  void aMalformedDatasetIsReportedByFileAndLineAndNothingOfItIsWritten(
      String name, String location, Breaker breaker, Api api) throws IOException {
    ExportFixture fixture = new ExportFixture(folder, name.hashCode());
    ExportFixture.DatasetBuilder good = fixture.dataset(TestData.uniquePath("good"));
    good.version("a", 0, 3);
    good.write();
    ExportFixture.DatasetBuilder bad = fixture.dataset(TestData.uniquePath("bad"));
    bad.version("first", 5000, 4);
    String version = bad.version("second", 0, 2001);
    bad.write();
    breaker.breakIt(bad.folder(), version);

    Run run = importFolder(api, Api.ALPHA, folder);

    assertThat(run.summary().failed()).as(run.output()).isEqualTo(1);
    assertThat(run.summary().imported()).as(run.output()).isEqualTo(1);
    assertThat(run.summary().exitStatus()).isEqualTo(1);
    assertThat(run.output())
        .contains("failed:   files/" + bad.id + "/" + location.replace("/V", "/" + version));
    api.get(DATASETS + "/" + bad.id).assertStatus(404);
    String datasetName = bad.path.substring(bad.path.indexOf('/') + 1);
    assertThat(api.get(DATASETS + "?size=100&name=" + datasetName).ok().get("total").asInt())
        .isZero();
  }

  private static void replaceLine(Path file, int number, String replacement) throws IOException {
    List<String> lines = new ArrayList<>(Files.readAllLines(file));
    lines.set(number - 1, replacement);
    Files.write(file, lines);
  }

  private static void appendLine(Path file, String line) throws IOException {
    Files.writeString(file, line + "\n", java.nio.file.StandardOpenOption.APPEND);
  }

  /** A datapoint as every read returns it: the line without its id and without top-level nulls. */
  static String asRead(String line) {
    ObjectNode node = (ObjectNode) TestData.json(line);
    node.remove("id");
    List<String> nulls = new ArrayList<>();
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      if (field.getValue().isNull()) {
        nulls.add(field.getKey());
      }
    }
    node.remove(nulls);
    return CanonicalJson.write(node);
  }

  static String withoutId(JsonNode datapoint) {
    ObjectNode copy = datapoint.deepCopy();
    copy.remove("id");
    return CanonicalJson.write(copy);
  }

  static void forEachLine(Path versionFolder, Consumer<String> consumer) throws IOException {
    if (!Files.isDirectory(versionFolder)) {
      return;
    }
    for (int n = 1; Files.exists(versionFolder.resolve(n + ".jsonl")); n++) {
      try (BufferedReader reader = Files.newBufferedReader(versionFolder.resolve(n + ".jsonl"))) {
        reader.lines().forEach(consumer);
      }
    }
  }
}
