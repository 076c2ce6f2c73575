package io.datasetserver.testing;

import io.datasetserver.config.Config;
import io.datasetserver.server.DatasetServer;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts the real server (Grizzly + Jersey) on a free port once per test class, over the storage
 * that {@code test.backend} names ({@link TestBackend}: embedded in memory by default, H2 file,
 * {@code make db} over the wire, or an external MongoDB), and hands tests an {@link Api} client.
 * Each class gets fresh storage, removed afterwards. Keys come from test-api-keys.json: {@link
 * Api#ALPHA} and {@link Api#BETA} belong to two different organizations.
 */
public final class RunningServer implements BeforeAllCallback, AfterAllCallback, ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(RunningServer.class);

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    TestBackend backend = TestBackend.open();
    context.getStore(NAMESPACE).put("backend", backend);
    DatasetServer server = DatasetServer.start(backend.apply(config()));
    context.getStore(NAMESPACE).put("server", server);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    DatasetServer server = context.getStore(NAMESPACE).remove("server", DatasetServer.class);
    TestBackend backend = context.getStore(NAMESPACE).remove("backend", TestBackend.class);
    try {
      if (server != null) {
        server.close();
      }
    } finally {
      if (backend != null) {
        backend.close();
      }
    }
  }

  /**
   * The test configuration (for servers a test starts itself): the production defaults, except an
   * in-memory database, a free port, no sweep grace, a 5 s shutdown grace, and the two test
   * organizations' keys. Built from the environment parser, so the defaults live in one place.
   */
  public static Config config() throws URISyntaxException {
    Path keys = Path.of(RunningServer.class.getResource("/test-api-keys.json").toURI());
    return Config.fromEnvironment(
        Map.of(
            "PORT", "0",
            "DATA_DIR", "memory",
            "SWEEP_GRACE_SECONDS", "0",
            "SHUTDOWN_GRACE_SECONDS", "5",
            "API_KEYS_FILE", keys.toString()));
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == Api.class || type == DatasetServer.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    DatasetServer server = context.getStore(NAMESPACE).get("server", DatasetServer.class);
    if (parameter.getParameter().getType() == DatasetServer.class) {
      return server;
    }
    return new Api(server.port());
  }
}
