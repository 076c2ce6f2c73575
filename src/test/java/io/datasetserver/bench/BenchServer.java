package io.datasetserver.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.jakarta.rs.json.JacksonJsonProvider;
import io.datasetserver.api.JsonMapping;
import io.datasetserver.config.Config;
import io.datasetserver.server.DatasetServer;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

/**
 * The server under test, run by {@link Bench} in a child JVM so that heap figures are the server's
 * own: the real server as {@code make run} starts it, and beside it, on a port of its own, a small
 * application of the benchmark-only endpoints ({@link BenchmarkResource}, {@link
 * ReviewBenchResource}) over the same database. Writes both ports to the port file once serving,
 * the API's first; stops cleanly when its standard input closes.
 *
 * <p>Arguments: the data directory ({@code memory} or a folder for the H2 file) and the port file.
 */
public final class BenchServer {
  private BenchServer() {}

  public static void main(String[] args) throws Exception {
    String dataDir = args[0];
    Path portFile = Path.of(args[1]);
    // What `make run` uses (default limits and grace periods), on a free port, with the
    // development key and the two organizations of figure n (bench-api-keys.json).
    String keys = Path.of(BenchServer.class.getResource("/bench-api-keys.json").toURI()).toString();
    Config config =
        Config.fromEnvironment(Map.of("PORT", "0", "DATA_DIR", dataDir, "API_KEYS_FILE", keys));
    DatasetServer server = DatasetServer.start(config);
    ObjectMapper mapper = JsonMapping.create();
    ResourceConfig endpoints =
        new ResourceConfig()
            .register(new JacksonJsonProvider(mapper))
            .register(new BenchmarkResource(server.database(), mapper, dataDir))
            .register(new ReviewBenchResource(server.database()))
            .property(ServerProperties.WADL_FEATURE_DISABLE, true);
    HttpServer bench =
        GrizzlyHttpServerFactory.createHttpServer(
            URI.create("http://" + config.host() + ":0/"), endpoints);
    PortFile.write(portFile, server.port(), bench.getListeners().iterator().next().getPort());
    try {
      while (System.in.read() >= 0) {
        // The parent holds our standard input open for as long as we should run.
      }
    } finally {
      bench.shutdownNow();
      server.close();
    }
    System.exit(0);
  }
}
