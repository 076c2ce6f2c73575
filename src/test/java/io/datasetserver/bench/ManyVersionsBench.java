package io.datasetserver.bench;

import io.datasetserver.bench.MaxVersionsBench.Grown;
import io.datasetserver.bench.Report.Unit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Figure v (issue 16): an evaluation pipeline adds a version per run. Reports the p50 of an {@code
 * add} of one datapoint and of a plain GET at 2,000 versions (names of 255 characters, inline
 * descriptions, as in figure m), each beside the same at 10 versions, and the p50 and size of
 * {@code GET …/versions} there. The large dataset is built up to 2,000 minus the timed adds, which
 * then take it to 2,000. Tiny runs use {@code -Dbench.manyVersions} (default 30) versions.
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
      int timedAdds = WARMUP + scale.rounds() * scale.samples();
      Grown large =
          MaxVersionsBench.build(http, "bench/many-versions", versions - timedAdds, progress);
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
        // The small dataset stays at 10 versions: each timed add there is followed by a delete.
        MaxVersionsBench.addAndDelete(http, small);
      }
      List<Double> addLargeP50 = new ArrayList<>();
      List<Double> addSmallP50 = new ArrayList<>();
      List<Double> getLargeP50 = new ArrayList<>();
      List<Double> getSmallP50 = new ArrayList<>();
      List<Double> listLargeP50 = new ArrayList<>();
      List<Double> listSmallP50 = new ArrayList<>();
      for (int round = 0; round < scale.rounds(); round++) {
        addLargeP50.add(addP50(http, large));
        addSmallP50.add(addAndDeleteP50(http, small));
        getLargeP50.add(Streaming.p50(http, getLarge, scale.samples() * 2));
        getSmallP50.add(Streaming.p50(http, getSmall, scale.samples() * 2));
        listLargeP50.add(Streaming.p50(http, listLarge, scale.samples()));
        listSmallP50.add(Streaming.p50(http, listSmall, scale.samples()));
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

  private double addP50(RawHttp http, Grown dataset) {
    double[] nanos = new double[scale.samples()];
    for (int i = 0; i < nanos.length; i++) {
      nanos[i] =
          MaxVersionsBench.timed(http, RawHttp.request("POST", "/v5/datasets", dataset.nextAdd()));
    }
    return Report.median(nanos);
  }

  private double addAndDeleteP50(RawHttp http, Grown dataset) {
    double[] nanos = new double[scale.samples()];
    for (int i = 0; i < nanos.length; i++) {
      nanos[i] = MaxVersionsBench.addAndDelete(http, dataset);
    }
    return Report.median(nanos);
  }
}
