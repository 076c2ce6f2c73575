package io.datasetserver.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.datasetserver.auth.ApiKeyFilter;
import io.datasetserver.datasets.Caller;
import io.datasetserver.datasets.CanonicalJson;
import io.datasetserver.datasets.CsvRows;
import io.datasetserver.datasets.DatapointContent;
import io.datasetserver.datasets.DatapointSearch;
import io.datasetserver.datasets.DatasetFilter;
import io.datasetserver.datasets.DatasetPath;
import io.datasetserver.datasets.DatasetService;
import io.datasetserver.datasets.DatasetsException;
import io.datasetserver.datasets.DatasetsException.FieldError;
import io.datasetserver.datasets.Limits;
import io.datasetserver.datasets.PageRequest;
import io.datasetserver.datasets.Precondition;
import io.datasetserver.datasets.UpsertAction;
import io.datasetserver.datasets.UpsertCommand;
import io.datasetserver.datasets.VersionSelector;
import io.datasetserver.datasets.VersionView;
import io.datasetserver.generated.api.DatasetsApi;
import io.datasetserver.generated.model.CreateDatapointRequest;
import io.datasetserver.generated.model.FileSortBy;
import io.datasetserver.generated.model.SortOrder;
import io.datasetserver.generated.model.UpdateDatasetRequest;
import io.datasetserver.generated.model.UpdateVersionRequest;
import io.datasetserver.generated.model.UpsertDatasetRequest;
import io.datasetserver.generated.model.VersionsIncludeDatapoints;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The Datasets API: each method parses its request into domain terms, calls {@link DatasetService},
 * and hands the result to {@link ApiResponses}. One instance serves every request; the request
 * itself comes from a provider.
 */
@Singleton
public class DatasetsResource implements DatasetsApi {
  private final DatasetService datasets;
  private final ApiResponses responses;
  private final ObjectMapper mapper;
  private final UploadLimits limits;

  private final Provider<ContainerRequestContext> request;

  @Inject
  public DatasetsResource(
      DatasetService datasets,
      ObjectMapper mapper,
      UploadLimits limits,
      Provider<ContainerRequestContext> request) {
    this.datasets = datasets;
    this.request = request;
    this.mapper = mapper;
    this.limits = limits;
    this.responses = new ApiResponses(datasets, mapper);
  }

  @Override
  public Response listDatasets(
      Integer page,
      Integer size,
      String name,
      String userFilter,
      FileSortBy sortBy,
      SortOrder order) {
    PageRequest pageRequest = new PageRequest(page, size);
    DatasetFilter filter =
        new DatasetFilter(
            name, userFilter, ContractEnums.sortBy(sortBy), ContractEnums.ascending(order));
    return responses.datasetPage(datasets.list(caller(), filter, pageRequest));
  }

  @Override
  public Response upsertDataset(
      UpsertDatasetRequest body,
      String versionId,
      String environment,
      Boolean includeDatapoints,
      Boolean dryRun,
      String ifMatch) {
    UpsertCommand command = upsertCommand(body, versionId, environment);
    Precondition precondition = precondition();
    if (Boolean.TRUE.equals(dryRun)) {
      return responses.preview(datasets.previewUpsert(caller(), command, precondition));
    }
    return responses.dataset(
        datasets.upsert(caller(), command, precondition), Boolean.TRUE.equals(includeDatapoints));
  }

  @Override
  public Response getDataset(
      String id, String versionId, String environment, Boolean includeDatapoints) {
    VersionView view = datasets.get(caller(), id, VersionSelector.of(versionId, environment));
    return responses.dataset(view, Boolean.TRUE.equals(includeDatapoints));
  }

  @Override
  public Response deleteDataset(String id, String ifMatch) {
    datasets.delete(caller(), id, precondition());
    return Response.noContent().build();
  }

  @Override
  public Response moveDataset(String id, UpdateDatasetRequest body, String ifMatch) {
    String path = body == null ? null : body.getPath();
    String name = body == null ? null : body.getName();
    return responses.dataset(datasets.move(caller(), id, path, name, precondition()), false);
  }

  @Override
  public Response listDatapoints(
      String id, String versionId, String environment, Integer page, Integer size, String q) {
    VersionSelector selector = VersionSelector.of(versionId, environment);
    PageRequest pageRequest = new PageRequest(page, size);
    DatapointSearch search = DatapointSearch.of(q);
    if (search != null) {
      VersionView view = datasets.get(caller(), id, selector);
      return responses.datapointPage(search.page(datasets, view.version(), pageRequest));
    }
    return responses.datapointPage(datasets.datapoints(caller(), id, selector, pageRequest));
  }

  @Override
  public Response listVersions(String id, VersionsIncludeDatapoints includeDatapoints) {
    // Both values mean the newest version: latest_committed is the deprecated alias.
    boolean withLatestDatapoints = includeDatapoints != null;
    return responses.versions(datasets.versions(caller(), id), withLatestDatapoints);
  }

  @Override
  public Response deleteVersion(String id, String versionId, String ifMatch) {
    return responses.noContent(datasets.deleteVersion(caller(), id, versionId, precondition()));
  }

