package io.datasetserver.generated.api;

import io.datasetserver.generated.model.DatasetResponse;
import io.datasetserver.generated.model.ErrorResponse;
import java.io.File;
import io.datasetserver.generated.model.FileEnvironmentResponse;
import io.datasetserver.generated.model.FileSortBy;
import io.datasetserver.generated.model.HTTPValidationError;
import io.datasetserver.generated.model.ListDatasetVersionsResponse;
import io.datasetserver.generated.model.PaginatedDatapointResponse;
import io.datasetserver.generated.model.PaginatedDatasetResponse;
import io.datasetserver.generated.model.SortOrder;
import io.datasetserver.generated.model.UpdateDatasetRequest;
import io.datasetserver.generated.model.UpdateVersionRequest;
import io.datasetserver.generated.model.UpsertDatasetRequest;
import io.datasetserver.generated.model.UpsertResult;
import io.datasetserver.generated.model.VersionsIncludeDatapoints;

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
@Path("")
@jakarta.annotation.Generated(value = "org.openapitools.codegen.languages.JavaJAXRSSpecServerCodegen", comments = "Generator version: 7.25.0")
public interface DatasetsApi {

    /**
     * Deletes the dataset with all its versions, datapoints and deployments. Its path can be reused afterwards.
     *
     * @param id Dataset id (&#x60;ds_…&#x60;).
     * @param ifMatch Extension of this server (not in the Humanloop API): write only if the dataset is still in the state of one of these ETags (&#x60;\&quot;TOKEN\&quot;&#x60;, or a comma-separated list of them), else answer 412 and write nothing. &#x60;*&#x60; matches any existing dataset. An upsert that would create a dataset fails with 412 under any &#x60;If-Match&#x60;, &#x60;*&#x60; included (nothing exists to match). Weak tags (&#x60;W/\&quot;…\&quot;&#x60;) never match. A value that is not a list of quoted tags is a 422 (&#x60;loc: [\&quot;header\&quot;, \&quot;if-match\&quot;]&#x60;). Without the header the write is unconditional. 
     * @return Deleted.
     * @return The `X-API-KEY` header is missing or the key is unknown.
     * @return The dataset, version or environment does not exist (or belongs to another organization).
     * @return Extension of this server (not in the Humanloop API): the `If-Match` header names no current state of the dataset (it has changed since, or does not exist); nothing was written.
     * @return The database is unreachable; retry after the given delay.
     */
    @DELETE
    @Path("/datasets/{id}")
    @Produces({ "application/json" })
    Response deleteDataset(@PathParam("id") String id,@HeaderParam("If-Match")   String ifMatch);


    /**
     * Deletes one version; its name becomes free. A version that is deployed to an environment, or the dataset's only version, cannot be deleted (409).
     *
     * @param id Dataset id (&#x60;ds_…&#x60;).
     * @param versionId Version id (&#x60;dsv_…&#x60;).
     * @param ifMatch Extension of this server (not in the Humanloop API): write only if the dataset is still in the state of one of these ETags (&#x60;\&quot;TOKEN\&quot;&#x60;, or a comma-separated list of them), else answer 412 and write nothing. &#x60;*&#x60; matches any existing dataset. An upsert that would create a dataset fails with 412 under any &#x60;If-Match&#x60;, &#x60;*&#x60; included (nothing exists to match). Weak tags (&#x60;W/\&quot;…\&quot;&#x60;) never match. A value that is not a list of quoted tags is a 422 (&#x60;loc: [\&quot;header\&quot;, \&quot;if-match\&quot;]&#x60;). Without the header the write is unconditional. 
     * @return Deleted.
     * @return The `X-API-KEY` header is missing or the key is unknown.
     * @return The dataset, version or environment does not exist (or belongs to another organization).
     * @return The request clashes with the current state, e.g. a path or version name already in use, or a version that cannot be deleted.
     * @return Extension of this server (not in the Humanloop API): the `If-Match` header names no current state of the dataset (it has changed since, or does not exist); nothing was written.
     * @return The database is unreachable; retry after the given delay.
     */
    @DELETE
    @Path("/datasets/{id}/versions/{version_id}")
    @Produces({ "application/json" })
    Response deleteVersion(@PathParam("id") String id,@PathParam("version_id") String versionId,@HeaderParam("If-Match")   String ifMatch);


