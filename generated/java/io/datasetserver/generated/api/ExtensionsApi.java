package io.datasetserver.generated.api;

import io.datasetserver.generated.model.ErrorResponse;
import io.datasetserver.generated.model.ExportFormat;
import java.io.File;
import io.datasetserver.generated.model.HTTPValidationError;
import io.datasetserver.generated.model.VersionDiffResponse;

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
public interface ExtensionsApi {

    /**
     * Extension of this server (not in the Humanloop API). Compares two versions of the dataset datapoint by datapoint, by content: a datapoint of `to` that `from` lacks is `added`, one of `from` that `to` lacks is `removed`. A removed and an added datapoint with equal `inputs` and `messages` form one `changed` record (its `fields` list the `target.KEY` paths that differ) unless another removed or added datapoint has those same inputs and messages.  Records: `added` and `changed` in the order of `to`, then `removed` in the order of `from`, paged like every list. The cost follows the size of the change, not the size of the versions. 
     *
     * @param id Dataset id (&#x60;ds_…&#x60;).
     * @param fromVersionId The version compared from (&#x60;dsv_…&#x60;). Give this or &#x60;from_environment&#x60;.
     * @param fromEnvironment Compare from the version deployed to this environment (name or &#x60;env_…&#x60; id).
     * @param toVersionId The version compared to (&#x60;dsv_…&#x60;). At most one of &#x60;to_version_id&#x60; and &#x60;to_environment&#x60;; neither compares to the most recently created version.
     * @param toEnvironment Compare to the version deployed to this environment (name or &#x60;env_…&#x60; id).
     * @param page Page number, starting at 1. A page past the end is an empty page with the same &#x60;total&#x60;, not an error.
     * @param size Records per page (0 to 1000).
     * @return The counts of the comparison and one page of its records.
     * @return The `X-API-KEY` header is missing or the key is unknown.
     * @return The dataset, version or environment does not exist (or belongs to another organization).
     * @return The request is malformed or a value is out of range; `detail` lists each problem.
     * @return The database is unreachable; retry after the given delay.
     */
    @GET
    @Path("/datasets/{id}/diff")
    @Produces({ "application/json" })
    Response diffVersions(@PathParam("id") String id,@QueryParam("from_version_id")   String fromVersionId,@QueryParam("from_environment")   String fromEnvironment,@QueryParam("to_version_id")   String toVersionId,@QueryParam("to_environment")   String toEnvironment,@QueryParam("page") @Min(1) @DefaultValue("1")   Integer page,@QueryParam("size") @Min(0) @Max(1000) @DefaultValue("50")   Integer size);


    /**
     * Extension of this server (not in the Humanloop API). Streams every datapoint of one version (chosen as for `GET /datasets/{id}`), in order, as a file named `NAME-VERSION.jsonl` or `.csv` (NAME the dataset's name, VERSION the version's name, else its id).  `jsonl`: one datapoint per line, exactly as `GET /datasets/{id}/datapoints` lists it. `csv` (RFC 4180): a column per input key in order of first appearance, then `messages` (a JSON array) if any datapoint has messages, then `target` (a JSON object) if any has a target. Uploading that file to `POST /datasets/{id}/datapoints/csv` of a dataset without datapoints gives back the same datapoints when they all have the same input keys (an absent input comes back as `\"\"`). A version whose input keys the upload would not read back as inputs (`messages`, `target`, `target.…`) is refused as CSV with 409. 
     *
     * @param id Dataset id (&#x60;ds_…&#x60;).
     * @param format File format.
     * @param versionId Select this version (&#x60;dsv_…&#x60;). Cannot be combined with &#x60;environment&#x60;.
     * @param environment Select the version deployed to this environment, given by name or &#x60;env_…&#x60; id. Cannot be combined with &#x60;version_id&#x60;.
     * @return The file, streamed.
     * @return The `X-API-KEY` header is missing or the key is unknown.
     * @return The dataset, version or environment does not exist (or belongs to another organization).
     * @return The request clashes with the current state, e.g. a path or version name already in use, or a version that cannot be deleted.
     * @return The request is malformed or a value is out of range; `detail` lists each problem.
     * @return The database is unreachable; retry after the given delay.
     */
    @GET
    @Path("/datasets/{id}/export")
    @Produces({ "application/x-ndjson", "text/csv", "application/json" })
    Response exportVersion(@PathParam("id") String id,@QueryParam("format") @DefaultValue("jsonl")   ExportFormat format,@QueryParam("version_id")   String versionId,@QueryParam("environment")   String environment);

}
