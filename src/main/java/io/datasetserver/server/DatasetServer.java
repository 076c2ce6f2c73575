package io.datasetserver.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.jakarta.rs.json.JacksonJsonProvider;
import com.mongodb.MongoClientSettings;
import io.datasetserver.api.BodyLimitFilter;
import io.datasetserver.api.ContractParams;
import io.datasetserver.api.DatasetsResource;
import io.datasetserver.api.DirectoriesResource;
import io.datasetserver.api.DocsResource;
import io.datasetserver.api.ErrorMapper;
import io.datasetserver.api.ExtensionsResource;
import io.datasetserver.api.FilesResource;
import io.datasetserver.api.ImportsResource;
import io.datasetserver.api.JsonMapping;
import io.datasetserver.api.MetricsResource;
import io.datasetserver.api.OpenApiResource;
import io.datasetserver.api.OperationsResource;
import io.datasetserver.api.RequestObserver;
import io.datasetserver.api.StrictBooleanConverter;
import io.datasetserver.api.UnavailableLog;
import io.datasetserver.api.UploadLimits;
import io.datasetserver.api.WebAppResource;
import io.datasetserver.auth.ApiKeyFilter;
import io.datasetserver.auth.ApiKeys;
import io.datasetserver.config.Config;
import io.datasetserver.datasets.DatasetService;
import io.datasetserver.datasets.DatasetStorage;
import io.datasetserver.datasets.DirectoryService;
import io.datasetserver.datasets.FileService;
import io.datasetserver.imports.DatasetImport;
import io.datasetserver.storage.Database;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.mongodb.MongoMetricsConnectionPoolListener;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.hk2.utilities.binding.AbstractBinder;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpContainer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.media.multipart.MultiPartFeature;
import org.glassfish.jersey.server.ContainerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * A running server: Grizzly with two Jersey applications, the Datasets API under {@code /v5} and
 * the operational endpoints at the root, over one database.
 */
public final class DatasetServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DatasetServer.class);

  static {
    // Grizzly and Jersey log through java.util.logging; send it to the same log as the rest.
    SLF4JBridgeHandler.removeHandlersForRootLogger();
    SLF4JBridgeHandler.install();
  }

  private static final int MAX_HEADER_BYTES = 256 * 1024;

  private final HttpServer http;
  private final Database database;
  private final Duration shutdownGrace;

  private DatasetServer(HttpServer http, Database database, Duration shutdownGrace) {
    this.http = http;
    this.database = database;
    this.shutdownGrace = shutdownGrace;
  }

  public static DatasetServer start(Config config) throws IOException {
    ApiKeys keys = ApiKeys.load(config.apiKeysFile());
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    List.of(
            new JvmMemoryMetrics(),
            new JvmGcMetrics(),
            new JvmThreadMetrics(),
            new ClassLoaderMetrics(),
            new ProcessorMetrics(),
            new UptimeMetrics())
        .forEach(binder -> binder.bindTo(registry));
    Consumer<MongoClientSettings.Builder> poolMetrics =
        settings ->
            settings.applyToConnectionPoolSettings(
                pool ->
                    pool.addConnectionPoolListener(
                        new MongoMetricsConnectionPoolListener(registry)));
    // The one clock of the server: every timestamp it stores is read from it.
    Clock clock = Clock.systemUTC();
    Database database =
        config.mongoUri() != null
            ? Database.connect(config.mongoUri(), poolMetrics, clock)
            : Database.embedded(config.dataDir(), poolMetrics, clock);
    try {
      DatasetService service =
          new DatasetService(database, clock, config.sweepGrace(), config.maxVersions());
      DatasetImport imports =
          new DatasetImport(database, clock, config.sweepGrace(), DatasetImport.ABANDONED_AFTER);
      ObjectMapper mapper = JsonMapping.create();
      UploadLimits limits = new UploadLimits(config.maxUploadBytes(), config.maxBodyBytes());
      UnavailableLog unavailableLog = new UnavailableLog();
      AbstractBinder dependencies =
          new AbstractBinder() {
            @Override
            protected void configure() {
              bind(service).to(DatasetService.class);
              bind(new FileService(database)).to(FileService.class);
              bind(new DirectoryService(database)).to(DirectoryService.class);
              bind(imports).to(DatasetImport.class);
              bind(database).to(Database.class).to(DatasetStorage.class);
              bind(mapper).to(ObjectMapper.class);
              bind(limits).to(UploadLimits.class);
              bind(unavailableLog).to(UnavailableLog.class);
              bind(registry).to(PrometheusMeterRegistry.class).to(MeterRegistry.class);
            }
          };
      ResourceConfig api =
          common(mapper, dependencies)
              .register(DatasetsResource.class)
              .register(FilesResource.class)
              .register(DirectoriesResource.class)
              .register(ExtensionsResource.class)
              .register(ImportsResource.class)
              .register(OpenApiResource.class)
              .register(new ApiKeyFilter(keys))
              .register(BodyLimitFilter.class)
              .register(MultiPartFeature.class);
      ResourceConfig operations =
          common(mapper, dependencies)
              .register(OperationsResource.class)
              .register(MetricsResource.class)
              .register(DocsResource.class)
              .register(WebAppResource.class);

      URI base = URI.create("http://" + config.host() + ":" + config.port() + "/v5");
      HttpServer http = GrizzlyHttpServerFactory.createHttpServer(base, api, false);
      http.getServerConfiguration()
          .addHttpHandler(
              ContainerFactory.createContainer(GrizzlyHttpContainer.class, operations), "/");
      http.getServerConfiguration().setDefaultErrorPageGenerator(new JsonErrorPages());
      for (NetworkListener listener : http.getListeners()) {
        listener.registerAddOn(new RequestTargetCheck());
        // Long ids and filters reach the API (and get a JSON answer) instead of failing in the
        // codec.
        listener.setMaxHttpHeaderSize(MAX_HEADER_BYTES);
      }
      // GET and DELETE with a body are read and answered normally rather than refused by Grizzly.
      http.getServerConfiguration().setAllowPayloadForUndefinedHttpMethods(true);
      http.start();
      DatasetServer server = new DatasetServer(http, database, config.shutdownGrace());
      LOG.info(
          "serving on http://{}:{}/v5 ({} database)",
          config.host(),
          server.port(),
          config.mongoUri() != null ? "external" : "embedded " + config.dataDir());
      return server;
    } catch (IOException | RuntimeException e) {
      database.close();
      throw e;
    }
  }

  private static ResourceConfig common(ObjectMapper mapper, AbstractBinder dependencies) {
    return new ResourceConfig()
        .register(new JacksonJsonProvider(mapper))
        .register(ErrorMapper.class)
        .register(StrictBooleanConverter.class)
        .register(ContractParams.class)
        .register(RequestObserver.class)
        .register(dependencies)
        .property(ServerProperties.WADL_FEATURE_DISABLE, true);
  }

  public int port() {
    return http.getListeners().stream().findFirst().map(NetworkListener::getPort).orElseThrow();
  }

  public Database database() {
    return database;
  }

  /** Stops accepting connections, lets in-flight requests finish, then closes the database. */
  @Override
  public void close() {
    try {
      http.shutdown(shutdownGrace.toMillis(), TimeUnit.MILLISECONDS).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      LOG.warn("HTTP shutdown failed", e);
    } finally {
      http.shutdownNow();
      database.close();
    }
  }
}
