package io.datasetserver.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.datasetserver.auth.ApiKeyFilter;
import io.datasetserver.datasets.Caller;
import io.datasetserver.datasets.CsvExport;
import io.datasetserver.datasets.DatasetService;
import io.datasetserver.datasets.DatasetsException;
import io.datasetserver.datasets.DatasetsException.FieldError;
import io.datasetserver.datasets.DiffService;
import io.datasetserver.datasets.PageRequest;
import io.datasetserver.datasets.StoredDatapoint;
import io.datasetserver.datasets.VersionDiff;
import io.datasetserver.datasets.VersionSelector;
import io.datasetserver.datasets.VersionView;
import io.datasetserver.generated.api.ExtensionsApi;
import io.datasetserver.storage.Database;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * This server's extensions to the Humanloop API (contract §8): comparing two versions and
 * exporting one as a file. Thin like {@link DatasetsResource}: parse, call the domain, render.
 */
@Singleton
public class ExtensionsResource implements ExtensionsApi {
  static final String JSONL = "application/x-ndjson";
  static final String CSV = "text/csv; charset=utf-8";

  private final DatasetService datasets;
  private final DiffService diffs;
  private final ObjectMapper mapper;
  private final ApiResponses responses;
  private final Provider<ContainerRequestContext> request;

  @Inject
  public ExtensionsResource(DatasetService datasets, Database database, ObjectMapper mapper,
      Provider<ContainerRequestContext> request) {
    this.datasets = datasets;
    this.diffs = new DiffService(datasets, database);
    this.mapper = mapper;
    this.responses = new ApiResponses(datasets, mapper);
    this.request = request;
  }

  @Override
  public Response diffVersions(String id, String fromVersionId, String fromEnvironment, String toVersionId,
      String toEnvironment, Integer page, Integer size) {
    VersionSelector from = DiffService.selector("from", fromVersionId, fromEnvironment);
    VersionSelector to = DiffService.selector("to", toVersionId, toEnvironment);
    PageRequest pageRequest = PageRequest.of(page, size, 50);
    DiffService.Comparison comparison = diffs.compare(caller(), id, from, to, pageRequest);
    VersionDiff diff = comparison.diff();
    ObjectNode body = mapper.createObjectNode();
    body.set("from", mapper.valueToTree(responses.model(comparison.from())));
    body.set("to", mapper.valueToTree(responses.model(comparison.to())));
    body.put("added", diff.added())
        .put("removed", diff.removed())
        .put("changed", diff.changed())
        .put("unchanged", diff.unchanged())
        .put("attributes_changed", comparison.attributesChanged());
    var records = body.putArray("records");
    for (VersionDiff.Record record : comparison.records().records()) {
      ObjectNode item = records.addObject().put("change", record.change().name().toLowerCase(Locale.ROOT));
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
    body.put("page", pageRequest.page()).put("size", pageRequest.size()).put("total", diff.total());
    return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).build();
  }

  @Override
  public Response exportVersion(String id, String format, String versionId, String environment) {
    boolean csv = switch (format == null ? "jsonl" : format) {
      case "jsonl" -> false;
      case "csv" -> true;
      default -> throw new DatasetsException.Invalid(FieldError.of("Input should be 'jsonl' or 'csv'", "enum",
          "query", "format"));
    };
    VersionView view = datasets.get(caller(), id, VersionSelector.of(versionId, environment));
    String version = view.version().name() != null ? view.version().name() : view.version().id();
    String disposition = ContentDisposition.attachment(
        view.dataset().path().name() + "-" + version + (csv ? ".csv" : ".jsonl"));
    StreamingOutput body;
    if (csv) {
      // Built before the response starts, so a refused version is still a clean 409.
      CsvExport export = CsvExport.of(datasets, view.version());
      body = out -> {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        export.write(writer);
        writer.flush();
      };
    } else {
      body = out -> {
        try {
          datasets.forEachDatapoint(view.version(), (datapointId, content) -> {
            try {
              ApiResponses.writeDatapoint(out, datapointId, content);
              out.write('\n');
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
        } catch (UncheckedIOException e) {
          throw e.getCause();
        }
      };
    }
    // As text, so that the header goes out exactly as the contract spells it.
    return Response.ok(body).header(HttpHeaders.CONTENT_TYPE, csv ? CSV : JSONL)
        .header(HttpHeaders.CONTENT_DISPOSITION, disposition).build();
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

  private Caller caller() {
    return ApiKeyFilter.caller(request.get());
  }
}
