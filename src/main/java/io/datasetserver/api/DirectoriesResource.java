package io.datasetserver.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.datasetserver.auth.ApiKeyFilter;
import io.datasetserver.datasets.DatasetService;
import io.datasetserver.datasets.DirectoryService;
import io.datasetserver.datasets.DirectoryView;
import io.datasetserver.datasets.Folder;
import io.datasetserver.generated.api.DirectoriesApi;
import io.datasetserver.generated.model.DirectoryResponse;
import io.datasetserver.generated.model.DirectoryWithParentsAndChildrenResponse;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.Response;
import java.time.ZoneOffset;
import java.util.List;

/** The Directories API (contract §7): the folders of dataset paths, read-only. */
@Singleton
public class DirectoriesResource implements DirectoriesApi {
  private final DirectoryService directories;
  private final ApiResponses responses;

  @Inject
  public DirectoriesResource(
      DirectoryService directories, DatasetService datasets, ObjectMapper mapper) {
    this.directories = directories;
    this.responses = new ApiResponses(datasets, mapper);
  }

  @Override
  public Response listDirectories() {
    List<DirectoryResponse> body =
        directories.list(ApiKeyFilter.caller()).stream()
            .map(DirectoriesResource::directory)
            .toList();
    return Response.ok(body).build();
  }

  @Override
  public Response getDirectory(String id) {
    DirectoryView view = directories.get(ApiKeyFilter.caller(), id);
    Folder folder = view.folder();
    DirectoryWithParentsAndChildrenResponse body =
        new DirectoryWithParentsAndChildrenResponse(
            folder.id(),
            folder.name(),
            folder.path(),
            List.of(),
            folder.createdAt().atOffset(ZoneOffset.UTC),
            folder.updatedAt().atOffset(ZoneOffset.UTC),
            view.subdirectories().stream().map(DirectoriesResource::directory).toList(),
            view.files().stream().map(responses::model).toList(),
            view.parents().stream().map(DirectoriesResource::directory).toList());
    body.setParentId(folder.parentId());
    return Response.ok(body).build();
  }

  private static DirectoryResponse directory(Folder folder) {
    DirectoryResponse response =
        new DirectoryResponse(
            folder.id(),
            folder.name(),
            folder.path(),
            List.of(),
            folder.createdAt().atOffset(ZoneOffset.UTC),
            folder.updatedAt().atOffset(ZoneOffset.UTC));
    response.setParentId(folder.parentId());
    return response;
  }
}
