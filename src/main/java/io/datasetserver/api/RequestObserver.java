package io.datasetserver.api;

import io.datasetserver.auth.ApiKeyFilter;
import io.datasetserver.datasets.Caller;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.glassfish.jersey.server.ExtendedUriInfo;
import org.glassfish.jersey.server.model.ResourceMethod;
import org.glassfish.jersey.uri.UriTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Observes every request: gives it an id (the client's {@code X-Request-Id} when it sends a sane
 * one) that is echoed on the response and carried by its log lines, records its latency per route
 * template and status, and writes one access log line. The API key is never logged.
 */
@PreMatching
@Priority(100)
public final class RequestObserver implements ContainerRequestFilter, ContainerResponseFilter {
  public static final String REQUEST_ID = "X-Request-Id";
  private static final Logger ACCESS = LoggerFactory.getLogger("access");
  private static final String STARTED = RequestObserver.class.getName() + ".started";
  private static final String ID = RequestObserver.class.getName() + ".id";

  private final MeterRegistry registry;
  private final Map<TimerKey, Timer> timers = new ConcurrentHashMap<>();
  private final Map<ResourceMethod, String> routes = new ConcurrentHashMap<>();

  @Inject
  public RequestObserver(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    String id = requestId(request.getHeaderString(REQUEST_ID));
    request.setProperty(ID, id);
    request.setProperty(STARTED, System.nanoTime());
    MDC.put("request_id", id);
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    Object id = request.getProperty(ID);
    if (id != null) {
      response.getHeaders().putSingle(REQUEST_ID, id);
    }
    response.getHeaders().putSingle("X-Content-Type-Options", "nosniff");
    boolean sentBody =
        request.getLength() > 0 || request.getHeaderString("Transfer-Encoding") != null;
    if (request.getMethod().equals("TRACE") || (response.getStatus() >= 400 && sentBody)) {
      // The body may be left unread (or, for TRACE, not be framed as a body at all): never let
      // its bytes be taken for the next request on this connection.
      response.getHeaders().putSingle("Connection", "close");
    }
    Object started = request.getProperty(STARTED);
    if (started == null) {
      return;
    }
    long nanos = System.nanoTime() - (Long) started;
    String route = route(request);
    int status = response.getStatus();
    timers
        .computeIfAbsent(new TimerKey(request.getMethod(), route, status), this::timer)
        .record(nanos, TimeUnit.NANOSECONDS);
    Caller caller = ApiKeyFilter.caller(request);
    ACCESS.info(
        "method={} route={} status={} duration_ms={} request_id={} org={}",
        request.getMethod(),
        route,
        status,
        millisWithTwoDecimals(nanos),
        id,
        caller == null ? "-" : caller.organization().id());
    MDC.remove("request_id");
  }

  /** The client's request id when it is short printable ASCII, else a new one. */
  public static String requestId(String fromClient) {
    boolean sane =
        fromClient != null
            && !fromClient.isEmpty()
            && fromClient.length() <= 128
            && fromClient.chars().allMatch(c -> c > 32 && c < 127);
    return sane ? fromClient : randomUuid().toString();
  }

  /**
   * A random (version 4) UUID from a per-thread generator: a request id must be unique, not
   * unguessable, and {@link UUID#randomUUID()} serialises every request thread on one {@code
   * SecureRandom}.
   */
  private static UUID randomUuid() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long high = (random.nextLong() & ~0xF000L) | 0x4000L;
    long low = (random.nextLong() & ~(0b11L << 62)) | (0b10L << 62);
    return new UUID(high, low);
  }

  /**
   * {@code nanos} in milliseconds rounded half up to two decimals, as {@code %.2f} would print it,
   * without the formatter: {@link String#format} was a twentieth of a small GET's CPU.
   */
  static String millisWithTwoDecimals(long nanos) {
    long hundredths = (nanos + 5_000) / 10_000;
    long fraction = hundredths % 100;
    return (hundredths / 100) + (fraction < 10 ? ".0" : ".") + fraction;
  }

  private Timer timer(TimerKey key) {
    return Timer.builder("http.server.requests")
        .description("HTTP requests by route template and status")
        .tag("method", key.method())
        .tag("route", key.route())
        .tag("status", String.valueOf(key.status()))
        .publishPercentileHistogram()
        .register(registry);
  }

  /**
   * One timer per method, route and status: resolved once, not looked up in the registry per
   * request.
   */
  private record TimerKey(String method, String route, int status) {}

  /**
   * The matched route template, e.g. {@code /v5/datasets/{id}}; "unmatched" when no route matched.
   * Cached per matched resource method, whose templates never change.
   */
  private String route(ContainerRequestContext request) {
    ExtendedUriInfo uri = (ExtendedUriInfo) request.getUriInfo();
    ResourceMethod method = uri.getMatchedResourceMethod();
    if (method == null) {
      return templateOf(request);
    }
    return routes.computeIfAbsent(method, m -> templateOf(request));
  }

  private static String templateOf(ContainerRequestContext request) {
    List<UriTemplate> templates =
        new ArrayList<>(((ExtendedUriInfo) request.getUriInfo()).getMatchedTemplates());
    if (templates.isEmpty()) {
      return "unmatched";
    }
    Collections.reverse(templates);
    StringBuilder route = new StringBuilder(request.getUriInfo().getBaseUri().getPath());
    for (UriTemplate template : templates) {
      String part = template.getTemplate();
      if (route.length() > 0 && route.charAt(route.length() - 1) == '/' && part.startsWith("/")) {
        part = part.substring(1);
      }
      route.append(part);
    }
    return route.toString();
  }
}
