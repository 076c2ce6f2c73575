package io.datasetserver.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.Map;

/**
 * The API reference page at {@code /docs}: Swagger UI from its WebJar, reading {@code
 * /v5/openapi.yaml}. Every asset comes from this server; nothing loads from a CDN.
 */
@Path("docs")
public class DocsResource {
  /** Must match the org.webjars:swagger-ui version in pom.xml. */
  private static final String SWAGGER_UI = "/META-INF/resources/webjars/swagger-ui/5.34.1/";

  private static final Map<String, String> ASSETS =
      Map.of(
          "swagger-ui.css", SWAGGER_UI + "swagger-ui.css",
          "swagger-ui-bundle.js", SWAGGER_UI + "swagger-ui-bundle.js",
          "favicon-32x32.png", SWAGGER_UI + "favicon-32x32.png",
          "docs.js", "/docs/docs.js");

  @GET
  public Response page() {
    return serve("/docs/index.html", "text/html; charset=utf-8");
  }

  @GET
  @Path("{asset}")
  public Response asset(@PathParam("asset") String asset) {
    String resource = ASSETS.get(asset);
    if (resource == null) {
      throw new NotFoundException("No such asset: " + asset);
    }
    String type =
        asset.endsWith(".css")
            ? "text/css; charset=utf-8"
            : asset.endsWith(".js") ? "text/javascript; charset=utf-8" : "image/png";
    return serve(resource, type);
  }

  private static Response serve(String resource, String type) {
    InputStream body = DocsResource.class.getResourceAsStream(resource);
    if (body == null) {
      throw new NotFoundException("Missing asset " + resource);
    }
    return Response.ok(body, type).header("Cache-Control", "public, max-age=3600").build();
  }
}
