package io.datasetserver.server;

import io.datasetserver.api.ErrorMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
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
 * Answers a request whose target cannot be decoded (an encoded slash, a bad escape such as
 * {@code %ZZ}, bytes that are not UTF-8, characters a URI may not hold) with a JSON 400, right
 * after the HTTP codec and before Grizzly dispatches it: left alone, such a request ends in
 * Grizzly's own 500 page.
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
    if (isDecodable(request)) {
      return ctx.getInvokeAction();
    }
    HttpResponsePacket response = request.getResponse();
    response.setStatus(400);
    response.setContentType("application/json");
    response.addHeader("X-Content-Type-Options", "nosniff");
    response.getProcessingState().setKeepAlive(false);
    byte[] body = ErrorMapper.detailJson("The request target is not a valid, decodable URI")
        .getBytes(StandardCharsets.UTF_8);
    response.setContentLength(body.length);
    ctx.write(HttpContent.builder(response).content(Buffers.wrap(ctx.getMemoryManager(), body)).last(true).build());
    ctx.getConnection().closeSilently();
    return ctx.getStopAction();
  }

  private static boolean isDecodable(HttpRequestPacket request) {
    String path = request.getRequestURI();
    if (path.contains("%2F") || path.contains("%2f")) {
      return false; // Grizzly refuses encoded slashes when it maps the path to a handler
    }
    try {
      request.getRequestURIRef().getDecodedURI();
      String query = request.getQueryString();
      new URI("http://localhost" + path + (query == null ? "" : "?" + query));
      return true;
    } catch (IOException | URISyntaxException | RuntimeException e) {
      return false;
    }
  }
}
