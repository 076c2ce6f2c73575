package io.datasetserver.transfer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.datasetserver.imports.DatasetImport;
import io.datasetserver.transfer.ApiClient.ApiException;
import io.datasetserver.transfer.DatasetFolder.Checked;
import io.datasetserver.transfer.DatasetFolder.Chunk;
import io.datasetserver.transfer.Layout.Malformed;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code make import}: loads every dataset of an export folder into a server through the Imports
 * endpoints. Two passes keep memory bounded while nothing of a malformed dataset is written: the
 * first reads every file line by line to validate and count, the second streams each valid
 * dataset's datapoints a chunk at a time. Datasets already present are left alone, so running it
 * again after an interruption finishes the job.
 */
public final class Importer {
  private static final long PROGRESS_EVERY_NANOS = 2_000_000_000L;

  /**
   * Characters per chunk request: well below the server's default body limit (32 MiB), even for
   * large images.
   */
  private static final long CHUNK_CHARS = 8L << 20;

  private final ApiClient api;
  private final PrintStream out;
  private final int chunkSize;

  public Importer(ApiClient api, PrintStream out) {
    this(api, out, DatasetImport.MAX_CHUNK);
  }

  Importer(ApiClient api, PrintStream out, int chunkSize) {
    this.api = api;
    this.out = out;
    this.chunkSize = chunkSize;
  }

  /**
   * What happened to each file of the folder; {@code notes} name each failure, conflict and skipped
   * deployment.
   */
  public record Summary(
      int imported, int present, int skipped, int conflicts, int failed, List<String> notes) {
    /** 1 when anything failed or conflicted (so a script notices), else 0. */
    public int exitStatus() {
      return failed > 0 || conflicts > 0 ? 1 : 0;
    }

    public String line() {
      return String.format(
          Locale.ROOT,
          "imported %d, already present %d, skipped (not datasets) %d, conflicts %d,"
              + " failed %d",
          imported,
          present,
          skipped,
          conflicts,
          failed);
    }
  }

  /** A dataset that passed the first pass: its folder, the begin request, its datapoint count. */
  private record Valid(
      DatasetFolder folder, String id, List<String> versionIds, byte[] begin, long datapoints) {}

  private int imported;
  private int present;
  private int conflicts;
  private int failed;
  private final List<String> notes = new ArrayList<>();
  private long datapointsDone;
  private long datapointsTotal;
  private int datasetsDone;
  private int datasetsTotal;
  private long lastProgress;

  public Summary run(Path export) {
    int skipped = 0;
    List<Valid> valid = new ArrayList<>();
    out.println("Checking " + export + " …");
    for (Path folder : Layout.fileFolders(export)) {
      DatasetFolder files = new DatasetFolder(folder);
      try {
        if (!"dataset".equals(files.type())) {
          skipped++;
          continue;
        }
        Checked checked = files.check();
        valid.add(
            new Valid(
                files,
                checked.id(),
                List.copyOf(checked.versions().keySet()),
                beginRequest(checked),
                checked.datapoints()));
        datapointsTotal += checked.datapoints();
      } catch (Malformed e) {
        fail(e.getMessage());
      }
    }
    datasetsTotal = valid.size();
    out.printf(
        Locale.ROOT,
        "%d datasets (%,d datapoints) to import; %d files are not datasets; %d malformed%n",
        datasetsTotal,
        datapointsTotal,
        skipped,
        failed);
    for (Valid dataset : valid) {
      importOne(dataset);
      datasetsDone++;
      progress(true);
    }
    Summary summary =
        new Summary(imported, present, skipped, conflicts, failed, List.copyOf(notes));
    out.println("Import summary: " + summary.line());
    notes.forEach(note -> out.println("  " + note));
    return summary;
  }

