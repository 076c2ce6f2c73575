package io.datasetserver.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.datasetserver.testing.Api;
import io.datasetserver.testing.RunningServer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The web app as served: its page at {@code /}, every module and style it loads from {@code /app/},
 * each with its content type, revalidation caching and the strict Content-Security-Policy; nothing
 * else of the classpath is reachable. No key needed (the page signs in against {@code /v5} itself).
 * The app's behaviour is tested in Chromium ({@code src/test/browser/webapp.test.js}).
 */
@ExtendWith(RunningServer.class)
class ServedWebAppTest {
  private static final Pattern ASSET = Pattern.compile("(?:src|href)=\"(/app/[^\"]+)\"");
  private static final Pattern IMPORT = Pattern.compile("from \"(\\.{1,2}/[^\"]+)\"");

  private static String header(Api.Response response, String name) {
    return response.headers().firstValue(name).orElse("");
  }

  @Test
  void thePageIsServedAtTheRootWithAStrictContentSecurityPolicy(Api api) {
    Api.Response page = api.as(null).get("/");
    assertThat(page.status()).isEqualTo(200);
    assertThat(header(page, "Content-Type"))
        .startsWith("text/html")
        .containsIgnoringCase("charset=utf-8");
    String csp = header(page, "Content-Security-Policy");
    assertThat(csp)
        .contains(
            "default-src 'none'",
            "script-src 'self'",
            "style-src 'self'",
            "connect-src 'self'",
            "frame-ancestors 'none'")
        .doesNotContain("unsafe-inline", "unsafe-eval");
    assertThat(header(page, "Referrer-Policy")).isEqualTo("no-referrer");
    String html = page.body();
    assertThat(html)
        .contains("<script type=\"module\" src=\"/app/app.js\"></script>")
        .doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>")
        .doesNotContain("<style", "style=");
  }

  @Test
  void everyModuleAndStyleThePageLoadsIsServedWithItsContentTypeAndTheSamePolicy(Api api) {
    Api anonymous = api.as(null);
    List<String> pending = new ArrayList<>();
    Matcher assets = ASSET.matcher(anonymous.get("/").body());
    while (assets.find()) {
      pending.add(assets.group(1));
    }
    assertThat(pending).contains("/app/app.js", "/app/app.css", "/app/icon.svg");
    List<String> seen = new ArrayList<>();
    while (!pending.isEmpty()) {
      String asset = pending.remove(0);
      if (seen.contains(asset)) {
        continue;
      }
      seen.add(asset);
      Api.Response response = anonymous.get(asset);
      assertThat(response.status()).as(asset).isEqualTo(200);
      String expected =
          asset.endsWith(".js")
              ? "text/javascript"
              : asset.endsWith(".css") ? "text/css" : "image/svg+xml";
      assertThat(header(response, "Content-Type")).as(asset).startsWith(expected);
      assertThat(header(response, "Content-Security-Policy"))
          .as(asset)
          .contains("script-src 'self'");
      assertThat(header(response, "Cache-Control")).as(asset).isEqualTo("no-cache");
      if (asset.endsWith(".js")) {
        String source = response.body();
        assertThat(source)
            .as(asset)
            .doesNotContain("innerHTML", "outerHTML", "insertAdjacentHTML", "eval(");
        for (Matcher imports = IMPORT.matcher(source); imports.find(); ) {
          pending.add(java.net.URI.create("http://x" + asset).resolve(imports.group(1)).getPath());
        }
      }
    }
    assertThat(seen)
        .as("every screen module is reachable from the page")
        .contains(
            "/app/screens/folder.js",
            "/app/screens/dataset.js",
            "/app/screens/version.js",
            "/app/screens/compare.js",
            "/app/screens/upload.js",
            "/app/screens/sign-in.js");
  }

  @Test
  void anUnchangedFileIsRevalidatedWithoutItsBody(Api api) throws Exception {
    Api anonymous = api.as(null);
    Api.Response first = anonymous.get("/app/app.js");
    String etag = header(first, "ETag");
    assertThat(etag).matches("\"[0-9a-f]{32}\"");
    Api.Response again = anonymous.withHeader("If-None-Match", etag).get("/app/app.js");
    assertThat(again.status()).isEqualTo(304);
    assertThat(again.bytes()).isEmpty();
    assertThat(header(again, "ETag")).isEqualTo(etag);
  }

  @Test
  void pathsOutsideTheAppStayJson404s(Api api) {
    Api anonymous = api.as(null);
    for (String path :
        List.of(
            "/app/nothing.js",
            "/app/",
            "/app/dev-api-keys.json",
            "/app/../dev-api-keys.json",
            "/app/%2e%2e/logback.xml",
            "/app/App.js",
            "/app/.hidden.js",
            "/app/screens/../../logback.xml",
            "/app/docs/docs.js",
            "/datasets/ds_x",
            "/index.html")) {
      Api.Response response = anonymous.get(path);
      assertThat(response.status()).as(path).isEqualTo(404);
      assertThat(response.json().path("detail").isTextual())
          .as("JSON detail for %s: %s", path, response.body())
          .isTrue();
    }
  }
}
