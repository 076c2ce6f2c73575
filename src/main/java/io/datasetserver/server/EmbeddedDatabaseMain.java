package io.datasetserver.server;

import de.bwaldvogel.mongo.MongoServer;
import io.datasetserver.storage.EmbeddedMongo;
import java.net.InetSocketAddress;
import java.util.Map;

/**
 * Runs the embedded database on its own (H2 file backend) so that several API instances can share
 * it through {@code MONGODB_URI}: {@code make db}. Settings: {@code DB_HOST} (default 127.0.0.1),
 * {@code DB_PORT} (default 27017), {@code DATA_DIR} (default ./data).
 */
public final class EmbeddedDatabaseMain {
  private EmbeddedDatabaseMain() {}

  public static void main(String[] args) throws InterruptedException {
    Map<String, String> env = System.getenv();
    String host = env.getOrDefault("DB_HOST", "127.0.0.1");
    int port = Integer.parseInt(env.getOrDefault("DB_PORT", "27017"));
    String dataDir = env.getOrDefault("DATA_DIR", "./data");
    MongoServer server = start(host, port, dataDir);
    // A clean stop closes the H2 file; every acknowledged write is already on disk before that.
    Runtime.getRuntime().addShutdownHook(new Thread(server::shutdown, "shutdown"));
    System.out.println(
        "embedded database on mongodb://" + host + ":" + port + "/datasets (" + dataDir + ")");
    Thread.currentThread().join();
  }

  /**
   * The database of {@code make db} on {@code port} (0: a free one); {@code shutdown()} stops it
   * and closes the file.
   */
  public static MongoServer start(String host, int port, String dataDir) {
    return EmbeddedMongo.serve(
        EmbeddedMongo.openBackend(dataDir), new InetSocketAddress(host, port));
  }
}
