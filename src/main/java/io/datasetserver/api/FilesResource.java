package io.datasetserver.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.datasetserver.auth.ApiKeyFilter;
import io.datasetserver.datasets.Caller;
import io.datasetserver.datasets.DatasetService;
import io.datasetserver.datasets.DatasetsException;
import io.datasetserver.datasets.DatasetsException.FieldError;
import io.datasetserver.datasets.FileFilter;
import io.datasetserver.datasets.FileService;
import io.datasetserver.datasets.PageRequest;
import io.datasetserver.generated.api.FilesApi;
import io.datasetserver.generated.model.FileSortBy;
import io.datasetserver.generated.model.FileType;
import io.datasetserver.generated.model.RetrieveByPathRequest;
import io.datasetserver.generated.model.SortOrder;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** The Files API (contract §7): datasets listed as files, and looked up by path. */
@Singleton
public class FilesResource implements FilesApi {
  private final FileService files;
  private final ApiResponses responses;

  @Inject
  public FilesResource(FileService files, DatasetService datasets, ObjectMapper mapper) {
    this.files = files;
    this.responses = new ApiResponses(datasets, mapper);
  }

  @Override
  public Response listFiles(
      Integer page,
      Integer size,
      String name,
      String path,
      List<FileType> type,
      String environment,
      Boolean template,
      FileSortBy sortBy,
      SortOrder order) {
    PageRequest pageRequest = new PageRequest(page, size);
    List<String> types = type == null ? null : type.stream().map(FileType::toString).toList();
    FileFilter filter =
        FileFilter.of(
            path,
            name,
            types,
            environment,
            template,
            ContractEnums.sortBy(sortBy),
            ContractEnums.ascending(order));
    return responses.datasetPage(files.list(caller(), filter, pageRequest));
  }

  @Override
  public Response retrieveFileByPath(RetrieveByPathRequest body, String environment) {
    if (body == null || body.getPath() == null) {
      throw new DatasetsException.Invalid(
          body == null
              ? FieldError.of("Field required", "missing", "body")
              : FieldError.of("Field required", "missing", "body", "path"));
    }
    // Decided: the body may name the environment too; the query parameter wins.
    String chosen = environment != null ? environment : body.getEnvironment();
    return responses.dataset(files.byPath(caller(), body.getPath(), chosen), false);
  }

  private Caller caller() {
    return ApiKeyFilter.caller();
  }
}
