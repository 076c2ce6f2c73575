package io.datasetserver.datasets;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A version as a CSV file (contract §8.2), the counterpart of {@link CsvRows}: a column per input
 * key in order of first appearance, then {@code messages} and {@code target} as JSON when any
 * datapoint has them. The version is read twice, once for the header and once for the rows, so
 * memory does not grow with its size.
 */
public final class CsvExport {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private final DatasetService datasets;
  private final Version version;
  private final List<String> inputKeys;
  private final boolean messages;
  private final boolean target;

  private CsvExport(
      DatasetService datasets,
      Version version,
      List<String> inputKeys,
      boolean messages,
      boolean target) {
    this.datasets = datasets;
    this.version = version;
    this.inputKeys = inputKeys;
    this.messages = messages;
    this.target = target;
  }

  /**
   * Reads the version once for its columns. An input key that the upload would read as something
   * else ({@code messages}, {@code target}, {@code target.KEY}) cannot come back as an input, so
   * such a version is refused rather than exported wrongly.
   */
  public static CsvExport of(DatasetService datasets, Version version) {
    Set<String> keys = new LinkedHashSet<>();
    boolean[] seen = {false, false};
    datasets.forEachDatapoint(
        version,
        (id, json) -> {
          JsonNode content = parse(json);
          content.path("inputs").fieldNames().forEachRemaining(keys::add);
          seen[0] |= content.has("messages");
          seen[1] |= content.has("target");
        });
    for (String key : keys) {
      if (key.equals("messages") || key.equals("target") || key.startsWith("target.")) {
        throw new DatasetsException.Conflict(
            "Version "
                + version.id()
                + " has the input '"
                + key
                + "', which a CSV upload reads as a datapoint's "
                + (key.equals("messages") ? "messages" : "target")
                + "; export it as jsonl instead");
      }
    }
    return new CsvExport(datasets, version, List.copyOf(keys), seen[0], seen[1]);
  }

  public List<String> header() {
    List<String> header = new ArrayList<>(inputKeys);
    if (messages) {
      header.add("messages");
    }
    if (target) {
      header.add("target");
    }
    return header;
  }

  /**
   * Writes the file (RFC 4180): the header row, then one row per datapoint in the version's order.
   */
  public void write(Appendable out) throws IOException {
    List<String> header = header();
    if (header.isEmpty()) {
      return;
    }
    CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180);
    printer.printRecord(header);
    List<String> cells = new ArrayList<>(header.size());
    try {
      datasets.forEachDatapoint(
          version,
          (id, json) -> {
            JsonNode content = parse(json);
            cells.clear();
            for (String key : inputKeys) {
              JsonNode value = content.path("inputs").path(key);
              cells.add(value.isMissingNode() ? "" : value.asText());
            }
            if (messages) {
              cells.add(
                  content.has("messages") ? CanonicalJson.write(content.get("messages")) : "");
            }
            if (target) {
              cells.add(content.has("target") ? CanonicalJson.write(content.get("target")) : "");
            }
            try {
              printer.printRecord(cells);
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    printer.flush();
  }

  private static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
