package io.datasetserver.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import java.io.InputStream;

/**
 * Serves api-spec/openapi.yaml, the document the API's interfaces are generated from. No key
 * needed.
 */
@Path("openapi.yaml")
public class OpenApiResource {
  @GET
  @Produces("application/yaml")
  public InputStream document() {
    InputStream document = OpenApiResource.class.getResourceAsStream("/api-spec/openapi.yaml");
    if (document == null) {
      throw new NotFoundException("The API document is not part of this build");
    }
    return document;
  }
}