    /**
     * Returns one version of the dataset: the one named by `version_id` or `environment`, else the one deployed to the default environment, else the newest.
     *
     * @param id Dataset id (&#x60;ds_…&#x60;).
     * @param versionId Select this version (&#x60;dsv_…&#x60;). Cannot be combined with &#x60;environment&#x60;.
     * @param environment Select the version deployed to this environment, given by name or &#x60;env_…&#x60; id. Cannot be combined with &#x60;version_id&#x60;.
     * @param includeDatapoints Include all datapoints of the returned version, in order.
     * @return The selected version.
     * @return The `X-API-KEY` header is missing or the key is unknown.
     * @return The dataset, version or environment does not exist (or belongs to another organization).
     * @return The request is malformed or a value is out of range; `detail` lists each problem.
     * @return The database is unreachable; retry after the given delay.
     */
    @GET
    @Path("/datasets/{id}")
    @Produces({ "application/json" })
    Response getDataset(@PathParam("id") String id,@QueryParam("version_id")   String versionId,@QueryParam("environment")   String environment,@QueryParam("include_datapoints") @DefaultValue("false")   Boolean includeDatapoints);


    /**
     * Pages through the datapoints of one version (chosen as for `GET /datasets/{id}`), in the version's order. `total` equals the version's `datapoints_count`, or the number of matches when `q` is given.
     *
     * @param id Dataset id (&#x60;ds_…&#x60;).
     * @param versionId Select this version (&#x60;dsv_…&#x60;). Cannot be combined with &#x60;environment&#x60;.
     * @param environment Select the version deployed to this environment, given by name or &#x60;env_…&#x60; id. Cannot be combined with &#x60;version_id&#x60;.
     * @param page Page number, starting at 1. A page past the end is an empty page with the same &#x60;total&#x60;, not an error.
     * @param size Records per page (0 to 1000).
     * @param q Extension of this server (not in the Humanloop API): only the datapoints in which this text occurs, case-insensitively, in an input value, in the text of a message (string content or text parts), or in a target value written as JSON. The order and paging stay the same and &#x60;total&#x60; counts the matches. Empty or absent: every datapoint.
     * @return One page of datapoints.
     * @return The `X-API-KEY` header is missing or the key is unknown.
     * @return The dataset, version or environment does not exist (or belongs to another organization).
     * @return The request is malformed or a value is out of range; `detail` lists each problem.
     * @return The database is unreachable; retry after the given delay.
     */
    @GET
    @Path("/datasets/{id}/datapoints")
    @Produces({ "application/json" })
    Response listDatapoints(@PathParam("id") String id,@QueryParam("version_id")   String versionId,@QueryParam("environment")   String environment,@QueryParam("page") @Min(1) @DefaultValue("1")   Integer page,@QueryParam("size") @Min(0) @Max(1000) @DefaultValue("50")   Integer size,@QueryParam("q")   String q);


    /**
     * Pages through the organization's datasets. Each record describes the dataset at its default version (the one deployed to the default environment, else the newest) and never includes datapoints. A page past the end is empty, not an error. 
     *
     * @param page Page number, starting at 1. A page past the end is an empty page with the same &#x60;total&#x60;, not an error.
     * @param size Records per page (0 to 1000).
     * @param name Only datasets whose name contains this text (case-insensitive).
     * @param userFilter Only datasets with a version created by a user whose email address or full name contains this text (case-insensitive).
     * @param sortBy Sort key. &#x60;created_at&#x60; is the dataset&#39;s creation time; &#x60;updated_at&#x60; is the latest change to the dataset or any of its versions. Ties are broken by id.
     * @param order Sort direction.
     * @return One page of datasets.
     * @return The `X-API-KEY` header is missing or the key is unknown.
     * @return The request is malformed or a value is out of range; `detail` lists each problem.
     * @return The database is unreachable; retry after the given delay.
     */
    @GET
    @Path("/datasets")
    @Produces({ "application/json" })
    Response listDatasets(@QueryParam("page") @Min(1) @DefaultValue("1")   Integer page,@QueryParam("size") @Min(0) @Max(1000) @DefaultValue("10")   Integer size,@QueryParam("name")   String name,@QueryParam("user_filter")   String userFilter,@QueryParam("sort_by") @DefaultValue("created_at")   FileSortBy sortBy,@QueryParam("order") @DefaultValue("desc")   SortOrder order);


