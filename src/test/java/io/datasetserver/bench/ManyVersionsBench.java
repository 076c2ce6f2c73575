package io.datasetserver.bench;

import io.datasetserver.bench.MaxVersionsBench.Grown;
import io.datasetserver.bench.Report.Unit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;

/**
 * Figure v (issue 16): an evaluation pipeline adds a version per run. Reports the p50 of an {@code
 * add} of one datapoint and of a plain GET at 2,000 versions (names of 255 characters, inline
 * descriptions, as in figure m), each beside the same at 10 versions, and the p50 and size of
 * {@code GET …/versions} there. The large dataset is built up to 2,000 minus the warm-up adds,
 * which take it to 2,000; each timed add on either dataset is followed by a delete of the version
 * it made, so both keep their sizes. Tiny runs use {@code -Dbench.manyVersions} (default 30)
 * versions.
 */
final class ManyVersionsBench {
  private static final int SMALL = 10;
  private static final int WARMUP = 3;

  private final BenchScale scale;
  private final int port;
  private final String backend;
  private final Report report;
  private final Consumer<String> progress;
  private final int versions;

  ManyVersionsBench(
      BenchScale scale, int port, String backend, Report report, Consumer<String> progress) {
    this.scale = scale;
    this.port = port;
    this.backend = backend;
    this.report = report;
    this.progress = progress;
    this.versions =
        Integer.getInteger("bench.manyVersions", scale.name().equals("tiny") ? 30 : 2_000);
  }

  void run() {
    if (!Bench.selected("v")) {
      return;
    }
    progress.accept("v: " + HttpBench.count(versions) + " versions");
    try (RawHttp http = new RawHttp(port)) {
      Grown large =
          MaxVersionsBench.build(http, "bench/many-versions", versions - WARMUP, progress);
      Grown small = MaxVersionsBench.build(http, "bench/few-versions", SMALL, progress);
      byte[] getLarge = RawHttp.request("GET", "/v5/datasets/" + large.id, null);
      byte[] getSmall = RawHttp.request("GET", "/v5/datasets/" + small.id, null);
      byte[] listLarge = RawHttp.request("GET", "/v5/datasets/" + large.id + "/versions", null);
      byte[] listSmall = RawHttp.request("GET", "/v5/datasets/" + small.id + "/versions", null);
      for (int i = 0; i < WARMUP; i++) {
        http.send(getLarge).requireOk("warm-up GET");
        http.send(getSmall).requireOk("warm-up GET");
        http.send(listLarge).requireOk("warm-up GET versions");
        http.send(listSmall).requireOk("warm-up GET versions");
        http.post("/v5/datasets", large.nextAdd()).requireOk("warm-up add");
        MaxVersionsBench.addAndDelete(http, small);
      }
      List<Double> addLargeP50 = new ArrayList<>();
      List<Double> addSmallP50 = new ArrayList<>();
      List<Double> getLargeP50 = new ArrayList<>();
      List<Double> getSmallP50 = new ArrayList<>();
      List<Double> listLargeP50 = new ArrayList<>();
      List<Double> listSmallP50 = new ArrayList<>();
      // Each pair is timed in turns, one request of each, so that both meet the same load. Timed
      // one after the other, the large dataset's requests came right after the small one's
      // deletes, whose sweeps leave garbage for the collector's concurrent threads: v′ read
      // 0.82-2.30×. An add of each is followed by a delete for the same reason.
      for (int round = 0; round < scale.rounds(); round++) {
        double[] adds =
            inTurns(
                scale.samples(),
                () -> MaxVersionsBench.addAndDelete(http, large),
                () -> MaxVersionsBench.addAndDelete(http, small));
        addLargeP50.add(adds[0]);
        addSmallP50.add(adds[1]);
        double[] gets =
            inTurns(
                scale.samples() * 2,
                () -> HttpBench.timed(http, getLarge, "GET"),
                () -> HttpBench.timed(http, getSmall, "GET"));
        getLargeP50.add(gets[0]);
        getSmallP50.add(gets[1]);
        double[] lists =
            inTurns(
                scale.samples(),
                () -> HttpBench.timed(http, listLarge, "GET versions"),
                () -> HttpBench.timed(http, listSmall, "GET versions"));
        listLargeP50.add(lists[0]);
        listSmallP50.add(lists[1]);
      }
      int listLargeBytes = http.send(listLarge).requireOk("GET versions").body().length;
      int listSmallBytes = http.send(listSmall).requireOk("GET versions").body().length;
      String at = "at " + HttpBench.count(versions) + " versions";
      String baseline = "at " + SMALL;
      report.atMost(
          "v",
          "p50 add of 1 datapoint " + at,
          backend,
          Report.median(addLargeP50),
          baseline,
          Report.median(addSmallP50),
          Unit.MILLIS,
          1.5);
      report.atMost(
          "v′",
          "p50 GET /v5/datasets/{id} " + at,
          backend,
          Report.median(getLargeP50),
          baseline,
          Report.median(getSmallP50),
          Unit.MILLIS,
          1.5);
      report.info(
          "v″",
          "p50 GET …/versions " + at,
          backend,
          Report.median(listLargeP50),
          baseline,
          Report.median(listSmallP50),
          Unit.MILLIS);
      report.info(
          "v‴",
          "size of that response",
          backend,
          listLargeBytes,
          baseline,
          listSmallBytes,
          Unit.BYTES);
    } catch (Exception | AssertionError e) {
      progress.accept("v FAILED: " + e);
      report.failed("v", "many versions", backend, e.getClass().getSimpleName());
    }
  }

  /** The p50s of {@code first} and {@code second}, timed {@code samples} times each in turns. */
  private static double[] inTurns(int samples, DoubleSupplier first, DoubleSupplier second) {
    double[] firsts = new double[samples];
    double[] seconds = new double[samples];
    for (int i = 0; i < samples; i++) {
      firsts[i] = first.getAsDouble();
      seconds[i] = second.getAsDouble();
    }
    return new double[] {Report.median(firsts), Report.median(seconds)};
  }
}
