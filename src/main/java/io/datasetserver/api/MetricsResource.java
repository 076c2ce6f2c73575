package io.datasetserver.api;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;

/**
 * Prometheus scrape endpoint: request latency per route and status, JVM and connection-pool
 * metrics.
 */
@Path("metrics")
public class MetricsResource {
  @Inject PrometheusMeterRegistry registry;

  @GET
  @Produces("text/plain; version=0.0.4; charset=utf-8")
  public String scrape() {
    return registry.scrape();
  }
}
