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
import java.util.concurrent.atomic.AtomicReferenceArray;
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
  private static final String OBSERVED = RequestObserver.class.getName() + ".observed";

  private final MeterRegistry registry;
  private final Map<TimerKey, Timer> timers = new ConcurrentHashMap<>();
  private final Map<ResourceMethod, Route> routes = new ConcurrentHashMap<>();

  @Inject
  public RequestObserver(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    String id = requestId(request.getHeaderString(REQUEST_ID));
    request.setProperty(OBSERVED, new Observed(id, System.nanoTime()));
    MDC.put("request_id", id);
  }

  /** What the request filter leaves for the response filter: one property, not two. */
  private record Observed(String id, long started) {}

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    Observed observed = (Observed) request.getProperty(OBSERVED);
    if (observed != null) {
      response.getHeaders().putSingle(REQUEST_ID, observed.id());
    }
    response.getHeaders().putSingle("X-Content-Type-Options", "nosniff");
    int status = response.getStatus();
    String method = request.getMethod();
    if (method.equals("TRACE") || (status >= 400 && sentBody(request))) {
      // The body may be left unread (or, for TRACE, not be framed as a body at all): never let
      // its bytes be taken for the next request on this connection.
      response.getHeaders().putSingle("Connection", "close");
    }
    if (observed == null) {
      return;
    }
    long nanos = System.nanoTime() - observed.started();
    ResourceMethod matched = ((ExtendedUriInfo) request.getUriInfo()).getMatchedResourceMethod();
    String route;
    Timer timer;
    if (matched == null) {
      route = templateOf(request);
      timer = timer(method, route, status);
    } else {
      Route resolved = routes.computeIfAbsent(matched, m -> new Route(templateOf(request)));
      route = resolved.template;
      timer = resolved.timer(method, matched.getHttpMethod(), status);
    }
    timer.record(nanos, TimeUnit.NANOSECONDS);
    Caller caller = ApiKeyFilter.caller(request);
    ACCESS.info(
        "method={} route={} status={} duration_ms={} request_id={} org={}",
        method,
        route,
        status,
        millisWithTwoDecimals(nanos),
        observed.id(),
        caller == null ? "-" : caller.organization().id());
    MDC.remove("request_id");
  }

  private static boolean sentBody(ContainerRequestContext request) {
    return request.getLength() > 0 || request.getHeaderString("Transfer-Encoding") != null;
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

  private Timer timer(String method, String route, int status) {
    return timers.computeIfAbsent(new TimerKey(method, route, status), this::register);
  }

  private Timer register(TimerKey key) {
    return Timer.builder("http.server.requests")
        .description("HTTP requests by route template and status")
        .tag("method", key.method())
        .tag("route", key.route())
        .tag("status", String.valueOf(key.status()))
        .publishPercentileHistogram()
        .register(registry);
  }

  private record TimerKey(String method, String route, int status) {}

  /**
   * A matched resource method's route template, e.g. {@code /v5/datasets/{id}}, and its timers by
   * status: resolved once per route and status, then read from an array by each request.
   */
  private final class Route {
    private static final int LOWEST_STATUS = 100;
    private final String template;
    private final AtomicReferenceArray<Timer> byStatus = new AtomicReferenceArray<>(500);

    Route(String template) {
      this.template = template;
    }

    /**
     * The timer of a request that {@code routeMethod} served; a request of another method (a HEAD
     * that Jersey answered with the GET method) takes the map.
     */
    Timer timer(String method, String routeMethod, int status) {
      int slot = status - LOWEST_STATUS;
      if (!method.equals(routeMethod) || slot < 0 || slot >= byStatus.length()) {
        return RequestObserver.this.timer(method, template, status);
      }
      Timer timer = byStatus.get(slot);
      if (timer == null) {
        timer = RequestObserver.this.timer(method, template, status);
        byStatus.set(slot, timer);
      }
      return timer;
    }
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