    /**
     * Every environment of the organization, each with the version of this dataset deployed there (`file`), if any.
     *
     * @param id Dataset id (&#x60;ds_…&#x60;).
     * @return The environments.
     * @return The `X-API-KEY` header is missing or the key is unknown.
     * @return The dataset, version or environment does not exist (or belongs to another organization).
     * @return The database is unreachable; retry after the given delay.
     */
    @GET
    @Path("/datasets/{id}/environments")
    @Produces({ "application/json" })
    Response listEnvironments(@PathParam("id") String id);


    /**
     * Every live version of the dataset, newest first.
     *
     * @param id Dataset id (&#x60;ds_…&#x60;).
     * @param includeDatapoints When set, the newest version carries its datapoints. &#x60;latest_committed&#x60; is a deprecated alias of &#x60;latest_saved&#x60;.
     * @return The versions.
     * @return The `X-API-KEY` header is missing or the key is unknown.
     * @return The dataset, version or environment does not exist (or belongs to another organization).
     * @return The request is malformed or a value is out of range; `detail` lists each problem.
     * @return The database is unreachable; retry after the given delay.
     */
    @GET
    @Path("/datasets/{id}/versions")
    @Produces({ "application/json" })
    Response listVersions(@PathParam("id") String id,@QueryParam("include_datapoints")   VersionsIncludeDatapoints includeDatapoints);


    /**
     * Changes the dataset's `path` and/or its `name` (the last path segment; applied after `path`). An empty body, or the current path, leaves the dataset unchanged.
     *
     * @param id Dataset id (&#x60;ds_…&#x60;).
     * @param updateDatasetRequest 
     * @param ifMatch Extension of this server (not in the Humanloop API): write only if the dataset is still in the state of one of these ETags (&#x60;\&quot;TOKEN\&quot;&#x60;, or a comma-separated list of them), else answer 412 and write nothing. &#x60;*&#x60; matches any existing dataset. An upsert that would create a dataset fails with 412 under any &#x60;If-Match&#x60;, &#x60;*&#x60; included (nothing exists to match). Weak tags (&#x60;W/\&quot;…\&quot;&#x60;) never match. A value that is not a list of quoted tags is a 422 (&#x60;loc: [\&quot;header\&quot;, \&quot;if-match\&quot;]&#x60;). Without the header the write is unconditional. 
     * @return The dataset at its default version.
     * @return The `X-API-KEY` header is missing or the key is unknown.
     * @return The dataset, version or environment does not exist (or belongs to another organization).
     * @return The request clashes with the current state, e.g. a path or version name already in use, or a version that cannot be deleted.
     * @return Extension of this server (not in the Humanloop API): the `If-Match` header names no current state of the dataset (it has changed since, or does not exist); nothing was written.
     * @return The request is malformed or a value is out of range; `detail` lists each problem.
     * @return The database is unreachable; retry after the given delay.
     */
    @PATCH
    @Path("/datasets/{id}")
    @Consumes({ "application/json" })
    @Produces({ "application/json" })
    Response moveDataset(@PathParam("id") String id,@Valid @NotNull UpdateDatasetRequest updateDatasetRequest,@HeaderParam("If-Match")   String ifMatch);


