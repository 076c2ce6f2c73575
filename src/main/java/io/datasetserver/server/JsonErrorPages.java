package io.datasetserver.server;

import io.datasetserver.api.ErrorBodies;
import io.datasetserver.api.RequestObserver;
import org.glassfish.grizzly.http.server.ErrorPageGenerator;
import org.glassfish.grizzly.http.server.Request;

/**
 * Errors that Grizzly answers itself, before a request reaches Jersey, get the same JSON body and
 * headers as every other error instead of an HTML page with a stack trace. (Malformed request
 * targets never get here: {@link RequestTargetCheck} answers them first.)
 */
final class JsonErrorPages implements ErrorPageGenerator {
  @Override
  public String generate(
      Request request, int status, String reasonPhrase, String description, Throwable failure) {
    var response = request.getResponse();
    response.setContentType("application/json");
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader(
        RequestObserver.REQUEST_ID,
        RequestObserver.requestId(request.getHeader(RequestObserver.REQUEST_ID)));
    return ErrorBodies.json(reasonPhrase == null ? "Error" : reasonPhrase);
  }
}
