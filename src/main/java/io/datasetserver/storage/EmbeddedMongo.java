package io.datasetserver.storage;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The embedded mongo-java-server used when no MongoDB is given: its backend (in memory, or an H2
 * file) and its listener, started and stopped together. Reached over loopback with the same driver
 * as a real MongoDB, so both paths run the same code.
 */
public final class EmbeddedMongo implements AutoCloseable {
  private final MongoBackend backend;
  private final MongoServer server;

  private EmbeddedMongo(MongoBackend backend, MongoServer server) {
    this.backend = backend;
    this.server = server;
  }

  /**
   * Opens the backend for {@code dataDir} ("memory", or a folder for the H2 file) and serves it on
   * {@code address} (port 0: a free one).
   */
  public static EmbeddedMongo start(String dataDir, InetSocketAddress address) {
    MongoBackend backend = openBackend(dataDir);
    return new EmbeddedMongo(backend, serve(backend, address));
  }

  /** The loopback URI of database {@code name} on this server. */
  public String uri(String name) {
    return "mongodb://127.0.0.1:" + server.getLocalAddress().getPort() + "/" + name;
  }

  /**
   * An embedded server for {@code backend} listening on {@code address}. The embedded server runs
   * each command on an event loop thread and locks each collection per command, so in memory one
   * loop per core is best: more only contend for those locks on cores the HTTP server needs. On H2
   * a write's loop also waits for its commit to reach the disk, idle; four loops per core let other
   * commands run meanwhile and join the same flush.
   */
  public static MongoServer serve(MongoBackend backend, InetSocketAddress address) {
    int cores = Runtime.getRuntime().availableProcessors();
    MongoServer server = new MongoServer(backend);
    server.bind(address, 1, backend instanceof H2FileBackend ? 4 * cores : cores);
    return server;
  }

  /** The embedded backend for {@code dataDir}: in memory, or an H2 file inside that folder. */
  public static MongoBackend openBackend(String dataDir) {
    if ("memory".equals(dataDir)) {
      return new EmbeddedMemoryBackend();
    }
    try {
      Path folder = Path.of(dataDir);
      Files.createDirectories(folder);
      return new H2FileBackend(folder.resolve("datasets.mv").toString());
    } catch (IOException e) {
      throw new IllegalStateException("cannot create DATA_DIR " + dataDir, e);
    }
  }

  /** Stops listening, then closes the H2 file, so every acknowledged write is on disk. */
  @Override
  public void close() {
    server.shutdown();
    if (backend instanceof H2Backend h2) {
      h2.close();
    }
  }
}