    /**
     * Removes whatever version of the dataset is deployed to the environment. Succeeds also when nothing was deployed there.
     *
     * @param id Dataset id (&#x60;ds_…&#x60;).
     * @param environmentId The environment&#39;s id (&#x60;env_…&#x60;) or its name.
     * @param ifMatch Extension of this server (not in the Humanloop API): write only if the dataset is still in the state of one of these ETags (&#x60;\&quot;TOKEN\&quot;&#x60;, or a comma-separated list of them), else answer 412 and write nothing. &#x60;*&#x60; matches any existing dataset. An upsert that would create a dataset fails with 412 under any &#x60;If-Match&#x60;, &#x60;*&#x60; included (nothing exists to match). Weak tags (&#x60;W/\&quot;…\&quot;&#x60;) never match. A value that is not a list of quoted tags is a 422 (&#x60;loc: [\&quot;header\&quot;, \&quot;if-match\&quot;]&#x60;). Without the header the write is unconditional. 
     * @return No version of the dataset is deployed there any more.
     * @return The `X-API-KEY` header is missing or the key is unknown.
     * @return The dataset, version or environment does not exist (or belongs to another organization).
     * @return Extension of this server (not in the Humanloop API): the `If-Match` header names no current state of the dataset (it has changed since, or does not exist); nothing was written.
     * @return The database is unreachable; retry after the given delay.
     */
    @DELETE
    @Path("/datasets/{id}/environments/{environment_id}")
    @Produces({ "application/json" })
    Response removeDeployment(@PathParam("id") String id,@PathParam("environment_id") String environmentId,@HeaderParam("If-Match")   String ifMatch);


    /**
     * Makes the given version the one deployed to the environment.
     *
     * @param id Dataset id (&#x60;ds_…&#x60;).
     * @param environmentId The environment&#39;s id (&#x60;env_…&#x60;) or its name.
     * @param versionId Version to deploy (&#x60;dsv_…&#x60;).
     * @param ifMatch Extension of this server (not in the Humanloop API): write only if the dataset is still in the state of one of these ETags (&#x60;\&quot;TOKEN\&quot;&#x60;, or a comma-separated list of them), else answer 412 and write nothing. &#x60;*&#x60; matches any existing dataset. An upsert that would create a dataset fails with 412 under any &#x60;If-Match&#x60;, &#x60;*&#x60; included (nothing exists to match). Weak tags (&#x60;W/\&quot;…\&quot;&#x60;) never match. A value that is not a list of quoted tags is a 422 (&#x60;loc: [\&quot;header\&quot;, \&quot;if-match\&quot;]&#x60;). Without the header the write is unconditional. 
     * @return The deployed version.
     * @return The `X-API-KEY` header is missing or the key is unknown.
     * @return The dataset, version or environment does not exist (or belongs to another organization).
     * @return The request is malformed or a value is out of range; `detail` lists each problem.
     * @return Extension of this server (not in the Humanloop API): the `If-Match` header names no current state of the dataset (it has changed since, or does not exist); nothing was written.
     * @return The database is unreachable; retry after the given delay.
     */
    @POST
    @Path("/datasets/{id}/environments/{environment_id}")
    @Produces({ "application/json" })
    Response setDeployment(@PathParam("id") String id,@PathParam("environment_id") String environmentId,@QueryParam("version_id") @NotNull   String versionId,@HeaderParam("If-Match")   String ifMatch);


