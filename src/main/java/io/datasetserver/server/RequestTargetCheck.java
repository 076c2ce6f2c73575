package io.datasetserver.server;

import io.datasetserver.api.ErrorBodies;
import io.datasetserver.api.RequestObserver;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import org.glassfish.grizzly.CompletionHandler;
import org.glassfish.grizzly.EmptyCompletionHandler;
import org.glassfish.grizzly.WriteResult;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainBuilder;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.http.HttpContent;
import org.glassfish.grizzly.http.HttpRequestPacket;
import org.glassfish.grizzly.http.HttpResponsePacket;
import org.glassfish.grizzly.http.server.AddOn;
import org.glassfish.grizzly.http.server.HttpServerFilter;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.memory.Buffers;

/**
 * Answers a request whose target cannot be decoded (a bad escape such as {@code %ZZ}, bytes that
 * are not UTF-8, characters a URI may not hold) with a JSON 400, right after the HTTP codec and
 * before Grizzly dispatches it: left alone, such a request ends in Grizzly's own 500 page. An
 * encoded slash gets a JSON 404, since no route can match it.
 */
final class RequestTargetCheck extends BaseFilter implements AddOn {

  @Override
  public void setup(NetworkListener listener, FilterChainBuilder builder) {
    builder.add(builder.indexOfType(HttpServerFilter.class), this);
  }

  @Override
  public NextAction handleRead(FilterChainContext ctx) throws IOException {
    HttpContent content = ctx.getMessage();
    HttpRequestPacket request = (HttpRequestPacket) content.getHttpHeader();
    String path = request.getRequestURI();
    boolean encodedSlash = path.contains("%2F") || path.contains("%2f");
    if (!encodedSlash && isDecodable(request, path)) {
      return ctx.getInvokeAction();
    }
    if (!content.isLast()) {
      content.recycle();
      return ctx
          .getStopAction(); // drain the body first, so the client reads the answer instead of a
      // reset
    }
    HttpResponsePacket response = request.getResponse();
    // Grizzly never routes an encoded slash: no route has such a path.
    response.setStatus(encodedSlash ? 404 : 400);
    response.setContentType("application/json");
    response.addHeader("X-Content-Type-Options", "nosniff");
    response.addHeader(
        RequestObserver.REQUEST_ID,
        RequestObserver.requestId(request.getHeader(RequestObserver.REQUEST_ID)));
    response.getProcessingState().setKeepAlive(false);
    byte[] body =
        ErrorBodies.json(
                encodedSlash
                    ? "No route matches a path with an encoded slash"
                    : "The request target is not a valid, decodable URI")
            .getBytes(StandardCharsets.UTF_8);
    response.setContentLength(body.length);
    // Grizzly's FilterChainContext.write takes a handler of the raw WriteResult type: nothing to
    // parameterise.
    @SuppressWarnings("rawtypes")
    CompletionHandler<WriteResult> closeWhenWritten =
        new EmptyCompletionHandler<>() {
          @Override
          public void completed(WriteResult result) {
            ctx.getConnection().closeSilently();
          }
        };
    ctx.write(
        null,
        HttpContent.builder(response)
            .content(Buffers.wrap(ctx.getMemoryManager(), body))
            .last(true)
            .build(),
        closeWhenWritten);
    return ctx.getStopAction();
  }

  private static boolean isDecodable(HttpRequestPacket request, String path) {
    String query = request.getQueryString();
    try {
      // Also normalises dot segments for everything downstream: needed whatever the target.
      request.getRequestURIRef().getDecodedURI();
      if (isPlain(path) && (query == null || isPlain(query))) {
        return true; // the common case, checked without building a URI for every request
      }
      new URI("http://localhost" + path + (query == null ? "" : "?" + query));
      return true;
    } catch (IOException | URISyntaxException | RuntimeException e) {
      return false;
    }
  }

  /**
   * Whether {@code text} holds only characters a URI's path or query may hold as they are (RFC
   * 3986: unreserved, sub-delims, ":", "@", "/", "?"): {@link URI} accepts such a target.
   */
  private static boolean isPlain(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean plain =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || "-._~!$&'()*+,;=:@/?".indexOf(c) >= 0;
      if (!plain) {
        return false;
      }
    }
    return true;
  }
}
