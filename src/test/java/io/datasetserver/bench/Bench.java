package io.datasetserver.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The performance benchmark ({@code make bench}; {@code make bench-smoke} at tiny sizes). For each
 * embedded backend it starts a fresh server in a child JVM with the benchmark-only endpoints,
 * drives it over HTTP, and then runs the JMH benchmarks of hot in-process code. Prints one table:
 * every figure next to its baseline from the same run, the ratio, the target, PASS/MISS.
 *
 * <p>Usage: {@code Bench [tiny|full]} (or {@code BENCH_SCALE}). For profiling: {@code
 * BENCH_BACKENDS=memory,h2} picks backends, {@code BENCH_FIGURES=c,d} picks HTTP figures, {@code
 * BENCH_JMH=false} skips JMH, {@code BENCH_SERVER_JAVA_OPTS} adds server JVM options (e.g. a flight
 * recording), {@code -Dbench.<size>=n} overrides a size (see {@link BenchScale}).
 *
 * <p>Exit status 0 when every figure was produced, whatever its speed; 1 otherwise. Speed is
 * reported, never asserted: the machine may be shared.
 */
public final class Bench {
  private Bench() {}

  /** Whether {@code figure} is to run: every figure unless {@code BENCH_FIGURES} lists some. */
  static boolean selected(String figure) {
    String only = System.getenv("BENCH_FIGURES");
    return only == null || only.isBlank() || List.of(only.split(",")).contains(figure);
  }

  public static void main(String[] args) throws Exception {
    BenchScale scale = BenchScale.of(args.length > 0 ? args[0] : System.getenv("BENCH_SCALE"));
    List<String> backends = List.of(env("BENCH_BACKENDS", "memory,h2").trim().split("\\s*,\\s*"));
    boolean jmh = !"false".equalsIgnoreCase(env("BENCH_JMH", "true"));
    PrintStream out =
        new PrintStream(
            new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
    long started = System.nanoTime();
    Path workDir = Files.createTempDirectory("datasets-bench-");
    Report report = new Report();
    boolean clean = true;
    // Tiny runs only prove that every figure is produced: spare them the optimising compiler's CPU.
    List<String> jvmOptions =
        scale.name().equals("tiny") ? List.of("-XX:TieredStopAtLevel=1") : List.of();
    for (String backend : backends) {
      String dataDir = dataDir(backend, workDir, "h2-data");
      progress(started, backend + ": starting the server");
      // A fresh minimal program beside each fresh server, on the same backend: both start cold,
      // neither holds the other phase's datapoints, and the floor pays for the same storage.
      try (ServerProcess server = ServerProcess.start(dataDir, workDir, backend, jvmOptions);
          ServerProcess minimal =
              ServerProcess.startMinimal(
                  dataDir(backend, workDir, "minimal-h2-data"), workDir, backend, jvmOptions)) {
        new HttpBench(
                scale,
                server.port,
                server.benchPort,
                minimal.port,
                backend,
                report,
                m -> progress(started, backend + " " + m))
            .run();
        new DryRunBench(
                scale, server.port, backend, report, m -> progress(started, backend + " " + m))
            .run();
        new ReviewBench(
                scale,
                server.port,
                server.benchPort,
                backend,
                report,
                m -> progress(started, backend + " " + m))
            .run();
        new MaxVersionsBench(
                scale, server.port, backend, report, m -> progress(started, backend + " " + m))
            .run();
        new ManyVersionsBench(
                scale, server.port, backend, report, m -> progress(started, backend + " " + m))
            .run();
        new ManyDatasetsBench(
                scale,
                server.port,
                server.benchPort,
                backend,
                report,
                m -> progress(started, backend + " " + m))
            .run();
        new ImportBench(
                scale,
                server.port,
                server.benchPort,
                backend,
                report,
                workDir,
                m -> progress(started, backend + " " + m))
            .run();
      } catch (Exception e) {
        clean = false;
        progress(started, backend + " FAILED: " + e);
        report.failed("a–g", "server on " + backend, backend, e.getClass().getSimpleName());
      }
    }
    if (jmh) {
      progress(started, "JMH");
      try {
        JmhBench.run(scale, report);
      } catch (Exception e) {
        progress(started, "JMH FAILED: " + e);
        report.failed("j", "JMH", "in-process", e.getClass().getSimpleName());
      }
    }
    String title =
        String.format(
            Locale.ROOT,
            "Performance benchmark, scale=%s (%s), %d CPUs, Java %s, server JVM %s; medians of %d rounds (c: 3×) after warm-up;"
                + " %s, %s",
            scale.name(),
            sizes(scale),
            Runtime.getRuntime().availableProcessors(),
            System.getProperty("java.version"),
            ServerProcess.MAX_HEAP,
            scale.rounds(),
            LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")),
            Duration.ofNanos(System.nanoTime() - started).toSeconds() + " s");
    report.print(out, title);
    boolean produced = report.allProduced();
    if (produced && clean) {
      deleteRecursively(workDir);
    } else {
      out.println("Some figures were not produced; server logs are in " + workDir);
    }
    System.exit(produced ? 0 : 1);
  }

  private static String sizes(BenchScale scale) {
    return "large "
        + HttpBench.count(scale.large())
        + ", small "
        + HttpBench.count(scale.small())
        + ", add "
        + scale.addBatch()
        + ", set "
        + HttpBench.count(scale.setSize());
  }

  private static void progress(long started, String message) {
    System.err.printf(
        Locale.ROOT, "[bench %5.1fs] %s%n", (System.nanoTime() - started) / 1e9, message);
  }

  /** The data directory of a process on {@code backend}: "memory", or {@code folder} for H2. */
  private static String dataDir(String backend, Path workDir, String folder) {
    return switch (backend) {
      case "memory" -> "memory";
      case "h2" -> workDir.resolve(folder).toString();
      default -> throw new IllegalArgumentException("unknown backend " + backend);
    };
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }

  private static void deleteRecursively(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
