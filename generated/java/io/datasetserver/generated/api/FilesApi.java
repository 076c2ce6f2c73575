package io.datasetserver.generated.api;

import io.datasetserver.generated.model.DatasetResponse;
import io.datasetserver.generated.model.ErrorResponse;
import io.datasetserver.generated.model.FileSortBy;
import io.datasetserver.generated.model.FileType;
import io.datasetserver.generated.model.HTTPValidationError;
import io.datasetserver.generated.model.PaginatedDatasetResponse;
import io.datasetserver.generated.model.RetrieveByPathRequest;
import io.datasetserver.generated.model.SortOrder;

import jakarta.ws.rs.*;
import jakarta.ws.rs.core.Response;


import java.io.InputStream;
import java.util.Map;
import java.util.List;
import jakarta.validation.constraints.*;
import jakarta.validation.Valid;

/**
* Represents a collection of functions to interact with the API endpoints.
*/
@Path("/files")
@jakarta.annotation.Generated(value = "org.openapitools.codegen.languages.JavaJAXRSSpecServerCodegen", comments = "Generator version: 7.25.0")
public interface FilesApi {

    /**
     * Pages through the organization's files. Only datasets exist here, so every record is a DatasetResponse, at its default version or, with `environment`, at the version deployed there. Other query parameters of the Humanloop API (such as `include_raw_file_content`) are accepted and ignored. 
     *
     * @param page Page number, starting at 1. A page past the end is an empty page with the same &#x60;total&#x60;, not an error.
     * @param size Records per page (0 to 1000).
     * @param name Only files whose name contains this text (case-insensitive).
     * @param path Only files inside this folder, at any depth (e.g. &#x60;evals/support&#x60;). Empty or absent: every file. A trailing &#x60;/&#x60; is ignored.
     * @param type Only files of these types (repeatable). A selection without &#x60;dataset&#x60; matches nothing here.
     * @param environment Only files with a version deployed to this environment (name or &#x60;env_…&#x60; id), each shown at that version.
     * @param template Only template files; &#x60;true&#x60; matches nothing here.
     * @param sortBy Sort key, as for &#x60;GET /datasets&#x60;. Ties are broken by id.
     * @param order Sort direction.
     * @return One page of files.
     * @return The `X-API-KEY` header is missing or the key is unknown.
     * @return The dataset, version or environment does not exist (or belongs to another organization).
     * @return The request is malformed or a value is out of range; `detail` lists each problem.
     * @return The database is unreachable; retry after the given delay.
     */
    @GET
    @Produces({ "application/json" })
    Response listFiles(@QueryParam("page") @Min(1) @DefaultValue("1")   Integer page,@QueryParam("size") @Min(0) @Max(1000) @DefaultValue("10")   Integer size,@QueryParam("name")   String name,@QueryParam("path")   String path,@QueryParam("type")   List<FileType> type,@QueryParam("environment")   String environment,@QueryParam("template") @DefaultValue("false")   Boolean template,@QueryParam("sort_by") @DefaultValue("created_at")   FileSortBy sortBy,@QueryParam("order") @DefaultValue("desc")   SortOrder order);


    /**
     * Returns the dataset at `path`, at its default version or at the version deployed to `environment` (the query parameter wins over the body field).
     *
     * @param retrieveByPathRequest 
     * @param environment Return the version deployed to this environment (name or &#x60;env_…&#x60; id).
     * @return The dataset at that path.
     * @return The `X-API-KEY` header is missing or the key is unknown.
     * @return The dataset, version or environment does not exist (or belongs to another organization).
     * @return The request is malformed or a value is out of range; `detail` lists each problem.
     * @return The database is unreachable; retry after the given delay.
     */
    @POST
    @Path("/retrieve-by-path")
    @Consumes({ "application/json" })
    @Produces({ "application/json" })
    Response retrieveFileByPath(@Valid @NotNull RetrieveByPathRequest retrieveByPathRequest,@QueryParam("environment")   String environment);

}