    /**
     * Sets the version's name and/or description. Missing or `null` fields are left as they are; an empty body changes nothing.
     *
     * @param id Dataset id (&#x60;ds_…&#x60;).
     * @param versionId Version id (&#x60;dsv_…&#x60;).
     * @param updateVersionRequest 
     * @param ifMatch Extension of this server (not in the Humanloop API): write only if the dataset is still in the state of one of these ETags (&#x60;\&quot;TOKEN\&quot;&#x60;, or a comma-separated list of them), else answer 412 and write nothing. &#x60;*&#x60; matches any existing dataset. An upsert that would create a dataset fails with 412 under any &#x60;If-Match&#x60;, &#x60;*&#x60; included (nothing exists to match). Weak tags (&#x60;W/\&quot;…\&quot;&#x60;) never match. A value that is not a list of quoted tags is a 422 (&#x60;loc: [\&quot;header\&quot;, \&quot;if-match\&quot;]&#x60;). Without the header the write is unconditional. 
     * @return The updated version.
     * @return The `X-API-KEY` header is missing or the key is unknown.
     * @return The dataset, version or environment does not exist (or belongs to another organization).
     * @return The request clashes with the current state, e.g. a path or version name already in use, or a version that cannot be deleted.
     * @return Extension of this server (not in the Humanloop API): the `If-Match` header names no current state of the dataset (it has changed since, or does not exist); nothing was written.
     * @return The request is malformed or a value is out of range; `detail` lists each problem.
     * @return The database is unreachable; retry after the given delay.
     */
    @PATCH
    @Path("/datasets/{id}/versions/{version_id}")
    @Consumes({ "application/json" })
    @Produces({ "application/json" })
    Response updateVersion(@PathParam("id") String id,@PathParam("version_id") String versionId,@Valid @NotNull UpdateVersionRequest updateVersionRequest,@HeaderParam("If-Match")   String ifMatch);


    /**
     * Creates a version made of a base version plus the rows of a UTF-8 CSV file (with a header row; duplicates are dropped). The base is chosen with `version_id` or `environment`, else it is the version deployed to the default environment, else the newest.  Columns: `messages` holds a JSON array of chat messages; `target` holds a JSON object, or text that becomes `{\"output\": text}`; `target.KEY` sets one key of the target (parsed as JSON when possible); every other column becomes an input. A file with only a header changes nothing. A malformed file (not UTF-8, a row that does not parse or has the wrong number of cells, a `messages` cell that is not a JSON array of chat messages) is a 422 naming its row, and nothing is written. 
     *
     * @param id Dataset id (&#x60;ds_…&#x60;).
     * @param _file The CSV file.
     * @param versionId Base version (&#x60;dsv_…&#x60;). Cannot be combined with &#x60;environment&#x60;.
     * @param environment Use the version deployed to this environment (name or &#x60;env_…&#x60; id) as the base. Cannot be combined with &#x60;version_id&#x60;.
     * @param ifMatch Extension of this server (not in the Humanloop API): write only if the dataset is still in the state of one of these ETags (&#x60;\&quot;TOKEN\&quot;&#x60;, or a comma-separated list of them), else answer 412 and write nothing. &#x60;*&#x60; matches any existing dataset. An upsert that would create a dataset fails with 412 under any &#x60;If-Match&#x60;, &#x60;*&#x60; included (nothing exists to match). Weak tags (&#x60;W/\&quot;…\&quot;&#x60;) never match. A value that is not a list of quoted tags is a 422 (&#x60;loc: [\&quot;header\&quot;, \&quot;if-match\&quot;]&#x60;). Without the header the write is unconditional. 
     * @param versionName Name for the new version; unique within the dataset.
     * @param versionDescription Description for the new version.
     * @return The resulting version (the base itself when the file adds nothing).
     * @return The `X-API-KEY` header is missing or the key is unknown.
     * @return The dataset, version or environment does not exist (or belongs to another organization).
     * @return The request clashes with the current state, e.g. a path or version name already in use, or a version that cannot be deleted.
     * @return Extension of this server (not in the Humanloop API): the `If-Match` header names no current state of the dataset (it has changed since, or does not exist); nothing was written.
     * @return The request body is larger than the server accepts.
     * @return The request is malformed or a value is out of range; `detail` lists each problem.
     * @return The database is unreachable; retry after the given delay.
     */
    @POST
    @Path("/datasets/{id}/datapoints/csv")
    @Consumes({ "multipart/form-data" })
    @Produces({ "application/json" })
    Response uploadCsv(@PathParam("id") String id,@FormParam(value = "file") InputStream _fileInputStream,@QueryParam("version_id")   String versionId,@QueryParam("environment")   String environment,@HeaderParam("If-Match")   String ifMatch,@FormParam(value = "version_name")  String versionName,@FormParam(value = "version_description")  String versionDescription);


