package io.datasetserver.auth;

import io.datasetserver.datasets.Caller;
import jakarta.annotation.Priority;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import java.util.Set;

/**
 * Authenticates every API request by its {@code X-API-KEY} header before anything else runs, so a
 * request without a valid key gets 401 whatever else is wrong with it.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public final class ApiKeyFilter implements ContainerRequestFilter {
  public static final String HEADER = "X-API-KEY";
  private static final String CALLER = ApiKeyFilter.class.getName() + ".caller";

  /**
   * The caller of the request this thread is serving. Jersey runs this filter, the resource method
   * and its streamed body on the request's own thread (every resource is synchronous), and this is
   * read there without a per-request lookup of the request through the injector, which was a
   * thirtieth of a small GET's CPU.
   */
  private static final ThreadLocal<Caller> CURRENT = new ThreadLocal<>();

  /** Paths under the API root that anyone may read. */
  private static final Set<String> PUBLIC_PATHS = Set.of("openapi.yaml");

  private final ApiKeys keys;

  public ApiKeyFilter(ApiKeys keys) {
    this.keys = keys;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    CURRENT.remove();
    if (PUBLIC_PATHS.contains(request.getUriInfo().getPath())) {
      return;
    }
    Caller caller =
        keys.authenticate(request.getHeaderString(HEADER))
            .orElseThrow(
                () ->
                    new NotAuthorizedException(
                        "Missing or invalid API key: send it in the X-API-KEY header", "ApiKey"));
    request.setProperty(CALLER, caller);
    CURRENT.set(caller);
  }

  /** The caller of the API request being served on this thread, as {@link #filter} found it. */
  public static Caller caller() {
    Caller caller = CURRENT.get();
    if (caller == null) {
      throw new IllegalStateException("no authenticated request on this thread");
    }
    return caller;
  }

  /** The caller the filter authenticated for this request. */
  public static Caller caller(ContainerRequestContext request) {
    return (Caller) request.getProperty(CALLER);
  }
}
