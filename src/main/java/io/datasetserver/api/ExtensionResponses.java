package io.datasetserver.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.datasetserver.datasets.CsvExport;
import io.datasetserver.datasets.DatasetService;
import io.datasetserver.datasets.DiffService;
import io.datasetserver.datasets.StoredDatapoint;
import io.datasetserver.datasets.VersionDiff;
import io.datasetserver.datasets.VersionView;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * The responses of the extensions (contract §8.1, §8.2): a comparison as JSON, a version as a
 * streamed file.
 */
final class ExtensionResponses {
  // As text, so that the header goes out exactly as the contract spells it (Jersey drops the
  // space).
  private static final String JSONL = "application/x-ndjson";
  private static final String CSV = "text/csv; charset=utf-8";

  private final DatasetService datasets;
  private final ObjectMapper mapper;
  private final ApiResponses responses;

  ExtensionResponses(DatasetService datasets, ObjectMapper mapper) {
    this.datasets = datasets;
    this.mapper = mapper;
    this.responses = new ApiResponses(datasets, mapper);
  }

  Response diff(DiffService.Comparison comparison) {
    VersionDiff diff = comparison.diff();
    ObjectNode body = mapper.createObjectNode();
    body.set("from", mapper.valueToTree(responses.model(comparison.from())));
    body.set("to", mapper.valueToTree(responses.model(comparison.to())));
    body.put("added", diff.added())
        .put("removed", diff.removed())
        .put("changed", diff.changed())
        .put("unchanged", diff.unchanged())
        .put("attributes_changed", comparison.attributesChanged());
    ArrayNode records = body.putArray("records");
    for (VersionDiff.Record record : comparison.records().records()) {
      ObjectNode item =
          records.addObject().put("change", ContractEnums.change(record.change()).toString());
      if (record.before() != null) {
        item.set("before", datapoint(record.before()));
      }
      if (record.after() != null) {
        item.set("after", datapoint(record.after()));
      }
      if (record.change() == VersionDiff.Change.CHANGED) {
        record.fields().forEach(item.putArray("fields")::add);
      }
    }
    body.put("page", comparison.records().request().page())
        .put("size", comparison.records().request().size())
        .put("total", comparison.records().total());
    return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).build();
  }

  /**
   * Every datapoint of the version, one JSON object a line, as {@code GET …/datapoints} renders
   * them.
   */
  Response jsonl(VersionView view) {
    StreamingOutput body =
        response -> {
          OutputStream out = new BufferedOutputStream(response, ApiResponses.DATAPOINT_BUFFER);
          try {
            datasets.forEachDatapoint(
                view.version(),
                (id, content) -> {
                  try {
                    ApiResponses.writeDatapoint(out, id, content);
                    out.write('\n');
                  } catch (IOException e) {
                    throw new UncheckedIOException(e);
                  }
                });
          } catch (UncheckedIOException e) {
            throw e.getCause();
          }
          out.flush();
        };
    return file(view, body, JSONL, ".jsonl");
  }

  Response csv(VersionView view, CsvExport export) {
    StreamingOutput body =
        out -> {
          Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
          export.write(writer);
          writer.flush();
        };
    return file(view, body, CSV, ".csv");
  }

  /** An attachment named NAME-VERSION: the dataset's name, the version's name or else its id. */
  private static Response file(
      VersionView view, StreamingOutput body, String type, String extension) {
    String version = view.version().name() != null ? view.version().name() : view.version().id();
    String name = view.dataset().path().name() + "-" + version + extension;
    return Response.ok(body)
        .header(HttpHeaders.CONTENT_TYPE, type)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment(name))
        .build();
  }

  private JsonNode datapoint(StoredDatapoint datapoint) {
    try {
      ObjectNode node = mapper.createObjectNode().put("id", datapoint.id());
      node.setAll((ObjectNode) mapper.readTree(datapoint.contentJson()));
      return node;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
