package io.datasetserver.testing;

import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import io.datasetserver.config.Config;
import io.datasetserver.server.EmbeddedDatabaseMain;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Where the server under test keeps its data, chosen by the system property {@code test.backend} so
 * that behaviour suites are written once and run on every backend (see the Surefire executions in
 * the pom):
 *
 * <ul>
 *   <li>{@code memory} (default): the embedded database in memory;
 *   <li>{@code h2}: the embedded database in an H2 file in a fresh temporary folder ({@code make
 *       run});
 *   <li>{@code wire}: the embedded H2 database as {@code make db} runs it, on a free port, reached
 *       by the server through {@code MONGODB_URI};
 *   <li>{@code mongodb}: the MongoDB at {@code TEST_MONGODB_URI}, in a fresh database per use
 *       (dropped on close), so a shared or reused deployment works.
 * </ul>
 *
 * Each opened backend holds data of one test class only, and {@link #close()} removes it.
 */
public abstract class TestBackend implements AutoCloseable {
  public static final String PROPERTY = "test.backend";

  /** The backend named by {@code test.backend}. */
  public static TestBackend open() {
    return open(System.getProperty(PROPERTY, "memory"));
  }

  public static TestBackend open(String name) {
    return switch (name.trim().toLowerCase(Locale.ROOT)) {
      case "memory" -> new Embedded("memory", null);
      case "h2" -> new Embedded("h2", temporaryFolder());
      case "wire" -> new Wire(temporaryFolder());
      case "mongodb" -> new External(System.getenv("TEST_MONGODB_URI"));
      default ->
          throw new IllegalArgumentException(
              PROPERTY + " must be memory, h2, wire or mongodb, not " + name);
    };
  }

  /** {@code config} pointed at this backend's storage. */
  public abstract Config apply(Config config);

  public abstract String name();

  @Override
  public abstract void close();

  private static final class Embedded extends TestBackend {
    private final String name;
    private final Path folder;

    Embedded(String name, Path folder) {
      this.name = name;
      this.folder = folder;
    }

    @Override
    public Config apply(Config config) {
      return config.withMongoUri(null).withDataDir(folder == null ? "memory" : folder.toString());
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public void close() {
      deleteRecursively(folder);
    }
  }

  private static final class Wire extends TestBackend {
    private final Path folder;
    private final MongoServer database;

    Wire(Path folder) {
      this.folder = folder;
      this.database = EmbeddedDatabaseMain.start("127.0.0.1", 0, folder.toString());
    }

    @Override
    public Config apply(Config config) {
      return config.withMongoUri(
          "mongodb://127.0.0.1:" + database.getLocalAddress().getPort() + "/datasets");
    }

    @Override
    public String name() {
      return "wire";
    }

    @Override
    public void close() {
      database.shutdownNow();
      deleteRecursively(folder);
    }
  }

  private static final class External extends TestBackend {
    private final String uri;
    private final String databaseName;

    External(String baseUri) {
      if (baseUri == null || baseUri.isBlank()) {
        throw new IllegalStateException(
            "test.backend=mongodb needs TEST_MONGODB_URI, e.g. mongodb://127.0.0.1:27017/?replicaSet=rs0");
      }
      this.databaseName =
          "datasets_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
      this.uri = withDatabase(baseUri, databaseName);
    }

    @Override
    public Config apply(Config config) {
      return config.withMongoUri(uri);
    }

    @Override
    public String name() {
      return "mongodb";
    }

    @Override
    public void close() {
      try (MongoClient client = MongoClients.create(uri)) {
        client.getDatabase(databaseName).drop();
      }
    }
  }

  /**
   * {@code uri} with its database (the path after the hosts) replaced, its options and credentials
   * kept.
   */
  static String withDatabase(String uri, String database) {
    ConnectionString parsed = new ConnectionString(uri); // fails early on a malformed URI
    int hostsStart = uri.indexOf("://") + 3;
    int optionsStart = uri.indexOf('?', hostsStart);
    String beforeOptions = optionsStart < 0 ? uri : uri.substring(0, optionsStart);
    String options = optionsStart < 0 ? "" : uri.substring(optionsStart);
    if (parsed.getCredential() != null
        && !options.toLowerCase(Locale.ROOT).contains("authsource=")) {
      // Without authSource the driver authenticates against the database in the path: keep the
      // original one.
      String authSource =
          "authSource=" + (parsed.getDatabase() == null ? "admin" : parsed.getDatabase());
      options = options.isEmpty() ? "?" + authSource : options + "&" + authSource;
    }
    int pathStart = beforeOptions.indexOf('/', hostsStart);
    String hosts = pathStart < 0 ? beforeOptions : beforeOptions.substring(0, pathStart);
    return hosts + "/" + database + options;
  }

  private static Path temporaryFolder() {
    try {
      return Files.createTempDirectory("datasets-test-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteRecursively(Path root) {
    if (root == null || !Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
