package io.datasetserver.transfer;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The export layout written by Humanloop's export tool (contract §9), one folder per file:
 *
 * <pre>
 * EXPORT/files/FILE_ID/file.json                        the file (type "dataset" for datasets)
 * EXPORT/files/FILE_ID/versions/VERSION_ID              one version, as GET …/versions lists it
 * EXPORT/files/FILE_ID/datapoints/VERSION_ID/N.jsonl    its datapoints in order over 1.jsonl, 2.jsonl, …
 * EXPORT/files/FILE_ID/deployments.json                 [{version_id, environment_id, environment_name, environment_tag}]
 * EXPORT/files/FILE_ID/.done                            written last
 * EXPORT/export.log
 * </pre>
 */
public final class Layout {
  /** Exact numbers (0.1 stays 0.1), duplicate keys and trailing garbage refused. */
  public static final ObjectMapper JSON =
      JsonMapper.builder()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .build();

  public static final String FILES = "files";
  public static final String FILE_JSON = "file.json";
  public static final String VERSIONS = "versions";
  public static final String DATAPOINTS = "datapoints";
  public static final String DEPLOYMENTS = "deployments.json";
  public static final String DONE = ".done";
  public static final String LOG = "export.log";

  /** Lines per JSONL file this server's export writes (an import reads any number). */
  public static final int LINES_PER_FILE = 1000;

  private static final Pattern JSONL = Pattern.compile("([1-9][0-9]{0,8})\\.jsonl");

  private Layout() {}

  /** A problem with the folder's contents, located as {@code files/FILE_ID/… line N}. */
  public static final class Malformed extends Exception {
    private static final long serialVersionUID = 1L;

    public Malformed(String location, String message) {
      super(location + ": " + message);
    }
  }

  /** The folder of every file, in name order. */
  public static List<Path> fileFolders(Path export) {
    Path files = export.resolve(FILES);
    if (!Files.isDirectory(files)) {
      return List.of();
    }
    try (Stream<Path> children = Files.list(files)) {
      return children.filter(Files::isDirectory).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A version's JSONL files in numeric order; none when its folder is missing (a version without
   * datapoints). A gap in the numbering, or a file that is not {@code N.jsonl}, is malformed.
   */
  public static List<Path> jsonlFiles(Path versionFolder, String location) throws Malformed {
    if (!Files.isDirectory(versionFolder)) {
      return List.of();
    }
    Map<Integer, Path> numbered = new TreeMap<>();
    try (Stream<Path> children = Files.list(versionFolder)) {
      for (Path child : children.toList()) {
        String name = child.getFileName().toString();
        if (name.startsWith(".")) {
          continue;
        }
        Matcher matcher = JSONL.matcher(name);
        if (!matcher.matches() || !Files.isRegularFile(child)) {
          throw new Malformed(
              location + "/" + name, "not a datapoints file (expected 1.jsonl, 2.jsonl, …)");
        }
        numbered.put(Integer.parseInt(matcher.group(1)), child);
      }
    } catch (IOException e) {
      throw new Malformed(location, "cannot be read: " + e.getMessage());
    }
    List<Path> files = new ArrayList<>();
    int expected = 1;
    for (Map.Entry<Integer, Path> entry : numbered.entrySet()) {
      if (entry.getKey() != expected) {
        throw new Malformed(
            location + "/" + expected + ".jsonl",
            "missing (" + entry.getValue().getFileName() + " exists)");
      }
      files.add(entry.getValue());
      expected++;
    }
    return files;
  }
}
