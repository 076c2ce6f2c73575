package io.datasetserver.transfer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * {@code make export}: writes the export layout ({@link Layout}) for every dataset of the key's
 * organization, or those under one folder, through the public API only. A file's folder gets its
 * {@code .done} last; running it again into the same folder skips the files already done.
 */
public final class Exporter {
  private static final int LIST_PAGE = 100;
  private static final int DATAPOINTS_PAGE = 1000;

  private final ApiClient api;
  private final PrintStream out;
  private final Clock clock;

  public Exporter(ApiClient api, PrintStream out) {
    this(api, out, Clock.systemUTC());
  }

  /** {@code clock} stamps the lines of the export's log. */
  public Exporter(ApiClient api, PrintStream out, Clock clock) {
    this.api = api;
    this.out = out;
    this.clock = clock;
  }

  public record Summary(int exported, int alreadyDone, long datapoints) {}

  /**
   * @param folder a dataset folder path ("" or null: every dataset)
   */
  public Summary run(Path target, String folder) throws IOException {
    String prefix = folder == null ? "" : folder.replaceAll("^/+|/+$", "");
    Files.createDirectories(target.resolve(Layout.FILES));
    Path log = target.resolve(Layout.LOG);
    List<JsonNode> datasets = datasetsUnder(prefix);
    log(
        log,
        "exporting "
            + datasets.size()
            + " datasets"
            + (prefix.isEmpty() ? "" : " under '" + prefix + "'"));
    int exported = 0;
    int alreadyDone = 0;
    long datapoints = 0;
    for (JsonNode dataset : datasets) {
      String id = dataset.path("id").asText();
      Path dir = target.resolve(Layout.FILES).resolve(id);
      if (Files.exists(dir.resolve(Layout.DONE))) {
        alreadyDone++;
        log(log, "skipping dataset " + id + ": already exported");
        continue;
      }
      long count = exportDataset(dataset, dir);
      datapoints += count;
      exported++;
      log(
          log,
          "exported dataset "
              + id
              + " ("
              + dataset.path("path").asText()
              + "): "
              + count
              + " datapoints");
      out.printf(
          Locale.ROOT,
          "  %d/%d datasets, %,d datapoints%n",
          exported + alreadyDone,
          datasets.size(),
          datapoints);
    }
    log(log, "export completed: " + exported + " exported, " + alreadyDone + " already done");
    out.printf(
        Locale.ROOT,
        "Export summary: exported %d, already done %d, %,d datapoints, into %s%n",
        exported,
        alreadyDone,
        datapoints,
        target);
    return new Summary(exported, alreadyDone, datapoints);
  }

  /** Every dataset (as listed, at its default version) whose path lies under {@code prefix}. */
  private List<JsonNode> datasetsUnder(String prefix) {
    List<JsonNode> found = new ArrayList<>();
    for (int page = 1; ; page++) {
      JsonNode records =
          api.get("/datasets?sort_by=created_at&order=asc&size=" + LIST_PAGE + "&page=" + page)
              .path("records");
      records.forEach(
          record -> {
            String path = record.path("path").asText();
            if (prefix.isEmpty() || path.startsWith(prefix + "/")) {
              found.add(record);
            }
          });
      if (records.size() < LIST_PAGE) {
        return found;
      }
    }
  }

  /**
   * Writes one dataset's folder, {@code .done} last; returns how many datapoints its versions hold.
   */
  private long exportDataset(JsonNode dataset, Path dir) throws IOException {
    String id = dataset.path("id").asText();
    clear(dir);
    Files.createDirectories(dir.resolve(Layout.VERSIONS));
    Layout.JSON.writeValue(dir.resolve(Layout.FILE_JSON).toFile(), dataset);
    JsonNode versions = api.get("/datasets/" + id + "/versions").path("records");
    long total = 0;
    for (JsonNode version : versions) {
      String versionId = version.path("version_id").asText();
      Layout.JSON.writeValue(dir.resolve(Layout.VERSIONS).resolve(versionId).toFile(), version);
      total +=
          exportDatapoints(
              id,
              versionId,
              version.path("datapoints_count").asLong(),
              dir.resolve(Layout.DATAPOINTS).resolve(versionId));
    }
    ArrayNode deployments = Layout.JSON.createArrayNode();
    for (JsonNode environment : api.get("/datasets/" + id + "/environments")) {
      if (environment.has("file")) {
        deployments
            .addObject()
            .put("version_id", environment.path("file").path("version_id").asText())
            .put("environment_id", environment.path("id").asText())
            .put("environment_name", environment.path("name").asText())
            .put("environment_tag", environment.path("tag").asText());
      }
    }
    Layout.JSON.writeValue(dir.resolve(Layout.DEPLOYMENTS).toFile(), deployments);
    Files.writeString(
        dir.resolve(Layout.DONE), "Export completed successfully.\n", StandardCharsets.UTF_8);
    return total;
  }

  /**
   * Pages through the version's datapoints, {@value Layout#LINES_PER_FILE} lines per JSONL file.
   */
  private long exportDatapoints(String datasetId, String versionId, long count, Path dir)
      throws IOException {
    if (count == 0) {
      return 0;
    }
    Files.createDirectories(dir);
    long written = 0;
    for (int page = 1; written < count; page++) {
      JsonNode records =
          api.get(
                  "/datasets/"
                      + datasetId
                      + "/datapoints?version_id="
                      + ApiClient.encode(versionId)
                      + "&size="
                      + DATAPOINTS_PAGE
                      + "&page="
                      + page)
              .path("records");
      if (records.isEmpty()) {
        throw new IllegalStateException(
            "version " + versionId + " listed " + written + " of its " + count + " datapoints");
      }
      Path file = dir.resolve((written / Layout.LINES_PER_FILE + 1) + ".jsonl");
      try (BufferedWriter writer =
          Files.newBufferedWriter(
              file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
        for (JsonNode record : records) {
          writer.write(Layout.JSON.writeValueAsString(record));
          writer.write('\n');
          written++;
        }
      }
    }
    return written;
  }

  private static void clear(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  private void log(Path log, String message) {
    try {
      Files.writeString(
          log,
          clock.instant() + " | INFO | " + message + "\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
