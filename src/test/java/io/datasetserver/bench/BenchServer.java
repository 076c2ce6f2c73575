package io.datasetserver.bench;

import io.datasetserver.config.Config;
import io.datasetserver.server.DatasetServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The server under test, run by {@link Bench} in a child JVM so that heap figures are the server's
 * own: the real server plus {@link BenchmarkResource}, which normal runs never have. Writes its
 * port to a file once serving; stops cleanly when its standard input closes.
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
    BenchmarkResource.dataDir = dataDir;
    String keys = Path.of(BenchServer.class.getResource("/bench-api-keys.json").toURI()).toString();
    Config config =
        Config.fromEnvironment(Map.of("PORT", "0", "DATA_DIR", dataDir, "API_KEYS_FILE", keys));
    DatasetServer server =
        DatasetServer.start(config, BenchmarkResource.class, ReviewBenchResource.class);
    Path partial = portFile.resolveSibling(portFile.getFileName() + ".tmp");
    Files.writeString(partial, String.valueOf(server.port()), StandardCharsets.US_ASCII);
    Files.move(partial, portFile);
    try {
      while (System.in.read() >= 0) {
        // The parent holds our standard input open for as long as we should run.
      }
    } finally {
      server.close();
    }
    System.exit(0);
  }
}
