package io.datasetserver.server;

import de.bwaldvogel.mongo.MongoServer;
import io.datasetserver.storage.Database;
import java.util.Map;

/**
 * Runs the embedded database on its own (H2 file backend) so that several API instances can
 * share it through {@code MONGODB_URI}: {@code make db}. Settings: {@code DB_HOST} (default
 * 127.0.0.1), {@code DB_PORT} (default 27017), {@code DATA_DIR} (default ./data).
 */
public final class EmbeddedDatabaseMain {
  private EmbeddedDatabaseMain() {}

  public static void main(String[] args) throws InterruptedException {
    Map<String, String> env = System.getenv();
    String host = env.getOrDefault("DB_HOST", "127.0.0.1");
    int port = Integer.parseInt(env.getOrDefault("DB_PORT", "27017"));
    String dataDir = env.getOrDefault("DATA_DIR", "./data");
    MongoServer server = new MongoServer(Database.openBackend(dataDir));
    server.bind(host, port);
    // A clean stop commits and closes the H2 file: nothing written before the signal is lost.
    Runtime.getRuntime().addShutdownHook(new Thread(server::shutdown, "shutdown"));
    System.out.println("embedded database on mongodb://" + host + ":" + port + "/datasets (" + dataDir + ")");
    Thread.currentThread().join();
  }
}