  private void importOne(Valid dataset) {
    String where = dataset.folder().location();
    long doneBefore = datapointsDone;
    try {
      JsonNode begun = api.post("/imports", dataset.begin());
      begun
          .path("skipped_deployments")
          .forEach(
              d ->
                  notes.add(
                      "note:     "
                          + where
                          + ": not deployed to '"
                          + d.path("environment_name").asText()
                          + "' (version "
                          + d.path("version_id").asText()
                          + "): this organization has no such environment"));
      if ("present".equals(begun.path("status").asText())) {
        present++;
        datapointsDone = doneBefore + dataset.datapoints();
        return;
      }
      for (String versionId : dataset.versionIds()) {
        long[] offset = {0};
        dataset
            .folder()
            .forEachChunk(
                versionId,
                chunkSize,
                CHUNK_CHARS,
                chunk -> {
                  append(dataset.id(), versionId, offset[0], chunk);
                  offset[0] += chunk.lines().size();
                  datapointsDone += chunk.lines().size();
                  progress(false);
                });
      }
      JsonNode committed = api.post("/imports/" + dataset.id() + "/commit", new byte[0]);
      if ("present".equals(committed.path("status").asText())) {
        present++;
      } else {
        imported++;
      }
    } catch (ApiException e) {
      if (e.status() == 409 && !(e instanceof ChunkRefused)) {
        conflicts++;
        notes.add("conflict: " + where + ": " + e.getMessage().substring(4) + " (left as it is)");
      } else {
        fail(
            e instanceof ChunkRefused
                ? e.getMessage()
                : where + ": the server refused it: " + e.getMessage());
      }
    } catch (Malformed e) {
      fail(e.getMessage() + " (the folder changed since it was checked)");
    } catch (UncheckedIOException e) {
      fail(where + ": " + e.getMessage());
    }
    datapointsDone = doneBefore + dataset.datapoints();
  }

  /** A chunk the server refused, with the file and line it names. */
  private static final class ChunkRefused extends ApiException {
    private static final long serialVersionUID = 1L;

    ChunkRefused(ApiException cause, String message) {
      super(cause.status(), cause.detail(), message);
    }
  }

  private void append(String datasetId, String versionId, long offset, Chunk chunk) {
    StringBuilder body =
        new StringBuilder(
                64 + chunk.lines().stream().mapToInt(String::length).sum() + chunk.lines().size())
            .append("{\"offset\":")
            .append(offset)
            .append(",\"datapoints\":[");
    for (int i = 0; i < chunk.lines().size(); i++) {
      body.append(i == 0 ? "" : ",").append(chunk.lines().get(i));
    }
    body.append("]}");
    try {
      api.post(
          "/imports/" + datasetId + "/versions/" + versionId + "/datapoints",
          body.toString().getBytes(StandardCharsets.UTF_8));
    } catch (ApiException e) {
      JsonNode first = e.detail().path(0);
      JsonNode index = first.path("loc").path(2);
      String where =
          index.canConvertToInt() && index.intValue() < chunk.locations().size()
              ? chunk.locations().get(index.intValue())
              : "datapoints of version " + versionId;
      String message = first.path("msg").isTextual() ? first.path("msg").asText() : e.getMessage();
      throw new ChunkRefused(e, where + ": the server refused it: " + message);
    }
  }

  private void fail(String message) {
    failed++;
    notes.add("failed:   " + message);
  }

  private void progress(boolean always) {
    long now = System.nanoTime();
    if (always || now - lastProgress > PROGRESS_EVERY_NANOS) {
      lastProgress = now;
      out.printf(
          Locale.ROOT,
          "  %d/%d datasets, %,d/%,d datapoints%n",
          datasetsDone,
          datasetsTotal,
          datapointsDone,
          datapointsTotal);
    }
  }

  /** The begin request: the dataset's id and path, each version's metadata, its deployments. */
  private static byte[] beginRequest(Checked checked) {
    ObjectNode request =
        Layout.JSON.createObjectNode().put("id", checked.id()).put("path", checked.path());
    ArrayNode versions = request.putArray("versions");
    for (JsonNode version : checked.versions().values()) {
      ObjectNode kept = versions.addObject();
      for (String field :
          List.of(
              "version_id",
              "version_name",
              "version_description",
              "attributes",
              "datapoints_count",
              "created_at",
              "updated_at",
              "created_by")) {
        JsonNode value = version.path(field);
        if (!value.isMissingNode() && !value.isNull()) {
          kept.set(field, value);
        }
      }
    }
    ArrayNode deployments = request.putArray("deployments");
    for (JsonNode deployment : checked.deployments()) {
      deployments
          .addObject()
          .put("version_id", deployment.path("version_id").asText())
          .put("environment_name", deployment.path("environment_name").asText());
    }
    try {
      return Layout.JSON.writeValueAsBytes(request);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
