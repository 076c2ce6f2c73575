package io.datasetserver.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The curators' web app: {@code /} is its page, {@code /app/…} its scripts and styles, all static
 * files under {@code src/main/resources/webapp/}. It is a client of {@code /v5} like any other; the
 * server knows nothing of its screens (it routes by the URL's hash, so a deep link never reaches
 * the server and unknown paths stay JSON 404s).
 *
 * <p>Every response carries a Content-Security-Policy that lets the page run only this server's own
 * scripts and styles and talk only to this server. Files are not fingerprinted, so browsers
 * revalidate them on every use ({@code no-cache} with a content ETag): an upgraded server is never
 * paired with a stale script.
 */
@Path("/")
public class WebAppResource {
  static final String CONTENT_SECURITY_POLICY =
      String.join(
          "; ",
          "default-src 'none'",
          "script-src 'self'",
          "style-src 'self'",
          "connect-src 'self'",
          // Chat messages may show images by URL (contract §1); they cannot run anything.
          "img-src 'self' data: blob: http: https:",
          "font-src 'self'",
          "base-uri 'none'",
          "form-action 'none'",
          "frame-ancestors 'none'");
  private static final String ROOT = "/webapp/";

  /**
   * Lower-case names in folders, one known extension: no "..", no hidden files, nothing else from
   * the classpath.
   */
  private static final Pattern ASSET =
      Pattern.compile("[a-z0-9-]+(/[a-z0-9-]+)*\\.(js|css|svg|png)");

  private static final Map<String, String> TYPES =
      Map.of(
          "html", "text/html; charset=utf-8",
          "js", "text/javascript; charset=utf-8",
          "css", "text/css; charset=utf-8",
          "svg", "image/svg+xml",
          "png", "image/png");
  private static final Map<String, Optional<Asset>> CACHE = new ConcurrentHashMap<>();

  private record Asset(byte[] body, String type, String etag) {}

  @GET
  public Response page(@HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
    return serve("index.html", ifNoneMatch);
  }

  @GET
  @Path("app/{asset: .+}")
  public Response asset(
      @PathParam("asset") String asset,
      @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
    if (!ASSET.matcher(asset).matches()) {
      throw new NotFoundException("No such file: /app/" + asset);
    }
    return serve(asset, ifNoneMatch);
  }

  private static Response serve(String name, String ifNoneMatch) {
    Asset asset =
        CACHE
            .computeIfAbsent(name, WebAppResource::load)
            .orElseThrow(() -> new NotFoundException("No such file: /app/" + name));
    Response.ResponseBuilder response =
        asset.etag().equals(ifNoneMatch)
            ? Response.notModified()
            : Response.ok(asset.body(), asset.type());
    return response
        .header(HttpHeaders.ETAG, asset.etag())
        .header(HttpHeaders.CACHE_CONTROL, "no-cache")
        .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        .header("Referrer-Policy", "no-referrer")
        .header("X-Frame-Options", "DENY")
        .build();
  }

  private static Optional<Asset> load(String name) {
    try (InputStream in = WebAppResource.class.getResourceAsStream(ROOT + name)) {
      if (in == null) {
        return Optional.empty();
      }
      byte[] body = in.readAllBytes();
      String extension = name.substring(name.lastIndexOf('.') + 1);
      String digest =
          HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body), 0, 16);
      return Optional.of(new Asset(body, TYPES.get(extension), "\"" + digest + "\""));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
