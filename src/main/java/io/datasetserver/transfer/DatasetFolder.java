package io.datasetserver.transfer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.datasetserver.imports.ImportedDatapoint;
import io.datasetserver.transfer.Layout.Malformed;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * One file's folder of an export, read for an import. {@link #check} reads everything once, line by
 * line, and proves the dataset complete and well formed without keeping its datapoints; {@link
 * #forEachChunk} then streams a version's datapoint lines a chunk at a time.
 */
final class DatasetFolder {
  private final Path folder;

  /** {@code files/FILE_ID}, for messages. */
  private final String location;

  DatasetFolder(Path folder) {
    this.folder = folder;
    this.location = Layout.FILES + "/" + folder.getFileName();
  }

  String location() {
    return location;
  }

  /** A dataset as its files describe it; {@code versions} by version id, in name order. */
  record Checked(
      JsonNode file, Map<String, JsonNode> versions, JsonNode deployments, long datapoints) {
    String id() {
      return file.path("id").asText();
    }

    String path() {
      return file.path("path").asText();
    }
  }

  /** The file's {@code type} from {@code file.json} ("dataset", "prompt", …). */
  String type() throws Malformed {
    JsonNode type = readJson(folder.resolve(Layout.FILE_JSON), Layout.FILE_JSON).path("type");
    if (!type.isTextual()) {
      throw new Malformed(location + "/" + Layout.FILE_JSON, "has no \"type\"");
    }
    return type.textValue();
  }

  /**
   * Validates the whole dataset (metadata, every datapoint line, every count) without keeping
   * datapoints.
   */
  Checked check() throws Malformed {
    JsonNode file = readJson(folder.resolve(Layout.FILE_JSON), Layout.FILE_JSON);
    if (!Files.exists(folder.resolve(Layout.DONE))) {
      throw new Malformed(
          location + "/" + Layout.DONE, "missing: the export of this file did not finish");
    }
    String id = file.path("id").asText(null);
    if (!folder.getFileName().toString().equals(id)) {
      throw new Malformed(location + "/" + Layout.FILE_JSON, "its \"id\" is not the folder's name");
    }
    if (!file.path("path").isTextual()) {
      throw new Malformed(location + "/" + Layout.FILE_JSON, "has no \"path\"");
    }
    Map<String, JsonNode> versions = versions();
    JsonNode deployments = readJson(folder.resolve(Layout.DEPLOYMENTS), Layout.DEPLOYMENTS);
    if (!deployments.isArray()) {
      throw new Malformed(location + "/" + Layout.DEPLOYMENTS, "is not a JSON array");
    }
    for (JsonNode deployment : deployments) {
      if (!versions.containsKey(deployment.path("version_id").asText())
          || !deployment.path("environment_name").isTextual()) {
        throw new Malformed(
            location + "/" + Layout.DEPLOYMENTS,
            "every entry names one of the dataset's versions and an environment_name");
      }
    }
    checkNoStrayDatapoints(versions.keySet());
    long total = 0;
    for (Map.Entry<String, JsonNode> version : versions.entrySet()) {
      long expected = version.getValue().path("datapoints_count").asLong();
      long lines =
          forEachLine(
              version.getKey(),
              (line, node, where) -> {
                String problem = ImportedDatapoint.problem(node);
                if (problem != null) {
                  throw new Malformed(where, "not a datapoint: " + problem);
                }
              });
      if (lines != expected) {
        throw new Malformed(
            location + "/" + Layout.DATAPOINTS + "/" + version.getKey(),
            lines
                + " datapoints, but "
                + Layout.VERSIONS
                + "/"
                + version.getKey()
                + " has datapoints_count "
                + expected);
      }
      total += lines;
    }
    return new Checked(file, versions, deployments, total);
  }

  /** A chunk of datapoint lines as read (JSON text) and where each came from. */
  record Chunk(List<String> lines, List<String> locations) {}

  interface ChunkSink {
    void accept(Chunk chunk) throws Malformed;
  }

  /**
   * Streams a version's datapoint lines in chunks of at most {@code size} lines and, unless one
   * line is longer, {@code maxChars} characters (none for a version without datapoints).
   */
  void forEachChunk(String versionId, int size, long maxChars, ChunkSink sink) throws Malformed {
    List<String> lines = new ArrayList<>(size);
    List<String> locations = new ArrayList<>(size);
    long[] chars = {0};
    forEachLine(
        versionId,
        (line, node, where) -> {
          if (!lines.isEmpty() && chars[0] + line.length() > maxChars) {
            sink.accept(new Chunk(List.copyOf(lines), List.copyOf(locations)));
            lines.clear();
            locations.clear();
            chars[0] = 0;
          }
          lines.add(line);
          locations.add(where);
          chars[0] += line.length();
          if (lines.size() == size) {
            sink.accept(new Chunk(List.copyOf(lines), List.copyOf(locations)));
            lines.clear();
            locations.clear();
            chars[0] = 0;
          }
        });
    if (!lines.isEmpty()) {
      sink.accept(new Chunk(lines, locations));
    }
  }

  private interface LineVisitor {
    void visit(String line, JsonNode node, String where) throws Malformed;
  }

  /** Visits every datapoint line of the version in order, parsed; returns how many there were. */
  private long forEachLine(String versionId, LineVisitor visitor) throws Malformed {
    String versionLocation = location + "/" + Layout.DATAPOINTS + "/" + versionId;
    long count = 0;
    for (Path jsonl :
        Layout.jsonlFiles(folder.resolve(Layout.DATAPOINTS).resolve(versionId), versionLocation)) {
      String fileLocation = versionLocation + "/" + jsonl.getFileName();
      try (BufferedReader reader = Files.newBufferedReader(jsonl, StandardCharsets.UTF_8)) {
        int number = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
          number++;
          String where = fileLocation + " line " + number;
          if (line.isBlank()) {
            throw new Malformed(where, "an empty line is not a datapoint");
          }
          JsonNode node;
          try {
            node = Layout.JSON.readTree(line);
          } catch (JsonProcessingException e) {
            throw new Malformed(where, "bad JSON: " + e.getOriginalMessage());
          }
          visitor.visit(line, node, where);
          count++;
        }
      } catch (IOException e) {
        throw new Malformed(fileLocation, "cannot be read: " + e.getMessage());
      }
    }
    return count;
  }

  private Map<String, JsonNode> versions() throws Malformed {
    Path versionsFolder = folder.resolve(Layout.VERSIONS);
    Map<String, JsonNode> versions = new LinkedHashMap<>();
    if (Files.isDirectory(versionsFolder)) {
      try (Stream<Path> files = Files.list(versionsFolder)) {
        for (Path file :
            files.filter(f -> !f.getFileName().toString().startsWith(".")).sorted().toList()) {
          String name = file.getFileName().toString();
          String where = Layout.VERSIONS + "/" + name;
          JsonNode version = readJson(file, where);
          if (!name.equals(version.path("version_id").asText(null))) {
            throw new Malformed(
                location + "/" + where, "its \"version_id\" is not the file's name");
          }
          if (!version.path("datapoints_count").canConvertToLong()
              || version.path("datapoints_count").asLong() < 0) {
            throw new Malformed(location + "/" + where, "has no valid \"datapoints_count\"");
          }
          versions.put(name, version);
        }
      } catch (IOException e) {
        throw new Malformed(location + "/" + Layout.VERSIONS, "cannot be read: " + e.getMessage());
      }
    }
    if (versions.isEmpty()) {
      throw new Malformed(
          location + "/" + Layout.VERSIONS, "missing or empty: a dataset has at least one version");
    }
    return versions;
  }

  private void checkNoStrayDatapoints(Set<String> versionIds) throws Malformed {
    Path datapoints = folder.resolve(Layout.DATAPOINTS);
    if (!Files.isDirectory(datapoints)) {
      return;
    }
    Set<String> known = new HashSet<>(versionIds);
    try (Stream<Path> children = Files.list(datapoints)) {
      for (Path child : children.toList()) {
        String name = child.getFileName().toString();
        if (!name.startsWith(".") && !known.contains(name)) {
          throw new Malformed(
              location + "/" + Layout.DATAPOINTS + "/" + name,
              "datapoints of a version that " + Layout.VERSIONS + "/ does not have");
        }
      }
    } catch (IOException e) {
      throw new Malformed(location + "/" + Layout.DATAPOINTS, "cannot be read: " + e.getMessage());
    }
  }

  private JsonNode readJson(Path file, String name) throws Malformed {
    String where = location + "/" + name;
    try {
      JsonNode node = Layout.JSON.readTree(Files.readAllBytes(file));
      if (node == null || node.isMissingNode()) {
        throw new Malformed(where, "is empty");
      }
      return node;
    } catch (NoSuchFileException e) {
      throw new Malformed(where, "missing");
    } catch (JsonProcessingException e) {
      throw new Malformed(
          where + " line " + e.getLocation().getLineNr(), "bad JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new Malformed(where, "cannot be read: " + e.getMessage());
    }
  }
}