  @Override
  public Response updateVersion(
      String id, String versionId, UpdateVersionRequest body, String ifMatch) {
    String name = body == null ? null : body.getName();
    String description = body == null ? null : body.getDescription();
    if (name != null) {
      Limits.checkVersionName(name, "body", "name");
    }
    Limits.checkVersionDescription(description, "body", "description");
    Precondition precondition = precondition();
    return responses.dataset(
        datasets.updateVersion(caller(), id, versionId, name, description, precondition), false);
  }

  @Override
  public Response uploadCsv(
      String id,
      InputStream file,
      String versionId,
      String environment,
      String ifMatch,
      String versionName,
      String versionDescription) {
    Caller caller = caller();
    VersionSelector base = VersionSelector.of(versionId, environment);
    Precondition precondition = precondition();
    if (versionName != null) {
      Limits.checkVersionName(versionName, "body", "version_name");
    }
    Limits.checkVersionDescription(versionDescription, "body", "version_description");
    if (file == null) {
      throw new DatasetsException.Invalid(
          FieldError.of("Field required", "missing", "body", "file"));
    }
    DatasetService.CsvTarget target = datasets.csvTarget(caller, id, base);
    List<DatapointContent> rows = CsvRows.read(file, limits.maxUploadBytes());
    return responses.dataset(
        datasets.addRows(caller, target, rows, versionName, versionDescription, precondition),
        false);
  }

  @Override
  public Response setDeployment(String id, String environmentId, String versionId, String ifMatch) {
    if (versionId == null) {
      throw new DatasetsException.Invalid(
          FieldError.of("Field required", "missing", "query", "version_id"));
    }
    return responses.dataset(
        datasets.deploy(caller(), id, environmentId, versionId, precondition()), false);
  }

  @Override
  public Response removeDeployment(String id, String environmentId, String ifMatch) {
    return responses.noContent(datasets.undeploy(caller(), id, environmentId, precondition()));
  }

  @Override
  public Response listEnvironments(String id) {
    return responses.environments(datasets.environments(caller(), id));
  }

  private Caller caller() {
    return ApiKeyFilter.caller();
  }

  /**
   * The request's {@code If-Match} (contract §8.3), from every field of it: the generated {@code
   * ifMatch} parameter holds only the first when a client repeats the header.
   */
  private Precondition precondition() {
    return IfMatchHeader.parse(request.get().getHeaders().get(IfMatchHeader.NAME));
  }

  private UpsertCommand upsertCommand(
      UpsertDatasetRequest body, String versionId, String environment) {
    if (body == null) {
      throw new DatasetsException.Invalid(FieldError.of("Field required", "missing", "body"));
    }
    List<FieldError> errors = new ArrayList<>();
    if (body.getPath() == null && body.getId() == null) {
      errors.add(FieldError.of("Give the dataset's path or id", "missing", "body", "path"));
    }
    if (body.getDatapoints() == null) {
      errors.add(FieldError.of("Field required", "missing", "body", "datapoints"));
    }
    if (!errors.isEmpty()) {
      throw new DatasetsException.Invalid(errors);
    }
    DatasetPath path =
        body.getPath() == null ? null : DatasetPath.parse(body.getPath(), List.of("body", "path"));
    if (body.getVersionName() != null) {
      Limits.checkVersionName(body.getVersionName(), "body", "version_name");
    }
    Limits.checkVersionDescription(body.getVersionDescription(), "body", "version_description");
    String attributes =
        body.getAttributes() == null
            ? null
            : CanonicalJson.write(mapper.valueToTree(body.getAttributes()));
    if (attributes != null) {
      Limits.checkAttributes(attributes, "body", "attributes");
    }
    UpsertAction action =
        body.getAction() == null ? UpsertAction.SET : ContractEnums.action(body.getAction());
    // set ignores version_id / environment entirely, even when both are given.
    VersionSelector base =
        action == UpsertAction.SET
            ? VersionSelector.DEFAULT
            : VersionSelector.of(versionId, environment);
    return new UpsertCommand(
        body.getId(),
        path,
        action,
        datapoints(body.getDatapoints()),
        attributes,
        body.getVersionName(),
        body.getVersionDescription(),
        base);
  }

  private List<DatapointContent> datapoints(List<CreateDatapointRequest> requested) {
    List<DatapointContent> contents = new ArrayList<>(requested.size());
    List<FieldError> errors = new ArrayList<>();
    for (int i = 0; i < requested.size(); i++) {
      CreateDatapointRequest datapoint = requested.get(i);
      List<Object> location = List.of("body", "datapoints", i);
      if (datapoint == null) {
        errors.add(
            new FieldError(location, "Input should be a valid datapoint object", "model_type"));
        continue;
      }
      try {
        JsonNode tree = mapper.valueToTree(datapoint);
        contents.add(DatapointContent.from(tree, location));
      } catch (DatasetsException.Invalid e) {
        errors.addAll(e.errors());
      }
      if (errors.size() >= 50) {
        break;
      }
    }
    if (!errors.isEmpty()) {
      throw new DatasetsException.Invalid(errors);
    }
    return contents;
  }
}
