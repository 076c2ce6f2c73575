package io.datasetserver.datasets;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.datasetserver.datasets.DatasetsException.FieldError;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;

/**
 * Reads an uploaded CSV into datapoints (the column mapping is in the contract's CSV section):
 * {@code messages} holds a JSON array of chat messages, {@code target} the target (a JSON object,
 * or text that becomes {@code {"output": text}}), {@code target.KEY} one target field, and every
 * other column an input. The file is read as a stream; any bad row rejects it all.
 */
public final class CsvRows {
  /** Cells are JSON only when the whole cell is one JSON value; numbers keep every digit. */
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private static final List<Object> FILE = List.of("body", "file");

  private CsvRows() {}

  public static List<DatapointContent> read(InputStream file, long maxBytes) {
    CSVFormat format =
        CSVFormat.RFC4180
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true)
            .setDuplicateHeaderMode(DuplicateHeaderMode.DISALLOW)
            .setAllowMissingColumnNames(true)
            .get();
    List<DatapointContent> rows = new ArrayList<>();
    long row = 0;
    Reader utf8 = new StrictUtf8Reader(new LimitedInputStream(file, maxBytes));
    try (BufferedReader reader = new BufferedReader(utf8)) {
      skipByteOrderMark(reader);
      CSVParser parser;
      try {
        parser = format.parse(reader);
      } catch (IllegalArgumentException e) {
        throw invalid("Invalid header row: " + e.getMessage());
      } catch (StrictUtf8Reader.NotUtf8 e) {
        throw notUtf8("the header row");
      }
      List<String> header = parser.getHeaderNames();
      if (header.isEmpty()) {
        throw invalid("The file has no header row");
      }
      Iterator<CSVRecord> records = parser.iterator();
      while (true) {
        CSVRecord record;
        try {
          if (!records.hasNext()) {
            break;
          }
          record = records.next();
        } catch (UncheckedIOException e) {
          // The reader fails only when the parser reaches the bad bytes: they are in the row being
          // read.
          throw e.getCause() instanceof StrictUtf8Reader.NotUtf8
              ? notUtf8("row " + (row + 1))
              : unreadable(e.getCause(), row + 1);
        }
        row++;
        if (record.size() != header.size()) {
          throw invalid(
              "Row "
                  + row
                  + " has "
                  + record.size()
                  + " cells but the header has "
                  + header.size());
        }
        rows.add(datapoint(header, record, row));
      }
    } catch (IOException e) {
      throw unreadable(e, row + 1);
    }
    return rows;
  }

  private static DatasetsException unreadable(Throwable cause, long row) {
    if (cause instanceof LimitedInputStream.LimitExceeded tooLarge) {
      return new DatasetsException.TooLarge(
          "The file is larger than the limit of " + tooLarge.maxBytes() + " bytes");
    }
    return invalid("Row " + row + " cannot be parsed: " + cause.getMessage());
  }

  private static DatapointContent datapoint(List<String> header, CSVRecord record, long row) {
    ObjectNode inputs = JsonNodeFactory.instance.objectNode();
    ObjectNode datapoint = JsonNodeFactory.instance.objectNode();
    ObjectNode target = null;
    List<Map.Entry<String, String>> targetFields = new ArrayList<>();
    for (int i = 0; i < header.size(); i++) {
      String column = header.get(i);
      String cell = record.get(i);
      if (column.equals("messages")) {
        if (!cell.isEmpty()) {
          JsonNode messages = parseJson(cell);
          if (messages == null || !messages.isArray()) {
            throw invalid(
                "Row " + row + ", column 'messages': expected a JSON array of chat messages");
          }
          datapoint.set("messages", messages);
        }
      } else if (column.equals("target")) {
        if (!cell.isEmpty()) {
          JsonNode parsed = parseJson(cell);
          target =
              parsed != null && parsed.isObject()
                  ? (ObjectNode) parsed
                  : JsonNodeFactory.instance.objectNode().put("output", cell);
        }
      } else if (column.startsWith("target.")) {
        if (!cell.isEmpty()) {
          targetFields.add(Map.entry(column.substring("target.".length()), cell));
        }
      } else {
        inputs.put(column, cell);
      }
    }
    for (Map.Entry<String, String> field : targetFields) {
      if (target == null) {
        target = JsonNodeFactory.instance.objectNode();
      }
      JsonNode parsed = parseJson(field.getValue());
      target.set(
          field.getKey(),
          parsed != null ? parsed : JsonNodeFactory.instance.textNode(field.getValue()));
    }
    datapoint.set("inputs", inputs);
    if (target != null) {
      datapoint.set("target", target);
    }
    try {
      return DatapointContent.from(datapoint, List.of());
    } catch (DatasetsException.Invalid e) {
      FieldError first = e.errors().get(0);
      throw invalid(
          "Row "
              + row
              + ": "
              + (first.location().isEmpty() ? "" : first.location() + " ")
              + first.message());
    }
  }

  /** The cell as JSON, or null when it is not JSON. */
  private static JsonNode parseJson(String cell) {
    try {
      return JSON.readTree(cell);
    } catch (IOException e) {
      return null;
    }
  }

  private static void skipByteOrderMark(BufferedReader reader) throws IOException {
    reader.mark(1);
    if (reader.read() != '\uFEFF') {
      reader.reset();
    }
  }

  private static DatasetsException.Invalid notUtf8(String where) {
    return invalid("The file is not valid UTF-8: " + where + " holds bytes that are not UTF-8");
  }

  private static DatasetsException.Invalid invalid(String message) {
    return new DatasetsException.Invalid(new FieldError(FILE, message, "value_error"));
  }
}
