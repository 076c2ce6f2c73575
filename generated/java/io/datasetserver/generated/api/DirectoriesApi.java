package io.datasetserver.generated.api;

import io.datasetserver.generated.model.DirectoryResponse;
import io.datasetserver.generated.model.DirectoryWithParentsAndChildrenResponse;
import io.datasetserver.generated.model.ErrorResponse;

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
@Path("/directories")
@jakarta.annotation.Generated(value = "org.openapitools.codegen.languages.JavaJAXRSSpecServerCodegen", comments = "Generator version: 7.25.0")
public interface DirectoriesApi {

    /**
     * The directory, its direct subdirectories and the datasets directly inside it (each at its default version, both sorted by name), and its parents from the root down. A folder with nothing left in it no longer exists (404).
     *
     * @param id Directory id (&#x60;dir_…&#x60;), or &#x60;root&#x60;.
     * @return The directory.
     * @return The `X-API-KEY` header is missing or the key is unknown.
     * @return The dataset, version or environment does not exist (or belongs to another organization).
     * @return The database is unreachable; retry after the given delay.
     */
    @GET
    @Path("/{id}")
    @Produces({ "application/json" })
    Response getDirectory(@PathParam("id") String id);


    /**
     * Every directory of the organization, the root (path `\"\"`) included, sorted by path.
     *
     * @return The directories.
     * @return The `X-API-KEY` header is missing or the key is unknown.
     * @return The database is unreachable; retry after the given delay.
     */
    @GET
    @Produces({ "application/json" })
    Response listDirectories();

}
