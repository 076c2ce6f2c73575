package io.datasetserver.bench;

import static io.datasetserver.bench.RawHttp.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.datasetserver.bench.Report.Unit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Figure k (contract §8.4): p50 of a dry run of an {@code add} of 100 new datapoints to a version
 * of 100,000, beside the same real add in alternating rounds. The dry run does the upsert's
 * planning without its writes, so it should cost no more than the real add.
 */
final class DryRunBench {
  static final String FIGURE = "k";
  private static final int BUILD_CHUNK = 10_000;
  private static final int WARMUP = 3;
  private static final String PATH = "bench/dry-run";

  private final BenchScale scale;
  private final int port;
  private final String backend;
  private final Report report;
  private final Consumer<String> progress;

  /**
   * Next datapoint index the real adds use; dry runs draw from another tag, so theirs are always
   * new too.
   */
  private long added;

  private long previewed;

  DryRunBench(
      BenchScale scale, int port, String backend, Report report, Consumer<String> progress) {
    this.scale = scale;
    this.port = port;
    this.backend = backend;
    this.report = report;
    this.progress = progress;
  }

  void run() {
    if (!Bench.selected(FIGURE)) {
      return;
    }
    String name =
        "p50 dry run of an add of "
            + scale.addBatch()
            + " to a version of "
            + HttpBench.count(scale.large());
    progress.accept(FIGURE + ": dry run");
    try (RawHttp http = new RawHttp(port)) {
      build(http);
      for (int i = 0; i < WARMUP; i++) {
        once(http, true);
        once(http, false);
      }
      List<Double> dry = new ArrayList<>();
      List<Double> real = new ArrayList<>();
      for (int round = 0; round < scale.rounds(); round++) {
        dry.add(p50(http, true));
        real.add(p50(http, false));
      }
      report.atMost(
          FIGURE,
          name,
          backend,
          Report.median(dry),
          "the real add",
          Report.median(real),
          Unit.MILLIS,
          1);
    } catch (RuntimeException | AssertionError e) {
      progress.accept(FIGURE + " FAILED: " + e);
      report.failed(FIGURE, name, backend, e.getClass().getSimpleName());
    }
  }

  private void build(RawHttp http) {
    http.post(
            "/v5/datasets",
            Datapoints.upsert(
                PATH, "set", Datapoints.array(PATH, 0, Math.min(BUILD_CHUNK, scale.large()))))
        .requireOk("set " + PATH);
    added = Math.min(BUILD_CHUNK, scale.large());
    while (added < scale.large()) {
      int size = (int) Math.min(BUILD_CHUNK, scale.large() - added);
      http.post("/v5/datasets", Datapoints.upsert(PATH, "add", Datapoints.array(PATH, added, size)))
          .requireOk("add to " + PATH);
      added += size;
    }
  }

  private double p50(RawHttp http, boolean dryRun) {
    double[] nanos = new double[scale.samples()];
    for (int i = 0; i < nanos.length; i++) {
      nanos[i] = once(http, dryRun);
    }
    return Report.median(nanos);
  }

  /** One timed request; checks that a dry run reports the add and a real add makes it. */
  private double once(RawHttp http, boolean dryRun) {
    byte[] request;
    if (dryRun) {
      request =
          RawHttp.request(
              "POST",
              "/v5/datasets?dry_run=true",
              Datapoints.upsert(
                  PATH, "add", Datapoints.array(PATH + "-preview", previewed, scale.addBatch())));
      previewed += scale.addBatch();
    } else {
      request =
          RawHttp.request(
              "POST",
              "/v5/datasets",
              Datapoints.upsert(PATH, "add", Datapoints.array(PATH, added, scale.addBatch())));
      added += scale.addBatch();
    }
    long start = System.nanoTime();
    RawHttp.Response response = http.send(request).requireOk(dryRun ? "dry run" : "add");
    double elapsed = System.nanoTime() - start;
    JsonNode body = json(response);
    long expected = dryRun ? added + scale.addBatch() : added;
    if (body.path("datapoints_count").asLong() != expected
        || (dryRun && body.path("added").asInt() != scale.addBatch())) {
      throw new AssertionError(
          "unexpected " + (dryRun ? "dry run" : "add") + " result: " + response.text());
    }
    return elapsed;
  }
}
