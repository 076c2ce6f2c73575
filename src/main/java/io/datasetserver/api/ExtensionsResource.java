package io.datasetserver.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.datasetserver.auth.ApiKeyFilter;
import io.datasetserver.datasets.Caller;
import io.datasetserver.datasets.CsvExport;
import io.datasetserver.datasets.DatasetService;
import io.datasetserver.datasets.DatasetStorage;
import io.datasetserver.datasets.DiffService;
import io.datasetserver.datasets.PageRequest;
import io.datasetserver.datasets.VersionSelector;
import io.datasetserver.datasets.VersionView;
import io.datasetserver.generated.api.ExtensionsApi;
import io.datasetserver.generated.model.ExportFormat;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.Response;

/**
 * This server's extensions to the Humanloop API (contract §8): comparing two versions and exporting
 * one as a file. Thin like {@link DatasetsResource}: parse, call the domain, render.
 */
@Singleton
public class ExtensionsResource implements ExtensionsApi {
  private final DatasetService datasets;
  private final DiffService diffs;
  private final ExtensionResponses responses;

  @Inject
  public ExtensionsResource(DatasetService datasets, DatasetStorage storage, ObjectMapper mapper) {
    this.datasets = datasets;
    this.diffs = new DiffService(datasets, storage);
    this.responses = new ExtensionResponses(datasets, mapper);
  }

  @Override
  public Response diffVersions(
      String id,
      String fromVersionId,
      String fromEnvironment,
      String toVersionId,
      String toEnvironment,
      Integer page,
      Integer size) {
    VersionSelector from = DiffService.selector("from", fromVersionId, fromEnvironment);
    VersionSelector to = DiffService.selector("to", toVersionId, toEnvironment);
    PageRequest pageRequest = new PageRequest(page, size);
    return responses.diff(diffs.compare(caller(), id, from, to, pageRequest));
  }

  @Override
  public Response exportVersion(
      String id, ExportFormat format, String versionId, String environment) {
    boolean csv =
        switch (format) {
          case JSONL -> false;
          case CSV -> true;
        };
    VersionView view = datasets.get(caller(), id, VersionSelector.of(versionId, environment));
    // The CSV's columns are found before the response starts, so a refused version is still a clean
    // 409.
    return csv
        ? responses.csv(view, CsvExport.of(datasets, view.version()))
        : responses.jsonl(view);
  }

  private Caller caller() {
    return ApiKeyFilter.caller();
  }
}
