package io.datasetserver.generated.api;

import io.datasetserver.generated.model.ErrorResponse;
import io.datasetserver.generated.model.HTTPValidationError;
import io.datasetserver.generated.model.ImportDatapointsRequest;
import io.datasetserver.generated.model.ImportDatasetRequest;
import io.datasetserver.generated.model.ImportResponse;
import io.datasetserver.generated.model.ImportVersionProgress;

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
@Path("/imports")
@jakarta.annotation.Generated(value = "org.openapitools.codegen.languages.JavaJAXRSSpecServerCodegen", comments = "Generator version: 7.25.0")
public interface ImportsApi {

    /**
     * Appends up to 1000 datapoints, in order, to a staged version. `offset` is the number of datapoints of this version already staged (0 for the first chunk); another value is a 409 naming the staged count, so a chunk is never applied twice. Datapoints are kept exactly as sent (as JSON values): each is an object with at most `id` (ignored: ids are derived from the content), `inputs`, `messages` and `target`; the fields inside them are not checked against this API's datapoint schema. A datapoint with the same content as another one of the version, or more datapoints than the version's `datapoints_count`, is a 422. 
     *
     * @param id Dataset id (&#x60;ds_…&#x60;).
     * @param versionId Version id (&#x60;dsv_…&#x60;).
     * @param importDatapointsRequest 
     * @return How many datapoints of the version are staged now.
     * @return The `X-API-KEY` header is missing or the key is unknown.
     * @return The dataset, version or environment does not exist (or belongs to another organization).
     * @return The request clashes with the current state, e.g. a path or version name already in use, or a version that cannot be deleted.
     * @return The request body is larger than the server accepts.
     * @return The request is malformed or a value is out of range; `detail` lists each problem.
     * @return The database is unreachable; retry after the given delay.
     */
    @POST
    @Path("/{id}/versions/{version_id}/datapoints")
    @Consumes({ "application/json" })
    @Produces({ "application/json" })
    Response appendImportDatapoints(@PathParam("id") String id,@PathParam("version_id") String versionId,@Valid @NotNull ImportDatapointsRequest importDatapointsRequest);


    /**
     * Stages the import of one dataset: its `id`, `path`, the metadata of every version and its deployments. Nothing becomes visible. The answer says what happens next: - `staged`: send each version's datapoints (`…/versions/{version_id}/datapoints`),   then commit. Beginning again restarts the staging of this dataset from scratch. - `present`: the organization already has this dataset with the same versions (same   version ids, datapoint counts and attributes); nothing is staged.  A dataset id or path already used by other content is a 409 and nothing is staged. Deployments to environments the organization lacks are listed in `skipped_deployments` and left out. 
     *
     * @param importDatasetRequest 
     * @return The import is staged, or the dataset is already present.
     * @return The `X-API-KEY` header is missing or the key is unknown.
     * @return The request clashes with the current state, e.g. a path or version name already in use, or a version that cannot be deleted.
     * @return The request body is larger than the server accepts.
     * @return The request is malformed or a value is out of range; `detail` lists each problem.
     * @return The database is unreachable; retry after the given delay.
     */
    @POST
    @Consumes({ "application/json" })
    @Produces({ "application/json" })
    Response beginImport(@Valid @NotNull ImportDatasetRequest importDatasetRequest);


    /**
     * Publishes the staged dataset with one write, once every version holds its `datapoints_count` datapoints (else 409). Its versions are ordered by `created_at` and its deployments restored. If meanwhile the id or path was taken by other content the answer is a 409 and nothing is published.
     *
     * @param id Dataset id (&#x60;ds_…&#x60;).
     * @return The dataset is published (`imported`), or was already (`present`).
     * @return The `X-API-KEY` header is missing or the key is unknown.
     * @return The dataset, version or environment does not exist (or belongs to another organization).
     * @return The request clashes with the current state, e.g. a path or version name already in use, or a version that cannot be deleted.
     * @return The database is unreachable; retry after the given delay.
     */
    @POST
    @Path("/{id}/commit")
    @Produces({ "application/json" })
    Response commitImport(@PathParam("id") String id);

}
