package io.datasetserver.api;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.datasetserver.cache.ImmutableCache;
import io.datasetserver.datasets.ChangeCount;
import io.datasetserver.datasets.DatapointPage;
import io.datasetserver.datasets.Dataset;
import io.datasetserver.datasets.DatasetService;
import io.datasetserver.datasets.DatasetService.DatasetEnvironments;
import io.datasetserver.datasets.Environment;
import io.datasetserver.datasets.Ids;
import io.datasetserver.datasets.Page;
import io.datasetserver.datasets.PageRequest;
import io.datasetserver.datasets.StateToken;
import io.datasetserver.datasets.StoredDatapoint;
import io.datasetserver.datasets.UpsertPreview;
import io.datasetserver.datasets.Version;
import io.datasetserver.datasets.VersionView;
import io.datasetserver.generated.model.DatasetResponse;
import io.datasetserver.generated.model.EnvironmentResponse;
import io.datasetserver.generated.model.EnvironmentTag;
import io.datasetserver.generated.model.FileEnvironmentResponse;
import io.datasetserver.generated.model.PaginatedDatasetResponse;
import io.datasetserver.generated.model.UpsertDryRunResponse;
import io.datasetserver.generated.model.UserResponse;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Turns domain results into HTTP responses with the generated models. Datapoints are the exception:
 * they are stored as canonical JSON and written out verbatim, streamed when a whole version is
 * asked for, so a version of any size is served in bounded memory.
 */
