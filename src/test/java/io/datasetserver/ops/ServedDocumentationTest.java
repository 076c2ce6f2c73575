package io.datasetserver.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.datasetserver.testing.Api;
import io.datasetserver.testing.RunningServer;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The contract as served: /v5/openapi.yaml, and the /docs page with every asset it loads. No key needed. */
@ExtendWith(RunningServer.class)
class ServedDocumentationTest {
  private static final Pattern ASSET = Pattern.compile("(?:src|href)=\"([^\"]+)\"");
  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

  private static Path specFile() {
    return Path.of(System.getProperty("basedir", System.getProperty("user.dir")), "api-spec", "openapi.yaml");
  }

  private static String contentType(HttpResponse<?> response) {
    return response.headers().firstValue("Content-Type").orElse("");
  }

  @Test
  void theOpenApiDocumentIsServedWithoutAKeyByteForByte(Api api) throws Exception {
    HttpResponse<byte[]> served = new Http(api.port()).bytes("/v5/openapi.yaml");
    assertThat(served.statusCode()).isEqualTo(200);
    assertThat(contentType(served)).startsWith("application/yaml");
    assertThat(served.body()).as("the served document equals %s", specFile()).isEqualTo(Files.readAllBytes(specFile()));
  }

  @Test
  void theDocsPageIsServedWithoutAKey(Api api) {
    HttpResponse<byte[]> page = new Http(api.port()).bytes("/docs");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(contentType(page)).startsWith("text/html").containsIgnoringCase("charset=utf-8");
    assertThat(new String(page.body(), StandardCharsets.UTF_8)).contains("<div id=\"swagger-ui\">");
  }

  @Test
  void everyAssetThePageLoadsIsServedFromThisServerWithItsContentType(Api api) {
    Http http = new Http(api.port());
    String html = new String(http.bytes("/docs").body(), StandardCharsets.UTF_8);
    List<String> assets = new ArrayList<>();
    for (Matcher m = ASSET.matcher(html); m.find(); ) {
      assets.add(m.group(1));
    }
    assertThat(assets).as("assets of the page").isNotEmpty()
        .allSatisfy(asset -> assertThat(asset).as("served by this server, not a CDN").startsWith("/docs/"))
        .contains("/docs/swagger-ui.css", "/docs/swagger-ui-bundle.js", "/docs/docs.js");
    for (String asset : assets) {
      HttpResponse<byte[]> response = http.bytes(asset);
      assertThat(response.statusCode()).as(asset).isEqualTo(200);
      assertThat(response.body()).as(asset).isNotEmpty();
      String expectedType = asset.endsWith(".css") ? "text/css" : asset.endsWith(".js") ? "text/javascript" : "image/png";
      assertThat(contentType(response)).as("Content-Type of %s", asset).startsWith(expectedType);
      if (asset.endsWith(".png")) {
        assertThat(response.body()).as(asset).startsWith(PNG);
      }
    }
  }

  @Test
  void thePageScriptReadsTheServedDocument(Api api) {
    String script = new String(new Http(api.port()).bytes("/docs/docs.js").body(), StandardCharsets.UTF_8);
    assertThat(script).contains("SwaggerUIBundle(", "\"/v5/openapi.yaml\"");
  }

  @Test
  void anUnknownAssetIs404(Api api) {
    Http http = new Http(api.port());
    assertThat(http.bytes("/docs/nothing-here.js").statusCode()).isEqualTo(404);
    assertThat(http.bytes("/docs/index.html.bak").statusCode()).isEqualTo(404);
  }
}
