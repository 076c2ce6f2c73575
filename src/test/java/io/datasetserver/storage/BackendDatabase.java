package io.datasetserver.storage;

import io.datasetserver.testing.RunningServer;
import io.datasetserver.testing.TestBackend;

/**
 * A {@link Database} on the backend {@code test.backend} names, for tests of the stores below the
 * server: an external MongoDB when the backend gives a URI, else the embedded server.
 */
record BackendDatabase(TestBackend backend, Database database) implements AutoCloseable {
  static BackendDatabase open() throws Exception {
    TestBackend backend = TestBackend.open();
    try {
      var config = backend.apply(RunningServer.config());
      Database database =
          config.mongoUri() != null
              ? Database.connect(config.mongoUri(), settings -> {})
              : Database.embedded(config.dataDir(), settings -> {});
      return new BackendDatabase(backend, database);
    } catch (Exception | Error e) {
      backend.close();
      throw e;
    }
  }

  @Override
  public void close() {
    try {
      database.close();
    } finally {
      backend.close();
    }
  }
}
