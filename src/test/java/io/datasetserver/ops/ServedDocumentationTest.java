package io.datasetserver.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.datasetserver.testing.Api;
import io.datasetserver.testing.RunningServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The contract as served: /v5/openapi.yaml, and the /docs page with every asset it loads. No key
 * needed.
 */
@ExtendWith(RunningServer.class)
class ServedDocumentationTest {
  private static final Pattern ASSET = Pattern.compile("(?:src|href)=\"([^\"]+)\"");
  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

  private static Path specFile() {
    return Path.of(
        System.getProperty("basedir", System.getProperty("user.dir")), "api-spec", "openapi.yaml");
  }

  private static String contentType(Api.Response response) {
    return response.headers().firstValue("Content-Type").orElse("");
  }

  @Test
  void theOpenApiDocumentIsServedWithoutAKeyByteForByte(Api api) throws Exception {
    Api.Response served = api.as(null).get("/v5/openapi.yaml");
    assertThat(served.status()).isEqualTo(200);
    assertThat(contentType(served)).startsWith("application/yaml");
    assertThat(served.bytes())
        .as("the served document equals %s", specFile())
        .isEqualTo(Files.readAllBytes(specFile()));
  }

  @Test
  void theDocsPageIsServedWithoutAKey(Api api) {
    Api.Response page = api.as(null).get("/docs");
    assertThat(page.status()).isEqualTo(200);
    assertThat(contentType(page)).startsWith("text/html").containsIgnoringCase("charset=utf-8");
    assertThat(page.body()).contains("<div id=\"swagger-ui\">");
  }

  @Test
  void everyAssetThePageLoadsIsServedFromThisServerWithItsContentType(Api api) {
    Api anonymous = api.as(null);
    String html = anonymous.get("/docs").body();
    List<String> assets = new ArrayList<>();
    for (Matcher m = ASSET.matcher(html); m.find(); ) {
      assets.add(m.group(1));
    }
    assertThat(assets)
        .as("assets of the page")
        .isNotEmpty()
        .allSatisfy(
            asset -> assertThat(asset).as("served by this server, not a CDN").startsWith("/docs/"))
        .contains("/docs/swagger-ui.css", "/docs/swagger-ui-bundle.js", "/docs/docs.js");
    for (String asset : assets) {
      Api.Response response = anonymous.get(asset);
      assertThat(response.status()).as(asset).isEqualTo(200);
      assertThat(response.bytes()).as(asset).isNotEmpty();
      String expectedType =
          asset.endsWith(".css")
              ? "text/css"
              : asset.endsWith(".js") ? "text/javascript" : "image/png";
      assertThat(contentType(response)).as("Content-Type of %s", asset).startsWith(expectedType);
      if (asset.endsWith(".png")) {
        assertThat(response.bytes()).as(asset).startsWith(PNG);
      }
    }
  }

  @Test
  void thePageScriptReadsTheServedDocument(Api api) {
    String script = api.as(null).get("/docs/docs.js").body();
    assertThat(script).contains("SwaggerUIBundle(", "\"/v5/openapi.yaml\"");
  }

  @Test
  void anUnknownAssetIs404(Api api) {
    Api anonymous = api.as(null);
    assertThat(anonymous.get("/docs/nothing-here.js").status()).isEqualTo(404);
    assertThat(anonymous.get("/docs/index.html.bak").status()).isEqualTo(404);
  }
}