final class ApiResponses {
  private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};
  private static final byte[] COMMA = {','};
  private static final byte[] ID_FIELD = "{\"id\":\"".getBytes(StandardCharsets.UTF_8);

  /**
   * Bytes of datapoints gathered before they go to the container's stream: each write to it passes
   * through several layers, so one per datapoint field cost more than the copy.
   */
  static final int DATAPOINT_BUFFER = 1 << 16;

  /** Bytes of rendered version metadata kept; a few thousand datasets' worth. */
  private static final long RENDERED_CACHE_BYTES = 8L << 20;

  private final DatasetService datasets;
  private final ObjectMapper mapper;

  /**
   * A version's metadata as JSON, keyed by dataset id, dataset revision and version id. Every
   * change to a dataset raises its revision, so an entry can never go stale, and the hot read path
   * skips building and serialising the model.
   */
  private final ImmutableCache<String, byte[]> renderedViews =
      new ImmutableCache<>(RENDERED_CACHE_BYTES, b -> b.length);

  ApiResponses(DatasetService datasets, ObjectMapper mapper) {
    this.datasets = datasets;
    this.mapper = mapper;
  }

  Response dataset(VersionView view, boolean includeDatapoints) {
    if (!includeDatapoints) {
      return tagged(Response.ok(rendered(view), MediaType.APPLICATION_JSON_TYPE), view.dataset());
    }
    return tagged(jsonBuilder(out -> writeWithDatapoints(out, view)), view.dataset());
  }

  /** 204 for a write that leaves the dataset in place, with the ETag of the state it left. */
  Response noContent(Dataset dataset) {
    return tagged(Response.noContent(), dataset);
  }

  /** A dry run's report (contract §8.4), with the ETag of the state it was computed against. */
  Response preview(UpsertPreview preview) {
    ChangeCount counts = preview.counts();
    UpsertDryRunResponse body =
        new UpsertDryRunResponse(
            true,
            preview.createsDataset(),
            preview.createsVersion(),
            (int) counts.added(),
            (int) counts.removed(),
            (int) counts.changed(),
            (int) counts.unchanged(),
            preview.attributesChanged(),
            (int) preview.datapointsCount());
    body.setVersionId(preview.identicalVersionId());
    body.setBaseVersionId(preview.baseVersionId());
    Response.ResponseBuilder response = Response.ok(body, MediaType.APPLICATION_JSON_TYPE);
    return preview.current() == null ? response.build() : tagged(response, preview.current());
  }

  /** Sets the dataset's ETag (contract §8.3): a strong tag of its current state. */
  private static Response tagged(Response.ResponseBuilder response, Dataset dataset) {
    return response.header(HttpHeaders.ETAG, "\"" + StateToken.of(dataset) + "\"").build();
  }

  Response datasetPage(Page<VersionView> page) {
    PaginatedDatasetResponse body =
        new PaginatedDatasetResponse(
            page.records().stream().map(this::model).toList(),
            page.request().page(),
            page.request().size(),
            (int) page.total());
    return Response.ok(body).build();
  }

  Response datapointPage(Page<StoredDatapoint> page) {
    return datapointPage(
        page.request(),
        page.total(),
        sink -> page.records().forEach(d -> sink.accept(d.id(), d.contentJson())));
  }

  /** A page of a version's datapoints, written while the rest of the page is read. */
  Response datapointPage(DatapointPage page) {
    return datapointPage(page.request(), page.total(), page::forEach);
  }

  private Response datapointPage(
      PageRequest request, long total, Consumer<BiConsumer<String, String>> records) {
    return json(
        response -> {
          OutputStream out = new BufferedOutputStream(response, DATAPOINT_BUFFER);
          write(out, "{\"records\":[");
          records.accept(commaSeparated(out));
          write(
              out,
              "],\"page\":"
                  + request.page()
                  + ",\"size\":"
                  + request.size()
                  + ",\"total\":"
                  + total
                  + "}");
          out.flush();
        });
  }

  /**
   * Every version, newest first; with {@code latestDatapoints} the newest carries its datapoints.
   */
  Response versions(List<VersionView> newestFirst, boolean latestDatapoints) {
    return tagged(
        jsonBuilder(
            out -> {
              write(out, "{\"records\":[");
              for (int i = 0; i < newestFirst.size(); i++) {
                if (i > 0) {
                  out.write(COMMA);
                }
                if (i == 0 && latestDatapoints) {
                  writeWithDatapoints(out, newestFirst.get(0));
                } else {
                  out.write(rendered(newestFirst.get(i)));
                }
              }
              write(out, "]}");
            }),
        newestFirst.get(0).dataset());
  }

  Response environments(DatasetEnvironments environments) {
    List<FileEnvironmentResponse> body =
        environments.environments().stream()
            .map(
                e -> {
                  Environment environment = e.environment();
                  FileEnvironmentResponse response =
                      new FileEnvironmentResponse(
                          environment.id(),
                          time(environment.createdAt()),
                          environment.name(),
                          tag(environment));
                  if (e.deployed() != null) {
                    response.setFile(model(e.deployed()));
                  }
                  return response;
                })
            .toList();
    return tagged(Response.ok(body), environments.dataset());
  }

  DatasetResponse model(VersionView view) {
    // The service hands out loaded views; this only guards a path that forgot to, at one query's
    // cost.
    Version version = datasets.withTexts(view).version();
    Instant updatedAt = version.updatedAt();
    DatasetResponse response =
        new DatasetResponse(
            view.dataset().id(),
            view.dataset().path().value(),
            view.dataset().path().name(),
            DatasetResponse.TypeEnum.DATASET,
            version.id(),
            attributes(version.attributesJson()),
            (int) version.datapointsCount(),
            view.environments().stream().map(ApiResponses::environment).toList(),
            time(version.createdAt()),
            time(updatedAt),
            time(updatedAt));
    response.setDirectoryId(
        Ids.directoryId(view.dataset().organizationId(), view.dataset().path().folder()));
    response.setVersionName(version.name());
    response.setVersionDescription(version.description());
    response.setCreatedBy(
        new UserResponse(version.createdBy().id(), version.createdBy().emailAddress())
            .fullName(version.createdBy().fullName()));
    return response;
  }

  private byte[] rendered(VersionView view) {
    String key = view.dataset().id() + "@" + view.dataset().revision() + "/" + view.version().id();
    byte[] json = renderedViews.get(key);
    if (json == null) {
      try {
        json = mapper.writeValueAsBytes(model(view));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      renderedViews.put(key, json);
    }
    return json;
  }

  private void writeWithDatapoints(OutputStream response, VersionView view) throws IOException {
    OutputStream out = new BufferedOutputStream(response, DATAPOINT_BUFFER);
    byte[] metadata = rendered(view);
    // The metadata object without its closing brace, then the datapoints array.
    out.write(metadata, 0, metadata.length - 1);
    write(out, ",\"datapoints\":[");
    datasets.forEachDatapoint(view.version(), commaSeparated(out));
    write(out, "]}");
    out.flush();
  }

  /** A sink writing each datapoint it is given to {@code out}, separated by commas. */
  private static BiConsumer<String, String> commaSeparated(OutputStream out) {
    boolean[] first = {true};
    return (id, content) -> {
      try {
        if (!first[0]) {
          out.write(COMMA);
        }
        first[0] = false;
        writeDatapoint(out, id, content);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    };
  }

  /** {@code {"id": ..., <the content's fields>}}; the content is a canonical JSON object. */
  static void writeDatapoint(OutputStream out, String id, String contentJson) throws IOException {
    out.write(ID_FIELD);
    out.write(id.getBytes(StandardCharsets.US_ASCII));
    out.write('"');
    byte[] content = contentJson.getBytes(StandardCharsets.UTF_8);
    if (content.length > 2) {
      out.write(',');
      // The content without its opening brace.
      out.write(content, 1, content.length - 1);
    } else {
      out.write('}');
    }
  }

  private Map<String, Object> attributes(String json) {
    try {
      return mapper.readValue(json, OBJECT);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static EnvironmentResponse environment(Environment environment) {
    return new EnvironmentResponse(
        environment.id(), time(environment.createdAt()), environment.name(), tag(environment));
  }

  private static EnvironmentTag tag(Environment environment) {
    return environment.isDefault() ? EnvironmentTag.DEFAULT : EnvironmentTag.OTHER;
  }

  private static OffsetDateTime time(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  private static void write(OutputStream out, String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.UTF_8));
  }

  private static Response json(StreamingOutput body) {
    return jsonBuilder(body).build();
  }

  private static Response.ResponseBuilder jsonBuilder(StreamingOutput body) {
    return Response.ok(body, MediaType.APPLICATION_JSON_TYPE);
  }
}
