package io.datasetserver.api;

import io.datasetserver.datasets.DatasetStorage;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/** Endpoints for operators and orchestrators; no API key needed. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class OperationsResource {
  @Inject DatasetStorage storage;

  /** The process is up and serving HTTP. */
  @GET
  @Path("healthz")
  public Map<String, String> health() {
    return Map.of("status", "ok");
  }

  /** The database answers: requests can be served. */
  @GET
  @Path("readyz")
  public Response ready() {
    if (storage.isReachable()) {
      return Response.ok(Map.of("status", "ready")).build();
    }
    return ErrorBodies.unavailable("The database is unreachable");
  }
}
