package io.datasetserver.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.datasetserver.bench.Report.Unit;
import io.datasetserver.transfer.ApiClient;
import io.datasetserver.transfer.Importer;
import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Figures i and i′: {@code make import} (the command, both passes, over HTTP) of one dataset of 10
 * versions × {@link BenchScale#setSize()} datapoints versus upserting the same 10 versions with
 * {@code set}; and the server's live heap while importing one of 100 such versions, which must not
 * grow with the dataset.
 */
final class ImportBench {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int VERSIONS = 10;

  /**
   * Versions of the import whose server heap i′ samples; {@code -Dbench.importHeapVersions}
   * overrides.
   */
  private static final int HEAP_VERSIONS = Integer.getInteger("bench.importHeapVersions", 100);

  private final BenchScale scale;
  private final int port;
  private final int benchPort;
  private final String backend;
  private final Report report;
  private final Path workDir;
  private final Consumer<String> progress;

  ImportBench(
      BenchScale scale,
      int port,
      int benchPort,
      String backend,
      Report report,
      Path workDir,
      Consumer<String> progress) {
    this.scale = scale;
    this.port = port;
    this.benchPort = benchPort;
    this.backend = backend;
    this.report = report;
    this.workDir = workDir;
    this.progress = progress;
  }

  void run() {
    if (!Bench.selected("i")) {
      return;
    }
    try (RawHttp http = new RawHttp(port)) {
      progress.accept(
          "i: import of " + VERSIONS + " versions × " + HttpBench.count(scale.setSize()));
      importTime(http);
      progress.accept(
          "i′: server heap while importing "
              + HEAP_VERSIONS
              + " versions × "
              + HttpBench.count(scale.setSize()));
      importHeap();
    } catch (Exception | AssertionError e) {
      progress.accept("i FAILED: " + e);
      report.failed("i", "import", backend, e.getClass().getSimpleName());
    }
  }

  private void importTime(RawHttp http) throws IOException {
    List<Double> importNanos = new ArrayList<>();
    List<Double> setNanos = new ArrayList<>();
    for (int round = -1; round < scale.rounds(); round++) {
      String tag = "bench-import-" + backend + "-" + (round + 1);
      Path export = write(tag, VERSIONS);
      List<byte[]> sets = new ArrayList<>();
      for (int v = 0; v < VERSIONS; v++) {
        sets.add(
            RawHttp.request(
                "POST",
                "/v5/datasets",
                Datapoints.upsert(
                    "bench/set-" + tag, "set", Datapoints.array(tag, first(v), scale.setSize()))));
      }
      // Alternate which goes first so that neither always meets the other's leftovers.
      boolean importFirst = round % 2 == 0;
      double setTime = importFirst ? Double.NaN : sets(http, sets);
      long start = System.nanoTime();
      Importer.Summary summary = importer().run(export);
      double importTime = System.nanoTime() - start;
      if (summary.imported() != 1) {
        throw new AssertionError(
            "import did not import the dataset: " + summary.line() + " " + summary.notes());
      }
      if (importFirst) {
        setTime = sets(http, sets);
      }
      if (round >= 0) { // round -1 is the warm-up
        importNanos.add(importTime);
        setNanos.add(setTime);
      }
      delete(export);
    }
    report.atMost(
        "i",
        "make import of " + VERSIONS + " versions × " + HttpBench.count(scale.setSize()),
        backend,
        Report.median(importNanos),
        "set of the same",
        Report.median(setNanos),
        Unit.MILLIS,
        3);
  }

  private void importHeap() throws Exception {
    Path export = write("bench-heap-" + backend, HEAP_VERSIONS);
    double idle;
    try (RawHttp bench = new RawHttp(benchPort)) {
      idle = Streaming.usedHeap(bench);
    }
    AtomicLong peak = new AtomicLong();
    AtomicBoolean done = new AtomicBoolean();
    Thread sampler =
        new Thread(
            () -> {
              try (RawHttp sampling = new RawHttp(benchPort)) {
                while (!done.get()) {
                  peak.accumulateAndGet((long) Streaming.usedHeap(sampling), Math::max);
                  Thread.sleep(scale.pauseMillis() * 10L);
                }
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "heap-sampler");
    sampler.start();
    Importer.Summary summary;
    try {
      summary = importer().run(export);
    } finally {
      done.set(true);
      sampler.join();
    }
    if (summary.imported() != 1) {
      throw new AssertionError(
          "import did not import the dataset: " + summary.line() + " " + summary.notes());
    }
    delete(export);
    report.growthBelow(
        "i′",
        "server live heap while importing "
            + HEAP_VERSIONS
            + " versions × "
            + HttpBench.count(scale.setSize()),
        backend,
        peak.get(),
        "idle",
        idle,
        Unit.MEGABYTES,
        64 << 20);
  }

  /**
   * Version {@code v} overlaps the previous one by nine tenths, as successive versions of a dataset
   * do.
   */
  private int first(int v) {
    return v * Math.max(1, scale.setSize() / 10);
  }

  private double sets(RawHttp http, List<byte[]> requests) {
    long start = System.nanoTime();
    for (byte[] request : requests) {
      http.send(request).requireOk("set");
    }
    return System.nanoTime() - start;
  }

  private Importer importer() {
    return new Importer(
        new ApiClient("http://127.0.0.1:" + port, RawHttp.API_KEY),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
  }

  /**
   * An export folder holding one dataset of {@code versions} versions of {@code setSize} datapoints
   * each.
   */
  private Path write(String tag, int versions) throws IOException {
    Path export = Files.createDirectories(workDir.resolve(tag));
    String id = "ds_" + Integer.toHexString(tag.hashCode()) + "Bench" + System.nanoTime() % 100_000;
    Path dir = Files.createDirectories(export.resolve("files").resolve(id));
    Files.createDirectories(dir.resolve("versions"));
    for (int v = 0; v < versions; v++) {
      String versionId = "dsv_" + id.substring(3) + "v" + v;
      String version =
          "{\"id\":\""
              + id
              + "\",\"path\":\"bench/"
              + tag
              + "\",\"type\":\"dataset\",\"version_id\":\""
              + versionId
              + "\",\"datapoints_count\":"
              + scale.setSize()
              + ",\"created_at\":\"2025-01-01T00:00:"
              + String.format("%02d", v % 60)
              + "."
              + String.format("%03d", v)
              + "Z\",\"attributes\":{\"v\":"
              + v
              + "}}";
      Files.writeString(dir.resolve("versions").resolve(versionId), version);
      if (v == 0) {
        Files.writeString(dir.resolve("file.json"), version);
      }
      Path datapoints = Files.createDirectories(dir.resolve("datapoints").resolve(versionId));
      for (int from = 0, file = 1; from < scale.setSize(); from += 1000, file++) {
        try (BufferedWriter out = Files.newBufferedWriter(datapoints.resolve(file + ".jsonl"))) {
          for (int i = from; i < Math.min(scale.setSize(), from + 1000); i++) {
            out.write(Datapoints.json(tag, first(v) + i));
            out.write('\n');
          }
        }
      }
    }
    Files.writeString(dir.resolve("deployments.json"), "[]");
    Files.writeString(dir.resolve(".done"), "done\n");
    return export;
  }

  private static void delete(Path root) throws IOException {
    try (var paths = Files.walk(root)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
