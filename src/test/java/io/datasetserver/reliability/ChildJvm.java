package io.datasetserver.reliability;

import io.datasetserver.server.EmbeddedDatabaseMain;
import io.datasetserver.server.Main;
import io.datasetserver.testing.Api;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * One of the server's main classes ({@link Main}, {@link EmbeddedDatabaseMain}) running in a child
 * JVM on this JVM's class path, configured by environment variables like in production, with its
 * output in a log file under the build folder ({@code reliability-logs/}).
 *
 * <p>Children are killed by {@link #close()}; a shutdown hook kills any that a failing test left
 * behind, so no child outlives the test JVM.
 */
final class ChildJvm implements AutoCloseable {
  /**
   * Three or four JVMs share two cores here: small heaps, the serial collector, and only the quick
   * JIT tier (these processes live seconds; optimising compilation would cost more CPU than it
   * saves).
   */
  private static final List<String> JVM_OPTIONS =
      List.of("-Xms64m", "-Xmx1g", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

  /** Settings a developer's shell may export; a child must see only the ones a test gives it. */
  private static final List<String> SERVER_VARIABLES =
      List.of(
          "HOST",
          "PORT",
          "MONGODB_URI",
          "DATA_DIR",
          "API_KEYS_FILE",
          "MAX_UPLOAD_BYTES",
          "MAX_BODY_BYTES",
          "SWEEP_GRACE_SECONDS",
          "DB_HOST",
          "DB_PORT");

  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
  private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();
  private static final java.util.concurrent.atomic.AtomicBoolean OLD_LOGS_REMOVED =
      new java.util.concurrent.atomic.AtomicBoolean();

  static {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(() -> RUNNING.forEach(Process::destroyForcibly), "kill-child-jvms"));
  }

  private final String label;
  private final Process process;
  private final int port;
  private final Path log;

  private ChildJvm(String label, Process process, int port, Path log) {
    this.label = label;
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /**
   * Starts the embedded database (H2 file in {@code dataDir}) on {@code port}; returns once it
   * accepts connections.
   */
  static ChildJvm database(String label, int port, Path dataDir) {
    ChildJvm db =
        launch(
            label,
            EmbeddedDatabaseMain.class,
            port,
            Map.of(
                "DB_HOST",
                "127.0.0.1",
                "DB_PORT",
                String.valueOf(port),
                "DATA_DIR",
                dataDir.toString()));
    db.awaitListening();
    return db;
  }

  /**
   * Starts an API server on {@code port} against {@code mongoUri} with the test keys; call {@link
   * #awaitHealthy()}.
   */
  static ChildJvm launchApi(String label, int port, String mongoUri) {
    return launch(
        label,
        Main.class,
        port,
        Map.of(
            "HOST",
            "127.0.0.1",
            "PORT",
            String.valueOf(port),
            "MONGODB_URI",
            mongoUri,
            "API_KEYS_FILE",
            testKeysFile().toString()));
  }

  /**
   * Starts an API server with its own embedded database (H2 file in {@code dataDir}), as {@code
   * make run} does, and waits for {@code /healthz}.
   */
  static ChildJvm apiWithEmbeddedDatabase(String label, int port, Path dataDir) {
    ChildJvm api =
        launch(
            label,
            Main.class,
            port,
            Map.of(
                "HOST",
                "127.0.0.1",
                "PORT",
                String.valueOf(port),
                "DATA_DIR",
                dataDir.toString(),
                "API_KEYS_FILE",
                testKeysFile().toString()));
    api.awaitHealthy();
    return api;
  }

  /** {@link #launchApi} and wait for {@code /healthz}. */
  static ChildJvm api(String label, int port, String mongoUri) {
    ChildJvm api = launchApi(label, port, mongoUri);
    api.awaitHealthy();
    return api;
  }

  static String mongoUri(int databasePort) {
    return "mongodb://127.0.0.1:" + databasePort + "/datasets";
  }

  private static ChildJvm launch(
      String label, Class<?> mainClass, int port, Map<String, String> env) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(JVM_OPTIONS);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass.getName()));
    Path log = logFolder().resolve(label + ".log");
    try {
      Files.writeString(
          log,
          "==== " + Instant.now() + " starting " + mainClass.getSimpleName() + " " + env + "\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
      SERVER_VARIABLES.forEach(builder.environment()::remove);
      builder.environment().putAll(env);
      Process process = builder.start();
      RUNNING.add(process);
      return new ChildJvm(label, process, port, log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits until {@code GET /healthz} answers 200. */
  void awaitHealthy() {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      requireAlive();
      if (status("/healthz") == 200) {
        return;
      }
      sleep(100);
    }
    throw new IllegalStateException(
        label + " did not answer /healthz within " + START_TIMEOUT + "; log:\n" + logTail());
  }

  /** Waits until the port accepts TCP connections (the database speaks no HTTP). */
  void awaitListening() {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      requireAlive();
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
        return;
      } catch (IOException notYet) {
        sleep(100);
      }
    }
    throw new IllegalStateException(
        label + " did not listen on " + port + " within " + START_TIMEOUT + "; log:\n" + logTail());
  }

  /** Status of a GET on this child's port, or -1 when nothing answered within 5 s. */
  int status(String path) {
    try {
      return new Api(port).as(null).withTimeout(Duration.ofSeconds(5)).get(path).status();
    } catch (UncheckedIOException e) {
      return -1;
    }
  }

  /** SIGKILL: the process dies at once, mid-whatever, without running shutdown hooks. */
  void kill() {
    process.destroyForcibly();
    awaitExit(Duration.ofSeconds(30));
  }

  /** SIGTERM: shutdown hooks run (the database commits and closes its H2 file). */
  void terminate() {
    process.destroy();
    if (!awaitExit(Duration.ofSeconds(30))) {
      kill();
    }
  }

  /**
   * SIGSTOP: the process freezes; its sockets stay open and accept connections, but nothing
   * answers.
   */
  void freeze() {
    signal("STOP");
  }

  /** SIGCONT: a frozen process runs on. */
  void resume() {
    signal("CONT");
  }

  private void signal(String name) {
    try {
      Process kill =
          new ProcessBuilder("kill", "-" + name, String.valueOf(process.pid())).inheritIO().start();
      if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
        throw new IllegalStateException("kill -" + name + " " + process.pid() + " failed");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private boolean awaitExit(Duration timeout) {
    try {
      boolean exited = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (exited) {
        RUNNING.remove(process);
      }
      return exited;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  boolean isAlive() {
    return process.isAlive();
  }

  long pid() {
    return process.pid();
  }

  int port() {
    return port;
  }

  Path log() {
    return log;
  }

  private void requireAlive() {
    if (!process.isAlive()) {
      RUNNING.remove(process);
      throw new IllegalStateException(
          label + " exited with " + process.exitValue() + "; log:\n" + logTail());
    }
  }

  /**
   * Writes the child's thread dump ({@code jstack}) next to its log, for diagnosing a hang; returns
   * where, or why not.
   */
  String threadDump() {
    Path dump = logFolder().resolve(label + "-threads-" + System.currentTimeMillis() + ".txt");
    try {
      Process jstack =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "jstack").toString(),
                  String.valueOf(process.pid()))
              .redirectErrorStream(true)
              .redirectOutput(dump.toFile())
              .start();
      return jstack.waitFor(30, TimeUnit.SECONDS) ? dump.toString() : "jstack timed out";
    } catch (IOException e) {
      return "no thread dump: " + e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }

  /** The last 40 lines of the log, for failure messages. */
  String logTail() {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException | UncheckedIOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  /** Kills the child if it still runs. */
  @Override
  public void close() {
    if (process.isAlive()) {
      kill();
    }
    RUNNING.remove(process);
  }

  /** Closes every non-null child, each even when closing another fails. */
  static void closeAll(ChildJvm... children) {
    for (ChildJvm child : children) {
      if (child != null) {
        try {
          child.close();
        } catch (RuntimeException e) {
          System.err.println("could not stop " + child.label + ": " + e);
        }
      }
    }
  }

  /** A port that was free a moment ago on the loopback interface. */
  static int freePort() {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress("127.0.0.1", 0));
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path testKeysFile() {
    try {
      return Path.of(ChildJvm.class.getResource("/test-api-keys.json").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code <build dir>/reliability-logs}: the build dir is the parent of test-classes. */
  static Path logFolder() {
    try {
      Path testClasses =
          Path.of(ChildJvm.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      Path folder = testClasses.getParent().resolve("reliability-logs");
      Files.createDirectories(folder);
      if (OLD_LOGS_REMOVED.compareAndSet(false, true)) {
        // Logs of an earlier run would make a failure's log tail misleading.
        try (var old = Files.list(folder)) {
          for (Path file : old.toList()) {
            Files.deleteIfExists(file);
          }
        }
      }
      return folder;
    } catch (URISyntaxException | IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
