package io.datasetserver.server;

import io.datasetserver.api.ErrorMapper;
import io.datasetserver.api.RequestObserver;
import java.io.CharConversionException;
import java.net.URISyntaxException;
import org.glassfish.grizzly.http.server.ErrorPageGenerator;
import org.glassfish.grizzly.http.server.Request;

/**
 * Errors that Grizzly answers itself, before a request reaches Jersey (an undecodable
 * request target, say), get the same JSON body as every other error instead of an HTML page
 * with a stack trace; a request target that cannot be decoded is the client's fault (400).
 */
final class JsonErrorPages implements ErrorPageGenerator {
  @Override
  public String generate(Request request, int status, String reasonPhrase, String description, Throwable failure) {
    var response = request.getResponse();
    String detail = reasonPhrase == null ? "Error" : reasonPhrase;
    if (isMalformedTarget(failure)) {
      response.setStatus(400);
      detail = "The request target is not a valid, decodable URI";
    }
    response.setContentType("application/json");
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader(RequestObserver.REQUEST_ID, RequestObserver.requestId(request.getHeader(RequestObserver.REQUEST_ID)));
    return ErrorMapper.detailJson(detail);
  }

  private static boolean isMalformedTarget(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof URISyntaxException || cause instanceof CharConversionException
          || cause instanceof IllegalArgumentException) {
        return true;
      }
    }
    return false;
  }
}
