package io.datasetserver.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A {@link BenchServer} (or the {@link MinimalServer} baseline) in a child JVM on this JVM's class
 * path; its output goes to a log file. {@code port} serves the API, {@code benchPort} the
 * benchmark-only endpoints of the same process (the minimal server serves both on one port).
 */
final class ServerProcess implements AutoCloseable {
  /**
   * Largest heap of the server JVM: fixed, so heap figures compare like with like. The memory
   * backend holds every figure's data in it, about 1.9 GB by the last figure: with 2 GB the heap
   * samples' full collections of i′ kept the server collecting until an import's write timed out.
   */
  static final String MAX_HEAP = "-Xmx4g";

  private static final List<String> JVM_OPTIONS = List.of("-Xms1g", MAX_HEAP, "-XX:+UseG1GC");

  private final Process process;
  final int port;
  final int benchPort;
  final Path log;

  private ServerProcess(Process process, List<Integer> ports, Path log) {
    this.process = process;
    this.port = ports.get(0);
    this.benchPort = ports.get(ports.size() - 1);
    this.log = log;
  }

  /**
   * Starts a server over {@code dataDir} ("memory" or a folder) with {@code jvmOptions} added to
   * the defaults. More options (for example {@code
   * -XX:StartFlightRecording=filename=/tmp/{label}.jfr}) come from the environment variable {@code
   * BENCH_SERVER_JAVA_OPTS}, where {@code {label}} stands for the process: memory, h2,
   * minimal-memory or minimal-h2.
   */
  static ServerProcess start(String dataDir, Path workDir, String label, List<String> jvmOptions)
      throws IOException, InterruptedException {
    // The production logging (an access line per request, queued for a logging thread), not the
    // test classpath's, which drops every line below WARN.
    List<String> options = new ArrayList<>(jvmOptions);
    options.add("-Dlogback.configurationFile=logback.xml");
    return start(BenchServer.class, List.of(dataDir), workDir, label, options);
  }

  /**
   * The {@link MinimalServer} that figures c and h measure the server on {@code backend} against,
   * over {@code dataDir} and with the same JVM options; its label is {@code minimal-}{@code
   * backend}.
   */
  static ServerProcess startMinimal(
      String dataDir, Path workDir, String backend, List<String> jvmOptions)
      throws IOException, InterruptedException {
    return start(MinimalServer.class, List.of(dataDir), workDir, "minimal-" + backend, jvmOptions);
  }

  private static ServerProcess start(
      Class<?> main, List<String> args, Path workDir, String label, List<String> jvmOptions)
      throws IOException, InterruptedException {
    Path portFile = workDir.resolve(label + ".port");
    Path log = workDir.resolve(label + "-server.log");
    Files.deleteIfExists(portFile);
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(JVM_OPTIONS);
    command.addAll(jvmOptions);
    String extra = System.getenv("BENCH_SERVER_JAVA_OPTS");
    if (extra != null && !extra.isBlank()) {
      // Each process its own recording file: Java 17 expands no %p in a recording's file name.
      command.addAll(List.of(extra.replace("{label}", label).trim().split("\\s+")));
    }
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
    command.addAll(args);
    command.add(portFile.toString());
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!Files.exists(portFile)) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        process.destroyForcibly();
        throw new IllegalStateException(
            main.getSimpleName() + " did not start; see " + log + ":\n" + tail(log));
      }
      Thread.sleep(50);
    }
    return new ServerProcess(process, PortFile.read(portFile), log);
  }

  /**
   * Closes the child's standard input, which stops it cleanly (the H2 file is closed properly);
   * interrupted while waiting, it kills the child at once.
   */
  @Override
  public void close() throws IOException {
    process.getOutputStream().close();
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }
}
