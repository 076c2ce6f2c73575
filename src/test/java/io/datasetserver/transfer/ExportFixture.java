package io.datasetserver.transfer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Builds folders in the layout Humanloop's export tool writes, with the shapes of its real
 * responses: ids of its length and alphabet ({@code ds_} + 21 letters and digits), file-level
 * fields ({@code readme}, {@code tags}, {@code schema}, {@code status}) and {@code environments} on
 * every version, times with microseconds, JSONL files split as the tool splits them (1,001 lines in
 * the first, 1,000 in each next), messages with tool calls, fields and content-part types this
 * server does not otherwise accept, and files of other types with {@code evaluations/} and {@code
 * logs/}. Nothing large is committed: tests build what they need.
 */
public final class ExportFixture {
  private static final String ALPHABET =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  private static final DateTimeFormatter MICROS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final Path root;
  private final Random random;

  public ExportFixture(Path root, long seed) {
    this.root = root;
    this.random = new Random(seed);
  }

  public Path root() {
    return root;
  }

  /** An id as Humanloop makes them: the prefix and 21 letters and digits. */
  public String humanloopId(String prefix) {
    StringBuilder id = new StringBuilder(prefix);
    for (int i = 0; i < 21; i++) {
      id.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return id.toString();
  }

  public DatasetBuilder dataset(String path) {
    return new DatasetBuilder(humanloopId("ds_"), path);
  }

  /** A dataset with a given id, e.g. to export other content under an id already imported. */
  public DatasetBuilder dataset(String id, String path) {
    return new DatasetBuilder(id, path);
  }

  /** A file of another type (a prompt), with evaluations and logs as the tool writes them. */
  public String prompt(String path) throws IOException {
    String id = humanloopId("pr_");
    Path dir = root.resolve("files").resolve(id);
    Files.createDirectories(dir.resolve("versions"));
    writeJson(
        dir.resolve("file.json"),
        JSON.objectNode()
            .put("id", id)
            .put("path", path)
            .put("type", "prompt")
            .put("version_id", humanloopId("prv_")));
    String evaluation = humanloopId("evr_");
    Path evaluationDir = dir.resolve("evaluations").resolve(evaluation);
    Files.createDirectories(evaluationDir.resolve("runs"));
    Files.createDirectories(evaluationDir.resolve("logs"));
    writeJson(evaluationDir.resolve("evaluation.json"), JSON.objectNode().put("id", evaluation));
    writeJson(evaluationDir.resolve("stats.json"), JSON.objectNode().put("progress", 1));
    Files.createDirectories(dir.resolve("logs"));
    Files.writeString(
        dir.resolve("logs").resolve("1.jsonl"), "{\"id\":\"log_1\",\"output\":\"hi\"}\n");
    writeJson(dir.resolve("deployments.json"), JSON.arrayNode());
    Files.writeString(dir.resolve(".done"), "Export completed successfully.\n");
    return id;
  }

  /** One datapoint line as Humanloop's API returns it; {@code index} makes it distinct. */
  public ObjectNode datapoint(int index) {
    ObjectNode datapoint = JSON.objectNode().put("id", "dp_" + Integer.toString(index, 36) + "x");
    datapoint
        .putObject("inputs")
        .put("question", "Question number " + index + "?")
        .put("_dedupe_id", "d" + index);
    switch (index % 4) {
      case 0 -> datapoint.putNull("messages");
      case 1 -> {
        ArrayNode messages = datapoint.putArray("messages");
        messages
            .addObject()
            .put("role", "user")
            .put("content", "Look up order " + index)
            .putNull("name")
            .putNull("tool_call_id");
        ObjectNode assistant = messages.addObject().put("role", "assistant").putNull("content");
        assistant.put("refusal", (String) null);
        ObjectNode call =
            assistant
                .putArray("tool_calls")
                .addObject()
                .put("id", "call_" + index)
                .put("type", "function");
        call.putObject("function")
            .put("name", "lookup_order")
            .put("arguments", "{\"order\": " + index + "}");
        messages
            .addObject()
            .put("role", "tool")
            .put("tool_call_id", "call_" + index)
            .put("content", "shipped");
      }
      case 2 -> {
        ArrayNode content =
            datapoint.putArray("messages").addObject().put("role", "user").putArray("content");
        content.addObject().put("type", "text").put("text", "What is in this picture?");
        content
            .addObject()
            .put("type", "image_url")
            .putObject("image_url")
            .put("url", "https://images.example/" + index + ".png")
            .put("detail", "high");
        content
            .addObject()
            .put("type", "input_audio")
            .putObject("input_audio")
            .put("data", "UklGR")
            .put("format", "wav");
      }
      default ->
          datapoint
              .putArray("messages")
              .addObject()
              .put("role", "system")
              .put("content", "Be brief.")
              .putObject("cache_control")
              .put("type", "ephemeral");
    }
    if (index % 3 == 0) {
      datapoint.putNull("target");
    } else {
      datapoint
          .putObject("target")
          .put("output", "Answer " + index)
          .put("score", new java.math.BigDecimal("0.10"))
          .putNull("reviewer")
          .putArray("labels")
          .add("a")
          .add(index);
    }
    return datapoint;
  }

  public final class DatasetBuilder {
    public final String id;
    public final String path;
    private final List<VersionSpec> versions = new ArrayList<>();
    private final List<String[]> deployments = new ArrayList<>();

    private DatasetBuilder(String id, String path) {
      this.id = id;
      this.path = path;
    }

    /** A version holding datapoints {@code first} … {@code first + count - 1}; returns its id. */
    public String version(String name, int first, int count) {
      String versionId = humanloopId("dsv_");
      versions.add(
          new VersionSpec(
              versionId,
              name,
              first,
              count,
              Instant.parse("2025-03-01T10:15:30Z")
                  .plus(java.time.Duration.ofHours(versions.size()))
                  .plusNanos(123_456_789L)));
      return versionId;
    }

    public DatasetBuilder deploy(String versionId, String environmentName) {
      deployments.add(new String[] {versionId, environmentName});
      return this;
    }

    public Path folder() {
      return root.resolve("files").resolve(id);
    }

    /**
     * Writes every file of the dataset, {@code .done} last; versions without datapoints get no
     * folder.
     */
    public DatasetBuilder write() throws IOException {
      Path dir = folder();
      Files.createDirectories(dir.resolve("versions"));
      ObjectNode file = versionJson(versions.get(versions.size() - 1));
      writeJson(dir.resolve("file.json"), file);
      for (VersionSpec version : versions) {
        writeJson(dir.resolve("versions").resolve(version.id), versionJson(version));
        if (version.count > 0) {
          Path datapoints = dir.resolve("datapoints").resolve(version.id);
          Files.createDirectories(datapoints);
          writeJsonl(datapoints, version);
        }
      }
      ArrayNode deployed = JSON.arrayNode();
      for (String[] deployment : deployments) {
        deployed
            .addObject()
            .put("version_id", deployment[0])
            .put("environment_id", "env_" + deployment[1])
            .put("environment_name", deployment[1])
            .put("environment_tag", "default");
      }
      writeJson(dir.resolve("deployments.json"), deployed);
      Files.writeString(dir.resolve(".done"), "Export completed successfully.\n");
      return this;
    }

    /** As the tool splits them: the first file holds 1,001 lines, each next one 1,000. */
    private void writeJsonl(Path dir, VersionSpec version) throws IOException {
      int written = 0;
      int fileNumber = 1;
      while (written < version.count) {
        int lines = Math.min(version.count - written, fileNumber == 1 ? 1001 : 1000);
        try (BufferedWriter out =
            Files.newBufferedWriter(dir.resolve(fileNumber + ".jsonl"), StandardCharsets.UTF_8)) {
          for (int i = 0; i < lines; i++) {
            out.write(datapoint(version.first + written + i).toString());
            out.write('\n');
          }
        }
        written += lines;
        fileNumber++;
      }
    }

    private ObjectNode versionJson(VersionSpec version) {
      ObjectNode json =
          JSON.objectNode()
              .put("path", path)
              .put("id", id)
              .put("name", path.substring(path.lastIndexOf('/') + 1))
              .put("version_id", version.id)
              .put("type", "dataset")
              .put("created_at", MICROS.format(version.createdAt))
              .put("updated_at", MICROS.format(version.createdAt.plusSeconds(60)))
              .put("status", "committed")
              .put("last_used_at", MICROS.format(version.createdAt.plusSeconds(60)))
              .put("version_name", version.name)
              .put("version_description", "Description of " + version.name)
              .put("datapoints_count", version.count)
              .put("readme", "# Read me\nAbout " + path)
              .put("description", "A dataset")
              .put("directory_id", humanloopId("dir_"))
              .put("commit_message", (String) null);
      json.putArray("tags").add("support").add("eval");
      json.putObject("schema").put("type", "object");
      json.putObject("attributes")
          .put("source", "humanloop")
          .put("round", versions.indexOf(version))
          .putObject("nested")
          .putNull("empty");
      json.putObject("created_by")
          .put("id", "usr_" + version.id.substring(4, 12))
          .put("email_address", "ada@humanloop.example")
          .put("full_name", "Ada L.");
      ArrayNode environments = json.putArray("environments");
      for (String[] deployment : deployments) {
        if (deployment[0].equals(version.id)) {
          environments
              .addObject()
              .put("id", "env_" + deployment[1])
              .put("created_at", "2024-01-01T00:00:00Z")
              .put("name", deployment[1])
              .put("tag", "default");
        }
      }
      return json;
    }
  }

  private record VersionSpec(String id, String name, int first, int count, Instant createdAt) {}

  static void writeJson(Path file, JsonNode json) {
    try {
      Files.writeString(file, json.toString(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
