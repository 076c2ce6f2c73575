package io.datasetserver.api;

import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import java.util.UUID;
import org.slf4j.MDC;

/**
 * Gives every request an id (the client's {@code X-Request-Id} when it sends a sane one),
 * echoes it on the response and puts it in the logging context so log lines carry it.
 */
@PreMatching
@Priority(100)
public final class RequestIdFilter implements ContainerRequestFilter, ContainerResponseFilter {
  public static final String HEADER = "X-Request-Id";
  static final String PROPERTY = RequestIdFilter.class.getName();

  @Override
  public void filter(ContainerRequestContext request) {
    String id = request.getHeaderString(HEADER);
    if (id == null || id.length() > 128 || !id.chars().allMatch(c -> c > 32 && c < 127)) {
      id = UUID.randomUUID().toString();
    }
    request.setProperty(PROPERTY, id);
    MDC.put("request_id", id);
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    Object id = request.getProperty(PROPERTY);
    if (id != null) {
      response.getHeaders().putSingle(HEADER, id);
    }
    response.getHeaders().putSingle("X-Content-Type-Options", "nosniff");
  }
}