    /**
     * Finds the dataset by `id` or `path` (creating it when the path is unknown) and builds a new version from the request: - `set`: the version holds exactly the given datapoints; - `add`: the base version's datapoints followed by the new ones; - `remove`: the base version's datapoints minus the given ones.  Duplicate datapoints are dropped. The base for `add`/`remove` is chosen with `version_id` or `environment`, else it is the newest version; naming a base while the path would create the dataset is a 404. If the resulting content equals an existing version, that version is returned and nothing is created, so retries are safe; a `version_name` other than that version's name is then a 409. A newly created dataset gets its first version deployed to the default environment.  Concurrent `add`/`remove` upserts without a named base never lose each other's datapoints: a writer that loses the race to another builds again on the winner's version. A request that fails writes nothing.  Extension of this server (not in the Humanloop API): with `dry_run=true` the upsert is validated and computed exactly as it would be (the same 404, 409, 412 and 422 errors) and nothing is written; the 200 body is then an `UpsertDryRunResponse` instead of a `DatasetResponse`.  A dataset holds at most 3,000 live versions (or the server's configured cap): an upsert that would create one more answers 409 and says so; delete versions it no longer needs, or start a new dataset. 
     *
     * @param upsertDatasetRequest 
     * @param versionId Base version (&#x60;dsv_…&#x60;) for &#x60;add&#x60;/&#x60;remove&#x60;. Ignored for &#x60;set&#x60;. Cannot be combined with &#x60;environment&#x60;.
     * @param environment Use the version deployed to this environment (name or &#x60;env_…&#x60; id) as the base for &#x60;add&#x60;/&#x60;remove&#x60;. Ignored for &#x60;set&#x60;. Cannot be combined with &#x60;version_id&#x60;.
     * @param includeDatapoints Include all datapoints of the returned version, in order.
     * @param dryRun Extension of this server (not in the Humanloop API): &#x60;true&#x60; reports what the upsert would do (an &#x60;UpsertDryRunResponse&#x60;) and writes nothing. &#x60;include_datapoints&#x60; plays no part in a dry run.
     * @param ifMatch Extension of this server (not in the Humanloop API): write only if the dataset is still in the state of one of these ETags (&#x60;\&quot;TOKEN\&quot;&#x60;, or a comma-separated list of them), else answer 412 and write nothing. &#x60;*&#x60; matches any existing dataset. An upsert that would create a dataset fails with 412 under any &#x60;If-Match&#x60;, &#x60;*&#x60; included (nothing exists to match). Weak tags (&#x60;W/\&quot;…\&quot;&#x60;) never match. A value that is not a list of quoted tags is a 422 (&#x60;loc: [\&quot;header\&quot;, \&quot;if-match\&quot;]&#x60;). Without the header the write is unconditional. 
     * @return The resulting version (new, or the existing one with identical content); with `dry_run=true`, what the upsert would do. The `ETag` is the dataset's state after the upsert (for a dry run: the state it was computed against; absent when the dataset does not exist yet).
     * @return The `X-API-KEY` header is missing or the key is unknown.
     * @return The dataset, version or environment does not exist (or belongs to another organization).
     * @return The request clashes with the current state, e.g. a path or version name already in use, or a version that cannot be deleted.
     * @return Extension of this server (not in the Humanloop API): the `If-Match` header names no current state of the dataset (it has changed since, or does not exist); nothing was written.
     * @return The request body is larger than the server accepts.
     * @return The request is malformed or a value is out of range; `detail` lists each problem.
     * @return The database is unreachable; retry after the given delay.
     */
    @POST
    @Path("/datasets")
    @Consumes({ "application/json" })
    @Produces({ "application/json" })
    Response upsertDataset(@Valid @NotNull UpsertDatasetRequest upsertDatasetRequest,@QueryParam("version_id")   String versionId,@QueryParam("environment")   String environment,@QueryParam("include_datapoints") @DefaultValue("false")   Boolean includeDatapoints,@QueryParam("dry_run") @DefaultValue("false")   Boolean dryRun,@HeaderParam("If-Match")   String ifMatch);

}
