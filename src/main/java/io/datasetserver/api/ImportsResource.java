package io.datasetserver.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.datasetserver.auth.ApiKeyFilter;
import io.datasetserver.datasets.Caller;
import io.datasetserver.datasets.CanonicalJson;
import io.datasetserver.datasets.DatasetsException;
import io.datasetserver.datasets.DatasetsException.FieldError;
import io.datasetserver.datasets.User;
import io.datasetserver.generated.api.ImportsApi;
import io.datasetserver.generated.model.ImportDatapointsRequest;
import io.datasetserver.generated.model.ImportDatasetRequest;
import io.datasetserver.generated.model.ImportDeployment;
import io.datasetserver.generated.model.ImportResponse;
import io.datasetserver.generated.model.ImportUser;
import io.datasetserver.generated.model.ImportVersion;
import io.datasetserver.generated.model.ImportVersionProgress;
import io.datasetserver.imports.DatasetImport;
import io.datasetserver.imports.ImportPlan;
import io.datasetserver.imports.ImportPlan.PlannedDeployment;
import io.datasetserver.imports.ImportPlan.VersionSpec;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Imports extension (contract §9): parses each step's request and hands it to {@link
 * DatasetImport}.
 */
@Singleton
public class ImportsResource implements ImportsApi {
  private final DatasetImport imports;
  private final ObjectMapper mapper;

  @Inject
  public ImportsResource(DatasetImport imports, ObjectMapper mapper) {
    this.imports = imports;
    this.mapper = mapper;
  }

  @Override
  public Response beginImport(ImportDatasetRequest body) {
    if (body == null) {
      throw new DatasetsException.Invalid(FieldError.of("Field required", "missing", "body"));
    }
    List<VersionSpec> versions =
        body.getVersions() == null
            ? null
            : body.getVersions().stream().map(this::versionSpec).toList();
    List<PlannedDeployment> deployments =
        body.getDeployments() == null
            ? null
            : body.getDeployments().stream()
                .map(
                    d ->
                        d == null
                            ? null
                            : new PlannedDeployment(d.getVersionId(), d.getEnvironmentName()))
                .toList();
    ImportPlan plan = ImportPlan.of(body.getId(), body.getPath(), versions, deployments);
    return Response.ok(response(imports.begin(caller(), plan))).build();
  }

  @Override
  public Response appendImportDatapoints(
      String id, String versionId, ImportDatapointsRequest body) {
    if (body == null || body.getOffset() == null || body.getDatapoints() == null) {
      throw new DatasetsException.Invalid(
          FieldError.of(
              "Field required",
              "missing",
              "body",
              body == null || body.getOffset() == null ? "offset" : "datapoints"));
    }
    List<JsonNode> chunk = new ArrayList<>(body.getDatapoints().size());
    body.getDatapoints().forEach(d -> chunk.add(d == null ? null : mapper.valueToTree(d)));
    if (body.getOffset() < 0) {
      throw new DatasetsException.Invalid(
          FieldError.of("offset must be 0 or more", "value_error", "body", "offset"));
    }
    DatasetImport.Progress progress =
        imports.append(caller(), id, versionId, body.getOffset(), chunk);
    return Response.ok(
            new ImportVersionProgress(
                progress.versionId(), (int) progress.staged(), (int) progress.datapointsCount()))
        .build();
  }

  @Override
  public Response commitImport(String id) {
    return Response.ok(response(imports.commit(caller(), id))).build();
  }

  private VersionSpec versionSpec(ImportVersion version) {
    if (version == null) {
      return null;
    }
    Map<String, Object> attributes = version.getAttributes();
    ImportUser by = version.getCreatedBy();
    return new VersionSpec(
        version.getVersionId(),
        version.getVersionName(),
        version.getVersionDescription(),
        attributes == null ? null : CanonicalJson.write(mapper.valueToTree(attributes)),
        version.getDatapointsCount(),
        version.getCreatedAt(),
        version.getUpdatedAt(),
        by == null ? null : new User(by.getId(), by.getEmailAddress(), by.getFullName()));
  }

  private static ImportResponse response(DatasetImport.Outcome outcome) {
    ImportResponse response =
        new ImportResponse(
            outcome.datasetId(),
            outcome.path().value(),
            ContractEnums.importStatus(outcome.status()));
    if (!outcome.skippedDeployments().isEmpty()) {
      response.setSkippedDeployments(
          outcome.skippedDeployments().stream()
              .map(d -> new ImportDeployment(d.versionId(), d.environmentName()))
              .toList());
    }
    return response;
  }

  private Caller caller() {
    return ApiKeyFilter.caller();
  }
}
